"""A console's place in the hub's numbered help changes: when to take the whole state again.

The hub publishes each batch of help events it stored as ``help.changes`` numbered 1, 2, ...
within its run (a new run at every start), and keeps the whole ``help.state`` retained,
stamped with the last change it holds. Events are a set, merged by id, so applying a change
twice or out of order is harmless; the numbers only tell a console that it missed one. Then
it subscribes to the whole again, which makes the broker hand over the retained copy, and
stops listening to it once it has a copy that holds every change up to the one it missed.
Until then it is subscribed, so the hub's next whole (published at a pace) arrives too.

On joining (every connect subscribes to everything, the whole included) the console waits
for a whole in the same way: what it missed while away is in there. A hub of protocol
version 1 numbers nothing (its run is empty): the console then keeps listening to the whole,
as before changes were numbered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from kiosk.protocol.help_messages import NO_RUN

log = logging.getLogger(__name__)


class ChangeFollower:
    """Runs on the console's thread; ``subscribe`` and ``unsubscribe`` act on the whole
    state's topic (both are safe to call when not connected)."""

    def __init__(self, subscribe: Callable[[], None], unsubscribe: Callable[[], None]) -> None:
        self._subscribe = subscribe
        self._unsubscribe = unsubscribe
        self.run: str | None = None
        self.seq = 0
        """The last change of ``run`` this console holds (with every one before it)."""
        self.syncing = True
        """Listening to the whole state until one arrives that holds change ``_needed``."""
        self._needed = 0
        self.resyncs = 0
        """How often a missed change (or a new run of the hub) sent it back to the whole."""

    def joined(self) -> None:
        """Connected: the subscription brings the whole; wait for it."""
        self.syncing = True
        self._needed = self.seq

    def changed(self, run: str, seq: int) -> None:
        """A ``help.changes`` arrived (its events are merged already)."""
        if run == self.run and seq <= self.seq:
            return  # one we hold (delivered twice)
        if run == self.run and seq == self.seq + 1:
            self.seq = seq
            return
        why = "the hub started again" if run != self.run else f"changes {self.seq + 1}..{seq - 1}"
        self.run, self.seq = run, seq
        self._needed = seq
        self.resyncs += 1
        if self.run is not None:
            log.info("missed help changes (%s): taking the whole help state again", why)
        self.syncing = True
        self._subscribe()

    def whole(self, run: str, seq: int) -> None:
        """A whole ``help.state`` arrived (its events are merged already)."""
        if run == NO_RUN:
            return  # a hub that numbers nothing: keep following the whole
        if run != self.run:
            # Another run of the hub: the whole holds everything up to its own number.
            self.run, self.seq, self._needed = run, seq, seq
        elif seq > self.seq:
            self.seq = seq
        if self.syncing and seq >= self._needed:
            self.syncing = False
            self._unsubscribe()
