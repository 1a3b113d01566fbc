"""Valid messages of every type (Hypothesis strategies), and where each one may be published.

The other protocol tests import from here; the tests in this module check the strategies
themselves, so a type added to the protocol without a strategy fails here first.
"""

from __future__ import annotations

from hypothesis import strategies as st

from kiosk.core.help.digest import HourDigest
from kiosk.core.help.events import Category, HelpEvent, HelpEventKind, Outcome
from kiosk.core.settings import Role
from kiosk.protocol import MESSAGE_TYPES, Message, topics
from kiosk.protocol.device_messages import (
    Activity,
    Component,
    DevicesState,
    DeviceStatus,
    Health,
    Heartbeat,
    Presence,
)
from kiosk.protocol.fields import TICKET_NUMBER
from kiosk.protocol.help_messages import (
    Drill,
    EventAck,
    HelpChanges,
    HelpDigest,
    HelpEventMessage,
    HelpState,
    Rating,
    VisitFeedback,
)
from kiosk.protocol.pin_messages import PinPurpose, PinRefusal, PinReply, PinRequest
from kiosk.protocol.staff_commands import (
    Announce,
    CallNext,
    ClearAnnouncement,
    Finish,
    IssueTicket,
    NoShow,
    Recall,
    ReturnTicket,
    SignOut,
    StartDrill,
    Transfer,
)
from kiosk.protocol.staff_messages import ActionRefusal, ActionResult, Announcement, StaffAction
from kiosk.protocol.ticket_messages import (
    IssuedTicket,
    MissedTicket,
    QueueState,
    ServiceQueue,
    ServingTicket,
    TicketCalled,
    TicketPrint,
    TicketRefusal,
    TicketReply,
    TicketRequest,
    TicketReturn,
    WaitAlert,
    WaitingTicket,
)

BRANCH = "b001"
HUB = "hub"
K = HelpEventKind

hex_ids = st.uuids(version=4).map(lambda u: u.hex)
ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,31}", fullmatch=True)
times = st.floats(min_value=0, max_value=10_000_000_000, allow_nan=False) | st.integers(
    min_value=0, max_value=10_000_000_000)
languages = st.sampled_from(["zh_CN", "en", "fr"])
numbers = st.from_regex(TICKET_NUMBER, fullmatch=True)
counters = st.integers(min_value=1, max_value=99)
tokens = st.from_regex(r"[A-Za-z0-9_-]{16,64}", fullmatch=True)
readable = st.characters(blacklist_categories=("Cs", "Cc"))
texts = st.text(readable | st.just("\n"), min_size=1, max_size=300)
texts_by_language = st.dictionaries(languages, texts, min_size=1, max_size=3)
waits = st.tuples(st.integers(0, 86_400), st.integers(0, 86_400)).map(sorted)


@st.composite
def issued_tickets(draw: st.DrawFn) -> IssuedTicket:
    low, high = draw(waits)
    return IssuedTicket(draw(numbers), draw(ids), draw(st.booleans()),
                        draw(st.integers(0, 9999)), low, high, draw(times),
                        draw(st.none() | tokens))


@st.composite
def service_queues(draw: st.DrawFn) -> ServiceQueue:
    waiting = draw(st.integers(0, 9999))
    low, high = draw(waits)
    return ServiceQueue(draw(ids), draw(st.booleans()), waiting,
                        draw(st.integers(0, waiting)), low, high)


@st.composite
def help_events(draw: st.DrawFn, kinds: tuple[HelpEventKind, ...] = tuple(K),
                kiosk_id: str | None = None, origin: str | None = None) -> HelpEvent:
    """A valid event; ``origin`` None picks one fitting the kind's role."""
    kind = draw(st.sampled_from(kinds))
    kiosk = kiosk_id or draw(ids)
    call_id = draw(hex_ids)
    event_id = call_id if kind is K.RAISED else draw(hex_ids.filter(lambda i: i != call_id))
    if origin is None:
        origin = (kiosk if kind in (K.RAISED, K.CATEGORY_SET, K.CUSTOMER_FINE, K.FEEDBACK)
                  else HUB if kind in (K.ESCALATED, K.RESIGNALLED) else draw(ids))
    extra: dict[str, object] = {}
    if kind in (K.RAISED, K.CATEGORY_SET):
        extra["category"] = draw(st.sampled_from(Category))
    if kind is K.RAISED:
        extra["drill"] = draw(st.booleans())
    if kind is K.RECEIVED:
        extra["console_id"] = origin
    if kind in (K.ACKNOWLEDGED, K.ARRIVED, K.RESOLVED):
        extra["staff_id"] = draw(ids)
    if kind is K.RESOLVED:
        extra["outcome"] = draw(st.sampled_from(Outcome))
        extra["note"] = draw(st.text(readable | st.sampled_from("\n\t"), max_size=500))
    if kind in (K.ESCALATED, K.RESIGNALLED):
        extra["level"] = draw(st.integers(1, 1000))
    if kind is K.FEEDBACK:
        extra["helped"] = draw(st.booleans())
    return HelpEvent(id=event_id, call_id=call_id, kiosk_id=kiosk, kind=kind, origin=origin,
                     at=draw(times), **extra)  # type: ignore[arg-type]


