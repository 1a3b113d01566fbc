"""Run as a process: the real kiosk window, offscreen, driven by commands on stdin.

``python -m bench.ui_kiosk_process CONFIG KIOSK_ID DATA_DIR PLAYER [connect]`` builds the
kiosk with ``kiosk.customer.app.build_kiosk`` (the composition root ``kiosk run`` uses) and
the real speech service, whose player is wrapped to note when each playback starts
(``PLAYER``: ``silent`` keeps the WAV's time without sound, ``instant`` ends at once, for
runs that change screens thousands of times). Each command answers with one JSON line:

- ``tap-help``: touch the help button; when the call is raised, the help screen painted and
  the speech started, answer with those times. A call seen closed is reported by itself.
- ``taps N``: in every state of ``kiosk.customer.screen_states.STATES``, touch each control N
  times, each from the freshly staged state; release → next paint of the window.
- ``speech LANGUAGE N``: in that language, N times: touch "settings" on the home screen,
  time screen painted and playback started; back home in between.
- ``screens N W``: W screen changes through the real buttons, then N more with RSS before
  and after them.
- ``rss``, ``quit``.
"""

from __future__ import annotations

import cProfile
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from bench import ui_probes as probes
from bench.procstat import rss_bytes
from bench.profiling import summarise_cprofile
from bench.ui_probes import (
    PacedPlayer,
    PaintWatch,
    StdinCommands,
    TimedSpeechService,
    TimingPlayer,
    say,
)
from kiosk.core.config import load_config
from kiosk.core.help.state import CallState
from kiosk.core.help.view import HelpPhase
from kiosk.core.kiosk_flow import Screen
from kiosk.customer.app import KioskParts, build_kiosk
from kiosk.customer.screen_states import STATES, KioskStage, ScreenState
from kiosk.speech.players import ChildProcessPlayer
from kiosk.speech.settings import SpeechSettings
from kiosk.ui.render import scroll_into_view
from kiosk.ui.widgets import NAV_HELP, NAV_HOME

PATIENCE_S = 5.0


def control_name(button: QAbstractButton) -> str:
    return button.objectName() or button.accessibleName() or button.text() or "unnamed"


def rss_mib() -> float:
    import os

    return rss_bytes(os.getpid()) / 1024 / 1024


def wait_until(condition: Callable[[], bool], timeout_s: float = PATIENCE_S) -> bool:
    """Run the event loop until ``condition`` (the GUI thread keeps working meanwhile)."""
    return probes.wait_until(condition, timeout_s, 0.0005)


