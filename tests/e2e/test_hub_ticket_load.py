"""Two kiosks take 500 tickets from the real hub process through Mosquitto; counters call
them by the priority rule."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core.settings import Role
from kiosk.net.broker import MosquittoBroker
from kiosk.protocol import topics
from kiosk.protocol.pin_messages import PinPurpose, PinReply, PinRequest
from kiosk.protocol.staff_commands import CallNext
from kiosk.protocol.staff_messages import ActionResult, StaffAction
from kiosk.protocol.ticket_messages import QueueState, TicketReply, TicketRequest
from tests.helpers.branch import STAFF_PINS
from tests.helpers.hub_process import HubProcess, running_hub
from tests.helpers.raw_device import RawDevice

pytestmark = pytest.mark.e2e

B = "demo-branch"
TICKETS = 500
SERVICES = ("cash", "pension", "cards", "other")
REGULAR_PER_PRIORITY = 2


@pytest.fixture
def hub(mosquitto: MosquittoBroker, tmp_path: Path) -> Iterator[HubProcess]:
    with running_hub(tmp_path, mosquitto.port) as process:
        yield process


def _device(broker: MosquittoBroker, device_id: str, role: Role) -> RawDevice:
    return RawDevice(broker.host, broker.port, device_id, branch=B, role=role)


def _sign_in(console: RawDevice, staff_id: str) -> str:
    request = PinRequest(uuid.uuid4().hex, staff_id, STAFF_PINS[staff_id],
                         PinPurpose.CONSOLE_SIGN_IN)
    console.publish(topics.pin_request(B, Role.CONSOLE, console.device_id), request)
    reply = console.wait_for(PinReply, lambda r: r.request_id == request.request_id)
    assert reply.ok and reply.session is not None, reply
    return reply.session


def test_500_tickets_from_two_kiosks_are_unique_ordered_and_called_by_the_rule(
        mosquitto: MosquittoBroker, hub: HubProcess) -> None:
    kiosks = [_device(mosquitto, "kiosk-1", Role.KIOSK), _device(mosquitto, "kiosk-2", Role.KIOSK)]
    requests: list[tuple[RawDevice, TicketRequest]] = []
    for n in range(TICKETS):
        kiosk = kiosks[n % 2]
        request = TicketRequest(f"{n + 1:032x}", SERVICES[(n // 2) % 4], n % 3 == 0, "zh_CN")
        requests.append((kiosk, request))
        kiosk.publish(topics.ticket_request(B, kiosk.device_id), request)
    for kiosk in kiosks:
        kiosk.wait_count(TicketReply, TICKETS // 2, timeout_s=60)
    replies = {r.request_id: r for k in kiosks for r in k.messages(TicketReply)}
    assert len(replies) == TICKETS and all(r.ok for r in replies.values())
    numbers = [replies[req.request_id].ticket.number for _, req in requests]  # type: ignore[union-attr]
    assert len(set(numbers)) == TICKETS
    for service, prefix in zip(SERVICES, "ABCD", strict=True):
        issued = [n for n, (_, req) in zip(numbers, requests, strict=True)
                  if req.service_id == service]
        assert issued == [f"{prefix}{i:03d}" for i in range(1, len(issued) + 1)]

    # a re-sent request id gets the very same ticket
    kiosk, request = requests[7]
    kiosk.publish(topics.ticket_request(B, kiosk.device_id), request)
    kiosk.wait_count(TicketReply, TICKETS // 2 + 1)
    assert kiosk.messages(TicketReply)[-1].ticket == replies[request.request_id].ticket

    state = kiosks[0].wait_for(QueueState, lambda s: len(s.waiting) == TICKETS)
    assert sorted(w.number for w in state.waiting) == sorted(numbers)

    # counters call: per service, each lane in issue order, and never more than two regular
    # calls in a row while a priority ticket of that service waits
    priority_of = {replies[req.request_id].ticket.number: req.priority  # type: ignore[union-attr]
                   for _, req in requests}
    called = _call_tickets(mosquitto, calls=60)
    for prefix in "ABCD":
        _check_interleave([n for n in called if n[0] == prefix],
                          [n for n in numbers if n[0] == prefix], priority_of)
    for device in kiosks:
        device.close()


def _call_tickets(broker: MosquittoBroker, calls: int) -> list[str]:
    consoles = {1: _device(broker, "console-1", Role.CONSOLE),
                2: _device(broker, "console-2", Role.CONSOLE)}
    sessions = {1: _sign_in(consoles[1], "li-ming"), 2: _sign_in(consoles[2], "zhang-wei")}
    called = []
    for n in range(calls):
        counter = 1 + n % 2
        console = consoles[counter]
        action = StaffAction(f"{0xAC710000 + n:032x}", "li-ming" if counter == 1 else
                             "zhang-wei", sessions[counter], CallNext(counter))
        console.publish(topics.console_action(B, console.device_id), action)
        wanted = action.action_id
        result = console.wait_for(ActionResult, lambda r, wanted=wanted: r.action_id == wanted)
        assert result.ok, result
        called.append(result.details["number"])
    for console in consoles.values():
        console.close()
    return called


def _check_interleave(called: list[str], issued: list[str], priority: dict[str, bool]) -> None:
    regular = [n for n in issued if not priority[n]]
    urgent = [n for n in issued if priority[n]]
    assert [n for n in called if not priority[n]] == regular[:sum(1 for n in called
                                                                  if not priority[n])]
    assert [n for n in called if priority[n]] == urgent[:sum(1 for n in called if priority[n])]
    in_a_row = 0
    for position, number in enumerate(called):
        if priority[number]:
            in_a_row = 0
            continue
        priority_waiting = any(priority[n] and n not in called[:position] for n in issued)
        in_a_row += 1
        assert not (priority_waiting and in_a_row > REGULAR_PER_PRIORITY), \
            f"{number}: {in_a_row} regular calls in a row while a priority ticket waited"
