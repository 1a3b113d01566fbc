"""Playing one WAV in a way that stops at once.

pyttsx3's own playback cannot be interrupted (its `stop()` waits for the end of the
utterance), so speech is synthesised to files and each file is played by a child process
(`aplay`, `paplay`, `afplay`) that `stop()` terminates, or by `winsound` on Windows. Each
file gets its own `Playback` with an observable state (idle, playing, then stopped,
finished or failed) and a history of its state changes numbered in one sequence shared by
all playbacks, so "the first was stopped before the second started" can be proven from the
players themselves, not inferred from timing.

With no audio device the `NullPlayer` is used: every playback fails at once with "no audio
device", and the health says so, instead of pretending (aplay with no sound card, or
pyttsx3's own `say()`, report success while nothing is heard).
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import wave
from abc import ABC, abstractmethod
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from kiosk.speech.api import AudioState

_state_sequence = itertools.count(1)
_CARD_LINE = re.compile(r"\s*\d+\s+\[")
KILL_AFTER_TERMINATE_S = 1.0
HANG_MARGIN_S = 5.0
"""A player still running this long after its file should have ended is killed."""


class PlayerState(StrEnum):
    IDLE = "idle"
    PLAYING = "playing"
    STOPPED = "stopped"
    FINISHED = "finished"
    FAILED = "failed"


ENDED = frozenset({PlayerState.STOPPED, PlayerState.FINISHED, PlayerState.FAILED})


def wav_duration_s(path: Path) -> float:
    try:
        with wave.open(str(path), "rb") as wav:
            return wav.getnframes() / float(wav.getframerate() or 1)
    except (OSError, wave.Error, EOFError):
        return 0.0


class Playback(ABC):
    """One file through one player. The service's thread calls `start` and `wait`; any
    thread may call `stop`, which only asks and never blocks."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.error = ""
        self._lock = threading.Lock()
        self._stop_requested = threading.Event()
        self._state = PlayerState.IDLE
        self.history: list[tuple[int, PlayerState]] = [(next(_state_sequence), self._state)]

    @property
    def state(self) -> PlayerState:
        with self._lock:
            return self._state

    def sequence_of(self, state: PlayerState) -> int | None:
        """Where in the shared sequence this playback entered `state`, if it did."""
        with self._lock:
            return next((seq for seq, seen in self.history if seen is state), None)

    def _enter(self, state: PlayerState, error: str = "") -> None:
        with self._lock:
            self._state = state
            self.history.append((next(_state_sequence), state))
            if error:
                self.error = error

    @abstractmethod
    def start(self) -> None: ...

    @abstractmethod
    def stop(self) -> None: ...

    @abstractmethod
    def wait(self) -> PlayerState:
        """Block until the file ended, was stopped or failed; return that state."""


class Player(ABC):
    """Makes playbacks and says whether sound can be heard at all."""

    @abstractmethod
    def playback(self, path: Path) -> Playback: ...

    @abstractmethod
    def audio_status(self) -> tuple[AudioState, str]: ...


class ChildProcessPlayback(Playback):
    def __init__(self, command: Sequence[str], path: Path) -> None:
        super().__init__(path)
        self._command = [part.replace("{path}", str(path)) for part in command]
        if not any("{path}" in part for part in command):
            self._command.append(str(path))
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def returncode(self) -> int | None:
        """The player's exit status once it ended (negative: killed by that signal)."""
        return self._process.returncode if self._process is not None else None

    def start(self) -> None:
        if self._stop_requested.is_set():
            self._enter(PlayerState.STOPPED)
            return
        try:
            self._process = subprocess.Popen(
                self._command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE)
        except OSError as error:
            self._enter(PlayerState.FAILED, f"cannot run {self._command[0]}: {error}")
            return
        self._enter(PlayerState.PLAYING)
        if self._stop_requested.is_set():
            self._terminate()

    def stop(self) -> None:
        self._stop_requested.set()
        self._terminate()

    def _terminate(self) -> None:
        process = self._process
        if process is not None and process.returncode is None:
            try:
                process.terminate()
            except OSError:
                pass

    def wait(self) -> PlayerState:
        process = self._process
        if process is None:
            return self.state
        deadline = time.monotonic() + wav_duration_s(self.path) + HANG_MARGIN_S
        stop_seen_at: float | None = None
        stderr = b""
        while True:
            try:
                _, stderr = process.communicate(timeout=0.2)
                break
            except subprocess.TimeoutExpired:
                now = time.monotonic()
                if self._stop_requested.is_set():
                    stop_seen_at = stop_seen_at or now
                    if now - stop_seen_at > KILL_AFTER_TERMINATE_S:
                        process.kill()
                elif now > deadline:
                    process.kill()
                    process.communicate()
                    self._enter(PlayerState.FAILED, f"{self._command[0]} did not finish")
                    return PlayerState.FAILED
        if self._stop_requested.is_set():
            self._enter(PlayerState.STOPPED)
        elif process.returncode == 0:
            self._enter(PlayerState.FINISHED)
        else:
            detail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            self._enter(PlayerState.FAILED,
                        f"{self._command[0]} exited with {process.returncode}: {detail[0]}")
        return self.state


