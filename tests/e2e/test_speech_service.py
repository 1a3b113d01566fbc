"""The speech service with its real worker process (espeak-ng).

Where stopping is proven, the player is a real child process, the silent player: it behaves
like aplay (a process that lasts as long as the file and dies on SIGTERM) on a machine
without a sound card. Where only what is played matters, an in-process gated player keeps
the tests fast and their order deterministic."""

from __future__ import annotations

import math
import os
import shutil
import signal
import sys
import textwrap
import threading
import time
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.speech.api import (
    AudioState,
    EngineState,
    Phrase,
    Priority,
    Rate,
    SpeechHealth,
    VoiceState,
)
from kiosk.speech.players import (
    ChildProcessPlayback,
    ChildProcessPlayer,
    NullPlayer,
    Player,
    PlayerState,
    silent_player,
)
from kiosk.speech.service import SpeechService
from kiosk.speech.settings import SpeechSettings
from kiosk.speech.wav_audio import Pcm, read_pcm, rms_dbfs, scaled, write_pcm
from kiosk.speech.worker_client import WorkerState
from tests.helpers.fake_player import FakePlayback, FakePlayer

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng")]

LIVENESS_S = 20.0
LONG_TEXT = ("This sentence is long on purpose, so that it is still playing when the screen "
             "changes and a new message must be heard at once instead of it.")

CRASHING_WORKER = (sys.executable, "-c", textwrap.dedent("""
    import os, sys
    from kiosk.speech import worker
    real = worker.synthesise
    def crashing(engine, job):
        if "crash" in job.text.lower():
            os._exit(70)
        return real(engine, job)
    worker.synthesise = crashing
    sys.exit(worker.main())
"""))
NO_ENGINE_WORKER = (sys.executable, "-c", textwrap.dedent("""
    import sys
    sys.modules["pyttsx3"] = None  # as on a machine without pyttsx3 / espeak
    from kiosk.speech import worker
    sys.exit(worker.main())
"""))


def wait_until(condition: Callable[[], object], timeout: float = LIVENESS_S) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.01)


class EventLog:
    """Records the listener calls, from the service's thread."""

    def __init__(self) -> None:
        self.events: list[tuple[str, ...]] = []
        self.healths: list[SpeechHealth] = []
        self.threads: set[int] = set()
        self._lock = threading.Lock()

    def _add(self, *event: str) -> None:
        with self._lock:
            self.events.append(event)
            self.threads.add(threading.get_ident())

    def utterance_started(self, utterance_id: str) -> None:
        self._add("started", utterance_id)

    def utterance_finished(self, utterance_id: str, interrupted: bool) -> None:
        self._add("interrupted" if interrupted else "finished", utterance_id)

    def utterance_failed(self, utterance_id: str, reason: str) -> None:
        self._add("failed", utterance_id, reason)

    def health_changed(self, health: SpeechHealth) -> None:
        with self._lock:
            self.healths.append(health)

    def speech_idle(self) -> None:
        self._add("idle")

    def ended(self, utterance_id: str) -> tuple[str, ...] | None:
        with self._lock:
            return next((e for e in self.events if e[0] in ("finished", "interrupted", "failed")
                         and e[1] == utterance_id), None)

    def kinds_for(self, utterance_id: str) -> list[str]:
        with self._lock:
            return [e[0] for e in self.events if len(e) > 1 and e[1] == utterance_id]

    def engines(self) -> list[EngineState]:
        with self._lock:
            return [h.engine for h in self.healths]


def audible_silent_player() -> ChildProcessPlayer:
    """The silent player, but counted as a working device (as aplay with a card would be)."""
    return ChildProcessPlayer(silent_player().command, audible=True)


