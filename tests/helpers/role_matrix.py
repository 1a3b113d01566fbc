"""Every message type x every sender x every target, generated from the protocol's own tables.

The cases come from ``MESSAGE_TYPES`` (what exists), ``TOPICS`` (where each type travels) and
``INTERESTS`` (who reads what), so a type or topic added to the protocol is in the matrix
without an edit here; a type with no entry in ``SAMPLES`` fails the matrix loudly.

Senders: a kiosk, a console, a display and the hub with their own credentials, and a stranger
with none. Targets: the sender's own topic and own things; another device's topic; another
kiosk's call; a member of staff signed in at another console; one signed in nowhere. A
message claims to come from the device whose topic it is on (the strongest forgery: a
consistent envelope and body), so what stops it is the broker's ACL or the receiver's rules.

What "stored" means depends on who consumes the message: the hub's ledger for help events
and staff actions, the hub's reply for ticket and PIN requests, and, for everything the hub
does not store (its own publications, liveness, a console's "stored" ack to a kiosk), the
broker delivering it to a device whose subscriptions include the topic (a witness).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum, StrEnum

from kiosk.core.config import BranchConfig
from kiosk.core.help.events import (
    Category,
    HelpEvent,
    HelpEventKind,
    Outcome,
    new_follow_up,
    new_raise,
)
from kiosk.core.settings import LocalText, Role
from kiosk.protocol import MESSAGE_TYPES, Message, encode
from kiosk.protocol.device_messages import Component, DevicesState, Health, Heartbeat, Presence
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
from kiosk.protocol.staff_commands import ClearAnnouncement
from kiosk.protocol.staff_messages import ActionResult, Announcement, StaffAction
from kiosk.protocol.subscriptions import INTERESTS, cleared_by_hub, publications, subscriptions
from kiosk.protocol.ticket_messages import (
    IssuedTicket,
    QueueState,
    TicketCalled,
    TicketPrint,
    TicketRefusal,
    TicketReply,
    TicketRequest,
    TicketReturn,
    WaitAlert,
)
from kiosk.protocol.topic_rules import HELP_KINDS_BY_ROLE, PIN_PURPOSES_BY_ROLE
from kiosk.protocol.topics import TOPICS, Target, TopicSpec, build_topic, topic_matches
from tests.helpers.branch import STAFF_PINS

K = HelpEventKind
HUB = "hub"
WITNESSES = ("kiosk-2", "console-2")
"""Devices that only listen, with their real subscriptions: what the broker lets through to
them is what a real kiosk or console would be handed."""
OWN_STAFF, ELSEWHERE_STAFF, NOBODY_STAFF = "li-ming", "wang-fang", "zhang-wei"
"""li-ming is signed in at the console that sends; wang-fang at console-2; zhang-wei nowhere."""


class Sender(StrEnum):
    KIOSK = "kiosk"
    CONSOLE = "console"
    DISPLAY = "display"
    HUB = "hub"
    STRANGER = "stranger"  # no credentials at all


SENDER_DEVICE: dict[Sender, str | None] = {
    Sender.KIOSK: "kiosk-1", Sender.CONSOLE: "console-1", Sender.DISPLAY: "display-1",
    Sender.HUB: HUB, Sender.STRANGER: None,
}
SENDER_ROLE: dict[Sender, Role | None] = {
    Sender.KIOSK: Role.KIOSK, Sender.CONSOLE: Role.CONSOLE, Sender.DISPLAY: Role.DISPLAY,
    Sender.HUB: Role.HUB, Sender.STRANGER: None,
}


class Aim(StrEnum):
    OWN = "own"
    OTHER_DEVICE = "another device's topic"
    OTHER_KIOSK_CALL = "another kiosk's call"
    STAFF_ELSEWHERE = "staff signed in elsewhere"
    STAFF_NOBODY = "staff signed in nowhere"


BODY_AIMS = (Aim.OWN, Aim.OTHER_KIOSK_CALL, Aim.STAFF_ELSEWHERE, Aim.STAFF_NOBODY)


class Seen(Enum):
    """Where a case shows that it was taken."""

    LEDGER_HELP = "the hub's ledger: help_events"
    LEDGER_ACTION = "the hub's ledger: staff_actions, done"
    LEDGER_FEEDBACK = "the hub's ledger: feedback"
    HUB_REPLY = "the hub's reply: accepted"
    WITNESS = "delivered to a device that subscribes to it"


HUB_STORES: dict[str, Seen] = {
    "help.event": Seen.LEDGER_HELP,
    "staff.action": Seen.LEDGER_ACTION,
    "feedback": Seen.LEDGER_FEEDBACK,
    "ticket.request": Seen.HUB_REPLY,
    "ticket.return": Seen.HUB_REPLY,
    "pin.request": Seen.HUB_REPLY,
}
"""What the hub keeps (or answers) of the messages it reads; the rest it only relays or
watches, and those are judged by delivery."""


@dataclass(frozen=True)
class Calls:
    """The branch as the matrix finds it: one open call per kiosk, sessions at two consoles."""

    own_call: dict[str, HelpEvent]  # kiosk id -> the open call there
    sessions: dict[str, str]  # console id -> session token
    now: float


@dataclass(frozen=True)
class Case:
    sender: Sender
    type_name: str
    variant: str
    aim: Aim
    spec: TopicSpec
    topic: str
    claimed: str  # the device the topic names (and the envelope and body claim)
    message: Message
    marker: str  # what identifies the case where it is seen
    msg_id: str
    seen: Seen
    sent_at: float

    @property
    def name(self) -> str:
        return (f"{self.sender} sends {self.type_name}"
                f"{' (' + self.variant + ')' if self.variant else ''} on {self.topic} "
                f"aimed at {self.aim}")

    def payload(self) -> bytes:
        """The bytes as the device the topic names would send them: envelope sender and
        body agree with the topic, so only the broker's ACL or the receiver's rules can
        tell a forgery."""
        return encode(self.message, self.claimed, self.msg_id, sent_at=self.sent_at)


# --- samples: one builder per message type ----------------------------------------------------

Variant = tuple[str, Message, str]  # label, message, marker
Builder = Callable[[Calls, str, Role, Aim], list[Variant]]


def _hex() -> str:
    return uuid.uuid4().hex


def _staff_for(aim: Aim) -> str:
    return {Aim.STAFF_ELSEWHERE: ELSEWHERE_STAFF, Aim.STAFF_NOBODY: NOBODY_STAFF}.get(
        aim, OWN_STAFF)


def _help_events(calls: Calls, claimed: str, role: Role, aim: Aim) -> list[Variant]:
    own_kiosk = claimed if role is Role.KIOSK else "kiosk-2"
    call = calls.own_call[own_kiosk]
    kiosk = own_kiosk
    if aim is Aim.OTHER_KIOSK_CALL:  # the call of kiosk-2, in the name of kiosk-1
        call = calls.own_call["kiosk-2" if own_kiosk == "kiosk-1" else "kiosk-1"]
        kiosk = "kiosk-1" if call.kiosk_id == "kiosk-2" else "kiosk-2"
    staff = _staff_for(aim)
    fields: dict[HelpEventKind, dict[str, object]] = {
        K.CATEGORY_SET: {"category": Category.GUIDANCE},
        K.CUSTOMER_FINE: {},
        K.RECEIVED: {"console_id": claimed},
        K.ACKNOWLEDGED: {"staff_id": staff},
        K.ARRIVED: {"staff_id": staff},
        K.RESOLVED: {"staff_id": staff, "outcome": Outcome.HELPED},
        K.ESCALATED: {"level": 1},
        K.RESIGNALLED: {"level": 1},
        K.FEEDBACK: {"helped": True},
    }
    out: list[Variant] = []
    for kind in HelpEventKind:
        names_staff = "staff_id" in fields.get(kind, {})
        if aim in (Aim.STAFF_ELSEWHERE, Aim.STAFF_NOBODY) and not names_staff:
            continue
        if kind is K.RAISED:
            if aim is not Aim.OWN:
                continue  # a raise names no existing call, and no staff
            event = new_raise(kiosk, calls.now, category=Category.OTHER)
        else:
            event = new_follow_up(call.call_id, kiosk, kind, claimed, calls.now,
                                  **fields[kind])  # type: ignore[arg-type]
        if event.origin != claimed:
            event = dataclasses.replace(event, origin=claimed)
        out.append((kind.value, HelpEventMessage(event), event.id))
    return out


def _pin_requests(calls: Calls, claimed: str, role: Role, aim: Aim) -> list[Variant]:
    if aim is Aim.OTHER_KIOSK_CALL:
        other = "kiosk-2" if claimed != "kiosk-2" else "kiosk-1"
        request = PinRequest(_hex(), OWN_STAFF, STAFF_PINS[OWN_STAFF], PinPurpose.CLOSE_CALL,
                             call_id=calls.own_call[other].call_id, outcome=Outcome.HELPED)
        return [("close_call", request, request.request_id)]
    staff = _staff_for(aim)
    out: list[Variant] = []
    for purpose in PinPurpose:
        extra: dict[str, object] = {}
        if purpose is PinPurpose.CLOSE_CALL:
            if aim is not Aim.OWN:
                continue
            kiosk = claimed if role is Role.KIOSK else "kiosk-1"
            extra = {"call_id": calls.own_call[kiosk].call_id, "outcome": Outcome.HELPED}
        if purpose is PinPurpose.CONSOLE_SIGN_IN and aim is not Aim.OWN:
            continue  # signing someone else in here would end the session the matrix uses
        request = PinRequest(_hex(), staff, STAFF_PINS[staff], purpose,
                             **extra)  # type: ignore[arg-type]
        out.append((purpose.value, request, request.request_id))
    return out


def _staff_action(calls: Calls, claimed: str, role: Role, aim: Aim) -> list[Variant]:
    if aim is Aim.OTHER_KIOSK_CALL:
        return []
    staff = _staff_for(aim)
    token_of = "console-2" if aim is Aim.STAFF_ELSEWHERE else "console-1"
    action = StaffAction(_hex(), staff, calls.sessions[token_of], ClearAnnouncement())
    return [("announce_clear", action, action.action_id)]


def _health() -> Health:
    return Health(speech=Component.ABSENT, printer=Component.ABSENT, sound=Component.ABSENT,
                  outbox=0, version="1.0.0", uptime_s=1.0)


def _only_own(make: Callable[[Calls, str], Message]) -> Builder:
    def build(calls: Calls, claimed: str, role: Role, aim: Aim) -> list[Variant]:
        if aim is not Aim.OWN:
            return []
        message = make(calls, claimed)
        if isinstance(message, VisitFeedback):
            return [("", message, message.feedback_id)]
        if isinstance(message, TicketRequest | TicketReturn):
            return [("", message, message.request_id)]
        return [("", message, "")]
    return build


SAMPLES: dict[str, Builder] = {
    "help.event": _help_events,
    "pin.request": _pin_requests,
    "staff.action": _staff_action,
    "ticket.request": _only_own(lambda c, d: TicketRequest(_hex(), "cash", False, "zh_CN")),
    "feedback": _only_own(lambda c, d: VisitFeedback(_hex(), Rating.GOOD, "zh_CN")),
    "ticket.reply": _only_own(lambda c, d: TicketReply(_hex(), reason=list(TicketRefusal)[0])),
    "queue.state": _only_own(lambda c, d: QueueState(day="2026-12-07", updated_at=c.now)),
    "ticket.called": _only_own(lambda c, d: TicketCalled("A001", "cash", 1, False, c.now)),
    "ticket.return": _only_own(lambda c, d: TicketReturn(_hex(), "A001", "zh_CN")),
    "ticket.print": _only_own(lambda c, d: TicketPrint(
        IssuedTicket("A001", "cash", True, 0, 0, 0, c.now), "zh_CN")),
    "queue.alert": _only_own(lambda c, d: WaitAlert("A001", "cash", c.now, 20)),
    "help.state": _only_own(lambda c, d: HelpState(updated_at=c.now)),
    "help.changes": _only_own(lambda c, d: HelpChanges(run=_hex(), seq=1, events=(
        new_raise("kiosk-2", c.now),))),
    "event.ack": _only_own(lambda c, d: EventAck(ids=(_hex(),))),
    "drill": _only_own(lambda c, d: Drill("kiosk-2", _hex(), OWN_STAFF)),
    "help.digest": _only_own(lambda c, d: HelpDigest("kiosk-2", c.now - 3600.0)),
    "action.result": _only_own(lambda c, d: ActionResult(_hex())),
    "announcement": _only_own(lambda c, d: Announcement(_hex(), False, LocalText({}), c.now)),
    "pin.reply": _only_own(lambda c, d: PinReply(_hex(), reason=PinRefusal.WRONG_PIN)),
    "heartbeat": _only_own(lambda c, d: Heartbeat(seq=1, interval_s=1.0, health=_health())),
    "presence": _only_own(lambda c, d: Presence(online=True)),
    "devices.state": _only_own(lambda c, d: DevicesState(updated_at=c.now)),
}
"""A valid sample of every message type, for a claimed device and an aim; [] where the aim
means nothing for that type (a heartbeat names no call and no staff)."""


def missing_samples() -> list[str]:
    return sorted(set(MESSAGE_TYPES) - set(SAMPLES))


# --- the cases --------------------------------------------------------------------------------


def _devices(config: BranchConfig, role: Role) -> list[str]:
    """The devices of ``role``, witnesses first: whatever reaches a device the matrix
    claims to be is then seen."""
    ids = [d.id for d in config.devices_with_role(role)]
    return sorted(ids, key=lambda d: d not in WITNESSES)


def _witness_reads(branch: str, topic: str, config: BranchConfig) -> bool:
    for witness in WITNESSES:
        device = config.device(witness)
        assert device is not None
        if any(topic_matches(f, topic) for f in subscriptions(device.role, branch, witness)):
            return True
    return False


def _hub_reads(spec: TopicSpec) -> bool:
    return any(i.publisher is spec.role and i.channel is spec.channel
               for i in INTERESTS[Role.HUB])


@dataclass(frozen=True)
class Skipped:
    what: str
    why: str


def generate(config: BranchConfig, calls: Calls) -> tuple[list[Case], list[Skipped]]:
    branch = config.branch.id
    cases: list[Case] = []
    skipped: list[Skipped] = []
    for sender in Sender:
        device = SENDER_DEVICE[sender]
        for type_name in sorted(MESSAGE_TYPES):
            build = SAMPLES[type_name]
            for spec in TOPICS:
                if type_name not in spec.types:
                    continue
                for aim in Aim:
                    cases += _cases_for(config, branch, calls, sender, device, type_name,
                                        build, spec, aim, skipped)
    return cases, skipped


def _cases_for(config: BranchConfig, branch: str, calls: Calls, sender: Sender,
               device: str | None, type_name: str, build: Builder, spec: TopicSpec,
               aim: Aim, skipped: list[Skipped]) -> Iterator[Case]:
    own_role = SENDER_ROLE[sender]
    if sender is Sender.STRANGER and aim is not Aim.OWN:
        return  # without credentials nothing gets further than the connection
    if spec.role is Role.HUB:
        if aim is Aim.OTHER_DEVICE:
            return  # the hub's topics name no device
        claimed = HUB
    else:
        of_role = _devices(config, spec.role)
        if aim is Aim.OTHER_DEVICE:
            if own_role is not spec.role:
                return  # on another role's topic, every device is another device (OWN)
            others = [d for d in of_role if d != device]
            if not others:
                return  # the only device of its role
            claimed = others[0]
        else:
            claimed = device if own_role is spec.role and device is not None else of_role[0]
    body_aim = Aim.OWN if aim is Aim.OTHER_DEVICE else aim
    stored = HUB_STORES.get(type_name)
    seen = stored if stored is not None and _hub_reads(spec) else Seen.WITNESS
    if sender is Sender.HUB and seen is not Seen.WITNESS:
        seen = Seen.WITNESS  # a second client named "hub" takes the hub's session over
    if seen is Seen.WITNESS and body_aim is not Aim.OWN:
        return  # delivery proves the broker's part only; bodies are for receivers' rules
    for label, message, marker in build(calls, claimed, spec.role, body_aim):
        target = None
        if spec.target is Target.DEVICE:
            target = "kiosk-2"
        elif spec.target is Target.KIOSK:
            target = (message.event.kiosk_id
                      if isinstance(message, HelpEventMessage) and seen is not Seen.WITNESS
                      else "kiosk-2")
            if isinstance(message, HelpEventMessage) and seen is Seen.WITNESS:
                if message.event.kiosk_id != target:
                    continue  # the witness kiosk reads only its own kiosk's level
        topic = build_topic(branch, spec.role, spec.channel,
                            None if spec.role is Role.HUB else claimed, target)
        if seen is Seen.WITNESS and not _witness_reads(branch, topic, config):
            skipped.append(Skipped(f"{sender} sends {type_name} on {topic}",
                                   "only the hub reads this topic, and a second client "
                                   "with the hub's credentials takes over its session"))
            continue
        msg_id = _hex()
        if seen is Seen.WITNESS or not marker:
            marker = msg_id
        yield Case(sender, type_name, label, aim, spec, topic, claimed, message, marker,
                   msg_id, seen, calls.now)


# --- what the protocol allows -----------------------------------------------------------------


def broker_permits(case: Case, branch: str) -> bool:
    """The ACL generated from ``publications``: a device writes only its own topics."""
    role = SENDER_ROLE[case.sender]
    device = SENDER_DEVICE[case.sender]
    if role is None:
        return False
    allowed = publications(role, branch, None if role is Role.HUB else device)
    if role is Role.HUB:  # and empty retained messages that delete a device's leftovers
        allowed += cleared_by_hub(branch)
    return any(topic_matches(f, case.topic) for f in allowed)


def receiver_permits(case: Case) -> bool:
    """The hub's rules for a message that reached it from the device its topic names."""
    role = case.spec.role
    message = case.message
    if case.seen is Seen.WITNESS:
        return True  # the broker alone decides delivery
    if isinstance(message, HelpEventMessage):
        return (message.event.kind in HELP_KINDS_BY_ROLE.get(role, frozenset())
                and case.aim is Aim.OWN)  # the call's own kiosk; staff signed in there
    if isinstance(message, PinRequest):
        # A fresh PIN is its own proof: anyone's, from a device that may ask for it.
        return (message.purpose in PIN_PURPOSES_BY_ROLE.get(role, frozenset())
                and case.aim is not Aim.OTHER_KIOSK_CALL)
    if isinstance(message, StaffAction):
        return role is Role.CONSOLE and case.aim is Aim.OWN
    return case.aim is Aim.OWN  # ticket requests and feedback: the kiosk's own


def expected(case: Case, branch: str) -> bool:
    return broker_permits(case, branch) and receiver_permits(case)
