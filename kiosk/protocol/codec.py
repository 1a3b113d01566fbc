"""The one place that turns messages into MQTT payloads and back.

``decode`` never raises: whatever arrives, it returns either a ``Decoded`` message or a
``Rejection`` with a reason and a code, in the order a reader would check by hand: the
topic, the size (before any parsing), UTF-8, strict JSON, the envelope, the version, the
type against the topic, the sender against the topic, the body, and the body against the
topic. ``encode`` refuses (raises ``InvalidMessage``) anything ``decode`` would refuse, so a
program never publishes what its peers will drop.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from kiosk.core.settings import Role
from kiosk.protocol.fields import (
    Fields,
    read_object,
    require_hex_id,
    require_id,
    require_int,
    require_time,
    show,
)
from kiosk.protocol.message import Message
from kiosk.protocol.messages import MESSAGE_TYPES
from kiosk.protocol.rejection import InvalidMessage, RejectCode, Rejection
from kiosk.protocol.strict_json import parse
from kiosk.protocol.topic_rules import check_on_topic
from kiosk.protocol.topics import TOPICS, BadTopic, TopicInfo, parse_topic
from kiosk.protocol.versions import CURRENT_VERSION, SUPPORTED_VERSIONS, downgrade, upgrade

R = RejectCode
Payload = bytes | bytearray | memoryview
"""What an MQTT client hands over as a message's payload."""


def new_message_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Decoded:
    """A message that passed every check, with where and whom it came from."""

    topic: TopicInfo
    message: Message
    sender: str
    msg_id: str
    sent_at: float
    version: int  # as sent; the message itself is always in the current shape


@dataclass(frozen=True)
class Outgoing:
    """A payload ready for ``client.publish(topic, payload, qos, retain)``."""

    topic: str
    payload: bytes
    qos: int
    retain: bool


