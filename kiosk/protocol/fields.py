"""Field rules shared by every message: formats, bounds, and a strict reader of JSON objects.

Two layers, so a message is checked the same way whether it was decoded or built in code:

- ``require_*`` functions check one value (type and content). Message dataclasses call them
  in ``__post_init__``, so an invalid message cannot exist, and ``encode`` cannot produce a
  payload that a receiver would refuse.
- ``Fields`` reads a decoded JSON object: it checks presence and JSON types, remembers which
  keys were read, and ``finish()`` refuses any key nobody asked for.

Reasons name the field and never echo the value of a secret (PINs, session tokens).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date
from enum import StrEnum
from typing import TypeVar

from kiosk.core.help_call import is_device_id, is_event_id
from kiosk.core.ticket_numbers import NUMBER_PATTERN
from kiosk.protocol.rejection import InvalidMessage, RejectCode

R = RejectCode
E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")

MAX_SAFE_INT = 2**53
"""Largest integer a JSON number carries exactly in every language: the bound for counts."""
MAX_TIME = 10_000_000_000.0
"""Unix seconds, year 2286: any later time is a broken clock or garbage."""

LANGUAGE = re.compile(r"[a-z]{2}(_[A-Z]{2})?")  # as in the branch config: zh_CN, en
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")  # session and status tokens: url-safe base64
TICKET_NUMBER = NUMBER_PATTERN  # as the queue issues them: A012, A999, A1000
DETAIL_KEY = re.compile(r"[a-z][a-z0-9_]{0,31}")
APP_VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+_-]{0,31}")
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
PIN = re.compile(r"[0-9]{4,8}")  # as kiosk.core.pins accepts
MAX_LANGUAGES = 8
COUNTER_MAX = 99  # counters are numbered 1..99 in the branch config


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


# --- one value --------------------------------------------------------------------------


def require_str(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise InvalidMessage(R.WRONG_TYPE, f"field {name!r} must be a string, "
                             f"not {json_type(value)}")
    return value


def require_hex_id(value: object, name: str) -> str:
    if not is_event_id(require_str(value, name)):
        raise InvalidMessage(R.BAD_ID, f"field {name!r} must be 32 lowercase hex characters")
    return str(value)


def require_id(value: object, name: str) -> str:
    """Device, staff and service ids: also topic levels and broker user names."""
    if not is_device_id(require_str(value, name)):
        raise InvalidMessage(R.BAD_ID, f"field {name!r} must be 1..32 characters of a-z, 0-9 "
                             "and '-', not starting with '-'")
    return str(value)


def require_match(value: object, name: str, pattern: re.Pattern[str], what: str,
                  *, secret: bool = False) -> str:
    text = require_str(value, name)
    if pattern.fullmatch(text) is None:
        shown = "" if secret else f", got {show(text)}"
        raise InvalidMessage(R.BAD_VALUE, f"field {name!r} must be {what}{shown}")
    return text


def require_text(value: object, name: str, *, max_len: int, min_len: int = 1,
                 multiline: bool = False) -> str:
    """Free text shown or spoken to people: bounded, no control characters, valid Unicode."""
    text = require_str(value, name)
    if len(text) > max_len:
        raise InvalidMessage(R.TOO_LONG, f"field {name!r} is longer than {max_len} characters")
    if len(text) < min_len:
        raise InvalidMessage(R.BAD_VALUE, f"field {name!r} must not be empty")
    allowed = "\n" if multiline else ""
    for char in text:
        kind = unicodedata.category(char)
        if kind == "Cs":
            raise InvalidMessage(R.BAD_VALUE, f"field {name!r} holds an unpaired surrogate")
        if kind == "Cc" and char not in allowed:
            raise InvalidMessage(R.BAD_VALUE, f"field {name!r} holds a control character")
    return text


def require_bool(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidMessage(R.WRONG_TYPE, f"field {name!r} must be true or false, "
                             f"not {json_type(value)}")
    return value


def require_int(value: object, name: str, *, lo: int = 0, hi: int = MAX_SAFE_INT) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidMessage(R.WRONG_TYPE, f"field {name!r} must be an integer, "
                             f"not {json_type(value)}")
    if not lo <= value <= hi:
        raise InvalidMessage(R.BAD_VALUE, f"field {name!r} must be between {lo} and {hi}, "
                             f"got {show(value)}")
    return value


def require_number(value: object, name: str, *, lo: float = 0.0,
                   hi: float = MAX_TIME, lo_open: bool = False) -> float:
    """A finite number within bounds, as float (JSON does not tell 3 from 3.0 apart)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidMessage(R.WRONG_TYPE, f"field {name!r} must be a number, "
                             f"not {json_type(value)}")
    if isinstance(value, int) and abs(value) > MAX_SAFE_INT:
        raise InvalidMessage(R.BAD_VALUE, f"field {name!r} is out of range")
    number = float(value)
    if not math.isfinite(number):
        raise InvalidMessage(R.NON_FINITE, f"field {name!r} must be a finite number")
    if number < lo or number > hi or (lo_open and number == lo):
        bounds = f"above {lo:g} and at most" if lo_open else f"between {lo:g} and"
        raise InvalidMessage(R.BAD_VALUE, f"field {name!r} must be {bounds} {hi:g}, "
                             f"got {show(value)}")
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
        raise InvalidMessage(R.BAD_VALUE, f"field {name!r} has unknown value {show(text)} "
                             f"(allowed: {allowed})") from None


