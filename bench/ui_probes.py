"""Instruments for the Qt benchmarks: when a widget was painted, when speech was asked for,
when a player started. They watch the product's own widget tree and services; none of
them changes what the product does.

Times are ``time.monotonic()`` (the system-wide monotonic clock), so a time taken in the
kiosk's process can be compared with one taken in the console's.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QWidget

from bench.procstat import rss_bytes
from kiosk.console.app import ConsoleParts
from kiosk.console.staff_session import Phase
from kiosk.console.table_view import KeepColoursDelegate
from kiosk.speech.api import AudioState, Priority, SpeechContent
from kiosk.speech.players import (
    ChildProcessPlayback,
    ChildProcessPlayer,
    Playback,
    Player,
    PlayerState,
    wav_duration_s,
)
from kiosk.speech.service import SpeechService
from kiosk.speech.settings import SpeechSettings

KEPT = 500
"""Timing records kept: the benchmarks look only at the latest few, and a run of 10,000
screen changes must not measure the probe's own memory as the kiosk's."""


def say(payload: dict[str, object]) -> None:
    """One JSON line to the coordinating benchmark."""
    print(json.dumps(payload), flush=True)


def wait_until(condition: Callable[[], bool], timeout_s: float, step_s: float = 0.001) -> bool:
    """Run the event loop until ``condition`` (the GUI thread keeps working meanwhile)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        QApplication.processEvents()
        time.sleep(step_s)
    return True


def serve_console(app: QApplication, parts: ConsoleParts, staff_id: str, pin: str,
                  rss_extra: Callable[[], dict[str, object]] = dict) -> int:
    """Start the built console, sign ``staff_id`` in through the hub, say ``ready``, then
    answer ``rss`` and ``quit`` from stdin until told to quit."""
    parts.window.resize(1920, 1080)
    parts.start(connect=True, show=True)
    wait_until(lambda: parts.device.link.connected, 30)
    parts.desk.sign_in(staff_id, pin)
    signed_in = wait_until(lambda: parts.desk.phase is Phase.SIGNED_IN, 15)
    commands = StdinCommands()

    def run(line: str) -> None:
        if line == "rss":
            say({"event": "rss", "mib": rss_bytes(os.getpid()) / 1024 / 1024, **rss_extra()})
        elif line == "quit":
            app.exit(0)  # not quit(): that asks the window to close, and staff to confirm

    commands.line.connect(run, Qt.ConnectionType.QueuedConnection)
    commands.start()
    say({"event": "ready", "signed_in": signed_in,
         "rss_mib": rss_bytes(os.getpid()) / 1024 / 1024})
    code = app.exec()
    parts.stop()
    return code


class StdinCommands(QObject):
    """Lines from stdin, delivered on the GUI thread; "quit" when stdin closes."""

    line = Signal(str)

    def start(self) -> None:
        def read() -> None:
            for text in sys.stdin:
                self.line.emit(text.strip())
            self.line.emit("quit")

        threading.Thread(target=read, name="stdin", daemon=True).start()


class PaintWatch(QObject):
    """When the first repaint of ``widget`` (or a child) after ``arm()`` was drawn, of those
    made while ``showing()`` holds (what the repaint must show: by default, anything).

    Watching the application's Paint events: the first one that reaches the widget's
    subtree starts a repaint, which Qt draws in one go, widget after widget; the moment
    recorded is when the last widget of it began to paint (its own paint, about a
    millisecond, is the only part not counted). A zero timer says the repaint is over:
    when it fires, whatever the GUI thread did after the repaint (queued work, speech) is
    not counted, as it is not part of what the customer sees."""

    BATCH_GAP_S = 0.002
    """Paint events this close together are one repaint: widgets are drawn back to back."""

    def __init__(self, app: QObject) -> None:
        super().__init__()
        self._app = app
        self._target: QWidget | None = None
        self._showing: Callable[[], bool] = lambda: True
        self._armed = False
        self._pending = False
        self._last_paint = 0.0
        self.painted_at: float | None = None
        self.done: Callable[[float], None] = lambda _at: None
        app.installEventFilter(self)

    def arm(self, widget: QWidget, showing: Callable[[], bool] = lambda: True) -> None:
        self._target = widget
        self._showing = showing
        self._armed = True
        self._pending = False
        self.painted_at = None

    def detach(self) -> None:
        self._app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if not self._armed or event.type() != QEvent.Type.Paint:
            return False
        now = time.monotonic()
        if self._pending:
            if now - self._last_paint <= self.BATCH_GAP_S:
                self._last_paint = now  # the same repaint goes on
        elif (isinstance(watched, QWidget) and self._target is not None
                and (watched is self._target or self._target.isAncestorOf(watched))
                and self._showing()):
            self._pending = True
            self._last_paint = now
            QTimer.singleShot(0, self._finished)
        return False

    def _finished(self) -> None:
        self._armed = False
        self.painted_at = self._last_paint
        self.done(self.painted_at)


