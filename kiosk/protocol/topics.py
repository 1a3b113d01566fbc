"""The topic tree under ``bank/<branch>/``: one table says what may be published where.

Every topic a device publishes on names the device: ``bank/<b>/<role>/<device_id>/...``.
The broker user name is the device id (``use_username_as_clientid true``), so an ACL line
per device pins each device to its own subtree, and a receiver can check that a message's
``sender`` is the device its topic names. The hub has a fixed level, ``bank/<b>/hub/...``:
there is one hub per branch, and its retained state must have one address whichever
machine runs it. Channels that concern another device end with that device's id (the
*target*): a console's acknowledgement of a call at kiosk ``k1`` goes to
``bank/<b>/console/<c>/help/k1``, so kiosk ``k1`` subscribes to ``bank/<b>/console/+/help/k1``.

``TOPICS`` is the single source for the topic tree, QoS, retain, allowed message types
and size limits; ``docs/protocol.md`` describes it and a test keeps the two in step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from kiosk.core.help.events import is_device_id
from kiosk.core.settings import Role

ROOT = "bank"
MAX_TOPIC_CHARS = 200
MAX_PAYLOAD_BYTES = 16 * 1024
"""Limit for every topic except the hub's retained state."""
MAX_STATE_PAYLOAD_BYTES = 256 * 1024
"""Limit for ``hub/state/*`` and ``hub/changes/*``: a whole day's queue or every open call
in one message."""


class Channel(StrEnum):
    """The part of a topic after the device (and before any target)."""

    HELP = "help"
    TICKET_REQUEST = "ticket/request"
    FEEDBACK = "feedback"
    HEARTBEAT = "heartbeat"
    PRESENCE = "presence"
    PIN_REQUEST = "pin/request"
    ACK = "ack"
    ACTION = "action"
    QUEUE_STATE = "state/queue"
    HELP_STATE = "state/help"
    CALL_STATE = "state/call"
    HELP_CHANGES = "changes/help"
    DEVICES_STATE = "state/devices"
    REPLY = "reply"
    CALLED = "called"
    ANNOUNCEMENT = "announcement"
    DRILL = "drill"
    PRINT = "print"
    ALERT = "alert"
    DIGEST = "digest"


class Target(StrEnum):
    """What the last topic level names, for channels about another device."""

    NONE = ""
    KIOSK = "kiosk_id"
    DEVICE = "device_id"


@dataclass(frozen=True)
class TopicSpec:
    role: Role  # who publishes here
    channel: Channel
    target: Target
    qos: int
    retain: bool
    types: tuple[str, ...]  # message types allowed here (wire names)
    purpose: str
    max_bytes: int = MAX_PAYLOAD_BYTES

    def pattern(self) -> str:
        """The topic with placeholders, as in the docs: ``bank/<branch>/kiosk/<kiosk_id>/help``."""
        device = "" if self.role is Role.HUB else f"/<{self.role.value}_id>"
        target = f"/<{self.target.value}>" if self.target is not Target.NONE else ""
        return f"{ROOT}/<branch>/{self.role.value}{device}/{self.channel.value}{target}"


K, C, D, H = Role.KIOSK, Role.CONSOLE, Role.DISPLAY, Role.HUB
_NONE, _KIOSK, _DEVICE = Target.NONE, Target.KIOSK, Target.DEVICE