class KioskDriver(QObject):
    def __init__(self, app: QApplication, parts: KioskParts, speech: TimedSpeechService,
                 player: TimingPlayer) -> None:
        super().__init__()
        self.app = app
        self.parts = parts
        self.window = parts.window
        self.speaker = speech
        self.player = player
        self.touchscreen: QPointingDevice = QTest.createTouchDevice()
        self.paint = PaintWatch(app)
        self.calls: dict[str, float] = {}  # open call id -> when the kiosk learnt of it
        self.closed: set[str] = set()
        self._pending: list[str] = []
        self._busy = False
        parts.bridge.call_changed.connect(self._call_changed)

    # --- what the kiosk shows ---------------------------------------------------------------

    def _call_changed(self, call: CallState | None) -> None:
        if call is None:
            return
        if call.is_open:
            self.calls.setdefault(call.call_id, time.monotonic())
        elif call.call_id not in self.closed:
            self.closed.add(call.call_id)
            say({"event": "closed", "call_id": call.call_id})

    def visible_button(self, name: str) -> QAbstractButton:
        for button in self.window.findChildren(QAbstractButton, name):
            if button.isVisible():
                return button
        raise LookupError(f"no visible button {name!r} on {self.window.flow.screen}")

    def touch(self, widget: QWidget) -> float:
        """Press and release at the widget's centre; the moment the release was sent."""
        window = widget.window()
        point: QPoint = widget.mapTo(window, widget.rect().center())
        QTest.touchEvent(window, self.touchscreen).press(0, point).commit()
        released_at = time.monotonic()
        QTest.touchEvent(window, self.touchscreen).release(0, point).commit()
        return released_at

    def timed_touch(self, widget: QWidget, watched: QWidget,
                    showing: Callable[[], bool] = lambda: True,
                    profiler: cProfile.Profile | None = None
                    ) -> tuple[float, float | None, float | None]:
        """(release sent at, end of the next repaint of ``watched`` after the release that
        is made while ``showing()`` holds, end of the first repaint after the press) — None
        where no repaint came.

        A tap is a press and a release; what it does happens on the release. The press
        alone repaints the button (its pressed look), which is measured separately: QTest
        processes events inside each ``commit``, so both repaints are seen. ``profiler``
        records the GUI thread from the release until the repaint is over."""
        window = widget.window()
        point: QPoint = widget.mapTo(window, widget.rect().center())
        self.paint.arm(window)
        pressed_at = time.monotonic()
        QTest.touchEvent(window, self.touchscreen).press(0, point).commit()
        QApplication.processEvents()  # a press that changes nothing visible paints nothing
        feedback = None if self.paint.painted_at is None else self.paint.painted_at - pressed_at
        self.paint.arm(watched, showing)
        if profiler is not None:
            self.paint.done = lambda _at: profiler.disable()
            profiler.enable()
        released_at = time.monotonic()
        QTest.touchEvent(window, self.touchscreen).release(0, point).commit()
        wait_until(lambda: self.paint.painted_at is not None, 2.0)
        if profiler is not None:
            profiler.disable()
            self.paint.done = lambda _at: None
        return released_at, self.paint.painted_at, feedback

    # --- commands ---------------------------------------------------------------------------

    def tap_help(self) -> None:
        known = set(self.calls)
        help_loop = self.window.help

        def calling() -> bool:  # the screen says the new call is on its way, not the last one
            view = help_loop.follower.view
            return (self.window.host.current is self.window.help_screen and view is not None
                    and view.phase is not HelpPhase.CLOSED)

        touched_at, painted_at, _ = self.timed_touch(self.visible_button(NAV_HELP),
                                                     self.window.help_screen, calling)
        wait_until(lambda: bool(set(self.calls) - known))
        new = sorted(set(self.calls) - known, key=self.calls.__getitem__)
        request = self.speaker.first_request_after(touched_at)
        wait_until(lambda: self.speaker.first_sound_after(touched_at) is not None, 3.0)
        heard = self.speaker.first_sound_after(touched_at)
        say({"event": "help", "call_id": new[0] if new else None, "tapped": touched_at,
             "painted": painted_at, "raised_known": self.calls.get(new[0]) if new else None,
             "speech_requested": request[0] if request else None,
             "speech_text": heard[1][:80] if heard else None,
             "audio_started": heard[0] if heard else None})

    def stage(self, stage: KioskStage, state: ScreenState, language: str) -> None:
        """Put the kiosk into ``state`` as `render-screens` and the audit do, and let it
        paint."""
        stage.fresh(language, larger=state.larger_text, high_contrast=state.high_contrast)
        state.set_up(stage)
        stage.settle()
        wait_until(lambda: False, 0.01)

    def controls(self) -> list[tuple[str, int]]:
        """Every visible, enabled control of the window as shown (overlays included), as
        (name, occurrence among controls of that name)."""
        seen: dict[str, int] = {}
        found = []
        for button in self.window.findChildren(QAbstractButton):
            if not (button.isVisible() and button.isEnabled()):
                continue
            name = control_name(button)
            found.append((name, seen.get(name, 0)))
            seen[name] = seen.get(name, 0) + 1
        return found

    def find_control(self, name: str, occurrence: int) -> QAbstractButton | None:
        same = [b for b in self.window.findChildren(QAbstractButton)
                if b.isVisible() and b.isEnabled() and control_name(b) == name]
        return same[occurrence] if occurrence < len(same) else None

    def taps(self, rounds: int, profile: bool = False) -> None:
        """Every control of every state in the product's own table (``STATES``), each
        touched ``rounds`` times, each time from a freshly staged state. ``profile``: the
        GUI thread's time from each release to its repaint, by screen and switch."""
        stage = KioskStage(self.parts)
        language = self.window.session.settings.language
        results: dict[str, list[float]] = {}
        changes: list[float] = []
        feedback: list[float] = []
        silent: dict[str, int] = {}
        screens: dict[str, str] = {}
        profilers: dict[str, cProfile.Profile] = {}
        counted: dict[str, int] = {}
        for state in STATES:
            self.stage(stage, state, language)
            screens[state.name] = self.window.flow.screen.value
            for _ in range(rounds):
                for name, occurrence in self.controls():
                    self.stage(stage, state, language)
                    button = self.find_control(name, occurrence)
                    if button is None:
                        continue
                    key = f"{state.name}: {name}" + (f" #{occurrence + 1}" if occurrence else "")
                    shown = self.window.flow.screen
                    scroll_into_view(button)  # as a customer does, before the timed touch
                    wait_until(lambda: False, 0.02)  # the scroll's own repaint is over
                    group = tap_group(screens[state.name], name)
                    profiler = profilers.setdefault(group, cProfile.Profile()) if profile \
                        else None
                    counted[group] = counted.get(group, 0) + 1
                    touched_at, painted_at, pressed = self.timed_touch(
                        button, self.window, profiler=profiler)
                    if pressed is not None:
                        feedback.append(pressed * 1000)
                    if painted_at is None:
                        silent[key] = silent.get(key, 0) + 1
                        continue
                    ms = (painted_at - touched_at) * 1000
                    results.setdefault(key, []).append(ms)
                    if self.window.flow.screen is not shown:
                        changes.append(ms)
        self.window.reset_for_next_customer()  # the taps changed the customer's settings
        profiles = {group: summarise_cprofile(
            f"kiosk, {group} taps", profiler, samples=counted[group], hide=PROBE_FRAMES,
            scope="GUI thread from the release to the repaint, cProfile").as_dict()
            for group, profiler in profilers.items()}
        say({"event": "taps", "ms": results, "no_paint": silent, "press_ms": feedback,
             "screen_changes_ms": changes, "screens": screens, "profiles": profiles})

    def has_sounded(self, utterance_id: str) -> bool:
        return self.speaker.sound_started(utterance_id) is not None

    def speech(self, language: str, rounds: int) -> None:
        self.window.reset_for_next_customer()
        session = self.window.session
        session.update(session.settings.with_language(language))
        self.window.go_home()
        wait_until(lambda: False, 0.5)
        runs = []
        for _ in range(rounds):
            self.window.go_home()
            self.speaker.stop()
            wait_until(lambda: False, 0.3)
            button = self.window.home.settings_button
            touched_at, painted_at, _ = self.timed_touch(button, self.window.settings_screen)
            request = self.speaker.first_request_after(touched_at)
            if request is not None:
                wait_until(partial(self.has_sounded, request[3]), 5.0)
            runs.append({"tapped": touched_at, "painted": painted_at,
                         "speech_requested": request[0] if request else None,
                         "text": request[2][:60] if request else None,
                         "audio_started": self.speaker.sound_started(request[3])
                         if request else None})
        self.speaker.stop()
        self.window.go_home()
        say({"event": "speech", "language": language, "runs": runs})

    def screens(self, count: int, warm_up: int) -> None:
        """``warm_up`` changes first (caches fill, fonts load), then ``count`` measured."""
        window = self.window
        window.go_home()

        def change(times: int) -> None:
            for n in range(times):
                if window.flow.screen is Screen.HOME:
                    self.touch(window.home.settings_button)
                else:
                    self.touch(self.visible_button(NAV_HOME))
                QApplication.processEvents()
                if n % 500 == 499:
                    self.speaker.stop()

        change(warm_up)
        wait_until(lambda: False, 0.5)
        before = rss_mib()
        started = time.monotonic()
        change(count)
        seconds = time.monotonic() - started
        window.go_home()
        wait_until(lambda: False, 0.5)
        say({"event": "screens", "count": count, "warm_up": warm_up, "rss_before_mib": before,
             "rss_after_mib": rss_mib(), "seconds": seconds})

    def run(self, line: str) -> None:
        """One command at a time: a command that runs the event loop while it waits must
        not start the next one inside it."""
        self._pending.append(line)
        if self._busy:
            return
        self._busy = True
        try:
            while self._pending:
                self._execute(self._pending.pop(0))
        finally:
            self._busy = False

    def _execute(self, line: str) -> None:
        words = line.split()
        if not words:
            return
        command, args = words[0], words[1:]
        if command == "tap-help":
            self.tap_help()
        elif command == "taps":
            self.taps(int(args[0]), profile=args[1:] == ["profile"])
        elif command == "speech":
            self.speech(args[0], int(args[1]))
        elif command == "screens":
            self.screens(int(args[0]), int(args[1]))
        elif command == "rss":
            say({"event": "rss", "mib": rss_mib()})
        elif command == "quit":
            self.app.quit()
        else:
            say({"event": "error", "error": f"unknown command {command!r}"})


