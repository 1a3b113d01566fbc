"""Protocol versions, and how a message of the previous version becomes a current one.

Every program reads the current version and the one before it, so a branch can upgrade one
machine at a time. A ``Change`` is one difference between a version and the one before:
``upgrade`` turns the older shape into the newer one before the strict reader sees it, and
``downgrade`` does the reverse, for a program told to keep sending the previous version
until every machine is upgraded (see docs/protocol.md, "Versions").

Version 0 is the pre-release draft of this protocol. It was never deployed; it is kept as
the "previous version" so that the upgrade path is exercised from the first release, and it
will be dropped when version 2 ships. It differed from version 1 in two places, both plain
renames, so both directions are lossless.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kiosk.protocol.fields import json_type
from kiosk.protocol.rejection import InvalidMessage, RejectCode

CURRENT_VERSION = 1
SUPPORTED_VERSIONS = (0, 1)
"""The current version and the previous one: what ``decode`` accepts and ``encode`` writes."""

Shape = dict[str, object]


@dataclass(frozen=True)
class Change:
    version: int  # the version that introduced the change
    type_name: str | None  # None: the envelope
    summary: str
    upgrade: Callable[[Shape], Shape]
    downgrade: Callable[[Shape], Shape]


def _renamed(shape: Shape, old: str, new: str) -> Shape:
    """``shape`` with key ``old`` called ``new``, in the same place (payloads stay readable)."""
    return {(new if key == old else key): value for key, value in shape.items()}


def _rename(old: str, new: str, where: str) -> tuple[Callable[[Shape], Shape],
                                                       Callable[[Shape], Shape]]:
    def forward(shape: Shape) -> Shape:
        if new in shape:
            raise InvalidMessage(RejectCode.UNEXPECTED_FIELD,
                                 f"{where}field {new!r} is not part of version 0 (it is {old!r})")
        if old not in shape:
            raise InvalidMessage(RejectCode.MISSING_FIELD, f"{where}missing field {old!r}")
        return _renamed(shape, old, new)

    def back(shape: Shape) -> Shape:
        return _renamed(shape, new, old)

    return forward, back


def _ticket_of(body: Shape) -> Shape | None:
    """The ``ticket`` object of a ticket reply, or None when there is none to change."""
    ticket = body.get("ticket")
    return ticket if isinstance(ticket, dict) else None


def _wait_range_up(body: Shape) -> Shape:
    ticket = _ticket_of(body)
    if ticket is None:
        return body
    where = "in 'ticket': "
    for name in ("wait_low_s", "wait_high_s"):
        if name in ticket:
            raise InvalidMessage(RejectCode.UNEXPECTED_FIELD,
                                 f"{where}field {name!r} is not part of version 0")
    if "wait_s" not in ticket:
        raise InvalidMessage(RejectCode.MISSING_FIELD, f"{where}missing field 'wait_s'")
    wait = ticket["wait_s"]
    if not isinstance(wait, list) or len(wait) != 2:
        raise InvalidMessage(RejectCode.WRONG_TYPE, f"{where}field 'wait_s' must be an array "
                             f"of two numbers [low, high], not {json_type(wait)}")
    upgraded = {key: value for key, value in ticket.items() if key != "wait_s"}
    upgraded["wait_low_s"], upgraded["wait_high_s"] = wait
    return {**body, "ticket": upgraded}


def _wait_range_down(body: Shape) -> Shape:
    ticket = _ticket_of(body)
    if ticket is None:
        return body
    older = {k: v for k, v in ticket.items() if k not in ("wait_low_s", "wait_high_s")}
    older["wait_s"] = [ticket["wait_low_s"], ticket["wait_high_s"]]
    return {**body, "ticket": older}


CHANGES: tuple[Change, ...] = (
    Change(1, None, "the envelope's send time 'ts' was renamed 'sent_at'",
           *_rename("ts", "sent_at", "")),
    Change(1, "ticket.reply", "the ticket's 'wait_s': [low, high] became 'wait_low_s' and "
           "'wait_high_s'", _wait_range_up, _wait_range_down),
)


def upgrade(shape: Shape, type_name: str | None, version: int) -> Shape:
    """A ``version`` envelope (type_name None) or body, in the current shape."""
    for change in CHANGES:
        if change.version > version and change.type_name == type_name:
            shape = change.upgrade(shape)
    return shape


def downgrade(shape: Shape, type_name: str | None, version: int) -> Shape:
    """A current envelope or body, in the shape of ``version``."""
    for change in reversed(CHANGES):
        if change.version > version and change.type_name == type_name:
            shape = change.downgrade(shape)
    return shape