@pytest.fixture
def make_service(tmp_path: Path) -> Iterator[Callable[..., tuple[SpeechService, EventLog]]]:
    services: list[SpeechService] = []

    def make(player: Player | None = None, **changes: object) -> tuple[SpeechService, EventLog]:
        options: dict[str, object] = {"recordings_dir": tmp_path / "voice",
                                      "restart_backoff_s": 5.0}
        options.update(changes)
        settings = SpeechSettings(**options)  # type: ignore[arg-type]
        service = SpeechService(settings, player or audible_silent_player(),
                                temp_base=tmp_path)
        services.append(service)
        log = EventLog()
        service.add_listener(log)
        return service, log

    yield make
    for service in services:
        service.close()


def test_an_interrupting_message_stops_the_first_player_before_the_second_starts(
        make_service: Callable[..., tuple[SpeechService, EventLog]], tmp_path: Path) -> None:
    player = FakePlayer(inner=audible_silent_player(), keep_in=tmp_path)
    service, log = make_service(player)
    first = service.say(LONG_TEXT, "en")
    wait_until(lambda: player.playbacks and player.playbacks[0].state is PlayerState.PLAYING)
    second = service.say("Please take your ticket.", "en", interrupt=True)
    wait_until(lambda: log.ended(second))
    assert len(player.playbacks) == 2, log.events
    stopped, replacement = player.playbacks
    assert stopped.state is PlayerState.STOPPED, (stopped.history, stopped.error)
    assert isinstance(stopped, ChildProcessPlayback)
    assert stopped.returncode == -signal.SIGTERM, stopped.returncode
    assert player.earlier_states[1] == [PlayerState.STOPPED]
    stop_seq = stopped.sequence_of(PlayerState.STOPPED)
    start_seq = replacement.sequence_of(PlayerState.PLAYING)
    assert stop_seq is not None and start_seq is not None and stop_seq < start_seq
    assert replacement.state is PlayerState.FINISHED, (replacement.history, replacement.error)
    assert log.kinds_for(first) == ["started", "interrupted"]
    assert log.kinds_for(second) == ["started", "finished"]


def test_stop_silences_at_once_and_drops_the_queue(
        make_service: Callable[..., tuple[SpeechService, EventLog]], tmp_path: Path) -> None:
    player = FakePlayer(inner=audible_silent_player(), keep_in=tmp_path)
    service, log = make_service(player)
    reading = service.say(LONG_TEXT, "en")
    queued = service.say("Never heard.", "en")
    wait_until(lambda: player.playbacks and player.playbacks[0].state is PlayerState.PLAYING)
    service.stop()
    wait_until(lambda: log.ended(queued) and log.ended(reading) and ("idle",) in log.events)
    assert [p.state for p in player.playbacks] == [PlayerState.STOPPED]
    assert log.kinds_for(queued) == ["interrupted"]


@pytest.mark.parametrize("resumable", [True, False])
def test_help_cuts_in_between_sentences(
        make_service: Callable[..., tuple[SpeechService, EventLog]], tmp_path: Path,
        resumable: bool) -> None:
    player = FakePlayer(held=True, keep_in=tmp_path)
    service, log = make_service(player)
    reading = service.say("您好。这是第二句。", "zh_CN", resumable=resumable)
    wait_until(lambda: player.playbacks and player.playbacks[0].state is PlayerState.PLAYING)
    help_id = service.say("工作人员马上就来。", "zh_CN", Priority.HIGH)
    for index in range(3 if resumable else 2):
        wait_until(lambda index=index: len(player.playbacks) > index)
        gated = player.playbacks[index]
        assert isinstance(gated, FakePlayback)
        gated.gate.set()
    wait_until(lambda: log.ended(reading) and log.ended(help_id))
    assert all(p.state is PlayerState.FINISHED for p in player.playbacks)
    durations = [round(read_pcm(copy).duration_s, 2) for copy in player.copies]
    help_duration = durations[1]
    if resumable:
        assert len(player.playbacks) == 3
        assert log.kinds_for(reading) == ["started", "finished"]
        assert log.events.index(("finished", help_id)) < log.events.index(("finished", reading))
        assert durations[0] != help_duration != durations[2]
    else:
        assert len(player.playbacks) == 2
        assert log.kinds_for(reading) == ["started", "interrupted"]


