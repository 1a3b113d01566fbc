"""Send the help events a device originates so that they are never lost.

Each event is committed to the device's store together with its outbox entry, then
published; until the hub acknowledges that it stored the event, the same bytes (same
message id, same event id) are re-sent on every tick that finds them due. Receivers
de-duplicate by event id, so re-sending is always safe.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterable

from kiosk.core.help.events import HelpEvent
from kiosk.net.local_store import LocalStore
from kiosk.net.transport import Transport
from kiosk.protocol.help_messages import HelpEventMessage

log = logging.getLogger(__name__)


class EventSender:
    """``clock`` stamps messages (the record); when to re-send is timed on ``monotonic``, so
    a wall clock set back cannot hold a call back for the length of the step. The store
    keeps the wall time of the last send for the record; the time that decides is kept
    here, and a restarted device sends everything unacknowledged once at once."""

    def __init__(self, store: LocalStore, transport: Transport, clock: Callable[[], float],
                 resend_after_s: float = 2.0, held_resend_after_s: float = 10.0, *,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self._store = store
        self._transport = transport
        self._clock = clock
        self._monotonic = monotonic
        self._sent_at: dict[str, float] = {}  # key -> monotonic time of its last send
        self.resend_after_s = resend_after_s
        self.held_resend_after_s = held_resend_after_s

    def send(self, event: HelpEvent, topic: str) -> None:
        """Commit, then publish. Raises ``InvalidMessage`` for an event no one would accept."""
        now = self._clock()
        out = self._transport.codec.prepare(topic, HelpEventMessage(event), sent_at=now)
        try:
            self._store.add_event_and_enqueue(event, out.topic, out.payload, now)
        except sqlite3.Error as error:  # a full or failing disk must not stop a help call
            self._store.fall_back_to_memory(error)
            self._store.add_event_and_enqueue(event, out.topic, out.payload, now)
        self._publish(event.id, out.topic, out.payload)

    @property
    def store(self) -> LocalStore:
        return self._store

    def requeue(self, events: Iterable[HelpEvent], topic_for: Callable[[HelpEvent], str]) -> int:
        """Put events the hub acknowledged once, and has lost since, back in the outbox,
        and send them; they are re-sent until the hub acknowledges them again."""
        now = self._clock()
        count = 0
        for event in events:
            out = self._transport.codec.prepare(topic_for(event), HelpEventMessage(event),
                                                sent_at=now)
            try:
                self._store.enqueue(event.id, out.topic, out.payload, now)
            except sqlite3.Error as error:  # as in ``send``: a failing disk stops nothing
                self._store.fall_back_to_memory(error)
                self._store.enqueue(event.id, out.topic, out.payload, now)
            self._sent_at.pop(event.id, None)  # due now, whenever it was last sent
            count += 1
        self.resend_due()
        return count

    def resend_due(self) -> int:
        """Publish what is due again; returns how many were sent."""
        if not self._transport.connected:
            return 0
        now = self._monotonic()
        waiting = self._store.unacked()
        keys = {item.key for item in waiting}
        for gone in [key for key in self._sent_at if key not in keys]:
            del self._sent_at[gone]  # acknowledged
        due = []
        for item in waiting:
            wait = self.held_resend_after_s if item.held_by else self.resend_after_s
            sent_at = self._sent_at.get(item.key)
            if sent_at is None or now - sent_at >= wait:
                due.append(item)
        for item in due:
            self._publish(item.key, item.topic, item.payload)
        return len(due)

    def resend_all(self) -> int:
        """Publish every unacknowledged message now (the hub just came back)."""
        if not self._transport.connected:
            return 0
        items = self._store.unacked()
        for item in items:
            self._publish(item.key, item.topic, item.payload)
        return len(items)

    def acked_by_hub(self, ids: Iterable[str]) -> int:
        return self._store.ack(ids)

    def held_by_console(self, ids: Iterable[str], console_id: str) -> int:
        return self._store.hold(ids, console_id)

    def pending(self) -> int:
        return self._store.outbox_length()

    def _publish(self, key: str, topic: str, payload: bytes) -> None:
        if not self._transport.connected:
            return  # stays due; sent on the first tick after reconnecting
        if self._transport.publish_raw(topic, payload):
            self._sent_at[key] = self._monotonic()
            try:
                self._store.mark_sent(key, self._clock())  # the record only
            except sqlite3.Error as error:
                log.warning("could not record sending %s: %s", key[:8], error)

