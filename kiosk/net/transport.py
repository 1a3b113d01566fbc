"""What the device clients need from a connection; a DeviceLink, or a fake in unit tests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from kiosk.protocol import Codec, Message


class Transport(Protocol):
    codec: Codec

    @property
    def connected(self) -> bool: ...

    def publish(self, topic: str, message: Message, msg_id: str | None = None) -> bool: ...

    def publish_raw(self, topic: str, payload: bytes, qos: int = 1) -> bool: ...

    def resubscribe(self, topic_filters: Sequence[str]) -> None:
        """Have the broker hand over these filters' retained messages again."""

    def unsubscribe(self, topic_filters: Sequence[str]) -> None:
        """Stop receiving on these filters until ``resubscribe`` or a reconnect."""