def test_a_crashed_worker_is_restarted_and_health_recovers(
        make_service: Callable[..., tuple[SpeechService, EventLog]]) -> None:
    service, log = make_service(FakePlayer(), worker_command=CRASHING_WORKER)
    ok = service.say("Hello.", "en")
    wait_until(lambda: log.ended(ok))
    first_pid = service.worker.pid
    crash = service.say("Crash now.", "en")
    wait_until(lambda: log.ended(crash))
    assert log.kinds_for(crash) == ["failed"]
    assert "crashed" in (log.ended(crash) or ("", "", ""))[2]
    wait_until(lambda: service.health().engine is EngineState.OK)
    engines = log.engines()
    assert EngineState.FAILED in engines
    assert engines.index(EngineState.FAILED) < len(engines) - 1 - engines[::-1].index(
        EngineState.OK)
    assert service.worker.pid not in (None, first_pid)
    assert service.worker.restarts == 2, "a job that kills the worker is tried once more"
    after = service.say("Hello again.", "en")
    wait_until(lambda: log.ended(after))
    assert log.kinds_for(after) == ["started", "finished"]


def test_a_worker_killed_from_outside_is_replaced_for_the_next_sentence(
        make_service: Callable[..., tuple[SpeechService, EventLog]]) -> None:
    service, log = make_service(FakePlayer())
    first = service.say("One.", "en")
    wait_until(lambda: log.ended(first))
    pid = service.worker.pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    second = service.say("Two.", "en")
    wait_until(lambda: log.ended(second))
    assert log.kinds_for(second) == ["started", "finished"]
    assert EngineState.FAILED in log.engines()
    assert service.health().engine is EngineState.OK
    assert service.worker.restarts == 1


def test_without_an_engine_speech_fails_promptly_and_says_why(
        make_service: Callable[..., tuple[SpeechService, EventLog]]) -> None:
    service, log = make_service(worker_command=NO_ENGINE_WORKER)
    first = service.say("您好。", "zh_CN")
    wait_until(lambda: log.ended(first))
    health = service.health()
    assert (health.engine, health.voice) == (EngineState.MISSING, VoiceState.MISSING)
    assert "no speech engine" in health.detail
    second = service.say("您好。", "zh_CN")
    wait_until(lambda: log.ended(second), timeout=2.0)
    assert log.kinds_for(first) == log.kinds_for(second) == ["failed"]
    assert service.worker.state is WorkerState.MISSING


def test_without_an_audio_device_health_says_so_and_nothing_pretends(
        make_service: Callable[..., tuple[SpeechService, EventLog]]) -> None:
    service, log = make_service(NullPlayer())
    assert service.health().audio is AudioState.NO_DEVICE
    said = service.say("Hello.", "en")
    wait_until(lambda: log.ended(said))
    assert log.kinds_for(said) == ["failed"]
    assert "no audio device" in (log.ended(said) or ("", "", ""))[2]


def test_an_unknown_language_fails_instead_of_raising(
        make_service: Callable[..., tuple[SpeechService, EventLog]]) -> None:
    service, log = make_service(FakePlayer())
    said = service.say("Bonjour.", "fr")
    wait_until(lambda: log.ended(said))
    assert "no voice is configured for language 'fr'" in (log.ended(said) or ("", "", ""))[2]


def test_volume_steps_measured_on_the_played_audio(
        make_service: Callable[..., tuple[SpeechService, EventLog]], tmp_path: Path) -> None:
    player = FakePlayer(keep_in=tmp_path)
    service, log = make_service(player)
    levels = []
    for step in range(service.volume_step_count):
        service.set_volume(step)
        said = service.say("请到 三 号窗口。", "zh_CN")
        wait_until(lambda said=said: log.ended(said))
        levels.append(rms_dbfs(read_pcm(player.copies[-1]).samples))
    assert len(levels) >= 4
    assert levels == sorted(levels)
    assert levels[-1] - levels[0] >= 18.0
    assert levels[1] - levels[0] >= 12.0
    with pytest.raises(ValueError, match="volume step"):
        service.set_volume(service.volume_step_count)


