"""Why a message was refused: a value a receiver logs and counts, never an exception.

A program on the branch bus must survive anything a misconfigured or hostile device
publishes. The codec therefore turns every problem into a ``Rejection`` with a
human-readable reason (for the log) and a ``RejectCode`` (for counters and alarms: a burst of
``sender_mismatch`` means something different from a burst of ``unsupported_version``).
Inside the package, checks raise ``InvalidMessage``; the codec catches it at its edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Self

from kiosk.core.fields import FieldError


class RejectCode(StrEnum):
    # where the message came from
    BAD_TOPIC = "bad_topic"
    WRONG_BRANCH = "wrong_branch"
    # the bytes
    EMPTY = "empty"  # a zero-length payload: how MQTT clears a retained message
    RETAINED = "retained"  # a retained copy on a topic where nothing is retained (an event)
    TOO_LARGE = "too_large"
    NOT_UTF8 = "not_utf8"
    MALFORMED_JSON = "malformed_json"
    DUPLICATE_KEY = "duplicate_key"
    NON_FINITE = "non_finite"
    TOO_DEEP = "too_deep"
    NOT_AN_OBJECT = "not_an_object"
    # the envelope
    UNSUPPORTED_VERSION = "unsupported_version"
    UNKNOWN_TYPE = "unknown_type"
    TYPE_NOT_ALLOWED = "type_not_allowed"  # a known type, but not on this topic
    SENDER_MISMATCH = "sender_mismatch"  # sender (or an event's origin) is not the topic's
    # the schema
    MISSING_FIELD = "missing_field"
    UNEXPECTED_FIELD = "unexpected_field"
    WRONG_TYPE = "wrong_type"
    BAD_ID = "bad_id"
    TOO_LONG = "too_long"
    TOO_MANY_ITEMS = "too_many_items"
    BAD_VALUE = "bad_value"
    BAD_HELP_EVENT = "bad_help_event"  # refused by kiosk.core.help.events's own checks
    # the body against the topic
    TOPIC_MISMATCH = "topic_mismatch"  # e.g. an event about kiosk k2 on kiosk k1's topic
    ROLE_NOT_ALLOWED = "role_not_allowed"  # e.g. a kiosk sending "acknowledged"
    # the body against what the receiver already holds (never the codec: see HELD_STATE)
    WRONG_CALL = "wrong_call"  # a follow-up event naming a call at another kiosk


HELD_STATE = frozenset({RejectCode.WRONG_CALL})
"""Codes a receiver gives from what it already holds (the hub's ledger, a console's store),
which the codec, seeing one message alone, never can."""


@dataclass(frozen=True)
class Rejection:
    """A message that was dropped, and why. Safe to log: secrets are never echoed."""

    reason: str
    code: RejectCode

    def __str__(self) -> str:
        return f"{self.code}: {self.reason}"


class InvalidMessage(FieldError):
    """A message (received, or being built in code) that breaks the protocol."""

    code: RejectCode

    def __init__(self, code: RejectCode, reason: str) -> None:
        super().__init__(reason, code)

    @classmethod
    def of(cls, problem: FieldError) -> Self:
        """A field problem found by the core's checks, as a protocol rejection."""
        if isinstance(problem, cls):
            return problem
        return cls(RejectCode(problem.code), problem.reason)

    def as_rejection(self) -> Rejection:
        return Rejection(self.reason, self.code)
