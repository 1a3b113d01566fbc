"""The base every wire message type derives from.

A message is a frozen dataclass that checks itself in ``__post_init__``; ``TYPE`` is its name
in the envelope. ``to_body`` gives plain JSON values (optional fields left out, never null);
``from_fields`` reads a body with a strict ``Fields`` reader. The codec owns the envelope,
versions and topics, so a message type knows nothing about where it travels.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar, Self

from kiosk.protocol.fields import Fields


class Message(ABC):
    TYPE: ClassVar[str]

    @abstractmethod
    def to_body(self) -> dict[str, object]:
        """The body as JSON-ready plain values."""

    @classmethod
    @abstractmethod
    def from_fields(cls, fields: Fields) -> Self:
        """Read a received body; raises ``InvalidMessage`` naming the field."""


def put_optional(body: dict[str, object], name: str, value: object) -> None:
    """Add an optional field only when it has a value: the wire never carries null."""
    if value is not None:
        body[name] = value
