"""The two-note chime before each called number, so heads turn before the words start.

The chime is made here (a "ding-dong" of two decaying bell-like notes) rather than shipped
as a recording, and played by the same kind of child-process player as speech, so it stops
at once and needs nothing beyond what speech needs. A display with no sound device gets the
speech service's null player: the chime "plays" silently and the board carries on.
"""

from __future__ import annotations

import logging
import math
import threading
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from kiosk.speech.players import Playback, Player
from kiosk.speech.wav_audio import Pcm, write_pcm

log = logging.getLogger(__name__)

RATE = 22_050
NOTES = ((659.25, 0.55), (523.25, 0.85))
"""E5 then C5: the classic two-note public-address chime; (frequency Hz, seconds)."""
PEAK = 0.45
"""Of full scale: clearly heard, never louder than the speech after it."""


def chime_pcm(rate: int = RATE) -> Pcm:
    samples = array("h")
    for frequency, seconds in NOTES:
        count = int(rate * seconds)
        for n in range(count):
            t = n / rate
            envelope = math.exp(-3.2 * t) * min(1.0, t / 0.01)
            tone = (math.sin(2 * math.pi * frequency * t)
                    + 0.35 * math.sin(2 * math.pi * 2 * frequency * t)
                    + 0.12 * math.sin(2 * math.pi * 3 * frequency * t)) / 1.47
            samples.append(round(32767 * PEAK * envelope * tone))
    return Pcm(1, rate, samples)


def write_chime(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_pcm(path, chime_pcm())
    return path


class Chime(Protocol):
    def play(self, done: Callable[[], None]) -> None:
        """Start the chime; `done` is called (on any thread) once it ended or failed."""
        ...

    def stop(self) -> None: ...


class PlayerChime:
    """Plays the chime file through a speech `Player`, on a short-lived thread."""

    def __init__(self, player: Player, path: Path) -> None:
        self._player = player
        self._path = path
        self._lock = threading.Lock()
        self._playback: Playback | None = None

    def play(self, done: Callable[[], None]) -> None:
        def run() -> None:
            playback = self._player.playback(self._path)
            with self._lock:
                self._playback = playback
            try:
                playback.start()
                playback.wait()
                if playback.error:
                    log.warning("chime not heard: %s", playback.error)
            except Exception:  # a broken player must not stop the board
                log.exception("chime failed")
            finally:
                with self._lock:
                    if self._playback is playback:
                        self._playback = None
                done()

        threading.Thread(target=run, name="chime", daemon=True).start()

    def stop(self) -> None:
        with self._lock:
            playback = self._playback
        if playback is not None:
            playback.stop()


class SilentChime:
    """No chime (tests, or a display configured to be silent): ends at once."""

    def __init__(self) -> None:
        self.played = 0

    def play(self, done: Callable[[], None]) -> None:
        self.played += 1
        done()

    def stop(self) -> None:
        return None
