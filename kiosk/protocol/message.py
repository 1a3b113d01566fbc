"""The base every wire message type derives from.

A message is a frozen dataclass that checks itself in ``__post_init__``: the fields whose
declared type carries a ``Rule`` (``fields.Id``, ``fields.Time``, ...) by that rule, then
whatever else the type checks in its own ``__post_init__``; ``TYPE`` is its name
in the envelope. ``to_body`` gives plain JSON values (optional fields left out, never null);
``from_fields`` reads a body with a strict ``Fields`` reader. The codec owns the envelope,
versions and topics, so a message type knows nothing about where it travels.
"""

from __future__ import annotations

import types
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import (
    Annotated,
    Any,
    ClassVar,
    Self,
    TypeVar,
    Union,
    get_args,
    get_origin,
    get_type_hints,
)

from kiosk.protocol.fields import Fields, Rule
from kiosk.protocol.rejection import InvalidMessage, RejectCode

E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True)
class DeclaredField:
    """One dataclass field as declared: its name, its type without the rule, whether it may
    be None, and the rule its type carries (None: no rule)."""

    name: str
    base: Any
    optional: bool
    rule: Rule | None


_DECLARED: dict[type, tuple[DeclaredField, ...]] = {}


def declared_fields(cls: type) -> tuple[DeclaredField, ...]:
    """The fields of dataclass ``cls`` with their declared types resolved (annotations are
    strings in this package), worked out once per type."""
    declared = _DECLARED.get(cls)
    if declared is None:
        declared = _DECLARED[cls] = _declare(cls)
    return declared


def _declare(cls: type) -> tuple[DeclaredField, ...]:
    hints = get_type_hints(cls, include_extras=True)
    declared = []
    for field in fields(cls):
        hint = hints[field.name]
        members = get_args(hint) if get_origin(hint) in (Union, types.UnionType) else (hint,)
        values = [member for member in members if member is not type(None)]
        inner = values[0] if len(values) == 1 else hint
        rule = None
        if get_origin(inner) is Annotated:
            inner, *extras = get_args(inner)
            rule = next((extra for extra in extras if isinstance(extra, Rule)), None)
        declared.append(DeclaredField(field.name, inner, len(values) < len(members), rule))
    return tuple(declared)


class CheckedFields:
    """A dataclass whose fields are checked by the rules their types carry. A type that
    checks more defines ``__post_init__`` and calls this one first."""

    def __post_init__(self) -> None:
        for field in declared_fields(type(self)):
            if field.rule is None:
                continue
            value = getattr(self, field.name)
            if value is None and field.optional:
                continue
            checked = field.rule.check(value, field.name)
            if field.rule.keep:
                object.__setattr__(self, field.name, checked)


class Message(CheckedFields, ABC):
    TYPE: ClassVar[str]

    @abstractmethod
    def to_body(self) -> dict[str, object]:
        """The body as JSON-ready plain values."""

    @classmethod
    @abstractmethod
    def from_fields(cls, fields: Fields) -> Self:
        """Read a received body; raises ``InvalidMessage`` naming the field."""


class PlainFields(CheckedFields):
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


_FIELD_READERS: dict[tuple[type, bool], Callable[[Fields, str], Any]] = {
    (str, False): Fields.string, (int, False): Fields.integer, (bool, False): Fields.boolean,
    (float, False): Fields.number, (str, True): Fields.opt_string,
    (float, True): Fields.opt_number,
}
"""How a field of each declared type (and whether it may be None) is read."""


def fields_as_json(value: Any) -> dict[str, object]:
    """A dataclass of plain fields as a body: each field by its name, None left out."""
    return {field.name: getattr(value, field.name) for field in fields(value)
            if getattr(value, field.name) is not None}


def read_fields(cls: Callable[..., Any], f: Fields) -> Any:
    """``cls`` built from the body fields named as its own, read by their declared type."""
    return cls(**{field.name: _FIELD_READERS[field.base, field.optional](f, field.name)
                  for field in declared_fields(cls)})  # type: ignore[arg-type]
