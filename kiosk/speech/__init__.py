"""Speech: everything shown can be spoken, repeated and interrupted.

`api` is the interface the rest of the kiosk uses (`Speaker`, `Phrase`, `Priority`, `Rate`,
`SpeechHealth`); `service.SpeechService` is the real speaker (a supervised pyttsx3 worker
process plus a child-process player); `qt_adapter` and `focus_reader` are the Qt side.
See docs/decisions/0004-speech.md for why it is built this way.
"""

from kiosk.speech.api import (
    AudioState,
    EngineState,
    Phrase,
    Priority,
    Rate,
    Speaker,
    SpeechContent,
    SpeechHealth,
    SpeechListener,
    VoiceState,
)

__all__ = [
    "AudioState",
    "EngineState",
    "Phrase",
    "Priority",
    "Rate",
    "Speaker",
    "SpeechContent",
    "SpeechHealth",
    "SpeechListener",
    "VoiceState",
]
