"""Audit events: who did what, when, on which device. Never personal data.

The audit log answers "who called A012", "who closed that help call", "who signed in on
console 2 at 09:14". It must not become a second customer database, so the details are a
small flat mapping whose keys are checked against the words that name personal data, and
whose text values are refused when they look like a card, phone, account or ID number.

The hub stores the log as a hash chain (each row's hash covers the event and the previous
row's hash), so a deleted or edited row shows up in ``verify_chain``.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import TypeAlias

from kiosk.core.fields import (
    FieldError,
    reported_as,
    require_enum,
    require_hex_id,
    require_id,
    require_instance,
    require_keys,
    require_mapping,
    require_match,
    require_number,
    require_object,
    require_str,
)

DetailValue: TypeAlias = str | int | float | bool

GENESIS_HASH = "0" * 64
DETAIL_MAX_ENTRIES = 16
DETAIL_TEXT_MAX_CHARS = 200
# Words that name personal data, matched against the '_'-separated parts of a detail key,
# so "customer_name" and "phone_number" are refused as well as "name" and "phone".
PERSONAL_DATA_WORDS: tuple[tuple[str, ...], ...] = (
    ("name",),
    ("phone",),
    ("id", "card"),
    ("account",),
    ("card", "number"),
    ("pin",),
    ("password",),
)

_DETAIL_KEY = re.compile(r"[a-z][a-z0-9_]{0,31}")
_SUBJECT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")
# Eight or more digits, perhaps grouped by spaces or dashes, perhaps ending in X (Chinese
# resident ID cards): the shape of personal numbers. Ticket numbers and ids do not match.
_PERSONAL_NUMBER = re.compile(r"\+?[0-9][0-9 -]*[0-9Xx]")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class InvalidAuditEvent(FieldError):
    """An audit event that breaks the rules; ``reason`` names the field."""


class AuditAction(StrEnum):
    TICKET_ISSUED = "ticket_issued"
    TICKET_CALLED = "ticket_called"
    TICKET_RECALLED = "ticket_recalled"
    TICKET_NO_SHOW = "ticket_no_show"
    TICKET_FINISHED = "ticket_finished"
    TICKET_TRANSFERRED = "ticket_transferred"
    TICKET_RETURNED = "ticket_returned"
    TICKET_WAIT_ALERT = "ticket_wait_alert"
    HELP_EVENT = "help_event"
    STAFF_SIGNED_IN = "staff_signed_in"
    STAFF_SIGN_IN_FAILED = "staff_sign_in_failed"
    STAFF_SIGNED_OUT = "staff_signed_out"
    KIOSK_EXIT = "kiosk_exit"
    ANNOUNCEMENT_SENT = "announcement_sent"
    ANNOUNCEMENT_CLEARED = "announcement_cleared"
    DRILL_STARTED = "drill_started"
    DEVICE_ONLINE = "device_online"
    DEVICE_OFFLINE = "device_offline"
    MESSAGE_REJECTED = "message_rejected"
    CONFIG_LOADED = "config_loaded"


@dataclass(frozen=True)
class AuditEvent:
    id: str
    at: float
    actor: str  # the staff id, or the device id when a device acted on its own
    device_id: str  # where it happened
    action: AuditAction
    subject: str = ""  # a ticket number, a call id, a device id; empty when there is none
    detail: Mapping[str, DetailValue] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        _check(self)
        # One spelling of the time, so an event hashes the same before and after the wire.
        object.__setattr__(self, "at", float(self.at))
        # A private read-only copy: the caller's dict cannot change a logged fact.
        object.__setattr__(self, "detail", MappingProxyType(dict(sorted(self.detail.items()))))

    @classmethod
    def create(
        cls,
        at: float,
        actor: str,
        device_id: str,
        action: AuditAction,
        subject: str = "",
        detail: Mapping[str, DetailValue] | None = None,
    ) -> AuditEvent:
        """A new event with a fresh id."""
        return cls(uuid.uuid4().hex, at, actor, device_id, action, subject, detail or {})

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.id,
            "at": self.at,
            "actor": self.actor,
            "device_id": self.device_id,
            "action": str(self.action),
        }
        if self.subject:
            out["subject"] = self.subject
        if self.detail:
            out["detail"] = dict(self.detail)
        return out

    @classmethod
    def from_dict(cls, d: Mapping[str, object]) -> AuditEvent:
        """Decode untrusted input; raises ``InvalidAuditEvent`` naming the field."""
        with reported_as(InvalidAuditEvent):
            require_object(d, "audit event")
            known = ("id", "at", "actor", "device_id", "action", "subject", "detail")
            require_keys(d, known[:5], known)
            return cls(
                id=require_str(d["id"], "id"),
                at=_time(d["at"]),
                actor=require_str(d["actor"], "actor"),
                device_id=require_str(d["device_id"], "device_id"),
                action=require_enum(d["action"], AuditAction, "action"),
                subject=require_str(d.get("subject", ""), "subject"),
                detail=require_mapping(d.get("detail", {}), "detail",  # type: ignore[arg-type]
                                       max_items=DETAIL_MAX_ENTRIES),
            )


def _time(value: object) -> float:
    return require_number(value, "at", lo=0.0, hi=math.inf)


def names_personal_data(key: str) -> bool:
    parts = key.split("_")
    for words in PERSONAL_DATA_WORDS:
        n = len(words)
        if any(tuple(parts[i : i + n]) == words for i in range(len(parts) - n + 1)):
            return True
    return False


def looks_like_personal_number(text: str) -> bool:
    text = text.strip()
    if _DATE.fullmatch(text):
        return False
    return _PERSONAL_NUMBER.fullmatch(text) is not None and sum(c.isdigit() for c in text) >= 8


def _check(e: AuditEvent) -> None:
    with reported_as(InvalidAuditEvent):
        require_hex_id(e.id, "id")
        _time(e.at)
        for name in ("actor", "device_id"):
            require_id(getattr(e, name), name)
        require_instance(e.action, AuditAction, "action")
        if require_str(e.subject, "subject"):
            require_match(e.subject, "subject", _SUBJECT, "1..64 of A-Z, a-z, 0-9, '_.:-'")
        if looks_like_personal_number(e.subject):
            raise InvalidAuditEvent("field 'subject' looks like a personal number")
        _check_detail(e.detail)


def _check_detail(detail: object) -> None:
    for key, value in require_mapping(detail, "detail", max_items=DETAIL_MAX_ENTRIES).items():
        if not isinstance(key, str) or _DETAIL_KEY.fullmatch(key) is None:
            raise InvalidAuditEvent(f"detail key {key!r} must be 1..32 of a-z, 0-9, '_'")
        if names_personal_data(key):
            raise InvalidAuditEvent(f"detail key {key!r} names personal data")
        _check_detail_value(key, value)


def _check_detail_value(key: str, value: object) -> None:
    if isinstance(value, bool | int):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidAuditEvent(f"detail {key!r} must be a finite number")
        return
    if not isinstance(value, str):
        raise InvalidAuditEvent(f"detail {key!r} must be text, a number or true/false")
    if len(value) > DETAIL_TEXT_MAX_CHARS:
        raise InvalidAuditEvent(f"detail {key!r} is longer than {DETAIL_TEXT_MAX_CHARS} chars")
    if looks_like_personal_number(value):
        raise InvalidAuditEvent(f"detail {key!r} looks like a personal number")


def chain_hash(prev_hash: str, event: AuditEvent) -> str:
    """sha256 over a canonical JSON of the previous hash and the event."""
    canonical = json.dumps(
        {"prev": prev_hash, "event": event.to_dict()},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def verify_chain(
    rows: Iterable[tuple[AuditEvent, str]], start_hash: str = GENESIS_HASH
) -> int | None:
    """The index of the first row whose stored hash does not match, or None if all do.

    ``rows`` are (event, stored hash) in log order; ``start_hash`` is the hash before the
    first row, so a segment of a longer log can be checked too.
    """
    prev = start_hash
    for index, (event, stored) in enumerate(rows):
        expected = chain_hash(prev, event)
        if stored != expected:
            return index
        prev = stored
    return None
