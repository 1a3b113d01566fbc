"""The idle rule (kiosk.core.idle) driven by Qt: input, speech and a timer.

Every key, touch or click anywhere in the kiosk is activity. Speech holds the clock (a
customer listening is not idle) until the speaker says it is quiet again. The clock is
polled on a timer; `warn` and `reset` come back as signals on the GUI thread, and while the
warning is up, `countdown` with each new whole number of seconds left (first just before
`warn`) and whether to say it now (`kiosk.core.idle.spoken_mark`). While a help call is
open nothing happens at all.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QInputEvent

from kiosk.core.idle import IdleAction, IdleClock, spoken_mark

POLL_MS = 250
_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate, QEvent.Type.Wheel,
})


class IdleWatch(QObject):
    warn = Signal()
    reset = Signal()
    countdown = Signal(int, bool)
    """Seconds left before the reset, and whether to say them now (a spoken mark)."""

    def __init__(self, clock: IdleClock, now: Callable[[], float], *, poll_ms: int = POLL_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self._now = now
        self._at_rest = True
        self._shown_left: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def warning(self) -> bool:
        return self.clock.warning

    @property
    def at_rest_now(self) -> bool:
        """Nobody has touched the kiosk since the last reset (or the start)."""
        return self._at_rest

    def activity(self) -> None:
        self._at_rest = False
        self.clock.activity(self._now())

    @Slot()
    def speech_started(self) -> None:
        self.clock.speech_started()

    @Slot()
    def speech_ended(self) -> None:
        self.clock.speech_ended(self._now())

    def help_open(self, is_open: bool) -> None:
        """A call opened or closed. Either way someone may be at the kiosk (a call raised
        from the screen, a drill, a restart): after it closes, the rule applies again, so an
        unanswered "were you helped?" does not stay on screen for ever."""
        self.activity()
        self.clock.help_open(is_open, self._now())

    def at_rest(self) -> None:
        self._at_rest = True
        self.clock.at_rest()

    @Slot()
    def poll(self) -> None:
        now = self._now()
        action = self.clock.poll(now)
        if action is IdleAction.WARN:
            self._shown_left = None
            self._count_down(now)
            self.warn.emit()
        elif action is IdleAction.RESET:
            self._at_rest = True
            self._shown_left = None
            self.reset.emit()
        else:
            self._count_down(now)

    def _count_down(self, now: float) -> None:
        left = self.clock.seconds_left(now)
        if left is None:
            self._shown_left = None
            return
        if left != self._shown_left:
            previous, self._shown_left = self._shown_left, left
            self.countdown.emit(left, spoken_mark(previous, left))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # every event of the kiosk comes here: the cheap test first
        if isinstance(event, QInputEvent) and event.type() in _INPUT_EVENTS:
            self.activity()
        return False