def require_day(value: object, name: str) -> str:
    text = require_match(value, name, DAY, "a date as YYYY-MM-DD")
    try:
        date.fromisoformat(text)
    except ValueError:
        raise InvalidMessage(R.BAD_VALUE, f"field {name!r} is not a real date: "
                             f"{show(text)}") from None
    return text


def freeze_items(owner: object, name: str, *, max_items: int, min_items: int = 0,
                 item_type: type | None = None,
                 check: Callable[[object, str], object] | None = None) -> None:
    """Check a list field of a frozen dataclass and store it as a tuple (frozen, hashable)."""
    value = getattr(owner, name)
    if not isinstance(value, tuple | list):
        raise InvalidMessage(R.WRONG_TYPE, f"field {name!r} must be a list, "
                             f"not {json_type(value)}")
    if len(value) > max_items:
        raise InvalidMessage(R.TOO_MANY_ITEMS, f"field {name!r} has {len(value)} items; "
                             f"at most {max_items} are allowed")
    if len(value) < min_items:
        raise InvalidMessage(R.BAD_VALUE, f"field {name!r} needs at least {min_items} item(s)")
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


def require_instance(value: object, cls: type[T], name: str) -> T:
    if not isinstance(value, cls):
        raise InvalidMessage(R.WRONG_TYPE, f"field {name!r} must be a {cls.__name__}")
    return value


def checked_texts(value: object, name: str, *, max_len: int,
                  key_pattern: re.Pattern[str] = LANGUAGE,
                  max_items: int = MAX_LANGUAGES) -> dict[str, str]:
    """A checked copy of a ``{key: text}`` mapping (texts per language, result details)."""
    if not isinstance(value, Mapping):
        raise InvalidMessage(R.WRONG_TYPE, f"field {name!r} must be a mapping, "
                             f"not {json_type(value)}")
    if len(value) > max_items:
        raise InvalidMessage(R.TOO_MANY_ITEMS, f"field {name!r} has {len(value)} entries; "
                             f"at most {max_items} are allowed")
    copy: dict[str, str] = {}
    for key, text in value.items():
        require_match(key, f"{name} key", key_pattern, f"matching {key_pattern.pattern}")
        copy[key] = require_text(text, f"{name}.{key}", max_len=max_len, multiline=True)
    return copy


# --- one JSON object --------------------------------------------------------------------


