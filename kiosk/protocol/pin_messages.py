"""Staff PIN checks: a console or kiosk asks, only the hub knows the PIN hashes and answers.

The PIN travels once, to the hub, over the branch's TLS link; the broker ACL lets nobody but
the hub read ``pin/request`` topics. Neither the PIN nor the session token ever appears in a
``repr`` or a rejection reason, so neither can reach a log file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar

from kiosk.core.help.events import Outcome
from kiosk.protocol.fields import (
    PIN,
    Fields,
    HexId,
    Id,
    require_enum,
    require_hex_id,
    require_id,
    require_match,
    require_number,
    require_time,
    require_token,
)
from kiosk.protocol.message import Message, put_optional, read_refusal
from kiosk.protocol.rejection import InvalidMessage, RejectCode

MAX_RETRY_AFTER_S = 86_400.0


class PinPurpose(StrEnum):
    CONSOLE_SIGN_IN = "console_sign_in"  # from a console: start a staff session
    KIOSK_EXIT = "kiosk_exit"  # from a kiosk: leave full-screen for maintenance
    CLOSE_CALL = "close_call"  # from a kiosk: staff close a help call there, as proof of visit


class PinRefusal(StrEnum):
    WRONG_PIN = "wrong_pin"  # also for an unknown staff id: the hub does not tell them apart
    RATE_LIMITED = "rate_limited"  # too many wrong PINs; see retry_after_s
    NOT_PERMITTED = "not_permitted"  # right PIN, but this staff member may not do this
    UNKNOWN_CALL = "unknown_call"  # close_call for a call that is not open


@dataclass(frozen=True)
class PinRequest(Message):
    TYPE: ClassVar[str] = "pin.request"
    request_id: HexId
    staff_id: Id
    pin: str = field(repr=False)
    purpose: PinPurpose
    call_id: str | None = None  # close_call only
    outcome: Outcome | None = None  # close_call only: the outcome staff chose at the kiosk

    def __post_init__(self) -> None:
        super().__post_init__()
        require_match(self.pin, "pin", PIN, "4 to 8 digits", secret=True)
        require_enum(self.purpose, PinPurpose, "purpose")
        closing = self.purpose is PinPurpose.CLOSE_CALL
        for name in ("call_id", "outcome"):
            given = getattr(self, name) is not None
            if closing and not given:
                raise InvalidMessage(RejectCode.MISSING_FIELD,
                                     f"missing field {name!r} (required to close a call)")
            if given and not closing:
                raise InvalidMessage(RejectCode.UNEXPECTED_FIELD,
                                     f"field {name!r} is only for purpose 'close_call'")
        if self.call_id is not None:
            require_hex_id(self.call_id, "call_id")
        if self.outcome is not None:
            require_enum(self.outcome, Outcome, "outcome")

    def to_body(self) -> dict[str, object]:
        out: dict[str, object] = {"request_id": self.request_id, "staff_id": self.staff_id,
                                  "pin": self.pin, "purpose": self.purpose.value}
        put_optional(out, "call_id", self.call_id)
        put_optional(out, "outcome", None if self.outcome is None else self.outcome.value)
        return out

    @classmethod
    def from_fields(cls, f: Fields) -> PinRequest:
        return cls(request_id=f.string("request_id"), staff_id=f.string("staff_id"),
                   pin=f.string("pin"), purpose=f.enum("purpose", PinPurpose),
                   call_id=f.opt_string("call_id"), outcome=f.opt_enum("outcome", Outcome))


@dataclass(frozen=True)
class PinReply(Message):
    """Accepted (``staff_id``; for a sign-in also the session and its expiry) or refused."""

    TYPE: ClassVar[str] = "pin.reply"
    request_id: HexId
    staff_id: str | None = None
    session: str | None = field(default=None, repr=False)
    expires_at: float | None = None
    reason: PinRefusal | None = None
    retry_after_s: float | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.reason is None:
            self._check_accepted()
        else:
            self._check_refused()

    def _check_accepted(self) -> None:
        if self.staff_id is None:
            raise InvalidMessage(RejectCode.MISSING_FIELD,
                                 "missing field 'staff_id' (required when 'ok' is true)")
        require_id(self.staff_id, "staff_id")
        if (self.session is None) != (self.expires_at is None):
            raise InvalidMessage(RejectCode.BAD_VALUE,
                                 "fields 'session' and 'expires_at' come together")
        if self.session is not None:
            require_token(self.session, "session")
            object.__setattr__(self, "expires_at", require_time(self.expires_at, "expires_at"))
        if self.retry_after_s is not None:
            raise InvalidMessage(RejectCode.UNEXPECTED_FIELD,
                                 "field 'retry_after_s' is not allowed when 'ok' is true")

    def _check_refused(self) -> None:
        require_enum(self.reason, PinRefusal, "reason")
        for name in ("staff_id", "session", "expires_at"):
            if getattr(self, name) is not None:
                raise InvalidMessage(RejectCode.UNEXPECTED_FIELD,
                                     f"field {name!r} is not allowed when 'ok' is false")
        if self.retry_after_s is not None:
            retry = require_number(self.retry_after_s, "retry_after_s", hi=MAX_RETRY_AFTER_S)
            object.__setattr__(self, "retry_after_s", retry)

    @property
    def ok(self) -> bool:
        return self.reason is None

    def to_body(self) -> dict[str, object]:
        out: dict[str, object] = {"request_id": self.request_id, "ok": self.ok}
        put_optional(out, "staff_id", self.staff_id)
        put_optional(out, "session", self.session)
        put_optional(out, "expires_at", self.expires_at)
        put_optional(out, "reason", None if self.reason is None else self.reason.value)
        put_optional(out, "retry_after_s", self.retry_after_s)
        return out

    @classmethod
    def from_fields(cls, f: Fields) -> PinReply:
        request_id = f.string("request_id")
        reason = read_refusal(f, PinRefusal)
        return cls(request_id=request_id, staff_id=f.opt_string("staff_id"),
                   session=f.opt_string("session"), expires_at=f.opt_number("expires_at"),
                   reason=reason, retry_after_s=f.opt_number("retry_after_s"))
