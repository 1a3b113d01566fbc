"""Fakes for staff console tests: a clock the test moves, a player that records what rang.

The recording player stands in for the sound card in widget tests only; the end-to-end
tests play through a real child process (the silent player) and a real failing one.
"""

from __future__ import annotations

import threading
from pathlib import Path

from kiosk.speech.api import AudioState
from kiosk.speech.players import Playback, Player, PlayerState


class FakeClock:
    def __init__(self, start: float = 1_795_741_200.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += seconds
        return self.now


class _RecordedPlayback(Playback):
    def __init__(self, path: Path, player: RecordingPlayer) -> None:
        super().__init__(path)
        self._player = player

    def start(self) -> None:
        self._player.played.append(self.path.name)
        if threading.current_thread() not in self._player.threads:
            self._player.threads.append(threading.current_thread())
        self._enter(PlayerState.FINISHED)

    def stop(self) -> None:
        self._stop_requested.set()

    def wait(self) -> PlayerState:
        return self.state


class RecordingPlayer(Player):
    """Every sound "plays" at once and is remembered by file name, in order."""

    def __init__(self) -> None:
        self.played: list[str] = []
        self.threads: list[threading.Thread] = []  # the threads sounds were started on

    def playback(self, path: Path) -> Playback:
        return _RecordedPlayback(path, self)

    def audio_status(self) -> tuple[AudioState, str]:
        return AudioState.OK, "recording player"
