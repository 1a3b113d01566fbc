"""The Qt side of speech: signals arrive on the GUI thread, and the GUI never waits for
speech, not even while the worker process hangs."""

from __future__ import annotations

import os
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from kiosk.speech.api import EngineState, SpeechHealth
from kiosk.speech.players import silent_player
from kiosk.speech.qt_adapter import QtSpeechEvents
from kiosk.speech.service import SpeechService
from kiosk.speech.settings import SpeechSettings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HANGING_WORKER = (sys.executable, "-c", textwrap.dedent("""
    import sys, time
    from kiosk.speech import worker
    real = worker.synthesise
    def hanging(engine, job):
        if "hang" in job.text.lower():
            time.sleep(3600)
        return real(engine, job)
    worker.synthesise = hanging
    sys.exit(worker.main())
"""))
JOB_TIMEOUT_S = 1.0


@pytest.fixture
def service(tmp_path: Path) -> Iterator[SpeechService]:
    settings = SpeechSettings(worker_command=HANGING_WORKER, job_timeout_s=JOB_TIMEOUT_S,
                              recordings_dir=tmp_path / "no-recordings")
    speech = SpeechService(settings, silent_player(), temp_base=tmp_path)
    yield speech
    speech.close()


@pytest.fixture
def events(service: SpeechService) -> Iterator[QtSpeechEvents]:
    adapter = QtSpeechEvents(service)
    yield adapter
    adapter.detach()


def test_signals_arrive_on_the_gui_thread(qtbot: QtBot, events: QtSpeechEvents,
                                          service: SpeechService) -> None:
    threads: list[int] = []
    seen: list[str] = []
    events.utterance_started.connect(lambda uid: (threads.append(threading.get_ident()),
                                                  seen.append(f"started {uid}")))
    events.utterance_finished.connect(lambda uid, cut: (threads.append(threading.get_ident()),
                                                        seen.append(f"finished {uid} {cut}")))
    with qtbot.waitSignal(events.speech_idle, timeout=20_000):
        said = service.say("Hello.", "en")
    assert seen == [f"started {said}", f"finished {said} False"]
    assert set(threads) == {threading.get_ident()}


def test_the_gui_keeps_running_while_the_worker_hangs_and_health_recovers(
        qtbot: QtBot, events: QtSpeechEvents, service: SpeechService) -> None:
    healths: list[SpeechHealth] = []
    events.health_changed.connect(healths.append)
    service.warm_up()
    qtbot.waitUntil(lambda: service.health().engine is EngineState.OK, timeout=20_000)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    try:
        with qtbot.waitSignal(events.utterance_failed, timeout=20_000) as failed:
            hang_began = time.monotonic()
            said = service.say("Please hang now.", "en")
        hang_over = time.monotonic()
        qtbot.waitUntil(lambda: healths and healths[-1].engine is EngineState.OK,
                        timeout=20_000)
        with qtbot.waitSignal(events.utterance_finished, timeout=20_000) as recovered:
            after = service.say("Hello again.", "en")
    finally:
        timer.stop()
    assert failed.args[0] == said and "hung" in failed.args[1]
    assert hang_over - hang_began >= JOB_TIMEOUT_S
    during = [t for t in ticks if hang_began <= t <= hang_over]
    assert len(during) >= 20, f"only {len(during)} ticks while the worker hung"
    longest_gap = max(b - a for a, b in zip(during, during[1:], strict=False))
    assert longest_gap < JOB_TIMEOUT_S / 2, f"the GUI stalled for {longest_gap:.2f} s"
    engines = [h.engine for h in healths]
    assert EngineState.FAILED in engines
    assert engines.index(EngineState.FAILED) < len(engines) - 1
    assert engines[-1] is EngineState.OK
    assert recovered.args == [after, False]
