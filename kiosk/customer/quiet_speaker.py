"""A speaker that says nothing: for drawing the screens to pictures, where sound is noise.

`python -m kiosk render-screens` builds the real kiosk window to photograph every screen;
it must not start a speech worker or play anything. The kiosk itself always runs with the
real speech service (which stays silent, and says why on the console, when a machine has
no voice or no sound card).
"""

from __future__ import annotations

from kiosk.speech.api import (
    AudioState,
    EngineState,
    Priority,
    Rate,
    SpeechContent,
    SpeechHealth,
    SpeechListener,
    VoiceState,
)

QUIET = SpeechHealth(EngineState.MISSING, VoiceState.MISSING, AudioState.NO_DEVICE,
                     "speech is not used while drawing screens")
VOLUME_STEPS = 5
DEFAULT_VOLUME_STEP = 3


class QuietSpeaker:
    def __init__(self) -> None:
        self._volume_step = DEFAULT_VOLUME_STEP
        self._rate = Rate.NORMAL
        self._count = 0

    def say(self, content: SpeechContent, language: str,
            priority: Priority = Priority.NORMAL, *, interrupt: bool = False,
            resumable: bool = True, channel: str | None = None) -> str:
        self._count += 1
        return f"quiet{self._count}"

    def stop(self) -> None:
        return None

    def set_volume(self, step: int) -> None:
        if not 0 <= step < VOLUME_STEPS:
            raise ValueError(f"volume step {step!r} must be 0..{VOLUME_STEPS - 1}")
        self._volume_step = step

    @property
    def volume_step(self) -> int:
        return self._volume_step

    @property
    def volume_step_count(self) -> int:
        return VOLUME_STEPS

    def set_rate(self, rate: Rate) -> None:
        self._rate = Rate(rate)

    @property
    def rate(self) -> Rate:
        return self._rate

    def health(self) -> SpeechHealth:
        return QUIET

    def reset_to_defaults(self) -> None:
        self._volume_step = DEFAULT_VOLUME_STEP
        self._rate = Rate.NORMAL

    def add_listener(self, listener: SpeechListener) -> None:
        return None

    def remove_listener(self, listener: SpeechListener) -> None:
        return None

    def close(self) -> None:
        return None
