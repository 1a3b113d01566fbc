"""Protocol versions, and how a message of the previous version becomes a current one.

Every program reads the current version and the one before it, so a branch can upgrade one
machine at a time. A ``Change`` is one difference between a version and the one before:
``upgrade`` turns the older shape into the newer one before the strict reader sees it, and
``downgrade`` does the reverse, for a program told to keep sending the previous version
until every machine is upgraded (see docs/protocol.md, "Versions").

Version 1 is the first released version. Version 2 numbers the hub's help-state changes:
``help.state`` gained ``run`` and ``seq``, and the new ``help.changes`` (which a version 1
program never receives: it does not subscribe to its topic) carries them. A version 1
``help.state`` reads as a state from a hub that numbers no changes; written for version 1,
the two fields are left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kiosk.protocol.help_messages import NO_RUN
from kiosk.protocol.rejection import InvalidMessage, RejectCode

CURRENT_VERSION = 2
SUPPORTED_VERSIONS = (1, 2)
"""The current version and the previous one: what ``decode`` accepts and ``encode`` writes."""

Shape = dict[str, object]


@dataclass(frozen=True)
class Change:
    version: int  # the version that introduced the change
    type_name: str | None  # None: the envelope
    summary: str
    upgrade: Callable[[Shape], Shape]
    downgrade: Callable[[Shape], Shape]


def _numbered_up(body: Shape) -> Shape:
    for name in ("run", "seq"):
        if name in body:
            raise InvalidMessage(RejectCode.UNEXPECTED_FIELD,
                                 f"field {name!r} is not part of version 1")
    return {**body, "run": NO_RUN, "seq": 0}


def _numbered_down(body: Shape) -> Shape:
    return {key: value for key, value in body.items() if key not in ("run", "seq")}


CHANGES: tuple[Change, ...] = (
    Change(2, "help.state", "'run' and 'seq' added: which of the hub's numbered "
           "'help.changes' the state holds", _numbered_up, _numbered_down),
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
