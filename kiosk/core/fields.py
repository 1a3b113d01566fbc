"""Field validation, written once: value checks, a strict reader of JSON objects, one error.

Every record the programs exchange or store is checked here: help-call events, audit
events, queue events, protocol messages and the branch configuration. Each place keeps its
own words for *what* a field must be, but the checks themselves (type, bounds, patterns,
control characters, unknown and missing keys) and the error they raise live in this module.

- ``FieldError`` is the one error type. It carries a ``FieldCode`` (what kind of problem,
  for counters) and a ``reason`` that names the field and never echoes a secret. Callers
  that must tell their errors apart subclass it (``InvalidEvent``, ``InvalidAuditEvent``,
  ``QueueEventError``, the protocol's ``InvalidMessage``, ``ConfigError``).
- ``require_*`` functions check one value and return it typed.
- ``Fields`` reads one decoded JSON object: presence and types, remembering which keys were
  read; ``finish()`` refuses any key nobody asked for.
- ``reported_as`` runs checks so that their problems surface as a caller's own subclass.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from typing import ClassVar, Concatenate, ParamSpec, Self, TypeVar

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")
P = ParamSpec("P")
F = TypeVar("F", bound="Fields")

MAX_SAFE_INT = 2**53
"""Largest integer a JSON number carries exactly in every language: the bound for counts."""
MAX_TIME = 10_000_000_000.0
"""Unix seconds, year 2286: any later time is a broken clock or garbage."""

EVENT_ID = re.compile(r"[0-9a-f]{32}")
"""Event, call and message ids: a random UUID in hex."""
DEVICE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,31}")
"""Device, staff and service ids: also MQTT topic levels and broker user names."""
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class FieldCode(StrEnum):
    """What kind of problem a field has; the protocol counts rejections by these names."""

    WRONG_TYPE = "wrong_type"
    BAD_ID = "bad_id"
    TOO_LONG = "too_long"
    TOO_MANY_ITEMS = "too_many_items"
    BAD_VALUE = "bad_value"
    NON_FINITE = "non_finite"
    MISSING_FIELD = "missing_field"
    UNEXPECTED_FIELD = "unexpected_field"


class FieldError(ValueError):
    """A value or record that breaks its rules; ``reason`` names the field."""

    def __init__(self, reason: str, code: StrEnum = FieldCode.BAD_VALUE) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code

    @classmethod
    def of(cls, problem: FieldError) -> Self:
        """``problem`` as this type: itself if it already is one."""
        if isinstance(problem, cls):
            return problem
        return cls(problem.reason, problem.code)

    def within(self, where: str) -> Self:
        """The same problem, with the place it was found in front of the reason."""
        return type(self).of(FieldError(f"{where}: {self.reason}", self.code))


@contextmanager
def reported_as(error: type[FieldError], reason: str | None = None) -> Iterator[None]:
    """Run checks whose problems must surface as ``error`` (a caller's own subclass);
    ``reason``, when given, replaces the checks' own words (a caller that has its own)."""
    try:
        yield
    except FieldError as problem:
        if reason is not None:
            raise error.of(FieldError(reason, problem.code)) from None
        if isinstance(problem, error):
            raise
        raise error.of(problem) from None


def raising(error: type[FieldError], check: Callable[P, T]) -> Callable[P, T]:
    """``check`` with its problems reported as ``error``."""

    @functools.wraps(check)
    def checked(*args: P.args, **kwargs: P.kwargs) -> T:
        with reported_as(error):
            return check(*args, **kwargs)

    return checked


def json_type(value: object) -> str:
    """The JSON name of a decoded value's type, for reasons."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, dict | Mapping):
        return "object"
    return type(value).__name__


def show(value: object) -> str:
    """A short, ASCII-only rendering of a received value: safe for any log file."""
    text = ascii(value)
    return text if len(text) <= 40 else text[:37] + "..."


def is_event_id(value: object) -> bool:
    return isinstance(value, str) and EVENT_ID.fullmatch(value) is not None


def is_device_id(value: object) -> bool:
    """Device and staff ids share one format: 1..32 of ``[a-z0-9-]``, not starting with '-'."""
    return isinstance(value, str) and DEVICE_ID.fullmatch(value) is not None


# --- one value --------------------------------------------------------------------------

C = FieldCode


def require_str(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise FieldError(f"field {name!r} must be a string, not {json_type(value)}",
                         C.WRONG_TYPE)
    return value


def require_hex_id(value: object, name: str) -> str:
    if not is_event_id(require_str(value, name)):
        raise FieldError(f"field {name!r} must be 32 lowercase hex characters", C.BAD_ID)
    return str(value)


def require_id(value: object, name: str) -> str:
    """Device, staff and service ids: also topic levels and broker user names."""
    if not is_device_id(require_str(value, name)):
        raise FieldError(f"field {name!r} must be 1..32 characters of a-z, 0-9 and '-', "
                         "not starting with '-'", C.BAD_ID)
    return str(value)


def require_match(value: object, name: str, pattern: re.Pattern[str], what: str,
                  *, secret: bool = False) -> str:
    text = require_str(value, name)
    if pattern.fullmatch(text) is None:
        shown = "" if secret else f", got {show(text)}"
        raise FieldError(f"field {name!r} must be {what}{shown}", C.BAD_VALUE)
    return text


def require_text(value: object, name: str, *, max_len: int, min_len: int = 1,
                 multiline: bool = False, allowed: str = "", surrogates: bool = False) -> str:
    """Free text shown or spoken to people: bounded, no control characters, valid Unicode.

    ``multiline`` allows line breaks; ``allowed`` names further control characters;
    ``surrogates`` lets a lone surrogate through (for the encoder to refuse as not UTF-8)."""
    text = require_str(value, name)
    if len(text) > max_len:
        raise FieldError(f"field {name!r} is longer than {max_len} characters", C.TOO_LONG)
    if len(text) < min_len:
        raise FieldError(f"field {name!r} must not be empty", C.BAD_VALUE)
    allowed += "\n" if multiline else ""
    for char in text:
        kind = unicodedata.category(char)
        if kind == "Cs" and not surrogates:
            raise FieldError(f"field {name!r} holds an unpaired surrogate", C.BAD_VALUE)
        if kind == "Cc" and char not in allowed:
            raise FieldError(f"field {name!r} holds a control character", C.BAD_VALUE)
    return text


def require_bool(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise FieldError(f"field {name!r} must be true or false, not {json_type(value)}",
                         C.WRONG_TYPE)
    return value


def require_int(value: object, name: str, *, lo: int = 0, hi: int = MAX_SAFE_INT) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(f"field {name!r} must be an integer, not {json_type(value)}",
                         C.WRONG_TYPE)
    if not lo <= value <= hi:
        raise FieldError(f"field {name!r} must be between {lo} and {hi}, got {show(value)}",
                         C.BAD_VALUE)
    return value


def require_number(value: object, name: str, *, lo: float = 0.0,
                   hi: float = MAX_TIME, lo_open: bool = False) -> float:
    """A finite number within bounds, as float (JSON does not tell 3 from 3.0 apart)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldError(f"field {name!r} must be a number, not {json_type(value)}",
                         C.WRONG_TYPE)
    if isinstance(value, int) and abs(value) > MAX_SAFE_INT:
        raise FieldError(f"field {name!r} is out of range", C.BAD_VALUE)
    number = float(value)
    if not math.isfinite(number):
        raise FieldError(f"field {name!r} must be a finite number", C.NON_FINITE)
    if number < lo or number > hi or (lo_open and number == lo):
        low = f"above {lo:g}" if lo_open else f"at least {lo:g}"
        if hi == math.inf:
            bounds = low
        else:
            bounds = f"{low} and at most {hi:g}" if lo_open else f"between {lo:g} and {hi:g}"
        raise FieldError(f"field {name!r} must be {bounds}, got {show(value)}", C.BAD_VALUE)
    return number


def require_time(value: object, name: str) -> float:
    """Unix seconds on the sender's clock."""
    return require_number(value, name, lo=0.0, hi=MAX_TIME)


def require_enum(value: object, enum: type[E], name: str) -> E:
    if isinstance(value, enum):
        return value
    text = require_str(value, name)
    try:
        return enum(text)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise FieldError(f"field {name!r} has unknown value {show(text)} "
                         f"(allowed: {allowed})", C.BAD_VALUE) from None


def require_day(value: object, name: str) -> str:
    text = require_match(value, name, DAY, "a date as YYYY-MM-DD")
    try:
        date.fromisoformat(text)
    except ValueError:
        raise FieldError(f"field {name!r} is not a real date: {show(text)}",
                         C.BAD_VALUE) from None
    return text


def require_object(value: object, name: str) -> Mapping[str, object]:
    """A decoded JSON object (a mapping with text keys)."""
    if not isinstance(value, Mapping) or not all(isinstance(key, str) for key in value):
        raise FieldError(f"{name} must be an object, not {json_type(value)}", C.WRONG_TYPE)
    return value


def require_instance(value: object, cls: type[T], name: str) -> T:
    if not isinstance(value, cls):
        raise FieldError(f"field {name!r} must be a {cls.__name__}", C.WRONG_TYPE)
    return value


def require_items(value: object, name: str, *, max_items: int,
                  min_items: int = 0) -> list[object] | tuple[object, ...]:
    """A list (or tuple) with a bounded number of items."""
    if not isinstance(value, tuple | list):
        raise FieldError(f"field {name!r} must be a list, not {json_type(value)}",
                         C.WRONG_TYPE)
    if len(value) > max_items:
        raise FieldError(f"field {name!r} has {len(value)} items; at most {max_items} are "
                         "allowed", C.TOO_MANY_ITEMS)
    if len(value) < min_items:
        raise FieldError(f"field {name!r} needs at least {min_items} item(s)", C.BAD_VALUE)
    return value


def require_mapping(value: object, name: str, *, max_items: int) -> Mapping[object, object]:
    if not isinstance(value, Mapping):
        raise FieldError(f"field {name!r} must be a mapping, not {json_type(value)}",
                         C.WRONG_TYPE)
    if len(value) > max_items:
        raise FieldError(f"field {name!r} has {len(value)} entries; at most {max_items} "
                         "are allowed", C.TOO_MANY_ITEMS)
    return value


def require_keys(data: Mapping[str, object], required: Iterable[str],
                 allowed: Container[str], *, what: str = "") -> None:
    """Refuse a record with a key outside ``allowed`` or without one of ``required``;
    ``what`` ("for a raised event") ends the reason for a missing key."""
    unknown = sorted(str(key) for key in data if key not in allowed)
    if unknown:
        raise FieldError(f"unexpected field {show(unknown[0])}", C.UNEXPECTED_FIELD)
    for name in sorted(required) if isinstance(required, set | frozenset) else required:
        if name not in data:
            raise FieldError(f"missing field {name!r}{' ' + what if what else ''}",
                             C.MISSING_FIELD)


def freeze_items(owner: object, name: str, *, max_items: int, min_items: int = 0,
                 item_type: type | None = None,
                 check: Callable[[object, str], object] | None = None) -> None:
    """Check a list field of a frozen dataclass and store it as a tuple (frozen, hashable)."""
    value = require_items(getattr(owner, name), name, max_items=max_items,
                          min_items=min_items)
    for index, item in enumerate(value):
        where = f"{name}[{index}]"
        if item_type is not None:
            require_instance(item, item_type, where)
        if check is not None:
            check(item, where)
    object.__setattr__(owner, name, tuple(value))


def freeze_time(owner: object, name: str) -> None:
    """Check a time field of a frozen dataclass and store it as float."""
    object.__setattr__(owner, name, require_time(getattr(owner, name), name))


def checked_texts(value: object, name: str, *, max_len: int, key_pattern: re.Pattern[str],
                  max_items: int) -> dict[str, str]:
    """A checked copy of a ``{key: text}`` mapping (texts per language, result details)."""
    mapping = require_mapping(value, name, max_items=max_items)
    texts: dict[str, str] = {}
    for key, text in mapping.items():
        checked_key = require_match(key, f"{name} key", key_pattern,
                                    f"matching {key_pattern.pattern}")
        texts[checked_key] = require_text(text, f"{name}.{key}", max_len=max_len,
                                          multiline=True)
    return texts


# --- one JSON object --------------------------------------------------------------------


def _reported(method: Callable[Concatenate[F, P], T]) -> Callable[Concatenate[F, P], T]:
    """A ``Fields`` method whose problems surface as the reader's ``error`` type."""

    @functools.wraps(method)
    def run(self: F, /, *args: P.args, **kwargs: P.kwargs) -> T:
        with reported_as(self.error):
            return method(self, *args, **kwargs)

    return run


class Fields:
    """Strict reader of one decoded JSON object; see the module docstring.

    A subclass sets ``error`` to report its problems as its own ``FieldError`` subclass."""

    error: ClassVar[type[FieldError]] = FieldError

    def __init__(self, data: object) -> None:
        if not isinstance(data, dict):
            raise self.error.of(FieldError(f"expected an object, not {json_type(data)}",
                                           C.WRONG_TYPE))
        self._data: dict[str, object] = data
        self._read: set[str] = set()

    def has(self, name: str) -> bool:
        return name in self._data

    def _get(self, name: str) -> object:
        self._read.add(name)
        if name not in self._data:
            raise FieldError(f"missing field {name!r}", C.MISSING_FIELD)
        return self._data[name]

    def _maybe(self, name: str) -> object | None:
        """An optional field: absent means None. An explicit null is refused: leave it out."""
        self._read.add(name)
        if name not in self._data:
            return None
        value = self._data[name]
        if value is None:
            raise FieldError(f"field {name!r} must be left out, not null", C.WRONG_TYPE)
        return value

    @_reported
    def string(self, name: str) -> str:
        return require_str(self._get(name), name)

    @_reported
    def opt_string(self, name: str) -> str | None:
        value = self._maybe(name)
        return None if value is None else require_str(value, name)

    @_reported
    def boolean(self, name: str) -> bool:
        return require_bool(self._get(name), name)

    @_reported
    def integer(self, name: str) -> int:
        return require_int(self._get(name), name, lo=-MAX_SAFE_INT, hi=MAX_SAFE_INT)

    @_reported
    def number(self, name: str) -> float:
        return require_number(self._get(name), name, lo=-MAX_TIME, hi=MAX_TIME)

    @_reported
    def opt_number(self, name: str) -> float | None:
        value = self._maybe(name)
        return None if value is None else require_number(value, name, lo=-MAX_TIME,
                                                         hi=MAX_TIME)

    @_reported
    def enum(self, name: str, enum: type[E]) -> E:
        return require_enum(self._get(name), enum, name)

    @_reported
    def opt_enum(self, name: str, enum: type[E]) -> E | None:
        value = self._maybe(name)
        return None if value is None else require_enum(value, enum, name)

    @_reported
    def array(self, name: str, *, max_items: int) -> list[object]:
        value = self._get(name)
        if not isinstance(value, list):
            raise FieldError(f"field {name!r} must be an array, not {json_type(value)}",
                             C.WRONG_TYPE)
        require_items(value, name, max_items=max_items)
        return value

    @_reported
    def strings(self, name: str, *, max_items: int) -> tuple[str, ...]:
        items = self.array(name, max_items=max_items)
        return tuple(require_str(item, f"{name}[{i}]") for i, item in enumerate(items))

    @_reported
    def raw_object(self, name: str) -> dict[str, object]:
        value = self._get(name)
        if not isinstance(value, dict):
            raise FieldError(f"field {name!r} must be an object, not {json_type(value)}",
                             C.WRONG_TYPE)
        return value

    @_reported
    def texts(self, name: str) -> dict[str, str]:
        """A ``{key: text}`` object; keys and texts are checked by the message."""
        raw = self.raw_object(name)
        return {key: require_str(text, f"{name}.{key}") for key, text in raw.items()}

    @_reported
    def obj(self, name: str, build: Callable[[Self], T]) -> T:
        return read_object(self._get(name), build, name, reader=type(self))

    @_reported
    def opt_obj(self, name: str, build: Callable[[Self], T]) -> T | None:
        value = self._maybe(name)
        return None if value is None else read_object(value, build, name, reader=type(self))

    @_reported
    def objects(self, name: str, build: Callable[[Self], T], *,
                max_items: int) -> tuple[T, ...]:
        items = self.array(name, max_items=max_items)
        return tuple(read_object(item, build, f"{name}[{i}]", reader=type(self))
                     for i, item in enumerate(items))

    def everything(self) -> dict[str, object]:
        """The whole object, for a nested contract that reads itself (a help event)."""
        self._read.update(self._data)
        return self._data

    @_reported
    def finish(self) -> None:
        unread = sorted(key for key in self._data if key not in self._read)
        if unread:
            raise FieldError(f"unexpected field {show(unread[0])}", C.UNEXPECTED_FIELD)


def read_object(data: object, build: Callable[[F], T], where: str | None = None, *,
                reader: type[F]) -> T:
    """Build a value from a JSON object with ``reader``, refusing leftovers; problems name
    ``where``."""
    try:
        fields = reader(data)
        value = build(fields)
        fields.finish()
    except FieldError as problem:
        reported = reader.error.of(problem)
        raise reported.within(f"in {where!r}") if where else reported from None
    return value
