"""The console's alarm sound: the same kind of child-process player as the kiosk's speech.

A console that cannot make its alarm heard must say so loudly in pictures (a red banner) and
tell the other consoles (its heartbeat reports ``sound: failed``), because a silent console
is exactly how a help call goes unanswered. So the sounder knows, at every moment, whether
sound can be heard here: before anything plays, from the player's own check (no sound card,
no player program, a sound file missing); after each play, from how the player ended.

Playing never blocks the caller: each sound runs on a short-lived thread, and a new sound
stops the one still playing (an escalation replaces a chime at once).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from kiosk.console.alarm_policy import AlarmSound
from kiosk.paths import assets_dir
from kiosk.speech.api import AudioState
from kiosk.speech.players import Playback, Player, PlayerState

log = logging.getLogger(__name__)


def sounds_dir() -> Path:
    return assets_dir() / "sounds"


@dataclass(frozen=True)
class SoundCheck:
    """Can this console's alarm be heard? ``detail`` says why not, for the banner and log."""

    audible: bool
    detail: str


class AlarmSounder:
    def __init__(self, player: Player, directory: Path | None = None, *,
                 on_check: Callable[[SoundCheck], None] | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self._player = player
        self._directory = directory or sounds_dir()
        self.on_check = on_check
        self._clock = clock
        self._lock = threading.Lock()
        self._current: Playback | None = None
        self._closed = False
        # Two players' threads, kept: a new alarm hands its sound over and goes on to paint,
        # never waiting for a thread to start; one stops the sound it replaces meanwhile.
        self._threads = ThreadPoolExecutor(max_workers=2, thread_name_prefix="alarm-sound")
        self._threads.submit(lambda: None)  # the first thread starts now, not with a call
        self.played: list[tuple[float, AlarmSound]] = []
        """Every sound started, with its time: the console's own record of ringing."""
        self._check = self._first_check()

    @property
    def check(self) -> SoundCheck:
        with self._lock:
            return self._check

    def _first_check(self) -> SoundCheck:
        state, detail = self._player.audio_status()
        if state is not AudioState.OK:
            return SoundCheck(False, detail)
        missing = [s.file_name for s in AlarmSound if not (self._directory / s.file_name).is_file()]
        if missing:
            return SoundCheck(False, f"alarm sound file missing: {missing[0]}")
        return SoundCheck(True, detail)

    def play(self, sound: AlarmSound) -> None:
        """Start ``sound`` now (stopping one still playing); the result comes to on_check."""
        path = self._directory / sound.file_name
        with self._lock:
            if self._closed:
                return
            previous = self._current
            playback = self._player.playback(path)
            self._current = playback
            self.played.append((self._clock(), sound))
        if previous is not None:
            previous.stop()
        self._threads.submit(self._play, playback)

    def stop(self) -> None:
        with self._lock:
            current, self._current = self._current, None
        if current is not None:
            current.stop()

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self.stop()
        self._threads.shutdown(wait=False, cancel_futures=True)

    def _play(self, playback: Playback) -> None:
        try:
            self._run(playback)
        except Exception:  # a player's fault must not end the thread's later sounds unsaid
            log.exception("alarm sound: the player failed")

    def _run(self, playback: Playback) -> None:
        playback.start()
        state = playback.wait()
        if state is PlayerState.STOPPED:
            return  # replaced or silenced: says nothing about the device
        check = (SoundCheck(True, "alarm played") if state is PlayerState.FINISHED
                 else SoundCheck(False, playback.error or "the alarm sound did not play"))
        with self._lock:
            changed = check.audible != self._check.audible
            self._check = check
        if changed:
            (log.info if check.audible else log.error)("alarm sound: %s", check.detail)
        if self.on_check is not None:
            self.on_check(check)