class ChildProcessPlayer(Player):
    """Plays with `command` + the file (or `{path}` in the command): `aplay -q`, `paplay`.

    `audible=False` marks a player that keeps time without making sound (the silent player
    used on machines without a sound card): its health says "no device".
    """

    def __init__(self, command: Sequence[str], *, audible: bool = True) -> None:
        if not command:
            raise ValueError("a player command is needed")
        self.command = tuple(command)
        self.audible = audible

    def playback(self, path: Path) -> Playback:
        return ChildProcessPlayback(self.command, path)

    def audio_status(self) -> tuple[AudioState, str]:
        program = self.command[0]
        if shutil.which(program) is None and not Path(program).is_file():
            return AudioState.FAILED, f"player {program} not found"
        if not self.audible:
            return AudioState.NO_DEVICE, "silent player: keeps time, makes no sound"
        return AudioState.OK, f"playing with {Path(program).name}"


class _NoDevicePlayback(Playback):
    def start(self) -> None:
        self._enter(PlayerState.FAILED, "no audio device")

    def stop(self) -> None:
        self._stop_requested.set()

    def wait(self) -> PlayerState:
        return self.state


class NullPlayer(Player):
    def __init__(self, detail: str = "no sound card found") -> None:
        self.detail = detail

    def playback(self, path: Path) -> Playback:
        return _NoDevicePlayback(path)

    def audio_status(self) -> tuple[AudioState, str]:
        return AudioState.NO_DEVICE, self.detail


if sys.platform == "win32":
    import winsound

    class WinsoundPlayback(Playback):
        """Windows: `winsound` plays asynchronously and `PlaySound(None, 0)` silences it."""

        def start(self) -> None:
            if self._stop_requested.is_set():
                self._enter(PlayerState.STOPPED)
                return
            flags = winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT
            try:
                winsound.PlaySound(str(self.path), flags)
            except RuntimeError as error:
                self._enter(PlayerState.FAILED, f"winsound: {error}")
                return
            self._enter(PlayerState.PLAYING)

        def stop(self) -> None:
            self._stop_requested.set()
            winsound.PlaySound(None, 0)

        def wait(self) -> PlayerState:
            if self.state is PlayerState.PLAYING:
                self._stop_requested.wait(wav_duration_s(self.path))
                self._enter(PlayerState.STOPPED if self._stop_requested.is_set()
                            else PlayerState.FINISHED)
            return self.state

    class WinsoundPlayer(Player):
        def playback(self, path: Path) -> Playback:
            return WinsoundPlayback(path)

        def audio_status(self) -> tuple[AudioState, str]:
            return AudioState.OK, "playing with winsound"


def alsa_card_count(cards_file: Path = Path("/proc/asound/cards")) -> int:
    """Sound cards the kernel knows (0 when ALSA has none, or there is no ALSA)."""
    try:
        text = cards_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return 0
    return sum(1 for line in text.splitlines() if _CARD_LINE.match(line))


def pulse_server_running(runtime_dir: str | None = None) -> bool:
    """A PulseAudio (or PipeWire-Pulse) server for this user: its socket exists."""
    if os.environ.get("PULSE_SERVER"):
        return True
    folder = runtime_dir or os.environ.get("XDG_RUNTIME_DIR")
    return folder is not None and Path(folder, "pulse", "native").exists()


def default_player(cards_file: Path = Path("/proc/asound/cards"),
                   runtime_dir: str | None = None) -> Player:
    """The best player this machine has, or the `NullPlayer` if nothing can be heard."""
    if sys.platform == "win32":
        return WinsoundPlayer()
    if sys.platform == "darwin" and shutil.which("afplay"):
        return ChildProcessPlayer(["afplay"])
    if shutil.which("paplay") and pulse_server_running(runtime_dir):
        return ChildProcessPlayer(["paplay"])
    if shutil.which("aplay") and alsa_card_count(cards_file) > 0:
        return ChildProcessPlayer(["aplay", "-q"])
    return NullPlayer("no sound card and no sound server found")


def silent_player() -> ChildProcessPlayer:
    """A child-process player that makes no sound but lasts as long as the file: for demos
    and tests on machines without a sound card."""
    script = Path(__file__).with_name("silent_player.py")
    return ChildProcessPlayer([sys.executable, "-I", str(script)], audible=False)
