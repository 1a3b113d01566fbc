"""The kiosk's side of the network: its help call, its ticket requests, who can answer.

Runs on one thread (a SerialWorker; the GUI only submits work and listens), so SQLite
commits never stall the screen. Every help event the kiosk originates goes through the
outbox (:class:`EventSender`). "Staff notified" is never assumed: it is the call's state
reaching NOTIFIED, which only a console's ``received`` event can do.

Staff PINs typed at the kiosk (to leave full-screen, or to close a call as proof someone
came) are only passed on to the hub, which alone can check them; the PIN is never stored,
logged or re-sent, and a request the hub does not answer in time is reported as such.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from kiosk.core.config import BranchConfig
from kiosk.core.help.events import (
    Category,
    HelpEvent,
    HelpEventKind,
    Outcome,
    new_follow_up,
    new_raise,
)
from kiosk.core.help.presence import with_presence
from kiosk.core.help.rules import check_new_event
from kiosk.core.help.state import CallState, calls_state
from kiosk.core.settings import Role
from kiosk.net.branch_news import NewsHooks, ignore, pass_on_news
from kiosk.net.device_client import DeviceClient
from kiosk.net.local_store import LocalStore
from kiosk.net.transport import Transport
from kiosk.protocol import Decoded, topics
from kiosk.protocol.device_messages import Heartbeat, Presence
from kiosk.protocol.help_messages import (
    Drill,
    EventAck,
    HelpDigest,
    HelpEventMessage,
    HelpState,
    Rating,
    VisitFeedback,
)
from kiosk.protocol.pin_messages import PinPurpose, PinRefusal, PinReply, PinRequest
from kiosk.protocol.rejection import InvalidMessage
from kiosk.protocol.ticket_messages import (
    IssuedTicket,
    TicketPrint,
    TicketRefusal,
    TicketReply,
    TicketRequest,
    TicketReturn,
)

log = logging.getLogger(__name__)


class TicketProblem(StrEnum):
    NO_CONNECTION = "no_connection"  # the kiosk is not connected: go to the counter
    NO_ANSWER = "no_answer"  # the hub did not answer in time: go to the counter
    REFUSED = "refused"  # the hub refused (reason given)


@dataclass(frozen=True)
class TicketOutcome:
    request_id: str
    ticket: IssuedTicket | None
    problem: TicketProblem | None = None
    refusal: TicketRefusal | None = None


class PinProblem(StrEnum):
    INVALID = "invalid"  # not sendable (e.g. not 4 to 8 digits): nothing was sent
    NO_CONNECTION = "no_connection"  # the kiosk is not connected: the PIN cannot be checked
    NO_ANSWER = "no_answer"  # the hub did not answer in time
    REFUSED = "refused"  # the hub refused (reason given)


@dataclass(frozen=True)
class PinOutcome:
    """The hub's answer to a staff PIN typed at this kiosk (or why there is none)."""

    request_id: str
    purpose: PinPurpose
    staff_id: str | None = None  # accepted: who it was
    problem: PinProblem | None = None
    refusal: PinRefusal | None = None
    retry_after_s: float | None = None

    @property
    def accepted(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class Reachability:
    connected: bool  # to the broker
    consoles_online: frozenset[str]
    hub_online: bool

    @property
    def staff_reachable(self) -> bool:
        return self.connected and bool(self.consoles_online)


@dataclass(slots=True)
class KioskHooks(NewsHooks):
    """What a kiosk client reports to its owner, on the client's own thread (the device's
    worker): ``qt_bridge.KioskBridge`` gives its signals, which Qt queues to the GUI thread;
    tests, benchmarks and simulated kiosks give plain callables."""

    on_call_changed: Callable[[CallState | None], None] = ignore
    """The call shown at this kiosk changed (None: no call any more)."""
    on_ticket: Callable[[TicketOutcome], None] = ignore
    """The answer to a ticket request, or why there is none."""
    on_reachability: Callable[[Reachability], None] = ignore
    """Whether staff and the hub can be reached changed."""
    on_pin: Callable[[PinOutcome], None] = ignore
    """The hub's answer to a staff PIN typed here, or why there is none."""
    on_print: Callable[[TicketPrint], None] = ignore
    """Print a ticket issued at a staff desk."""


class KioskClient(DeviceClient):
    def __init__(self, config: BranchConfig, kiosk_id: str, transport: Transport,
                 store: LocalStore, clock: Callable[[], float], *,
                 monotonic: Callable[[], float] = time.monotonic,
                 pin_reply_timeout_s: float | None = None) -> None:
        """``clock`` stamps events (the record); every timer here (re-sending, answers
        awaited, who is online) runs on ``monotonic``, which a wall clock set back or
        forward does not move."""
        help_topic = topics.kiosk_help(config.branch.id, kiosk_id)
        super().__init__(config, kiosk_id, transport, store, clock, lambda event: help_topic,
                         monotonic=monotonic)
        self.kiosk_id = kiosk_id
        self._help_topic = help_topic
        self._pending_tickets: dict[str, float] = {}
        self._pending_pins: dict[str, tuple[float, PinPurpose]] = {}
        self._pin_timeout_s = (config.queue.reply_timeout_s if pin_reply_timeout_s is None
                               else pin_reply_timeout_s)
        self._last_reachability: Reachability | None = None
        self._call: CallState | None = None
        self._shown: str | None = None
        self._states: dict[str, CallState] = {}  # open calls and the one shown, by call id
        self.listener = KioskHooks()
        """Set by the owner: the Qt bridge, or ``KioskHooks`` in a test."""

    # --- start-up -------------------------------------------------------------------------

    def resume(self) -> CallState | None:
        """After a restart: the open call kept in the store, if any (and re-send its events)."""
        self._refresh_call()
        self.resume_sending()
        return self._call

    # --- help -----------------------------------------------------------------------------

    @property
    def call(self) -> CallState | None:
        """The open call at this kiosk, or the last one while its feedback is pending."""
        return self._call

    def raise_help(self, category: Category = Category.UNSPECIFIED) -> CallState:
        """Raise a call at once, or return the open one: a double tap raises one call.

        A drill is not a customer's call: a real tap during a drill raises a real call
        (the drill stays open on the consoles until staff close it)."""
        if self._call is not None and self._call.is_open and not self._call.drill:
            if category is not Category.UNSPECIFIED and self._call.category != category:
                self.set_category(category)
            return self._call
        event = new_raise(self.kiosk_id, self._clock(), category=category)
        self._originate(event)
        assert self._call is not None
        return self._call

    def raise_drill(self, call_id: str) -> None:
        if self._store.events([call_id]):
            return  # this drill was raised already (the hub's message came twice)
        if self._call is not None and self._call.is_open:
            log.info("drill %s not raised: a call is open at %s", call_id, self.kiosk_id)
            return
        event = HelpEvent(id=call_id, call_id=call_id, kiosk_id=self.kiosk_id,
                          kind=HelpEventKind.RAISED, origin=self.kiosk_id, at=self._clock(),
                          category=Category.OTHER, drill=True)
        self._originate(event)

    def set_category(self, category: Category) -> bool:
        return self._follow_up(HelpEventKind.CATEGORY_SET, category=category)

    def customer_fine(self) -> bool:
        """The customer says they are fine; staff still close the call."""
        return self._follow_up(HelpEventKind.CUSTOMER_FINE)

    def give_feedback(self, helped: bool) -> bool:
        return self._follow_up(HelpEventKind.FEEDBACK, helped=helped)

    def dismiss_call(self) -> None:
        """The customer left the closed call's screen: show no call any more."""
        if self._call is not None and not self._call.is_open:
            self._call = None
            self._shown = None
            self.listener.on_call_changed(None)

    def _follow_up(self, kind: HelpEventKind, *, category: Category | None = None,
                   helped: bool | None = None) -> bool:
        call = self._call
        if call is None:
            return False
        event = new_follow_up(call.call_id, self.kiosk_id, kind, self.kiosk_id, self._clock(),
                              category=category, helped=helped)
        reason = check_new_event(call, event)
        if reason is not None:
            log.info("%s not sent for call %s: %s", kind, call.call_id[:8], reason)
            return False
        self._originate(event)
        return True

    def _originate(self, event: HelpEvent) -> None:
        self.sender.send(event, self._help_topic)
        self._refresh_call({event.call_id})

    def _refresh_call(self, call_ids: Iterable[str] | None = None) -> None:
        """Recompute the calls ``call_ids`` (every call after a restart), then pick the one
        to show. A call's state depends on its own events only, so an event costs the same
        whether the store holds ten calls or a year of them."""
        if call_ids is None:
            self._states = calls_state(self._store.events())
        else:
            self._states.update(calls_state(self._store.events(call_ids)))
        states = [s for s in self._states.values() if s.kiosk_id == self.kiosk_id]
        open_calls = sorted((s for s in states if s.is_open), key=lambda s: s.earliest_at)
        if open_calls:
            current: CallState | None = open_calls[-1]
        elif self._call is not None:
            # The call was closed: keep showing it (for "were you helped?") until dismissed.
            current = next((s for s in states if s.call_id == self._call.call_id), None)
        else:
            current = None
        # Closed calls stay in the store (and the hub's ledger), not in memory.
        shown = current.call_id if current is not None else None
        self._states = {cid: s for cid, s in self._states.items() if s.is_open or cid == shown}
        self._shown = shown
        self._show()

    def _show(self) -> None:
        """Show the current call as it is with the staff present now: a desk that went
        silent or a member of staff who signed out is no longer promised to the customer."""
        facts = None if self._shown is None else self._states.get(self._shown)
        current = None if facts is None else with_presence(
            facts, self.peers.staff_presence(self._timer()))
        if current != self._call:
            self._call = current
            self.listener.on_call_changed(current)

    # --- tickets --------------------------------------------------------------------------

    def request_ticket(self, service_id: str, priority: bool, language: str, *,
                       request_id: str | None = None) -> str:
        """Ask the hub for a ticket; the answer (or its absence) comes to ``on_ticket``.

        Asking again with the same ``request_id`` (the customer's "Try again" after no
        answer) gets the ticket the hub may already have issued, never a second one."""
        request_id = request_id or uuid.uuid4().hex
        return self._ask_for_ticket(TicketRequest(
            request_id=request_id, service_id=service_id, priority=priority, language=language))

    def return_missed(self, number: str, language: str, *,
                      request_id: str | None = None) -> str:
        """Ask the hub to put a missed ticket back in line (the customer typed its number);
        the answer comes to ``on_ticket`` like a new ticket's, ``not_missed`` refused."""
        request_id = request_id or uuid.uuid4().hex
        return self._ask_for_ticket(TicketReturn(request_id=request_id, number=number,
                                                 language=language))

    def _ask_for_ticket(self, request: TicketRequest | TicketReturn) -> str:
        """Send ``request``; its answer, or ``no_answer`` once the reply timeout has passed
        on the monotonic clock, or ``no_connection`` at once, comes to ``on_ticket``."""
        request_id = request.request_id
        if not self._transport.connected:
            self.listener.on_ticket(TicketOutcome(request_id, None, TicketProblem.NO_CONNECTION))
            return request_id
        self._pending_tickets[request_id] = self._timer() + self.config.queue.reply_timeout_s
        if not self._transport.publish(topics.ticket_request(self._branch, self.kiosk_id),
                                       request):
            del self._pending_tickets[request_id]
            self.listener.on_ticket(TicketOutcome(request_id, None, TicketProblem.NO_CONNECTION))
        return request_id

    # --- visit feedback -------------------------------------------------------------------

    def give_visit_feedback(self, rating: Rating, language: str) -> bool:
        """Send a customer's anonymous rating of the visit; False when it could not be sent
        (not connected): a rating is worth asking for, not worth keeping a customer for."""
        feedback = VisitFeedback(feedback_id=uuid.uuid4().hex, rating=rating, language=language)
        if not self._transport.connected:
            log.info("visit feedback not sent: the kiosk is not connected")
            return False
        sent = self._transport.publish(topics.visit_feedback(self._branch, self.kiosk_id),
                                       feedback)
        if not sent:
            log.info("visit feedback not sent: the broker did not take it")
        return sent

    # --- staff PINs -----------------------------------------------------------------------

    def request_pin(self, staff_id: str, pin: str, purpose: PinPurpose, *,
                    call_id: str | None = None, outcome: Outcome | None = None,
                    request_id: str | None = None) -> str:
        """Ask the hub to check a staff PIN; the answer (or its absence) comes to ``on_pin``."""
        request_id = request_id or uuid.uuid4().hex
        try:
            request = PinRequest(request_id=request_id, staff_id=staff_id, pin=pin,
                                 purpose=purpose, call_id=call_id, outcome=outcome)
        except InvalidMessage as problem:  # the reason never contains the PIN itself
            log.info("PIN request for %s not sent: %s", purpose, problem)
            self.listener.on_pin(PinOutcome(request_id, purpose, problem=PinProblem.INVALID))
            return request_id
        if not self._transport.connected:
            self.listener.on_pin(PinOutcome(request_id, purpose, problem=PinProblem.NO_CONNECTION))
            return request_id
        self._pending_pins[request_id] = (self._timer() + self._pin_timeout_s, purpose)
        if not self._transport.publish(
                topics.pin_request(self._branch, Role.KIOSK, self.kiosk_id), request):
            del self._pending_pins[request_id]
            self.listener.on_pin(PinOutcome(request_id, purpose, problem=PinProblem.NO_CONNECTION))
        return request_id

    def _pin_reply(self, reply: PinReply) -> None:
        pending = self._pending_pins.pop(reply.request_id, None)
        if pending is None:
            return  # too late: the kiosk already said the PIN could not be checked
        purpose = pending[1]
        if reply.ok:
            self.listener.on_pin(PinOutcome(reply.request_id, purpose, staff_id=reply.staff_id))
        else:
            self.listener.on_pin(PinOutcome(reply.request_id, purpose, problem=PinProblem.REFUSED,
                                   refusal=reply.reason, retry_after_s=reply.retry_after_s))

    # --- receiving ------------------------------------------------------------------------

    def handle(self, decoded: Decoded) -> None:
        message = decoded.message
        if pass_on_news(message, self.listener):
            return
        now = self._timer()
        if isinstance(message, HelpEventMessage):
            if message.event.kiosk_id == self.kiosk_id and self._store.add_event(message.event):
                self._refresh_call({message.event.call_id})
        elif isinstance(message, HelpState):
            added = self._store.add_events(e for e in message.events
                                           if e.kiosk_id == self.kiosk_id)
            if added:
                self._refresh_call({e.call_id for e in added})
        elif isinstance(message, EventAck):
            if decoded.topic.role is Role.HUB:
                self.sender.acked_by_hub(message.ids)
            else:
                self.sender.held_by_console(message.ids, decoded.sender)
        elif isinstance(message, TicketReply):
            self._ticket_reply(message)
        elif isinstance(message, PinReply):
            self._pin_reply(message)
        elif isinstance(message, Drill):
            self.raise_drill(message.call_id)
        elif isinstance(message, TicketPrint):
            self.listener.on_print(message)
        elif isinstance(message, HelpDigest):
            self.resync.answer(message)
        elif isinstance(message, Heartbeat):
            self._hub_may_be_back(decoded)
            self.peers.heard(decoded.sender, decoded.topic.role, now, staff_id=message.staff_id)
            self._check_reachability()
            self._show()
        elif isinstance(message, Presence):
            if message.online:
                self._hub_may_be_back(decoded)
                self.peers.heard(decoded.sender, decoded.topic.role, now)
            else:
                self.peers.gone(decoded.sender)
                self._show()
            self._check_reachability()

    def connection_changed(self, connected: bool) -> None:
        self._connection_changed(connected)
        self._check_reachability()
        self._show()

    def _ticket_reply(self, reply: TicketReply) -> None:
        if self._pending_tickets.pop(reply.request_id, None) is None:
            return  # too late: the customer was already sent to the counter
        if reply.ticket is None:
            self.listener.on_ticket(TicketOutcome(reply.request_id, None, TicketProblem.REFUSED,
                                         reply.reason))
        else:
            self.listener.on_ticket(TicketOutcome(reply.request_id, reply.ticket))

    # --- time -----------------------------------------------------------------------------

    def tick(self) -> None:
        now = self._timer()
        self.sender.resend_due()
        for request_id, deadline in list(self._pending_tickets.items()):
            if now >= deadline:
                del self._pending_tickets[request_id]
                self.listener.on_ticket(TicketOutcome(request_id, None, TicketProblem.NO_ANSWER))
        for request_id, (deadline, purpose) in list(self._pending_pins.items()):
            if now >= deadline:
                del self._pending_pins[request_id]
                self.listener.on_pin(PinOutcome(request_id, purpose, problem=PinProblem.NO_ANSWER))
        self._check_reachability()
        self._show()

    def reachability(self) -> Reachability:
        now = self._timer()
        hub = self.peers.online(Role.HUB, now)
        return Reachability(self._transport.connected,
                            frozenset(self.peers.online(Role.CONSOLE, now)), bool(hub))

    def _check_reachability(self) -> None:
        current = self.reachability()
        if current != self._last_reachability:
            self._last_reachability = current
            self.listener.on_reachability(current)