healths = st.builds(Health, st.sampled_from(Component), st.sampled_from(Component),
                    st.sampled_from(Component), st.integers(0, 1_000_000),
                    st.from_regex(r"[0-9][0-9.]{0,10}", fullmatch=True), times)

commands = st.one_of(
    st.builds(CallNext, counters),
    st.builds(Recall, numbers, counters),
    st.builds(NoShow, numbers),
    st.builds(Finish, numbers),
    st.builds(Transfer, numbers, ids),
    st.builds(IssueTicket, ids, st.booleans(), st.none() | ids),
    st.builds(ReturnTicket, numbers),
    st.builds(StartDrill, ids),
    st.builds(Announce, text=texts_by_language),
    st.builds(Announce, prepared_id=ids),
    st.just(ClearAnnouncement()),
    st.just(SignOut()),
)


@st.composite
def pin_requests(draw: st.DrawFn) -> PinRequest:
    purpose = draw(st.sampled_from(PinPurpose))
    closing = purpose is PinPurpose.CLOSE_CALL
    return PinRequest(draw(hex_ids), draw(ids), draw(st.from_regex(r"[0-9]{4,8}",
                                                                   fullmatch=True)),
                      purpose, call_id=draw(hex_ids) if closing else None,
                      outcome=draw(st.sampled_from(Outcome)) if closing else None)


@st.composite
def pin_replies(draw: st.DrawFn) -> PinReply:
    if draw(st.booleans()):
        signed_in = draw(st.booleans())
        return PinReply(draw(hex_ids), staff_id=draw(ids),
                        session=draw(tokens) if signed_in else None,
                        expires_at=draw(times) if signed_in else None)
    return PinReply(draw(hex_ids), reason=draw(st.sampled_from(PinRefusal)),
                    retry_after_s=draw(st.none() | st.floats(0, 86_400)))


STRATEGIES: dict[str, st.SearchStrategy[Message]] = {
    "ticket.request": st.builds(TicketRequest, hex_ids, ids, st.booleans(), languages),
    "ticket.reply": st.one_of(
        st.builds(TicketReply, hex_ids, ticket=issued_tickets()),
        st.builds(TicketReply, hex_ids, reason=st.sampled_from(TicketRefusal))),
    "queue.state": st.builds(
        QueueState, st.dates().map(lambda d: d.isoformat()), times,
        st.lists(service_queues(), max_size=3).map(tuple),
        st.lists(st.builds(WaitingTicket, numbers, ids, st.booleans(), times),
                 max_size=3).map(tuple),
        st.lists(st.builds(ServingTicket, numbers, ids, counters, times),
                 max_size=3).map(tuple),
        st.lists(st.builds(MissedTicket, numbers, ids), max_size=3).map(tuple)),
    "ticket.return": st.builds(TicketReturn, hex_ids, numbers, languages),
    "ticket.print": st.builds(TicketPrint, issued_tickets(), languages),
    "queue.alert": st.builds(WaitAlert, numbers, ids, times, st.integers(1, 24 * 60)),
    "ticket.called": st.builds(TicketCalled, numbers, ids, counters, st.booleans(), times),
    "help.event": help_events().map(HelpEventMessage),
    "help.state": st.builds(HelpState, times, st.lists(help_events(), max_size=4).map(tuple),
                            st.one_of(st.just(""), hex_ids), st.integers(0, 2**40)),
    "help.changes": st.builds(HelpChanges, hex_ids, st.integers(1, 2**40),
                              st.lists(help_events(), min_size=1, max_size=4).map(tuple)),
    "event.ack": st.builds(EventAck, st.lists(hex_ids, min_size=1, max_size=5).map(tuple)),
    "drill": st.builds(Drill, ids, hex_ids, ids),
    "help.digest": st.builds(HelpDigest, ids, times, st.lists(
        st.builds(HourDigest, st.integers(0, 47), st.integers(1, 10_000),
                  st.from_regex(r"[0-9a-f]{16}", fullmatch=True)),
        max_size=3, unique_by=lambda h: h.hour).map(tuple)),
    "feedback": st.builds(VisitFeedback, hex_ids, st.sampled_from(Rating), languages),
    "staff.action": st.builds(StaffAction, hex_ids, ids, tokens, commands),
    "action.result": st.one_of(
        st.builds(ActionResult, hex_ids,
                  details=st.dictionaries(st.from_regex(r"[a-z][a-z0-9_]{0,31}",
                                                        fullmatch=True),
                                          st.text(readable, min_size=1, max_size=200),
                                          max_size=8)),
        st.builds(ActionResult, hex_ids, reason=st.sampled_from(ActionRefusal))),
    "announcement": st.one_of(
        st.builds(Announcement, hex_ids, st.just(True), texts_by_language, times),
        st.builds(Announcement, hex_ids, st.just(False), st.just({}), times)),
    "pin.request": pin_requests(),
    "pin.reply": pin_replies(),
    "heartbeat": st.builds(Heartbeat, st.integers(0, 2**53),
                           st.floats(0.001, 3600), healths,
                           st.none() | st.sampled_from(Activity), st.none() | ids),
    "presence": st.builds(Presence, st.booleans()),
    "devices.state": st.builds(DevicesState, times, st.lists(
        st.builds(DeviceStatus, ids, st.sampled_from(Role), st.booleans(),
                  st.none() | times, st.none() | healths,
                  st.none() | st.sampled_from(Activity), st.none() | ids),
        max_size=3).map(tuple)),
}

