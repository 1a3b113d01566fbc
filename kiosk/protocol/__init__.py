"""Qt-free wire protocol: topics, message types, codec. See docs/protocol.md.

Typical use, in a program's composition root::

    codec = Codec(branch="b001", device_id="kiosk-1", hub_id="hub")
    out = codec.prepare(topics.kiosk_help("b001", "kiosk-1"), HelpEventMessage(event),
                        sent_at=clock.now())
    client.publish(out.topic, out.payload, qos=out.qos, retain=out.retain)

    result = codec.decode(msg.topic, msg.payload, msg.retain)  # an old retained event: refused
    if isinstance(result, Rejection):
        log.warning("dropped %s: %s", msg.topic, result); counters[result.code] += 1
"""

from __future__ import annotations

from kiosk.protocol.codec import Codec, Decoded, Outgoing, decode, encode, new_message_id, prepare
from kiosk.protocol.message import Message
from kiosk.protocol.messages import MESSAGE_TYPES
from kiosk.protocol.rejection import InvalidMessage, RejectCode, Rejection
from kiosk.protocol.topics import BadTopic, Channel, TopicInfo, build_topic, parse_topic
from kiosk.protocol.versions import CURRENT_VERSION, SUPPORTED_VERSIONS

__all__ = [
    "CURRENT_VERSION",
    "MESSAGE_TYPES",
    "SUPPORTED_VERSIONS",
    "BadTopic",
    "Channel",
    "Codec",
    "Decoded",
    "InvalidMessage",
    "Message",
    "Outgoing",
    "RejectCode",
    "Rejection",
    "TopicInfo",
    "build_topic",
    "decode",
    "encode",
    "new_message_id",
    "parse_topic",
    "prepare",
]