class RowPaintDelegate(KeepColoursDelegate):
    """The console's own row delegate, noting the first time each row key is painted."""

    def __init__(self, parent: QObject, key_at: Callable[[int], str],
                 painted: Callable[[str, float], None]) -> None:
        super().__init__(parent)
        self._key_at = key_at
        self._painted = painted
        self._seen: set[str] = set()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        try:
            key = self._key_at(index.row())
        except IndexError:
            return
        if key not in self._seen:
            self._seen.add(key)
            self._painted(key, time.monotonic())


class TimedPlayback(Playback):
    def __init__(self, inner: Playback, started: Callable[[Path, float], None]) -> None:
        super().__init__(inner.path)
        self._inner = inner
        self._started = started

    def start(self) -> None:
        self._inner.start()
        if self._inner.state is not PlayerState.FAILED:
            self._started(self.path, time.monotonic())
        self._enter(self._inner.state, self._inner.error)

    def stop(self) -> None:
        self._inner.stop()

    def wait(self) -> PlayerState:
        state = self._inner.wait()
        self._enter(state, self._inner.error)
        return state


class PacedPlayer(ChildProcessPlayer):
    """Makes no sound and lasts as long as the file, at the cost of a small program: each
    playback is ``sleep`` for the WAV's length. A kiosk plays with ``aplay``, a small C
    program; the product's silent player is a Python process (about 0.1 s of CPU to start
    on this kind of machine), which would compete with the programs measured."""

    def __init__(self) -> None:
        super().__init__(["sleep"], audible=False)

    def playback(self, path: Path) -> Playback:
        return ChildProcessPlayback(
            ["sh", "-c", f"exec sleep {wav_duration_s(path):.3f}", "{path}"], path)


class TimingPlayer(Player):
    """A real player whose playbacks note when they started."""

    def __init__(self, inner: Player) -> None:
        self.inner = inner
        self._lock = threading.Lock()
        self.starts: deque[tuple[float, Path]] = deque(maxlen=KEPT)

    def playback(self, path: Path) -> Playback:
        return TimedPlayback(self.inner.playback(path), self._note)

    def audio_status(self) -> tuple[AudioState, str]:
        return self.inner.audio_status()

    def _note(self, path: Path, at: float) -> None:
        with self._lock:
            self.starts.append((at, path))

    def first_start_after(self, moment: float) -> float | None:
        with self._lock:
            return next((at for at, _ in self.starts if at >= moment), None)


class TimedSpeechService(SpeechService):
    """The real speech service, noting when each utterance was asked for and when its
    sound began (the service's own ``utterance_started``, matched to the player start that
    caused it)."""

    def __init__(self, player: TimingPlayer, settings: SpeechSettings) -> None:
        super().__init__(settings, player)
        self.timing_player = player
        self._lock = threading.Lock()
        # (at, language, text, id)
        self.requests: deque[tuple[float, str, str, str]] = deque(maxlen=KEPT)
        self._started: OrderedDict[str, float] = OrderedDict()
        self.add_listener(_StartListener(self._utterance_started))

    def say(self, content: SpeechContent, language: str,
            priority: Priority = Priority.NORMAL, *, interrupt: bool = False,
            resumable: bool = True, channel: str | None = None) -> str:
        asked_at = time.monotonic()
        utterance_id = super().say(content, language, priority, interrupt=interrupt,
                                   resumable=resumable, channel=channel)
        with self._lock:
            self.requests.append((asked_at, language, str(content), utterance_id))
        return utterance_id

    def _utterance_started(self, utterance_id: str) -> None:
        heard_at = time.monotonic()
        with self._lock:
            starts = [at for at, _ in self.timing_player.starts if at <= heard_at]
            self._started.setdefault(utterance_id, starts[-1] if starts else heard_at)
            while len(self._started) > KEPT:
                self._started.popitem(last=False)

    def first_request_after(self, moment: float) -> tuple[float, str, str, str] | None:
        with self._lock:
            return next((r for r in self.requests if r[0] >= moment), None)

    def first_sound_after(self, moment: float) -> tuple[float, str] | None:
        """(when, text) of the first utterance asked for after ``moment`` whose sound
        started: what the customer hears first (a later request may cut an earlier one)."""
        with self._lock:
            heard = [(self._started[r[3]], r[2]) for r in self.requests
                     if r[0] >= moment and r[3] in self._started]
        return min(heard) if heard else None

    def sound_started(self, utterance_id: str) -> float | None:
        """When the player started playing ``utterance_id``'s first sentence, if it did."""
        with self._lock:
            return self._started.get(utterance_id)


class _StartListener:
    def __init__(self, started: Callable[[str], None]) -> None:
        self._started = started

    def utterance_started(self, utterance_id: str) -> None:
        self._started(utterance_id)

    def utterance_finished(self, utterance_id: str, interrupted: bool) -> None:
        return None

    def utterance_failed(self, utterance_id: str, reason: str) -> None:
        return None

    def health_changed(self, health: object) -> None:
        return None

    def speech_idle(self) -> None:
        return None
