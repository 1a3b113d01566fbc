"""Checks of a message body against the topic it arrived on.

The broker ACL makes the topic trustworthy (a device can publish only under its own id);
these rules make the body agree with it. Without them a kiosk could publish, on its own
topic, an event that claims a console acknowledged a call, and silence an alarm.
"""

from __future__ import annotations

from kiosk.core.help.events import HelpEventKind
from kiosk.core.settings import Role
from kiosk.protocol.help_messages import Drill, HelpDigest, HelpEventMessage, HelpState
from kiosk.protocol.message import Message
from kiosk.protocol.pin_messages import PinPurpose, PinRequest
from kiosk.protocol.rejection import InvalidMessage, RejectCode
from kiosk.protocol.topics import Channel, TopicInfo

Kind = HelpEventKind

HELP_KINDS_BY_ROLE: dict[Role, frozenset[HelpEventKind]] = {
    # The customer's own steps, all through the kiosk's outbox.
    Role.KIOSK: frozenset({Kind.RAISED, Kind.CATEGORY_SET, Kind.CUSTOMER_FINE, Kind.FEEDBACK}),
    # Staff steps, and escalation with the hub down: each console escalates from the raise
    # time and records it, so the escalation reaches the ledger when the hub is back.
    Role.CONSOLE: frozenset({Kind.RECEIVED, Kind.ACKNOWLEDGED, Kind.ARRIVED, Kind.RESOLVED,
                             Kind.ESCALATED}),
    # Timers, and a call closed at the kiosk with a staff PIN the hub checked.
    Role.HUB: frozenset({Kind.ESCALATED, Kind.RESIGNALLED, Kind.RESOLVED}),
}
"""Which help-event kinds each role may originate."""

PIN_PURPOSES_BY_ROLE: dict[Role, frozenset[PinPurpose]] = {
    Role.KIOSK: frozenset({PinPurpose.KIOSK_EXIT, PinPurpose.CLOSE_CALL}),
    Role.CONSOLE: frozenset({PinPurpose.CONSOLE_SIGN_IN}),
}


def check_on_topic(message: Message, topic: TopicInfo, sender: str) -> None:
    """Raise ``InvalidMessage`` when the body contradicts its topic or its sender."""
    if isinstance(message, HelpEventMessage):
        _check_help_event(message, topic, sender)
    elif isinstance(message, Drill):
        if message.kiosk_id != topic.target:
            raise InvalidMessage(RejectCode.TOPIC_MISMATCH,
                                 f"drill for kiosk {message.kiosk_id!r} on the topic of "
                                 f"kiosk {topic.target!r}")
    elif isinstance(message, HelpState) and topic.channel is Channel.CALL_STATE:
        others = sorted({e.kiosk_id for e in message.events} - {topic.target or ""})
        if others:
            raise InvalidMessage(RejectCode.TOPIC_MISMATCH,
                                 f"events of kiosk {others[0]!r} in the call state of kiosk "
                                 f"{topic.target!r}")
    elif isinstance(message, HelpDigest):
        if message.device_id != topic.target:
            raise InvalidMessage(RejectCode.TOPIC_MISMATCH,
                                 f"digest for device {message.device_id!r} on the topic of "
                                 f"device {topic.target!r}")
    elif isinstance(message, PinRequest):
        allowed = PIN_PURPOSES_BY_ROLE.get(topic.role, frozenset())
        if message.purpose not in allowed:
            raise InvalidMessage(RejectCode.ROLE_NOT_ALLOWED,
                                 f"a {topic.role} may not ask for a PIN check for "
                                 f"{message.purpose.value!r}")


def _check_help_event(message: HelpEventMessage, topic: TopicInfo, sender: str) -> None:
    event = message.event
    if event.origin != sender:
        raise InvalidMessage(RejectCode.SENDER_MISMATCH,
                             f"event origin {event.origin!r} is not the sender {sender!r}")
    about = topic.device_id if topic.role is Role.KIOSK else topic.target
    if event.kiosk_id != about:
        raise InvalidMessage(RejectCode.TOPIC_MISMATCH,
                             f"event about kiosk {event.kiosk_id!r} on the topic of "
                             f"kiosk {about!r}")
    if event.kind not in HELP_KINDS_BY_ROLE.get(topic.role, frozenset()):
        raise InvalidMessage(RejectCode.ROLE_NOT_ALLOWED,
                             f"a {topic.role} may not originate {event.kind.value!r} events")
    if event.kind is Kind.RECEIVED and event.console_id != sender:
        raise InvalidMessage(RejectCode.TOPIC_MISMATCH,
                             f"'received' names console {event.console_id!r} but was sent "
                             f"by {sender!r}")
