"""The console's alarm loop on the GUI thread: every tick, the calls become rows and alarms,
and the alarm policy says when to sound.

Alarms come from the calls (``alarm_policy.call_alarms``) and from kiosks gone silent (the
device monitor). The loop runs whether or not anyone is signed in and whether or not the
console is locked: a locked console still shows and sounds every alarm. A new alarm also
asks the window system to draw attention to the console (``QApplication.alert``), because
stealing focus is blocked on Windows and Wayland; the always-on-top banner does the rest.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.console.alarm_policy import (
    Alarm,
    AlarmKind,
    AlarmPolicy,
    call_alarms,
    escalation_level,
    kiosk_alarms,
)
from kiosk.console.alarm_sound import AlarmSounder, SoundCheck
from kiosk.console.calls_model import CallRow, sort_rows
from kiosk.core.help.clock import CallClock
from kiosk.core.help.state import CallState
from kiosk.core.help.timers import HelpTiming

log = logging.getLogger(__name__)

FLASH_HZ = 1.0
"""Unanswered rows alternate colour once a second: well under the 2 Hz limit."""


class AlarmController(QObject):
    rows_changed = Signal(object)  # list[CallRow]: the open calls, in display order
    alarms_changed = Signal(object)  # tuple[Alarm, ...]
    sound_checked = Signal(object)  # SoundCheck, from the player's thread
    alerted = Signal()  # a new alarm asked the window system for attention

    def __init__(self, sounder: AlarmSounder, timing: HelpTiming, repeat_s: float, *,
                 call_clock: CallClock, monotonic: Callable[[], float],
                 hub_online: Callable[[], bool],
                 offline_kiosks: Callable[[], list[str]], tick_ms: int = 250,
                 parent: QObject | None = None) -> None:
        """Every timer here runs on ``monotonic`` (the alarm's repeat, the flashing) or on
        ``call_clock`` (each call's escalation with the hub down), never on the wall clock:
        a console whose clock is set back still escalates and repeats on time."""
        super().__init__(parent)
        self.sounder = sounder
        sounder.on_check = self.on_sound_checked
        self.policy = AlarmPolicy(repeat_s)
        self._timing = timing
        self._call_clock = call_clock
        self._monotonic = monotonic
        self._hub_online = hub_online
        self._offline_kiosks = offline_kiosks
        self._calls: dict[str, CallState] = {}
        self._calls_changed = False
        self._alarms: tuple[Alarm, ...] = ()
        self._window: QWidget | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)

    def attach(self, window: QWidget) -> None:
        """The window to bring to staff's attention when a new alarm starts."""
        self._window = window

    def start(self) -> None:
        self._timer.start()
        self.tick()

    def stop(self) -> None:
        self._timer.stop()
        self.sounder.close()

    def set_calls(self, calls: Mapping[str, CallState]) -> None:
        # The banners describe the calls (the customer's reason, a drill) as well as the
        # alarms: a call that changed is shown again even when its alarm stays the same.
        self._calls_changed = self._calls_changed or dict(calls) != self._calls
        self._calls = dict(calls)
        self.tick()

    @property
    def calls(self) -> dict[str, CallState]:
        return dict(self._calls)

    @property
    def alarms(self) -> tuple[Alarm, ...]:
        return self._alarms

    def sound_check(self) -> SoundCheck:
        return self.sounder.check

    def on_sound_checked(self, check: SoundCheck) -> None:
        """Called on the player's thread; the signal carries it to the GUI thread."""
        self.sound_checked.emit(check)

    def silence(self) -> None:
        self.policy.silence()
        self.sounder.stop()
        self.alarms_changed.emit(self._alarms)

    def tick(self) -> None:
        """The sound first (handed to its thread), then the rows, then the banners: what
        staff hear and see of a new call goes before anything else the call sets off."""
        now = self._monotonic()
        hub_online = self._hub_online()
        alarms = tuple(call_alarms(self._calls, self._call_clock.now_for, self._timing,
                                   hub_online)
                       + kiosk_alarms(self._offline_kiosks()))
        sound = self.policy.update(alarms, now)
        if sound is not None:
            self.sounder.play(sound)
        flash_on = int(now * 2 * FLASH_HZ) % 2 == 0
        rows = []
        for call in self._calls.values():
            if call.is_open:
                call_now = self._call_clock.now_for(call)
                rows.append(CallRow(call, escalation_level(call, call_now, self._timing,
                                                           hub_online), flash_on, call_now))
        self.rows_changed.emit(sort_rows(rows))
        before = {(a.key, a.level) for a in self._alarms}
        self._log_escalations(alarms, hub_online)
        if alarms != self._alarms or self._calls_changed:
            self._alarms = alarms
            self._calls_changed = False
            self.alarms_changed.emit(alarms)
        if any((a.key, a.level) not in before for a in alarms) and self._window is not None:
            QApplication.alert(self._window, 0)
            self.alerted.emit()

    def _log_escalations(self, alarms: tuple[Alarm, ...], hub_online: bool) -> None:
        """Say in the log when this console raises a call's level (with the hub down)."""
        before = {a.key: a.level for a in self._alarms if a.kind is AlarmKind.HELP}
        for alarm in alarms:
            if alarm.kind is AlarmKind.HELP and alarm.level > before.get(alarm.key, 0):
                log.warning("help call %s at %s: escalated to level %d (%s)", alarm.key,
                            alarm.subject, alarm.level,
                            "the hub's" if hub_online else "this console's own timer")
