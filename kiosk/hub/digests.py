"""Anti-entropy, the hub's side: tell each device what the ledger holds of its events today.

Every ``help.digest_interval_s`` each online kiosk and console gets a ``help.digest`` of the
help events it originated since the start of the branch's day (``kiosk.core.help.digest``).
A device that holds events the digest lacks re-sends them; the hub stores them by id as it
stores any re-sent event. So a ledger restored from an old backup, or one whose WAL was cut
short, gets the day's calls back from the devices, once each.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import tzinfo

from kiosk.core.config import BranchConfig
from kiosk.core.help.digest import HOUR_S, digest
from kiosk.core.queue.ticket_numbers import business_day
from kiosk.core.settings import Role
from kiosk.hub.ledger import Ledger
from kiosk.hub.publisher import Publisher
from kiosk.hub.queue_desk import day_bounds
from kiosk.protocol import topics
from kiosk.protocol.help_messages import HelpDigest

log = logging.getLogger(__name__)


def digest_since(now: float, tz: tzinfo) -> float:
    """The start of the branch's day, or an hour ago if that is earlier: just after midnight
    the last hour of yesterday still counts."""
    start, _end = day_bounds(business_day(now, tz), tz)
    return min(start, now - HOUR_S)


class Digests:
    def __init__(self, config: BranchConfig, ledger: Ledger, publisher: Publisher,
                 tz: tzinfo, online: Callable[[str], bool]) -> None:
        self._branch = config.branch.id
        self._ledger = ledger
        self._publisher = publisher
        self._tz = tz
        self._online = online
        self._interval_s = config.help.digest_interval_s
        self._devices = tuple(d.id for d in config.devices
                              if d.role in (Role.KIOSK, Role.CONSOLE))
        self._next_at: float | None = None
        self.sent = 0

    def tick(self, now: float) -> None:
        if self._next_at is not None and 0.0 <= self._next_at - now <= self._interval_s:
            return  # not due (a clock stepped back more than an interval publishes at once)
        self._next_at = now + self._interval_s
        online = [d for d in self._devices if self._online(d)]
        if not online:
            return
        since = digest_since(now, self._tz)
        try:
            held = self._ledger.help_ids_by_origin(since)
        except sqlite3.Error as error:
            log.error("no help digests this time: the ledger cannot be read: %s", error)
            return
        for device_id in online:
            hours = digest(held.get(device_id, ()), since)
            self._publisher.publish(topics.help_digest(self._branch, device_id),
                                    HelpDigest(device_id, since, tuple(hours.values())), now)
            self.sent += 1
