"""What staff ask the hub to do from a console, what the hub answers, and announcements.

A ``staff.action`` carries the signed-in staff member and the session token the hub issued
at sign-in (``pin.reply``), so the hub can refuse an action from a console nobody is signed
in at. Each action has an ``action_id``: the hub de-duplicates re-sent actions and refuses
replays, and the ``action.result`` it returns names the same id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import ClassVar

from kiosk.core.settings import LocalText
from kiosk.protocol.fields import (
    DETAIL_KEY,
    Fields,
    Flag,
    HexId,
    Id,
    Time,
    Token,
    checked_texts,
    require_enum,
    show,
)
from kiosk.protocol.message import Message, read_refusal
from kiosk.protocol.rejection import InvalidMessage, RejectCode
from kiosk.protocol.staff_commands import (
    ANNOUNCEMENT_MAX_CHARS,
    COMMAND_READERS,
    COMMAND_TYPES,
    Command,
)

DETAIL_MAX_CHARS = 200
MAX_DETAILS = 8


def announcement_text(value: object, name: str) -> LocalText:
    return LocalText(checked_texts(value, name, max_len=ANNOUNCEMENT_MAX_CHARS))


@dataclass(frozen=True)
class StaffAction(Message):
    TYPE: ClassVar[str] = "staff.action"
    action_id: HexId
    staff_id: Id
    session: Token = field(repr=False)  # a bearer token: never in logs
    command: Command

    def __post_init__(self) -> None:
        super().__post_init__()
        if not isinstance(self.command, COMMAND_TYPES):
            raise InvalidMessage(RejectCode.WRONG_TYPE, "field 'command' must be a command")

    def to_body(self) -> dict[str, object]:
        return {"action_id": self.action_id, "staff_id": self.staff_id,
                "session": self.session, "kind": self.command.KIND,
                "args": self.command.to_args()}

    @classmethod
    def from_fields(cls, f: Fields) -> StaffAction:
        action_id = f.string("action_id")
        staff_id = f.string("staff_id")
        session = f.string("session")
        kind = f.string("kind")
        read_args = COMMAND_READERS.get(kind)
        if read_args is None:
            allowed = ", ".join(COMMAND_READERS)
            raise InvalidMessage(RejectCode.BAD_VALUE,
                                 f"field 'kind' has unknown value {show(kind)} "
                                 f"(allowed: {allowed})")
        command = f.obj("args", read_args)
        return cls(action_id=action_id, staff_id=staff_id, session=session, command=command)


class ActionRefusal(StrEnum):
    NOT_SIGNED_IN = "not_signed_in"  # no session, or it expired: sign in again
    NOT_PERMITTED = "not_permitted"  # the staff member's role may not do this
    STALE = "stale"  # sent too long ago, or a replayed action id
    NOBODY_WAITING = "nobody_waiting"
    UNKNOWN_TICKET = "unknown_ticket"
    WRONG_STATE = "wrong_state"  # e.g. finishing a ticket nobody called
    UNKNOWN_SERVICE = "unknown_service"
    UNKNOWN_COUNTER = "unknown_counter"
    UNKNOWN_KIOSK = "unknown_kiosk"
    KIOSK_BUSY = "kiosk_busy"  # a drill needs an idle kiosk
    UNKNOWN_MESSAGE = "unknown_message"  # a prepared announcement id not in the config
    QUEUE_FULL = "queue_full"  # no more tickets today for that service


@dataclass(frozen=True)
class ActionResult(Message):
    """The hub's answer to one ``staff.action``; ``details`` say what happened, e.g. the
    number ``call_next`` called (``{"number": "A012"}``)."""

    TYPE: ClassVar[str] = "action.result"
    action_id: HexId
    reason: ActionRefusal | None = None
    details: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.reason is not None:
            require_enum(self.reason, ActionRefusal, "reason")
        checked = checked_texts(self.details, "details", max_len=DETAIL_MAX_CHARS,
                                key_pattern=DETAIL_KEY, max_items=MAX_DETAILS)
        object.__setattr__(self, "details", MappingProxyType(checked))

    @property
    def ok(self) -> bool:
        return self.reason is None

    def to_body(self) -> dict[str, object]:
        out: dict[str, object] = {"action_id": self.action_id, "ok": self.ok}
        if self.reason is not None:
            out["reason"] = self.reason.value
        out["details"] = dict(self.details)
        return out

    @classmethod
    def from_fields(cls, f: Fields) -> ActionResult:
        action_id = f.string("action_id")
        reason = read_refusal(f, ActionRefusal)
        return cls(action_id=action_id, reason=reason, details=f.texts("details"))


@dataclass(frozen=True)
class Announcement(Message):
    """The branch's current announcement, retained; ``active`` false clears the screens."""

    TYPE: ClassVar[str] = "announcement"
    announcement_id: HexId
    active: Flag
    text: LocalText
    at: Time

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "text", announcement_text(self.text, "text"))
        if self.active and not self.text:
            raise InvalidMessage(RejectCode.BAD_VALUE,
                                 "an active announcement needs 'text' in at least one language")
        if not self.active and self.text:
            raise InvalidMessage(RejectCode.BAD_VALUE, "a cleared announcement has no 'text'")

    def to_body(self) -> dict[str, object]:
        return {"announcement_id": self.announcement_id, "active": self.active,
                "text": dict(self.text), "at": self.at}

    @classmethod
    def from_fields(cls, f: Fields) -> Announcement:
        return cls(announcement_id=f.string("announcement_id"), active=f.boolean("active"),
                   text=LocalText(f.texts("text")), at=f.number("at"))

