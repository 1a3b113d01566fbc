"""Everything the hub sends goes through here: encoded and checked by the codec, then handed
to the transport (the MQTT link, or a list in unit tests).

``Codec.prepare`` decodes its own payload before it is sent, so a bug in the hub shows up
here, in the hub's log, and not as a rejection counter rising on every kiosk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from kiosk.protocol import Codec, InvalidMessage, Message, Outgoing, topics
from kiosk.protocol.help_messages import MAX_ACK_IDS, EventAck

log = logging.getLogger(__name__)

Send = Callable[[Outgoing], object]
"""Hands one prepared message to the broker link; its result is ignored (paho queues QoS 1
messages while disconnected and sends them on reconnect)."""


class Publisher:
    def __init__(self, codec: Codec, send: Send) -> None:
        self.codec = codec
        self.branch = codec.branch
        self._send = send

    def publish(self, topic: str, message: Message, now: float) -> bool:
        try:
            out = self.codec.prepare(topic, message, sent_at=now)
        except InvalidMessage as problem:
            log.error("not sending an invalid %s on %s: %s", message.TYPE, topic, problem.reason)
            return False
        self._send(out)
        return True

    def send(self, out: Outgoing) -> None:
        """Hand over bytes the codec does not write (an empty retained message)."""
        self._send(out)

    def reply(self, device_id: str, message: Message, now: float) -> bool:
        """An answer only the asking device can read (``hub/reply/<device>``)."""
        return self.publish(topics.hub_reply(self.branch, device_id), message, now)

    def ack(self, device_id: str, ids: Iterable[str], now: float) -> None:
        """"Stored": sent only after the commit, to the device that originated the ids."""
        pending = list(ids)
        for start in range(0, len(pending), MAX_ACK_IDS):
            chunk = tuple(pending[start:start + MAX_ACK_IDS])
            self.publish(topics.hub_ack(self.branch, device_id), EventAck(chunk), now)
