"""Field rules of the protocol: its formats and bounds, and the core's checks as messages.

The checks themselves live in ``kiosk.core.fields`` (one module validates every record the
programs exchange or store). Here they are the protocol's: every problem is an
``InvalidMessage`` carrying the ``RejectCode`` of the same name, which is what every
receiver catches at its edge.

- ``require_*`` functions check one value (type and content). Message dataclasses call them
  in ``__post_init__``, so an invalid message cannot exist, and ``encode`` cannot produce a
  payload that a receiver would refuse.
- A field whose type is one of the ``Annotated`` types below (``Id``, ``Time``, ...) carries
  its check as a ``Rule``: a message checks such fields by their declared type
  (``message.CheckedFields``), so the rule is written once, with the type.
- ``Fields`` reads a decoded JSON object: it checks presence and JSON types, remembers which
  keys were read, and ``finish()`` refuses any key nobody asked for.

Reasons name the field and never echo the value of a secret (PINs, session tokens).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from kiosk.core import fields as core
from kiosk.core.fields import MAX_SAFE_INT, MAX_TIME, json_type, raising, show
from kiosk.core.queue.ticket_numbers import NUMBER_PATTERN
from kiosk.protocol.rejection import InvalidMessage

__all__ = [
    "APP_VERSION", "COUNTER_MAX", "DAY", "DETAIL_KEY", "LANGUAGE", "MAX_LANGUAGES",
    "MAX_SAFE_INT", "MAX_TIME", "PIN", "TICKET_NUMBER", "TOKEN", "Counter", "Fields", "Flag",
    "HexId", "Id", "Language", "Rule", "TicketNumber", "Time", "Token", "checked_texts",
    "freeze_items", "freeze_time", "json_type", "read_object", "require_bool", "require_day",
    "require_enum", "require_hex_id", "require_id", "require_instance", "require_int",
    "require_counter", "require_language", "require_match", "require_number", "require_str",
    "require_text", "require_ticket_number", "require_time", "require_token", "show",
]

T = TypeVar("T")

LANGUAGE = re.compile(r"[a-z]{2}(_[A-Z]{2})?")  # as in the branch config: zh_CN, en
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")  # session and status tokens: url-safe base64
TICKET_NUMBER = NUMBER_PATTERN  # as the queue issues them: A012, A999, A1000
DETAIL_KEY = re.compile(r"[a-z][a-z0-9_]{0,31}")
APP_VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+_-]{0,31}")
DAY = core.DAY
PIN = re.compile(r"[0-9]{4,8}")  # as kiosk.core.pins accepts
MAX_LANGUAGES = 8
COUNTER_MAX = 99  # counters are numbered 1..99 in the branch config

require_str = raising(InvalidMessage, core.require_str)
require_hex_id = raising(InvalidMessage, core.require_hex_id)
require_id = raising(InvalidMessage, core.require_id)
require_match = raising(InvalidMessage, core.require_match)
require_text = raising(InvalidMessage, core.require_text)
require_bool = raising(InvalidMessage, core.require_bool)
require_int = raising(InvalidMessage, core.require_int)
require_number = raising(InvalidMessage, core.require_number)
require_time = raising(InvalidMessage, core.require_time)
require_enum = raising(InvalidMessage, core.require_enum)
require_day = raising(InvalidMessage, core.require_day)
require_instance = raising(InvalidMessage, core.require_instance)
freeze_items = raising(InvalidMessage, core.freeze_items)
freeze_time = raising(InvalidMessage, core.freeze_time)


def require_language(value: object, name: str) -> str:
    return require_match(value, name, LANGUAGE, "a language such as zh_CN or en")


def require_ticket_number(value: object, name: str) -> str:
    return require_match(value, name, TICKET_NUMBER, "a ticket number such as A012")


def require_counter(value: object, name: str) -> int:
    return require_int(value, name, lo=1, hi=COUNTER_MAX)


def require_token(value: object, name: str) -> str:
    """A session or status token: a secret, never shown in a reason."""
    return require_match(value, name, TOKEN, "16..64 characters of A-Z, a-z, 0-9, '_' and '-'",
                         secret=True)


@dataclass(frozen=True)
class Rule:
    """The check a field of an ``Annotated[T, Rule(...)]`` type keeps: ``check(value, name)``
    raises ``InvalidMessage`` naming the field. With ``keep`` the field holds what the check
    returns (a time as float). A field that may be None is checked only when it is not."""

    check: Callable[[Any, str], object]
    keep: bool = False


Id = Annotated[str, Rule(require_id)]
"""A device, staff or service id."""
HexId = Annotated[str, Rule(require_hex_id)]
"""A message, call, request or action id."""
Flag = Annotated[bool, Rule(require_bool)]
Time = Annotated[float, Rule(require_time, keep=True)]
"""Unix seconds on the sender's clock, held as float."""
Language = Annotated[str, Rule(require_language)]
TicketNumber = Annotated[str, Rule(require_ticket_number)]
Counter = Annotated[int, Rule(require_counter)]
Token = Annotated[str, Rule(require_token)]


def checked_texts(value: object, name: str, *, max_len: int,
                  key_pattern: re.Pattern[str] = LANGUAGE,
                  max_items: int = MAX_LANGUAGES) -> dict[str, str]:
    """A checked copy of a ``{key: text}`` mapping (texts per language, result details)."""
    with core.reported_as(InvalidMessage):
        return core.checked_texts(value, name, max_len=max_len, key_pattern=key_pattern,
                                  max_items=max_items)


class Fields(core.Fields):
    """The core's strict reader of one JSON object; its problems are ``InvalidMessage``."""

    error = InvalidMessage


def read_object(data: object, build: Callable[[Fields], T], where: str | None = None) -> T:
    """Build a value from a JSON object, refusing leftovers; problems name ``where``."""
    return core.read_object(data, build, where, reader=Fields)