TOPICS: tuple[TopicSpec, ...] = (
    TopicSpec(K, Channel.HELP, _NONE, 1, False, ("help.event",),
              "the kiosk's own help events: raised, category_set, customer_fine, feedback"),
    TopicSpec(K, Channel.TICKET_REQUEST, _NONE, 1, False, ("ticket.request", "ticket.return"),
              "ask the hub for a ticket, or to put a missed ticket back in line"),
    TopicSpec(K, Channel.FEEDBACK, _NONE, 1, False, ("feedback",),
              "a customer's rating of the visit"),
    TopicSpec(K, Channel.PIN_REQUEST, _NONE, 1, False, ("pin.request",),
              "staff PIN at the kiosk: leave full-screen, close a call"),
    TopicSpec(C, Channel.HELP, _KIOSK, 1, False, ("help.event",),
              "a console's events about a call at that kiosk: received, acknowledged, "
              "arrived, resolved; escalated while the hub is down"),
    TopicSpec(C, Channel.ACK, _KIOSK, 1, False, ("event.ack",),
              "the console stored these events of that kiosk"),
    TopicSpec(C, Channel.ACTION, _NONE, 1, False, ("staff.action",),
              "queue actions, drills, announcements, sign-out"),
    TopicSpec(C, Channel.PIN_REQUEST, _NONE, 1, False, ("pin.request",), "staff sign-in"),
    TopicSpec(H, Channel.QUEUE_STATE, _NONE, 1, True, ("queue.state",),
              "the day's queue", MAX_STATE_PAYLOAD_BYTES),
    TopicSpec(H, Channel.HELP_STATE, _NONE, 1, True, ("help.state",),
              "every event of every open call, numbered: for a console that joins or "
              "missed a change", MAX_STATE_PAYLOAD_BYTES),
    TopicSpec(H, Channel.HELP_CHANGES, _NONE, 1, False, ("help.changes",),
              "the help events the hub stored since its last change, numbered",
              MAX_STATE_PAYLOAD_BYTES),
    TopicSpec(H, Channel.CALL_STATE, _KIOSK, 1, True, ("help.state",),
              "that kiosk's open calls and its latest closed one: for the kiosk "
              "restarted mid-call",
              MAX_STATE_PAYLOAD_BYTES),
    TopicSpec(H, Channel.DEVICES_STATE, _NONE, 1, True, ("devices.state",),
              "every device: online, last heartbeat, health", MAX_STATE_PAYLOAD_BYTES),
    TopicSpec(H, Channel.HELP, _KIOSK, 1, False, ("help.event",),
              "the hub's events about a call at that kiosk: escalated, resignalled, "
              "resolved (closed at the kiosk with a PIN)"),
    TopicSpec(H, Channel.ACK, _DEVICE, 1, False, ("event.ack",),
              "the hub stored these events (or feedback) of that device"),
    TopicSpec(H, Channel.REPLY, _DEVICE, 1, False, ("ticket.reply", "pin.reply",
                                                      "action.result"),
              "answers to that device's requests"),
    TopicSpec(H, Channel.CALLED, _NONE, 1, False, ("ticket.called",),
              "a ticket called to a counter: announce it"),
    TopicSpec(H, Channel.ANNOUNCEMENT, _NONE, 1, True, ("announcement",),
              "the branch announcement, or that it was cleared"),
    TopicSpec(H, Channel.DRILL, _KIOSK, 1, False, ("drill",),
              "raise a drill call at that kiosk"),
    TopicSpec(H, Channel.PRINT, _KIOSK, 1, False, ("ticket.print",),
              "print a ticket issued at a staff desk at that kiosk"),
    TopicSpec(H, Channel.ALERT, _NONE, 1, False, ("queue.alert",),
              "an elderly priority ticket has waited too long: tell the lobby"),
    TopicSpec(H, Channel.DIGEST, _DEVICE, 0, False, ("help.digest",),
              "what the hub holds of the help events that device originated today; the "
              "device re-sends what is missing"),
) + tuple(
    spec
    for role in (K, C, D, H)
    for spec in (
        TopicSpec(role, Channel.HEARTBEAT, _NONE, 0, False, ("heartbeat",),
                  "liveness and health, every few seconds"),
        TopicSpec(role, Channel.PRESENCE, _NONE, 1, True, ("presence",),
                  "online; the last will says offline"),
    )
)

SPECS: dict[tuple[Role, Channel], TopicSpec] = {(s.role, s.channel): s for s in TOPICS}

MAX_MESSAGE_BYTES = max(spec.max_bytes for spec in TOPICS)
"""The largest payload on any topic: the broker's ``message_size_limit``. The broker drops
anything bigger before it reaches a device; receivers refuse more than each topic's own
limit before decoding a byte of it."""


