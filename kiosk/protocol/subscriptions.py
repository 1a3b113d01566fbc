"""What each kind of device subscribes to and may publish: the basis of the broker ACL.

Mosquitto grants any subscription and filters at delivery by the read ACL (FACTS.md), so
the read lines of the ACL are exactly these subscription filters: a kiosk cannot even see
another kiosk's replies, and nobody but the hub can read a ``pin/request``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kiosk.core.help.events import is_device_id
from kiosk.core.settings import Role
from kiosk.protocol.topics import ROOT, SPECS, TOPICS, BadTopic, Channel, Target


class Who(Enum):
    """Which device a topic level names, seen from the subscriber."""

    ANY = "+"
    SELF = "self"


@dataclass(frozen=True)
class Interest:
    publisher: Role
    channel: Channel
    device: Who = Who.ANY  # ignored for hub topics
    target: Who = Who.ANY  # ignored for channels without a target


K, C, D, H = Role.KIOSK, Role.CONSOLE, Role.DISPLAY, Role.HUB
ch = Channel
_SELF = Who.SELF

_LIVENESS_OF_HUB = (Interest(H, ch.PRESENCE), Interest(H, ch.HEARTBEAT))

INTERESTS: dict[Role, tuple[Interest, ...]] = {
    K: (
        Interest(H, ch.REPLY, target=_SELF),
        Interest(H, ch.ACK, target=_SELF),
        Interest(C, ch.ACK, target=_SELF),  # consoles' "stored", for when the hub is down
        Interest(C, ch.HELP, target=_SELF),  # received / coming / arrived / resolved
        Interest(H, ch.HELP, target=_SELF),  # escalated / resignalled / resolved
        Interest(H, ch.DRILL, target=_SELF),
        Interest(H, ch.PRINT, target=_SELF),  # a ticket issued at a staff desk
        Interest(H, ch.DIGEST, target=_SELF),  # what the hub lacks of its own events
        Interest(H, ch.CALL_STATE, target=_SELF),  # its own calls after a restart
        Interest(H, ch.QUEUE_STATE),
        Interest(H, ch.CALLED),
        Interest(H, ch.ANNOUNCEMENT),
        Interest(C, ch.PRESENCE),  # can anyone answer a help call right now?
        Interest(C, ch.HEARTBEAT),
        *_LIVENESS_OF_HUB,
    ),
    C: (
        Interest(K, ch.HELP),
        Interest(K, ch.FEEDBACK),  # customers' anonymous ratings, for the console's reports
        Interest(C, ch.HELP),  # other consoles' acknowledgements silence this one's alarm
        Interest(H, ch.HELP),
        Interest(H, ch.HELP_CHANGES),
        Interest(H, ch.HELP_STATE),  # on joining, and again after missing a change
        Interest(H, ch.ACK, target=_SELF),
        Interest(H, ch.REPLY, target=_SELF),
        Interest(H, ch.DIGEST, target=_SELF),
        Interest(H, ch.QUEUE_STATE),
        Interest(H, ch.CALLED),
        Interest(H, ch.ANNOUNCEMENT),
        Interest(H, ch.DEVICES_STATE),
        Interest(H, ch.ALERT),  # an elderly priority ticket waited too long
        *(Interest(role, channel) for role in (K, C, D)
          for channel in (ch.HEARTBEAT, ch.PRESENCE)),  # supervision, even with the hub down
        *_LIVENESS_OF_HUB,
    ),
    D: (
        Interest(H, ch.CALLED),
        Interest(H, ch.QUEUE_STATE),
        Interest(H, ch.ANNOUNCEMENT),
        *_LIVENESS_OF_HUB,
    ),
    H: (
        Interest(K, ch.HELP),
        Interest(K, ch.TICKET_REQUEST),
        Interest(K, ch.FEEDBACK),
        Interest(K, ch.PIN_REQUEST),
        Interest(C, ch.HELP),
        Interest(C, ch.ACTION),
        Interest(C, ch.PIN_REQUEST),
        *(Interest(role, channel) for role in (K, C, D)
          for channel in (ch.HEARTBEAT, ch.PRESENCE)),
    ),
}


def _topic_filter(branch: str, publisher: Role, channel: Channel, device: str,
                  target: str) -> str:
    """``device`` and ``target`` are an id or '+'; levels a topic lacks are left out."""
    levels = [ROOT, branch, publisher.value]
    if publisher is not Role.HUB:
        levels.append(device)
    levels.append(channel.value)
    if SPECS[(publisher, channel)].target is not Target.NONE:
        levels.append(target)
    return "/".join(levels)


def _check_ids(role: Role, branch: str, device_id: str | None) -> str:
    if not is_device_id(branch):
        raise BadTopic(f"branch {branch!r:.40} is not an id")
    if role is Role.HUB:
        if device_id is not None:
            raise BadTopic("hub topics carry no device id")
        return "+"
    if device_id is None or not is_device_id(device_id):
        raise BadTopic(f"{role} id {device_id!r:.40} is not an id")
    return device_id


def subscriptions(role: Role, branch: str, device_id: str | None) -> tuple[str, ...]:
    """The filters a device of ``role`` subscribes to (QoS 1); ``device_id`` None for the hub."""
    own = _check_ids(role, branch, device_id)
    return tuple(
        _topic_filter(branch, i.publisher, i.channel,
                      own if i.device is Who.SELF else "+",
                      own if i.target is Who.SELF else "+")
        for i in INTERESTS[role]
    )


def cleared_by_hub(branch: str) -> tuple[str, ...]:
    """The hub's subscriptions on which nothing is retained. The hub may write there, and
    only ever writes an empty retained message: how MQTT deletes a retained copy that a
    device left on its event topic (the ACL cannot forbid the retain flag alone)."""
    _check_ids(Role.HUB, branch, None)
    return tuple(_topic_filter(branch, i.publisher, i.channel, "+", "+")
                 for i in INTERESTS[Role.HUB] if not SPECS[(i.publisher, i.channel)].retain)


def publications(role: Role, branch: str, device_id: str | None) -> tuple[str, ...]:
    """The topics (with '+' for targets) a device of ``role`` may publish on: its ACL."""
    own = _check_ids(role, branch, device_id)
    return tuple(_topic_filter(branch, role, spec.channel, own, "+")
                 for spec in TOPICS if spec.role is role)
