"""The branch announcement: one at a time, retained, and kept by the hub across restarts.

The broker keeps the retained message, but a broker reinstalled or started without its
persistence file would forget it; the hub keeps the current one in its ledger and publishes it
again whenever it connects.
"""

from __future__ import annotations

import logging
import sqlite3

from kiosk.core.help.events import new_event_id
from kiosk.core.settings import LocalText
from kiosk.hub.ledger import Ledger
from kiosk.protocol import InvalidMessage
from kiosk.protocol.staff_commands import Announce
from kiosk.protocol.staff_messages import ActionRefusal, Announcement

log = logging.getLogger(__name__)

KEY = "announcement"


class Announcements:
    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger
        self.current: Announcement | None = None

    def load(self) -> None:
        stored = self._ledger.value(KEY)
        if stored is None:
            return
        try:
            text, at = stored.get("text", {}), stored["at"]
            if not isinstance(text, dict) or not isinstance(at, int | float):
                raise ValueError("'text' or 'at' has the wrong type")
            self.current = Announcement(
                announcement_id=str(stored["announcement_id"]), active=bool(stored["active"]),
                text=LocalText(text), at=float(at))
        except (KeyError, TypeError, ValueError, InvalidMessage) as error:
            log.error("the stored announcement is unreadable and is not shown again: %s", error)

    def announce(self, command: Announce, now: float) -> ActionRefusal | Announcement:
        if command.text is None:
            # The branch configuration has no prepared messages (yet): nothing to look up.
            return ActionRefusal.UNKNOWN_MESSAGE
        return self._set(Announcement(new_event_id(), True, command.text, now), now)

    def clear(self, now: float) -> Announcement:
        return self._set(Announcement(new_event_id(), False, LocalText({}), now), now)

    def _set(self, announcement: Announcement, now: float) -> Announcement:
        self.current = announcement
        try:
            self._ledger.put_value(KEY, announcement.to_body(), now)
        except sqlite3.Error as error:  # the broker still retains it; only a restart forgets
            log.error("the announcement could not be kept in the ledger: %s", error)
        return announcement
