"""A console's or kiosk's connection that only records what would be published.

For unit tests of the device clients (``kiosk.net.console_client``, ``kiosk.net.kiosk_client``)
without a broker; what they receive is built with the real codec (``received``), so a test
hands a client the same ``Decoded`` the network would.
"""

from __future__ import annotations

from collections.abc import Sequence

from kiosk.protocol import Codec, Decoded, Message, Rejection


class RecordingTransport:
    def __init__(self, branch: str, device_id: str, hub_id: str = "hub") -> None:
        self.codec = Codec(branch, device_id, hub_id)
        self.published: list[tuple[str, Message]] = []
        self.raw: list[tuple[str, bytes]] = []
        self.subscribed: list[str] = []
        """Filters (re)subscribed, and ``-filter`` for each unsubscribed, in order."""

    @property
    def connected(self) -> bool:
        return True

    def publish(self, topic: str, message: Message, msg_id: str | None = None) -> bool:
        self.published.append((topic, message))
        return True

    def publish_raw(self, topic: str, payload: bytes, qos: int = 1) -> bool:
        self.raw.append((topic, payload))
        return True

    def resubscribe(self, topic_filters: Sequence[str]) -> None:
        self.subscribed.extend(topic_filters)

    def unsubscribe(self, topic_filters: Sequence[str]) -> None:
        self.subscribed.extend(f"-{f}" for f in topic_filters)


def received(branch: str, sender: str, topic: str, message: Message, at: float,
             hub_id: str = "hub") -> Decoded:
    """``message`` as a receiver decodes it after ``sender`` published it on ``topic``."""
    codec = Codec(branch, sender, hub_id)
    out = codec.prepare(topic, message, sent_at=at)
    decoded = codec.decode(out.topic, out.payload)
    assert not isinstance(decoded, Rejection), decoded
    return decoded
