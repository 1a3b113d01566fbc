"""The base every wire message type derives from.

A message is a frozen dataclass that checks itself in ``__post_init__``; ``TYPE`` is its name
in the envelope. ``to_body`` gives plain JSON values (optional fields left out, never null);
``from_fields`` reads a body with a strict ``Fields`` reader. The codec owns the envelope,
versions and topics, so a message type knows nothing about where it travels.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import fields
from enum import StrEnum
from typing import Any, ClassVar, Self, TypeVar

from kiosk.protocol.fields import Fields
from kiosk.protocol.rejection import InvalidMessage, RejectCode

E = TypeVar("E", bound=StrEnum)


class Message(ABC):
    TYPE: ClassVar[str]

    @abstractmethod
    def to_body(self) -> dict[str, object]:
        """The body as JSON-ready plain values."""

    @classmethod
    @abstractmethod
    def from_fields(cls, fields: Fields) -> Self:
        """Read a received body; raises ``InvalidMessage`` naming the field."""


class PlainFields:
    """An object whose JSON form is exactly its own dataclass fields, by name and declared
    type (``str``, ``int``, ``bool``, ``float``; optional ones left out when None): a plain
    message's body, a command's args, an item of a list in a body. It still checks its
    values in ``__post_init__``."""

    def to_dict(self) -> dict[str, object]:
        return fields_as_json(self)

    @classmethod
    def from_fields(cls, f: Fields) -> Self:
        made: Self = read_fields(cls, f)
        return made


class PlainMessage(PlainFields, Message):
    """A message whose body is exactly its own fields (see ``PlainFields``)."""

    def to_body(self) -> dict[str, object]:
        return self.to_dict()


def put_optional(body: dict[str, object], name: str, value: object) -> None:
    """Add an optional field only when it has a value: the wire never carries null."""
    if value is not None:
        body[name] = value


def read_refusal(f: Fields, refusals: type[E]) -> E | None:
    """The ``reason`` of an answer whose ``ok`` says whether it was refused: required when
    ``ok`` is false, not allowed when it is true."""
    ok = f.boolean("ok")
    reason = f.opt_enum("reason", refusals)
    if ok and reason is not None:
        raise InvalidMessage(RejectCode.UNEXPECTED_FIELD,
                             "field 'reason' is not allowed when 'ok' is true")
    if not ok and reason is None:
        raise InvalidMessage(RejectCode.MISSING_FIELD,
                             "missing field 'reason' (required when 'ok' is false)")
    return reason


_FIELD_READERS: dict[str, Callable[[Fields, str], Any]] = {
    "str": Fields.string, "int": Fields.integer, "bool": Fields.boolean,
    "float": Fields.number, "str | None": Fields.opt_string,
    "float | None": Fields.opt_number,
}
"""How a field of each declared type is read (annotations are strings in this package)."""


def fields_as_json(value: Any) -> dict[str, object]:
    """A dataclass of plain fields as a body: each field by its name, None left out."""
    return {field.name: getattr(value, field.name) for field in fields(value)
            if getattr(value, field.name) is not None}


def read_fields(cls: Callable[..., Any], f: Fields) -> Any:
    """``cls`` built from the body fields named as its own, read by their declared type."""
    return cls(**{field.name: _FIELD_READERS[str(field.type)](f, field.name)
                  for field in fields(cls)})  # type: ignore[arg-type]