def test_slow_speech_is_slower_and_reset_restores_the_defaults(
        make_service: Callable[..., tuple[SpeechService, EventLog]], tmp_path: Path) -> None:
    player = FakePlayer(keep_in=tmp_path)
    service, log = make_service(player)
    durations = {}
    for rate in (Rate.NORMAL, Rate.SLOW):
        service.set_rate(rate)
        said = service.say("Please wait for your number.", "en")
        wait_until(lambda said=said: log.ended(said))
        durations[rate] = read_pcm(player.copies[-1]).duration_s
    assert durations[Rate.SLOW] > durations[Rate.NORMAL] * 1.15
    service.set_volume(0)
    service.reset_to_defaults()
    assert (service.rate, service.volume_step) == (Rate.NORMAL, 3)


def test_a_recording_is_played_instead_of_synthesis(
        make_service: Callable[..., tuple[SpeechService, EventLog]], tmp_path: Path) -> None:
    recording = Pcm(1, 22050, array("h", (int(9000 * math.sin(i / 8)) for i in range(6615))))
    (tmp_path / "voice" / "zh_CN").mkdir(parents=True)
    write_pcm(tmp_path / "voice" / "zh_CN" / "welcome.wav", recording)
    player = FakePlayer(keep_in=tmp_path)
    service, log = make_service(player)
    said = service.say(Phrase("welcome", "欢迎光临。"), "zh_CN")
    wait_until(lambda: log.ended(said))
    settings = SpeechSettings()
    expected = scaled(recording, peak_target_dbfs=settings.peak_dbfs,
                      gain_db=settings.volume_steps_db[settings.default_volume_step])
    assert read_pcm(player.copies[0]) == expected
    assert service.worker.state is WorkerState.NOT_STARTED
    other = service.say(Phrase("goodbye", "再见。"), "zh_CN")
    wait_until(lambda: log.ended(other))
    assert service.worker.state is WorkerState.READY
    assert read_pcm(player.copies[1]).duration_s > 0.3


def test_customer_text_leaves_no_trace(
        make_service: Callable[..., tuple[SpeechService, EventLog]]) -> None:
    service, log = make_service(FakePlayer())
    fixed = service.say(Phrase("welcome", "欢迎光临。"), "zh_CN")
    customer = service.say("请 A042 号到 3 号窗口。", "zh_CN")
    wait_until(lambda: log.ended(fixed) and log.ended(customer))
    cache = service.private_dir / "cache"
    files_before = len(list(cache.iterdir()))
    assert files_before >= 2
    leftover = service.private_dir / "synth-99.partial.wav"
    leftover.write_bytes(b"half a sentence of a killed worker")
    service.reset_to_defaults()
    wait_until(lambda: len(list(cache.iterdir())) < files_before and not leftover.exists())
    assert len(list(cache.iterdir())) == 1, "only the fixed phrase stays"
    service.close()
    assert not service.private_dir.exists()


def test_listeners_are_called_on_the_service_thread_and_end_with_idle(
        make_service: Callable[..., tuple[SpeechService, EventLog]]) -> None:
    service, log = make_service(FakePlayer())
    said = service.say("Hello.", "en")
    wait_until(lambda: ("idle",) in log.events)
    assert log.kinds_for(said) == ["started", "finished"]
    assert log.events[-1] == ("idle",)
    assert threading.get_ident() not in log.threads



def test_closing_ends_every_utterance(
        make_service: Callable[..., tuple[SpeechService, EventLog]]) -> None:
    service, log = make_service(FakePlayer(held=True))
    playing = service.say("One.", "en")
    queued = service.say("Two.", "en")
    wait_until(lambda: ("started", playing) in log.events)
    service.close()
    assert log.kinds_for(playing) == ["started", "interrupted"]
    assert log.kinds_for(queued) == ["interrupted"]
