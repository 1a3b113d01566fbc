"""The one stand-in for a sound player (`kiosk.speech.players.Player`) in tests.

It plays nothing, or hands each file to ``inner`` (a real player) when the sound itself is
under test, and remembers what it was given: every playback, the file names, the audio of
each file, and, with ``keep_in``, a copy of each file (the speech service deletes its files
once played). The end-to-end tests that prove sound is heard use a real player instead.
"""

from __future__ import annotations

import shutil
import threading
import wave
from pathlib import Path

from kiosk.speech.api import AudioState
from kiosk.speech.players import Playback, Player, PlayerState


class FakePlayback(Playback):
    """Plays nothing: "plays" until its gate (or its player's) opens, or it is stopped.
    A playback of a player that does not hold is made with its gate open: it ends at once."""

    def __init__(self, path: Path, player_gate: threading.Event, *, held: bool) -> None:
        super().__init__(path)
        self.gate = threading.Event()
        self._player_gate = player_gate
        if not held:
            self.gate.set()

    def start(self) -> None:
        self._enter(PlayerState.PLAYING)

    def stop(self) -> None:
        self._stop_requested.set()
        self.gate.set()

    def wait(self) -> PlayerState:
        while not (self.gate.wait(0.01) or self._player_gate.is_set()):
            pass
        self._enter(PlayerState.STOPPED if self._stop_requested.is_set()
                    else PlayerState.FINISHED)
        return self.state


class FakePlayer(Player):
    """``held``: each playback lasts until the test opens its gate, or ``gate`` for all of
    them. ``audio`` is what the player says of the sound device."""

    def __init__(self, *, held: bool = False, inner: Player | None = None,
                 keep_in: Path | None = None,
                 audio: tuple[AudioState, str] = (AudioState.OK, "fake player")) -> None:
        self.held = held
        self.inner = inner
        self.keep_in = keep_in
        self.audio = audio
        self.gate = threading.Event()
        """Opens every held playback, made before or after."""
        self.playbacks: list[Playback] = []
        self.played: list[str] = []
        """The file names, in the order they were given."""
        self.sounds: list[bytes] = []
        """The audio frames of each file (empty for a file that is not a WAV file)."""
        self.copies: list[Path] = []
        self.earlier_states: list[list[PlayerState]] = []
        """The states of all earlier playbacks at the moment each new one was made."""
        self._lock = threading.Lock()

    def playback(self, path: Path) -> Playback:
        with self._lock:
            self.earlier_states.append([p.state for p in self.playbacks])
            self.played.append(path.name)
            self.sounds.append(_frames(path))
            if self.keep_in is not None:
                copy = self.keep_in / f"played-{len(self.copies)}.wav"
                shutil.copyfile(path, copy)
                self.copies.append(copy)
            playback = (self.inner.playback(path) if self.inner is not None
                        else FakePlayback(path, self.gate, held=self.held))
            self.playbacks.append(playback)
            return playback

    def audio_status(self) -> tuple[AudioState, str]:
        return self.inner.audio_status() if self.inner is not None else self.audio


def _frames(path: Path) -> bytes:
    try:
        with wave.open(str(path), "rb") as wav:
            return wav.readframes(wav.getnframes())
    except (OSError, EOFError, wave.Error):
        return b""
