"""What the device clients need from a connection; a DeviceLink, or a fake in unit tests."""

from __future__ import annotations

from typing import Protocol

from kiosk.protocol import Codec, Message


class Transport(Protocol):
    codec: Codec

    @property
    def connected(self) -> bool: ...

    def publish(self, topic: str, message: Message, msg_id: str | None = None) -> bool: ...

    def publish_raw(self, topic: str, payload: bytes, qos: int = 1) -> bool: ...
