"""Child-process players: their states, stopping at once, and players that misbehave."""

from __future__ import annotations

import math
import shutil
import signal
import sys
import time
from array import array
from pathlib import Path

import pytest

from kiosk.speech import players
from kiosk.speech.players import (
    ChildProcessPlayback,
    ChildProcessPlayer,
    PlayerState,
    alsa_card_count,
    silent_player,
)
from kiosk.speech.wav_audio import Pcm, write_pcm

pytestmark = pytest.mark.e2e


def wav(folder: Path, seconds: float) -> Path:
    path = folder / f"tone-{seconds}.wav"
    rate = 8000
    write_pcm(path, Pcm(1, rate, array("h", (int(5000 * math.sin(i / 3))
                                              for i in range(int(seconds * rate))))))
    return path


def python_player(code: str) -> ChildProcessPlayer:
    return ChildProcessPlayer([sys.executable, "-c", code])


def test_a_file_plays_to_the_end(tmp_path: Path) -> None:
    playback = silent_player().playback(wav(tmp_path, 0.2))
    assert playback.state is PlayerState.IDLE
    playback.start()
    assert playback.state is PlayerState.PLAYING
    assert playback.wait() is PlayerState.FINISHED
    assert [state for _, state in playback.history] == [
        PlayerState.IDLE, PlayerState.PLAYING, PlayerState.FINISHED]


def test_stop_terminates_the_player_process(tmp_path: Path) -> None:
    playback = silent_player().playback(wav(tmp_path, 30.0))
    playback.start()
    playback.stop()
    assert playback.wait() is PlayerState.STOPPED
    assert isinstance(playback, ChildProcessPlayback)
    assert playback.returncode == -signal.SIGTERM


def test_stop_before_start_plays_nothing(tmp_path: Path) -> None:
    playback = silent_player().playback(wav(tmp_path, 30.0))
    playback.stop()
    playback.start()
    assert playback.wait() is PlayerState.STOPPED
    assert isinstance(playback, ChildProcessPlayback) and playback.returncode is None


def test_a_failing_player_reports_why(tmp_path: Path) -> None:
    playback = python_player("import sys; sys.exit('device busy')").playback(wav(tmp_path, 0.1))
    playback.start()
    assert playback.wait() is PlayerState.FAILED
    assert "device busy" in playback.error


def test_a_silent_player_fails_on_a_file_that_is_not_audio(tmp_path: Path) -> None:
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"junk")
    playback = silent_player().playback(junk)
    playback.start()
    assert playback.wait() is PlayerState.FAILED


@pytest.mark.skipif(shutil.which("aplay") is None or alsa_card_count() > 0,
                    reason="needs aplay on a machine without a sound card")
def test_aplay_without_a_sound_card_is_a_failure_not_a_success(tmp_path: Path) -> None:
    playback = ChildProcessPlayer(["aplay", "-q"]).playback(wav(tmp_path, 0.1))
    playback.start()
    assert playback.wait() is PlayerState.FAILED
    assert "aplay exited with" in playback.error


def test_a_player_that_ignores_terminate_is_killed(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(players, "KILL_AFTER_TERMINATE_S", 0.2)
    ready = tmp_path / "ignoring-sigterm"
    stubborn = python_player(
        "import pathlib, signal, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        f"pathlib.Path({str(ready)!r}).touch()\n"
        "time.sleep(60)\n")
    playback = stubborn.playback(wav(tmp_path, 30.0))
    playback.start()
    deadline = time.monotonic() + 20
    while not ready.exists():
        assert time.monotonic() < deadline, "the player did not start"
        time.sleep(0.01)
    playback.stop()
    assert playback.wait() is PlayerState.STOPPED
    assert isinstance(playback, ChildProcessPlayback)
    assert playback.returncode == -signal.SIGKILL


def test_a_player_that_never_ends_is_killed_and_failed(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(players, "HANG_MARGIN_S", 0.3)
    playback = python_player("import time; time.sleep(60)").playback(wav(tmp_path, 0.1))
    playback.start()
    assert playback.wait() is PlayerState.FAILED
    assert "did not finish" in playback.error