class BadTopic(ValueError):
    """A topic outside the tree; ``reason`` says which level is wrong."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class TopicInfo:
    """A parsed topic. ``device_id`` is None on hub topics (the hub has a fixed level)."""

    branch: str
    role: Role
    device_id: str | None
    channel: Channel
    target: str | None = None

    @property
    def spec(self) -> TopicSpec:
        return SPECS[(self.role, self.channel)]

    @property
    def topic(self) -> str:
        return build_topic(self.branch, self.role, self.channel, self.device_id, self.target)


def _level(value: str | None, what: str) -> str:
    if value is None or not is_device_id(value):
        raise BadTopic(f"{what} {value!r:.40} is not an id (1..32 of a-z, 0-9, '-')")
    return value


def build_topic(branch: str, role: Role, channel: Channel, device_id: str | None = None,
                target: str | None = None) -> str:
    """The topic for a (role, channel), checked against the tree; raises ``BadTopic``."""
    spec = SPECS.get((role, channel))
    if spec is None:
        raise BadTopic(f"a {role} does not publish on {channel!r}")
    levels = [ROOT, _level(branch, "branch"), role.value]
    if role is Role.HUB:
        if device_id is not None:
            raise BadTopic("hub topics carry no device id")
    else:
        levels.append(_level(device_id, f"{role} id"))
    levels.append(channel.value)
    if spec.target is Target.NONE:
        if target is not None:
            raise BadTopic(f"{channel!r} topics of a {role} have no target")
    else:
        levels.append(_level(target, spec.target.value))
    return "/".join(levels)


def parse_topic(topic: str) -> TopicInfo:
    """Where a received message came from; raises ``BadTopic`` for anything outside the tree."""
    if len(topic) > MAX_TOPIC_CHARS:
        raise BadTopic(f"topic is longer than {MAX_TOPIC_CHARS} characters")
    levels = topic.split("/")
    if len(levels) < 4 or levels[0] != ROOT:
        raise BadTopic(f"topic {topic!r:.60} is not under '{ROOT}/<branch>/'")
    branch = _level(levels[1], "branch")
    try:
        role = Role(levels[2])
    except ValueError:
        raise BadTopic(f"unknown role {levels[2]!r:.40}") from None
    device_id = None if role is Role.HUB else _level(levels[3], f"{role} id")
    rest = levels[3:] if role is Role.HUB else levels[4:]
    for spec in TOPICS:
        if spec.role is not role:
            continue
        channel_levels = spec.channel.value.split("/")
        width = len(channel_levels) + (0 if spec.target is Target.NONE else 1)
        if len(rest) == width and rest[: len(channel_levels)] == channel_levels:
            target = None if spec.target is Target.NONE else _level(rest[-1], spec.target.value)
            return TopicInfo(branch, role, device_id, spec.channel, target)
    raise BadTopic(f"no channel {'/'.join(rest)!r:.60} for a {role}")


def topic_matches(topic_filter: str, topic: str) -> bool:
    """MQTT filter matching (``+`` one level, ``#`` the rest), for fakes and checks."""
    want, have = topic_filter.split("/"), topic.split("/")
    for index, level in enumerate(want):
        if level == "#":
            return True
        if index >= len(have) or (level != "+" and level != have[index]):
            return False
    return len(want) == len(have)


# --- named builders: what call sites use ------------------------------------------------


def kiosk_help(branch: str, kiosk_id: str) -> str:
    return build_topic(branch, Role.KIOSK, Channel.HELP, kiosk_id)


def ticket_request(branch: str, kiosk_id: str) -> str:
    return build_topic(branch, Role.KIOSK, Channel.TICKET_REQUEST, kiosk_id)


def visit_feedback(branch: str, kiosk_id: str) -> str:
    return build_topic(branch, Role.KIOSK, Channel.FEEDBACK, kiosk_id)


def pin_request(branch: str, role: Role, device_id: str) -> str:
    """A kiosk's or a console's PIN check."""
    return build_topic(branch, role, Channel.PIN_REQUEST, device_id)


def console_help(branch: str, console_id: str, kiosk_id: str) -> str:
    return build_topic(branch, Role.CONSOLE, Channel.HELP, console_id, kiosk_id)


def console_ack(branch: str, console_id: str, kiosk_id: str) -> str:
    return build_topic(branch, Role.CONSOLE, Channel.ACK, console_id, kiosk_id)


def console_action(branch: str, console_id: str) -> str:
    return build_topic(branch, Role.CONSOLE, Channel.ACTION, console_id)


def heartbeat(branch: str, role: Role, device_id: str | None) -> str:
    """Any device's heartbeat; ``device_id`` None for the hub."""
    return build_topic(branch, role, Channel.HEARTBEAT, device_id)


def presence(branch: str, role: Role, device_id: str | None) -> str:
    """Any device's retained presence (and last will); ``device_id`` None for the hub."""
    return build_topic(branch, role, Channel.PRESENCE, device_id)


def _hub_broadcast(channel: Channel) -> Callable[[str], str]:
    """The builder of a hub topic for the whole branch: ``f(branch)``."""

    def build(branch: str) -> str:
        return build_topic(branch, Role.HUB, channel)

    return build


def _hub_to_device(channel: Channel) -> Callable[[str, str], str]:
    """The builder of a hub topic about one device: ``f(branch, device_id)``."""

    def build(branch: str, device_id: str) -> str:
        return build_topic(branch, Role.HUB, channel, target=device_id)

    return build


queue_state = _hub_broadcast(Channel.QUEUE_STATE)
help_state = _hub_broadcast(Channel.HELP_STATE)
help_changes = _hub_broadcast(Channel.HELP_CHANGES)
devices_state = _hub_broadcast(Channel.DEVICES_STATE)
ticket_called = _hub_broadcast(Channel.CALLED)
announcement = _hub_broadcast(Channel.ANNOUNCEMENT)
wait_alert = _hub_broadcast(Channel.ALERT)
call_state = _hub_to_device(Channel.CALL_STATE)  # about a kiosk
hub_help = _hub_to_device(Channel.HELP)  # about a kiosk
hub_ack = _hub_to_device(Channel.ACK)
hub_reply = _hub_to_device(Channel.REPLY)
drill = _hub_to_device(Channel.DRILL)  # to a kiosk
ticket_print = _hub_to_device(Channel.PRINT)  # to a kiosk
help_digest = _hub_to_device(Channel.DIGEST)
