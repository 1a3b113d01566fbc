"""Anti-entropy, the device's side: answer the hub's digest by re-sending what it lacks.

The device keeps the day's events after the hub acknowledged them (``LocalStore`` never
drops an acknowledged event). When the hub's ``help.digest`` for this device differs from
the device's own digest of the events it originated, the events of the hours that differ go
back into the outbox and are re-sent until the hub acknowledges them again.

Events still in the outbox are left out of the comparison: they are on their way, and a
digest the hub made just before storing one would otherwise look like a loss. Each hour is
answered once per pair of hashes (the hub's and this device's): a hub that already has a
superset (this device's store was replaced) is not sent the same events every interval, and
a hub that loses the same events again is answered again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from kiosk.core.help.digest import digest, hour_of, hours_to_resend
from kiosk.core.help.events import HelpEvent
from kiosk.net.event_sender import EventSender
from kiosk.protocol.help_messages import HelpDigest

log = logging.getLogger(__name__)


class DigestAnswer:
    def __init__(self, device_id: str, sender: EventSender,
                 topic_for: Callable[[HelpEvent], str]) -> None:
        self._device_id = device_id
        self._sender = sender
        self._topic_for = topic_for
        # (since, hour, the hub's hash, this device's hash) already answered
        self._answered: set[tuple[float, int, str, str]] = set()
        self.resent = 0

    def answer(self, message: HelpDigest) -> int:
        """Re-send the events the hub lacks; returns how many were put back in the outbox."""
        if message.device_id != self._device_id:
            return 0
        store = self._sender.store
        in_flight = store.outbox_keys()
        own = [e for e in store.events_since(message.since)
               if e.origin == self._device_id and e.id not in in_flight]
        mine = digest(((e.id, e.at) for e in own), message.since)
        hubs = {h.hour: h for h in message.hours}
        hours = []
        for hour in hours_to_resend(mine, hubs):
            key = (message.since, hour, hubs[hour].hash if hour in hubs else "",
                   mine[hour].hash)
            if key not in self._answered:
                self._answered.add(key)
                hours.append(hour)
        if not hours:
            return 0
        wanted = set(hours)
        events = [e for e in own if hour_of(e.at, message.since) in wanted]
        count = self._sender.requeue(events, self._topic_for)
        self.resent += count
        log.warning("the hub lacks help events of %s: %d re-sent from %d hour(s)",
                    self._device_id, count, len(hours))
        return count