class Fields:
    """Strict reader of one decoded JSON object; see the module docstring."""

    def __init__(self, data: object) -> None:
        if not isinstance(data, dict):
            raise InvalidMessage(R.WRONG_TYPE, f"expected an object, not {json_type(data)}")
        self._data: dict[str, object] = data
        self._read: set[str] = set()

    def has(self, name: str) -> bool:
        return name in self._data

    def _get(self, name: str) -> object:
        self._read.add(name)
        if name not in self._data:
            raise InvalidMessage(R.MISSING_FIELD, f"missing field {name!r}")
        return self._data[name]

    def _maybe(self, name: str) -> object | None:
        """An optional field: absent means None. An explicit null is refused: leave it out."""
        self._read.add(name)
        if name not in self._data:
            return None
        value = self._data[name]
        if value is None:
            raise InvalidMessage(R.WRONG_TYPE, f"field {name!r} must be left out, not null")
        return value

    def string(self, name: str) -> str:
        return require_str(self._get(name), name)

    def opt_string(self, name: str) -> str | None:
        value = self._maybe(name)
        return None if value is None else require_str(value, name)

    def boolean(self, name: str) -> bool:
        return require_bool(self._get(name), name)

    def integer(self, name: str) -> int:
        value = self._get(name)
        return require_int(value, name, lo=-MAX_SAFE_INT, hi=MAX_SAFE_INT)

    def number(self, name: str) -> float:
        return require_number(self._get(name), name, lo=-MAX_TIME, hi=MAX_TIME)

    def opt_number(self, name: str) -> float | None:
        value = self._maybe(name)
        return None if value is None else require_number(value, name, lo=-MAX_TIME,
                                                         hi=MAX_TIME)

    def enum(self, name: str, enum: type[E]) -> E:
        return require_enum(self._get(name), enum, name)

    def opt_enum(self, name: str, enum: type[E]) -> E | None:
        value = self._maybe(name)
        return None if value is None else require_enum(value, enum, name)

    def array(self, name: str, *, max_items: int) -> list[object]:
        value = self._get(name)
        if not isinstance(value, list):
            raise InvalidMessage(R.WRONG_TYPE, f"field {name!r} must be an array, "
                                 f"not {json_type(value)}")
        if len(value) > max_items:
            raise InvalidMessage(R.TOO_MANY_ITEMS, f"field {name!r} has {len(value)} items; "
                                 f"at most {max_items} are allowed")
        return value

    def strings(self, name: str, *, max_items: int) -> tuple[str, ...]:
        items = self.array(name, max_items=max_items)
        return tuple(require_str(item, f"{name}[{i}]") for i, item in enumerate(items))

    def raw_object(self, name: str) -> dict[str, object]:
        value = self._get(name)
        if not isinstance(value, dict):
            raise InvalidMessage(R.WRONG_TYPE, f"field {name!r} must be an object, "
                                 f"not {json_type(value)}")
        return value

    def texts(self, name: str) -> dict[str, str]:
        """A ``{key: text}`` object; keys and texts are checked by the message."""
        raw = self.raw_object(name)
        return {key: require_str(text, f"{name}.{key}") for key, text in raw.items()}

    def obj(self, name: str, build: Callable[[Fields], T]) -> T:
        return read_object(self._get(name), build, name)

    def opt_obj(self, name: str, build: Callable[[Fields], T]) -> T | None:
        value = self._maybe(name)
        return None if value is None else read_object(value, build, name)

    def objects(self, name: str, build: Callable[[Fields], T], *,
                max_items: int) -> tuple[T, ...]:
        items = self.array(name, max_items=max_items)
        return tuple(read_object(item, build, f"{name}[{i}]") for i, item in enumerate(items))

    def everything(self) -> dict[str, object]:
        """The whole object, for a nested contract that reads itself (a help event)."""
        self._read.update(self._data)
        return self._data

    def finish(self) -> None:
        unread = sorted(key for key in self._data if key not in self._read)
        if unread:
            raise InvalidMessage(R.UNEXPECTED_FIELD, f"unexpected field {show(unread[0])}")


def read_object(data: object, build: Callable[[Fields], T], where: str | None = None) -> T:
    """Build a value from a JSON object, refusing leftovers; problems name ``where``."""
    try:
        fields = Fields(data)
        value = build(fields)
        fields.finish()
    except InvalidMessage as problem:
        raise problem.within(f"in {where!r}") if where else problem from None
    return value
