"""What the rest of the kiosk sees of speech: the `Speaker` interface and its small types.

Screens, the focus reader and the composition root depend on this module only, never on the
service behind it, so a widget test can hand them the fake speaker and the real kiosk the
worker-backed service. Nothing here imports Qt; the Qt adapter re-emits the listener calls
as signals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Protocol, runtime_checkable

PHRASE_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")
"""A fixed phrase's id; also the file name of its recording, so no path separators."""


class Priority(IntEnum):
    """Higher values cut in between the sentences of lower ones."""

    NORMAL = 0
    """Reading a screen or an answer."""
    HIGH = 1
    """A help reassurance, a called ticket number, the focused control."""


class Rate(StrEnum):
    SLOW = "slow"
    NORMAL = "normal"


class EngineState(StrEnum):
    STARTING = "starting"
    """Not asked yet, or the worker is being (re)started; nothing is known to be wrong."""
    OK = "ok"
    MISSING = "missing"
    """No speech engine on this machine (no espeak-ng, pyttsx3 cannot start it)."""
    FAILED = "failed"
    """The worker crashed, hung or cannot be started; it is restarted."""


class VoiceState(StrEnum):
    OK = "ok"
    MISSING = "missing"


class AudioState(StrEnum):
    OK = "ok"
    NO_DEVICE = "no_device"
    FAILED = "failed"


@dataclass(frozen=True)
class SpeechHealth:
    """The speech part of the kiosk's heartbeat, shown on the staff console."""

    engine: EngineState
    voice: VoiceState
    audio: AudioState
    detail: str = ""

    @property
    def can_speak(self) -> bool:
        return (self.engine is EngineState.OK and self.voice is VoiceState.OK
                and self.audio is AudioState.OK)

    def to_dict(self) -> dict[str, str]:
        return {"engine": self.engine.value, "voice": self.voice.value,
                "audio": self.audio.value, "detail": self.detail}


@dataclass(frozen=True)
class Phrase:
    """A fixed phrase of the product: `text` is spoken, unless a recording of `phrase_id`
    exists for the language (``assets/voice/<lang>/<phrase_id>.wav``), which is played
    instead. A phrase is one unit in the queue: it is not split into sentences."""

    phrase_id: str
    text: str

    def __post_init__(self) -> None:
        if not PHRASE_ID_PATTERN.fullmatch(self.phrase_id) or ".." in self.phrase_id:
            raise ValueError(f"phrase id {self.phrase_id!r} must match "
                             f"{PHRASE_ID_PATTERN.pattern} (it names a file)")


SpeechContent = str | Phrase | Sequence[str | Phrase]
"""What `say` accepts: free text (split into sentences), a fixed phrase, or a list of both."""


class SpeechListener(Protocol):
    """Plain callbacks, called on the speech service's own thread (never the caller's).

    Every utterance ends with exactly one of `utterance_finished` or `utterance_failed`;
    `utterance_started` comes first only if its sound began.
    """

    def utterance_started(self, utterance_id: str) -> None: ...

    def utterance_finished(self, utterance_id: str, interrupted: bool) -> None: ...

    def utterance_failed(self, utterance_id: str, reason: str) -> None: ...

    def health_changed(self, health: SpeechHealth) -> None: ...

    def speech_idle(self) -> None:
        """Nothing is playing or queued any more (the idle clock may start)."""


@runtime_checkable
class Speaker(Protocol):
    """Speaks text without ever blocking or raising into the caller.

    Failures (no engine, no voice, no audio device) are reported through `health()` and the
    listeners' `utterance_failed`; the kiosk keeps working silently.
    """

    def say(self, content: SpeechContent, language: str,
            priority: Priority = Priority.NORMAL, *, interrupt: bool = False,
            resumable: bool = True, channel: str | None = None) -> str:
        """Queue `content`; return its utterance id at once.

        `interrupt`: the screen changed; stop what is playing now and drop the queue.
        `resumable`: when a higher priority cuts in, continue this utterance afterwards at
        its next sentence (True) or drop the rest (False).
        `channel`: a new utterance on a channel replaces (stops, drops) the older ones on it,
        e.g. "focus", where only the latest focused control matters.
        """
        ...

    def stop(self) -> None:
        """Silence now and drop the queue."""
        ...

    def set_volume(self, step: int) -> None:
        """Select volume step 0 (quietest) .. `volume_step_count - 1` (loudest)."""
        ...

    @property
    def volume_step(self) -> int: ...

    @property
    def volume_step_count(self) -> int: ...

    def set_rate(self, rate: Rate) -> None: ...

    @property
    def rate(self) -> Rate: ...

    def health(self) -> SpeechHealth: ...

    def reset_to_defaults(self) -> None:
        """For the next customer: silence, default volume and rate, forget customer text."""
        ...

    def add_listener(self, listener: SpeechListener) -> None: ...

    def remove_listener(self, listener: SpeechListener) -> None: ...

    def close(self) -> None: ...
