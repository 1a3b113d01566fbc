"""JSON as the protocol allows it: no NaN or Infinity, no duplicate keys, nothing a peer in
another language would read differently.

Python's ``json`` module accepts ``NaN``, ``1e999`` (as infinity), ``{"a": 1, "a": 2}`` (the
last wins), 5000-digit integers and unpaired surrogate escapes (``"\\ud800"``, which cannot
be written back as UTF-8). Each of those would let two receivers disagree about one message,
or crash the next encode, so each is refused here with its own code.
"""

from __future__ import annotations

import json
import math

from kiosk.protocol.fields import MAX_SAFE_INT, show
from kiosk.protocol.rejection import InvalidMessage, RejectCode

MAX_DEPTH = 10
"""Deepest nesting of objects and arrays; the deepest message needs 5."""
_MAX_INT_DIGITS = len(str(MAX_SAFE_INT))


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            raise InvalidMessage(RejectCode.DUPLICATE_KEY, f"key {show(key)} appears twice")
        out[key] = value
    return out


def _no_constants(name: str) -> object:
    raise InvalidMessage(RejectCode.NON_FINITE, f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise InvalidMessage(RejectCode.NON_FINITE, f"number {show(text)} is not finite")
    return value


def _safe_int(text: str) -> int:
    # Length first: int() of a 4,000-digit string is slow, and beyond 4,300 it raises.
    value = int(text) if len(text.lstrip("-")) <= _MAX_INT_DIGITS else MAX_SAFE_INT + 1
    if abs(value) > MAX_SAFE_INT:
        raise InvalidMessage(RejectCode.BAD_VALUE, f"integer {show(text)} is beyond +-2**53")
    return value


def parse(text: str) -> object:
    """Parse strictly; raises ``InvalidMessage`` with the code of the first problem."""
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants,
                           parse_float=_finite_float, parse_int=_safe_int)
    except InvalidMessage:
        raise
    except json.JSONDecodeError as problem:
        raise InvalidMessage(RejectCode.MALFORMED_JSON,
                             f"not JSON: {problem.msg} at line {problem.lineno} "
                             f"column {problem.colno}") from None
    except RecursionError:
        raise InvalidMessage(RejectCode.TOO_DEEP, "nested too deeply to parse") from None
    _check_tree(value)
    return value


def _check_tree(root: object) -> None:
    """Depth and valid Unicode of every string, without recursion (depth is attacker-set)."""
    stack: list[tuple[object, int]] = [(root, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            _check_unicode(value)
        elif isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                raise InvalidMessage(RejectCode.TOO_DEEP,
                                     f"nested deeper than {MAX_DEPTH} levels")
            if isinstance(value, dict):
                for key, item in value.items():
                    _check_unicode(key)
                    stack.append((item, depth + 1))
            else:
                stack.extend((item, depth + 1) for item in value)


def _check_unicode(text: str) -> None:
    if text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidMessage(RejectCode.NOT_UTF8,
                             "a string escapes an unpaired surrogate (not valid Unicode)"
                             ) from None
