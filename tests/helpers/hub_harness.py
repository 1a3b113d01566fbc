"""A hub without a broker or a clock of its own: a fake clock, and a list of what it sent.

Devices are played with the real codec: what a test "sends" is the payload a real kiosk or
console would publish, and what the hub "published" is decoded by the real codec too, so a
unit test exercises the same bytes as the wire.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from kiosk.core.config import BranchConfig, load_config
from kiosk.core.help.events import Category, HelpEvent, HelpEventKind, new_follow_up, new_raise
from kiosk.core.pins import hash_pin
from kiosk.core.settings import Role
from kiosk.hub.ledger import Ledger
from kiosk.hub.service import HubOptions, HubService
from kiosk.protocol import Codec, Decoded, Message, Outgoing, Rejection, decode, topics
from kiosk.protocol.device_messages import Component, Health, Heartbeat
from kiosk.protocol.help_messages import EventAck, HelpEventMessage, HelpState
from kiosk.protocol.pin_messages import PinPurpose, PinReply, PinRequest
from kiosk.protocol.staff_commands import Command
from kiosk.protocol.staff_messages import ActionResult, StaffAction
from kiosk.protocol.ticket_messages import QueueState, TicketReply, TicketRequest
from kiosk.protocol.topics import topic_matches
from tests.helpers.branch import STAFF_PINS, TEST_PIN_COST, write_branch_config
from tests.helpers.fake_clock import FakeClock

M = TypeVar("M", bound=Message)


def fresh_id(n: int) -> str:
    """A readable, valid 32-hex id for test step ``n``."""
    return f"{n:032x}"


class HubHarness:
    def __init__(self, directory: Path, *, options: HubOptions | None = None,
                 pins: dict[str, str] | None = None, **overrides: Any) -> None:
        self.directory = directory
        self.config: BranchConfig = load_config(write_branch_config(directory, 1883,
                                                                    **overrides))
        self.branch = self.config.branch.id
        self.clock = FakeClock()
        self.monotonic = FakeClock(1_000.0)  # elapsed time, which a wall-clock change skips
        self.sent: list[Outgoing] = []
        self.pin_hashes = {staff: hash_pin(pin, cost=TEST_PIN_COST)
                           for staff, pin in (STAFF_PINS if pins is None else pins).items()}
        self.options = options or HubOptions()
        self._ids = 0
        self.ledger = Ledger(directory / "hub.db")
        self.hub = self.restart_hub()

    def restart_hub(self) -> HubService:
        """A new service on the same ledger: what a restarted hub process rebuilds."""
        self.hub = HubService(self.config, self.ledger, send=self.sent.append,
                              pin_hashes=self.pin_hashes, clock=self.clock,
                              options=self.options, monotonic=self.monotonic)
        self.hub.start()
        return self.hub

    def next_id(self) -> str:
        self._ids += 1
        return fresh_id(self._ids)

    # --- sending as a device --------------------------------------------------------------

    def payload(self, device_id: str, topic: str, message: Message,
                sent_at: float | None = None, msg_id: str | None = None) -> bytes:
        codec = Codec(self.branch, device_id, self.hub.hub_id)
        out = codec.prepare(topic, message, sent_at=self.clock() if sent_at is None
                            else sent_at, msg_id=msg_id)
        return out.payload

    def send(self, device_id: str, topic: str, message: Message,
             sent_at: float | None = None) -> None:
        self.hub.handle(topic, self.payload(device_id, topic, message, sent_at))

    def send_raw(self, topic: str, payload: bytes) -> None:
        self.hub.handle(topic, payload)

    # --- what the hub published -----------------------------------------------------------

    def published(self, topic_filter: str = "#", kind: type[M] | None = None) -> list[M]:
        found: list[Any] = []
        for out in self.sent:
            if not topic_matches(f"bank/{self.branch}/{topic_filter}", out.topic):
                continue
            decoded = decode(out.topic, out.payload, branch=self.branch,
                             hub_id=self.hub.hub_id)
            assert not isinstance(decoded, Rejection), decoded
            if kind is None or isinstance(decoded.message, kind):
                found.append(decoded.message)
        return found

    def decoded(self, topic_filter: str = "#") -> list[Decoded]:
        result = []
        for out in self.sent:
            if topic_matches(f"bank/{self.branch}/{topic_filter}", out.topic):
                decoded = decode(out.topic, out.payload, branch=self.branch,
                                 hub_id=self.hub.hub_id)
                assert not isinstance(decoded, Rejection), decoded
                result.append(decoded)
        return result

    def last(self, topic_filter: str, kind: type[M]) -> M:
        messages = self.published(topic_filter, kind)
        assert messages, f"nothing of type {kind.TYPE} published on {topic_filter}"
        return messages[-1]

    def help_state(self) -> HelpState:
        return self.last("hub/state/help", HelpState)

    def queue_state(self) -> QueueState:
        return self.last("hub/state/queue", QueueState)

    def acks(self, device_id: str) -> list[str]:
        return [i for ack in self.published(f"hub/ack/{device_id}", EventAck) for i in ack.ids]

    # --- what devices do ------------------------------------------------------------------

    def request_ticket(self, kiosk_id: str, service_id: str, priority: bool = False,
                       request_id: str | None = None) -> TicketReply:
        request = TicketRequest(request_id or self.next_id(), service_id, priority, "zh_CN")
        self.send(kiosk_id, topics.ticket_request(self.branch, kiosk_id), request)
        return self.last(f"hub/reply/{kiosk_id}", TicketReply)

    def request_ticket_raw(self, kiosk_id: str, service_id: str) -> list[TicketReply]:
        """Ask, and return whatever replies came (none, when the hub could not answer)."""
        before = len(self.published(f"hub/reply/{kiosk_id}", TicketReply))
        request = TicketRequest(self.next_id(), service_id, False, "zh_CN")
        self.send(kiosk_id, topics.ticket_request(self.branch, kiosk_id), request)
        return self.published(f"hub/reply/{kiosk_id}", TicketReply)[before:]

    def pin(self, device_id: str, staff_id: str, pin: str,
            purpose: PinPurpose = PinPurpose.CONSOLE_SIGN_IN, **extra: Any) -> PinReply:
        role = self.config.device(device_id).role  # type: ignore[union-attr]
        request = PinRequest(self.next_id(), staff_id, pin, purpose, **extra)
        self.send(device_id, topics.pin_request(self.branch, role, device_id), request)
        return self.last(f"hub/reply/{device_id}", PinReply)

    def sign_in(self, console_id: str, staff_id: str = "li-ming") -> str:
        reply = self.pin(console_id, staff_id, STAFF_PINS[staff_id])
        assert reply.ok and reply.session is not None, reply
        return reply.session

    def action(self, console_id: str, staff_id: str, session: str, command: Command,
               action_id: str | None = None, sent_at: float | None = None) -> ActionResult:
        action = StaffAction(action_id or self.next_id(), staff_id, session, command)
        self.send(console_id, topics.console_action(self.branch, console_id), action,
                  sent_at=sent_at)
        return self.last(f"hub/reply/{console_id}", ActionResult)

    def raise_call(self, kiosk_id: str = "kiosk-1", **kwargs: Any) -> HelpEvent:
        event = new_raise(kiosk_id, self.clock(), category=Category.UNSPECIFIED, **kwargs)
        self.send(kiosk_id, topics.kiosk_help(self.branch, kiosk_id), HelpEventMessage(event))
        return event

    def console_event(self, sender: str, raised: HelpEvent, kind: HelpEventKind,
                      **fields: Any) -> HelpEvent:
        event = new_follow_up(raised.call_id, raised.kiosk_id, kind, sender, self.clock(),
                              **fields)
        self.send(sender, topics.console_help(self.branch, sender, raised.kiosk_id),
                  HelpEventMessage(event))
        return event

    def role_of(self, device_id: str) -> Role:
        device = self.config.device(device_id)
        assert device is not None
        return device.role


def console_heartbeat(harness: HubHarness, console_id: str, staff_id: str | None) -> None:
    """``console_id`` is alive with ``staff_id`` signed in (None: nobody)."""
    health = Health(Component.OK, Component.ABSENT, Component.OK, 0, "0.1.0", 10.0)
    harness.send(console_id, topics.heartbeat(harness.branch, Role.CONSOLE, console_id),
                 Heartbeat(1, 3.0, health, staff_id=staff_id))