any_message = st.one_of(*STRATEGIES.values())


def placement(message: Message) -> tuple[str, str]:
    """A topic this message may be published on, and the sender that may publish it."""
    if isinstance(message, HelpEventMessage):
        event = message.event
        if event.kind in (K.RAISED, K.CATEGORY_SET, K.CUSTOMER_FINE, K.FEEDBACK):
            return topics.kiosk_help(BRANCH, event.kiosk_id), event.origin
        if event.kind in (K.ESCALATED, K.RESIGNALLED):
            return topics.hub_help(BRANCH, event.kiosk_id), HUB
        return topics.console_help(BRANCH, event.origin, event.kiosk_id), event.origin
    if isinstance(message, Drill):
        return topics.drill(BRANCH, message.kiosk_id), HUB
    if isinstance(message, HelpDigest):
        return topics.help_digest(BRANCH, message.device_id), HUB
    if isinstance(message, PinRequest):
        if message.purpose is PinPurpose.CONSOLE_SIGN_IN:
            return topics.pin_request(BRANCH, Role.CONSOLE, "console-1"), "console-1"
        return topics.pin_request(BRANCH, Role.KIOSK, "kiosk-1"), "kiosk-1"
    fixed = {
        "ticket.request": (topics.ticket_request(BRANCH, "kiosk-1"), "kiosk-1"),
        "ticket.reply": (topics.hub_reply(BRANCH, "kiosk-1"), HUB),
        "queue.state": (topics.queue_state(BRANCH), HUB),
        "ticket.called": (topics.ticket_called(BRANCH), HUB),
        "ticket.return": (topics.ticket_request(BRANCH, "kiosk-1"), "kiosk-1"),
        "ticket.print": (topics.ticket_print(BRANCH, "kiosk-1"), HUB),
        "queue.alert": (topics.wait_alert(BRANCH), HUB),
        "help.state": (topics.help_state(BRANCH), HUB),
        "help.changes": (topics.help_changes(BRANCH), HUB),
        "event.ack": (topics.console_ack(BRANCH, "console-1", "kiosk-1"), "console-1"),
        "feedback": (topics.visit_feedback(BRANCH, "kiosk-1"), "kiosk-1"),
        "staff.action": (topics.console_action(BRANCH, "console-1"), "console-1"),
        "action.result": (topics.hub_reply(BRANCH, "console-1"), HUB),
        "announcement": (topics.announcement(BRANCH), HUB),
        "pin.reply": (topics.hub_reply(BRANCH, "console-1"), HUB),
        "heartbeat": (topics.heartbeat(BRANCH, Role.DISPLAY, "display-1"), "display-1"),
        "presence": (topics.presence(BRANCH, Role.HUB, None), HUB),
        "devices.state": (topics.devices_state(BRANCH), HUB),
    }
    return fixed[message.TYPE]


def test_every_message_type_has_a_strategy() -> None:
    assert set(STRATEGIES) == set(MESSAGE_TYPES)