def encode(message: Message, sender: str, msg_id: str | None = None, *, sent_at: float,
           version: int = CURRENT_VERSION) -> bytes:
    """The payload for ``message`` from device ``sender``; raises ``InvalidMessage``."""
    if not isinstance(message, Message) or message.TYPE not in MESSAGE_TYPES:
        raise InvalidMessage(R.UNKNOWN_TYPE, f"{type(message).__name__} is not a message type")
    if version not in SUPPORTED_VERSIONS:
        raise InvalidMessage(R.UNSUPPORTED_VERSION, f"cannot write version {version}")
    envelope: dict[str, object] = {
        "v": version,
        "type": message.TYPE,
        "id": require_hex_id(new_message_id() if msg_id is None else msg_id, "id"),
        "sender": require_id(sender, "sender"),
        "sent_at": require_time(sent_at, "sent_at"),
        "body": downgrade(message.to_body(), message.TYPE, version),
    }
    envelope = downgrade(envelope, None, version)
    text = json.dumps(envelope, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    try:
        payload = text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidMessage(R.NOT_UTF8, f"{message.TYPE} holds text that is not valid "
                             "Unicode (an unpaired surrogate)") from None
    limit = max(spec.max_bytes for spec in TOPICS if message.TYPE in spec.types)
    if len(payload) > limit:
        raise InvalidMessage(R.TOO_LARGE, f"{message.TYPE} is {len(payload)} bytes; "
                             f"the limit is {limit}")
    return payload


def decode(topic: str, payload: Payload, *, branch: str | None,
           hub_id: str | None, retained: bool = False) -> Decoded | Rejection:
    """Check and read one received message; never raises.

    ``branch``: the branch this program serves (None: any, for tools and bridges).
    ``hub_id``: the hub's device id, the only valid sender on ``hub/`` topics (None: any).
    ``retained``: the broker's retain flag. A retained copy on a topic where nothing is
    retained (an event, a request) is an old message the broker replays to every new
    subscriber, never a live one.
    """
    try:
        return _decode(topic, payload, branch, hub_id, retained)
    except InvalidMessage as problem:
        return problem.as_rejection()


def _decode(topic: str, payload: Payload, branch: str | None,
            hub_id: str | None, retained: bool) -> Decoded:
    try:
        info = parse_topic(topic)
    except BadTopic as problem:
        raise InvalidMessage(R.BAD_TOPIC, problem.reason) from None
    if branch is not None and info.branch != branch:
        raise InvalidMessage(R.WRONG_BRANCH, f"topic is for branch {info.branch!r}, "
                             f"this is {branch!r}")
    spec = info.spec
    if len(payload) == 0:
        raise InvalidMessage(R.EMPTY, "empty payload (a cleared retained message)")
    if retained and not spec.retain:
        raise InvalidMessage(R.RETAINED, f"a retained copy on {spec.pattern()}, where "
                             "nothing is retained: an old message, not a live one")
    if len(payload) > spec.max_bytes:
        raise InvalidMessage(R.TOO_LARGE, f"payload is {len(payload)} bytes; the limit on "
                             f"this topic is {spec.max_bytes}")
    try:
        text = bytes(payload).decode("utf-8")
    except UnicodeDecodeError as problem:
        raise InvalidMessage(R.NOT_UTF8, f"not UTF-8 at byte {problem.start}") from None
    raw = parse(text)
    if not isinstance(raw, dict):
        raise InvalidMessage(R.NOT_AN_OBJECT, "a message is a JSON object {...}")
    version = _version(raw)
    envelope = Fields(upgrade(raw, None, version))
    envelope.integer("v")
    type_name = envelope.string("type")
    cls = MESSAGE_TYPES.get(type_name)
    if cls is None:
        raise InvalidMessage(R.UNKNOWN_TYPE, f"unknown message type {show(type_name)}")
    if type_name not in spec.types:
        raise InvalidMessage(R.TYPE_NOT_ALLOWED, f"{type_name} is not allowed on "
                             f"{spec.pattern()}")
    msg_id = require_hex_id(envelope.string("id"), "id")
    sender = require_id(envelope.string("sender"), "sender")
    sent_at = require_time(envelope.number("sent_at"), "sent_at")
    body = envelope.raw_object("body")
    envelope.finish()
    _check_sender(info, sender, hub_id)
    try:
        message = read_object(upgrade(body, type_name, version), cls.from_fields)
        check_on_topic(message, info, sender)
    except InvalidMessage as problem:
        raise problem.within(type_name) from None
    return Decoded(info, message, sender, msg_id, sent_at, version)


def _version(raw: dict[str, object]) -> int:
    if "v" not in raw:
        raise InvalidMessage(R.MISSING_FIELD, "missing field 'v' (the protocol version)")
    version = require_int(raw["v"], "v", lo=-(2**53), hi=2**53)
    if version not in SUPPORTED_VERSIONS:
        readable = ", ".join(str(v) for v in SUPPORTED_VERSIONS)
        raise InvalidMessage(R.UNSUPPORTED_VERSION, f"version {version} is not supported "
                             f"(this program reads {readable})")
    return version


def _check_sender(info: TopicInfo, sender: str, hub_id: str | None) -> None:
    expected = hub_id if info.role is Role.HUB else info.device_id
    if expected is not None and sender != expected:
        raise InvalidMessage(R.SENDER_MISMATCH, f"sender {sender!r} may not publish on a "
                             f"topic of {info.role} {expected!r}")


def prepare(topic: str, message: Message, *, sender: str, sent_at: float,
            msg_id: str | None = None, branch: str | None = None, hub_id: str | None = None,
            version: int = CURRENT_VERSION) -> Outgoing:
    """Encode for ``topic`` and prove a receiver would accept it; raises ``InvalidMessage``.

    Decoding our own payload costs well under a millisecond for anything but the hub's
    state, and guarantees a bug in a sender shows up where it is made, not as a rejection
    counter rising on every other machine.
    """
    payload = encode(message, sender, msg_id, sent_at=sent_at, version=version)
    checked = decode(topic, payload, branch=branch, hub_id=hub_id)
    if isinstance(checked, Rejection):
        raise InvalidMessage(checked.code, f"receivers would refuse this: {checked.reason}")
    spec = checked.topic.spec
    return Outgoing(topic, payload, spec.qos, spec.retain)


class Codec:
    """``encode``/``decode``/``prepare`` bound to one program's branch and identity."""

    def __init__(self, branch: str, device_id: str, hub_id: str) -> None:
        self.branch = require_id(branch, "branch")
        self.device_id = require_id(device_id, "device_id")
        self.hub_id = require_id(hub_id, "hub_id")

    def decode(self, topic: str, payload: Payload, retained: bool = False
               ) -> Decoded | Rejection:
        return decode(topic, payload, branch=self.branch, hub_id=self.hub_id,
                      retained=retained)

    def prepare(self, topic: str, message: Message, *, sent_at: float,
                msg_id: str | None = None, version: int = CURRENT_VERSION) -> Outgoing:
        return prepare(topic, message, sender=self.device_id, sent_at=sent_at, msg_id=msg_id,
                       branch=self.branch, hub_id=self.hub_id, version=version)