PROBE_FRAMES = ("timed_touch", "wait_until", "ui_probes.py", "<built-in method time.sleep>",
                "<method 'disable' of '_lsprof.Profiler' objects>")
"""The benchmark's own frames, left out of a tap's profile."""


def tap_group(screen: str, control: str) -> str:
    """What a tap's profile is counted under: the text-size and contrast switches on their
    own (they re-lay out every text), every other control by its state's screen."""
    for switch in ("text_size", "contrast"):
        if control.endswith(f"_{switch}"):
            return f"{switch.replace('_', ' ')} switch"
    return f"{screen} screen"


def main(config_path: str, kiosk_id: str, data_dir: str, player_kind: str,
         connect: bool) -> int:
    app = QApplication(sys.argv[:1])
    config = load_config(config_path)
    inner = PacedPlayer() if player_kind == "silent" else \
        ChildProcessPlayer(["true"], audible=False)
    player = TimingPlayer(inner)
    speech = TimedSpeechService(player, SpeechSettings())
    speech.warm_up()
    parts = build_kiosk(app, config, kiosk_id, Path(data_dir), speaker=speech)
    parts.start(windowed=True, connect=connect)
    if not connect:
        parts.device.worker.start()
        parts.device.worker.submit(lambda: None if parts.device.client.resume() else None)
    driver = KioskDriver(app, parts, speech, player)
    commands = StdinCommands()
    commands.line.connect(driver.run, Qt.ConnectionType.QueuedConnection)
    commands.start()
    if connect:
        wait_until(lambda: parts.device.link.connected, 20)
    wait_until(lambda: False, 0.3)
    say({"event": "ready", "rss_mib": rss_mib()})
    QTimer.singleShot(0, lambda: None)
    code = app.exec()
    parts.stop()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4],
                  len(sys.argv) > 5 and sys.argv[5] == "connect"))
