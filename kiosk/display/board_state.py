"""What the wall display shows and says, and in what order: a small state machine, no Qt.

Counters can call two numbers a second apart; a customer hard of hearing must still hear
each one, and one whose eyes are slow must still find it on the board. So calls are
announced one at a time, in the order they came: the newest number goes up, the chime and
the sentence are played `announce_times` times, and it stays the newest on the board at
least `min_show_s` before the next call takes its place (then it moves to the list of
earlier numbers). Nothing is dropped: a call that arrives during another waits its turn.

A branch announcement takes over: the call being announced is cut short (and announced
again from the start once the announcement is cleared), and the announcement is spoken,
then again `notice_repeat_s` after each reading ends, until it is cleared.

The board sets no timers of its own: it reads the injected clock, and its owner asks
`wake_at()` when to call `tick()` next. The voice is a port: the Qt side plays a chime and
speaks, tests record; a round's `done` that comes after the round was stopped is ignored.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from types import MappingProxyType
from typing import Protocol


@dataclass(frozen=True)
class CalledNumber:
    number: str
    counter: int
    service_id: str
    at: float
    recall: bool = False


@dataclass(frozen=True)
class BoardNotice:
    """A branch announcement: its id and its text per language."""

    notice_id: str
    texts: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "texts", MappingProxyType(dict(self.texts)))


class BoardVoice(Protocol):
    """Plays one round (a chime, then a sentence per language) and reports its end by
    calling `done`, exactly once, unless `stop()` came first."""

    def announce_call(self, call: CalledNumber, done: Callable[[], None]) -> None: ...

    def announce_notice(self, notice: BoardNotice, done: Callable[[], None]) -> None: ...

    def stop(self) -> None: ...


@dataclass(frozen=True)
class BoardTimes:
    min_show_s: float = 10.0
    announce_times: int = 2
    notice_repeat_s: float = 20.0
    recent_count: int = 4


class CallBoard:
    def __init__(self, voice: BoardVoice, times: BoardTimes, clock: Callable[[], float],
                 on_change: Callable[[], None] = lambda: None,
                 on_wake_change: Callable[[], None] = lambda: None) -> None:
        """`on_change`: what is shown changed. `on_wake_change`: `wake_at()` may differ
        now (called after every event, including the end of a spoken round)."""
        self._voice = voice
        self._times = times
        self._clock = clock
        self._on_change = on_change
        self._on_wake_change = on_wake_change
        self._waiting: deque[CalledNumber] = deque()
        self._recent: deque[CalledNumber] = deque(maxlen=max(1, times.recent_count))
        self._current: CalledNumber | None = None
        self._shown_since = 0.0
        self._rounds = 0
        self._notice: BoardNotice | None = None
        self._notice_next_at: float | None = None
        self._speaking: int | None = None
        self._starting = False
        self._ended_while_starting = False
        self._tokens = itertools.count(1)

    # --- what is on the board --------------------------------------------------------------

    @property
    def current(self) -> CalledNumber | None:
        """The newest number on the board (highlighted)."""
        return self._current

    @property
    def recent(self) -> tuple[CalledNumber, ...]:
        """Earlier numbers, newest first."""
        return tuple(self._recent)[: self._times.recent_count]

    @property
    def waiting(self) -> tuple[CalledNumber, ...]:
        """Calls not yet on the board, in the order they will go up."""
        return tuple(self._waiting)

    @property
    def notice(self) -> BoardNotice | None:
        return self._notice

    @property
    def speaking(self) -> bool:
        return self._speaking is not None

    # --- events ------------------------------------------------------------------------------

    def called(self, call: CalledNumber) -> None:
        self._waiting.append(call)
        self._advance()

    def notice_changed(self, notice: BoardNotice | None) -> None:
        """A new announcement (takes over at once), the same one again (nothing happens),
        or None: cleared."""
        if notice is not None and self._notice is not None \
                and notice.notice_id == self._notice.notice_id:
            return
        if notice is None and self._notice is None:
            return
        if self._speaking is not None:
            self._speaking = None
            self._voice.stop()
        if self._current is not None and self._rounds < self._times.announce_times:
            self._rounds = 0  # cut short: say it again in full afterwards
        self._notice = notice
        self._notice_next_at = None
        if notice is None and self._current is not None:
            self._shown_since = self._clock()  # back on screen: its minimum time restarts
        self._on_change()
        self._advance()

    def seed(self, calls: Iterable[CalledNumber]) -> None:
        """Numbers already called before the display started (from the hub's queue
        state): shown, not announced, and only on a board that has nothing yet."""
        if self._current is not None or self._recent or self._waiting:
            return
        ordered = sorted(calls, key=lambda call: call.at, reverse=True)
        if not ordered:
            return
        self._current = ordered[0]
        self._rounds = self._times.announce_times
        self._shown_since = float("-inf")
        self._recent.extend(ordered[1:])
        self._on_change()

    def tick(self) -> None:
        self._advance()

    def wake_at(self) -> float | None:
        """When `tick` must be called next (None: only an event can change anything)."""
        if self._speaking is not None:
            return None
        if self._notice is not None:
            return self._notice_next_at
        if self._current is not None and self._waiting \
                and self._rounds >= self._times.announce_times:
            return self._shown_since + self._times.min_show_s
        return None

    # --- the order of things -----------------------------------------------------------------

    def _advance(self) -> None:
        try:
            self._start_rounds()
        finally:
            self._on_wake_change()

    def _start_rounds(self) -> None:
        while self._speaking is None:
            start = self._next_round()
            if start is None:
                return
            token = next(self._tokens)
            self._speaking = token
            self._starting = True
            self._ended_while_starting = False
            try:
                start(partial(self._done, token))
            finally:
                self._starting = False
            if not self._ended_while_starting:
                return
            self._round_ended()  # the voice finished at once (e.g. no sound): go on

    def _done(self, token: int) -> None:
        if token != self._speaking:
            return  # the end of a round that was stopped, or a second report of it
        if self._starting:
            self._ended_while_starting = True
            return
        self._round_ended()
        self._advance()

    def _round_ended(self) -> None:
        self._speaking = None
        if self._notice is not None:
            self._notice_next_at = self._clock() + self._times.notice_repeat_s
        else:
            self._rounds += 1

    def _next_round(self) -> Callable[[Callable[[], None]], None] | None:
        """What to say next, after updating what is shown; None: nothing now."""
        notice = self._notice
        if notice is not None:
            if self._notice_next_at is not None and self._clock() < self._notice_next_at:
                return None
            self._notice_next_at = None
            return lambda done: self._voice.announce_notice(notice, done)
        current = self._current
        if current is not None and self._rounds < self._times.announce_times:
            return lambda done: self._voice.announce_call(current, done)
        if not self._waiting:
            return None
        if current is not None and self._clock() - self._shown_since < self._times.min_show_s:
            return None
        if current is not None:
            self._remember(current)
        upcoming = self._waiting.popleft()
        self._recent = deque((c for c in self._recent if c.number != upcoming.number),
                             maxlen=self._recent.maxlen)
        self._current = upcoming
        self._shown_since = self._clock()
        self._rounds = 0
        self._on_change()
        return lambda done: self._voice.announce_call(upcoming, done)

    def _remember(self, call: CalledNumber) -> None:
        self._recent = deque((c for c in self._recent if c.number != call.number),
                             maxlen=self._recent.maxlen)
        self._recent.appendleft(call)
