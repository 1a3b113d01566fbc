"""A `Speaker` for widget tests: records what would be said, makes no sound, starts nothing.

By default each utterance is reported started and finished at once (synchronously, on the
caller's thread), like a very fast voice; with ``auto_finish=False`` a test ends utterances
itself with `finish()` or `fail()`, e.g. to check that an idle timer waits for speech.
It is never used where the real speech must be proven (tests/e2e uses espeak-ng).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.speech.api import (
    AudioState,
    EngineState,
    Phrase,
    Priority,
    Rate,
    SpeechContent,
    SpeechHealth,
    SpeechListener,
    VoiceState,
)

HEALTHY = SpeechHealth(EngineState.OK, VoiceState.OK, AudioState.OK, "fake speaker")


@dataclass(frozen=True)
class Said:
    utterance_id: str
    text: str
    """All items joined by spaces; phrases contribute their text."""
    phrase_ids: tuple[str, ...]
    language: str
    priority: Priority
    interrupt: bool
    resumable: bool
    channel: str | None
    items: tuple[str, ...] = ()
    """Each item's text, as given (the sentences of the utterance)."""


class FakeSpeaker:
    def __init__(self, *, auto_finish: bool = True, volume_steps: int = 5,
                 default_volume_step: int = 3, health: SpeechHealth = HEALTHY,
                 on_say: Callable[[Said], None] | None = None) -> None:
        """``on_say`` sees each utterance as it is given, before anything it replaces ends:
        a test can look at the screen at the moment something is said."""
        self.auto_finish = auto_finish
        self.on_say = on_say
        self.said: list[Said] = []
        self.stops = 0
        self.resets = 0
        self.open: list[str] = []
        self._ids = itertools.count(1)
        self._listeners: list[SpeechListener] = []
        self._volume_steps = volume_steps
        self._default_volume_step = default_volume_step
        self._volume_step = default_volume_step
        self._rate = Rate.NORMAL
        self._health = health
        self.closed = False

    # --- Speaker ---------------------------------------------------------------------------

    def say(self, content: SpeechContent, language: str,
            priority: Priority = Priority.NORMAL, *, interrupt: bool = False,
            resumable: bool = True, channel: str | None = None) -> str:
        items = [content] if isinstance(content, (str, Phrase)) else list(content)
        texts = [item.text if isinstance(item, Phrase) else item for item in items]
        phrase_ids = tuple(item.phrase_id for item in items if isinstance(item, Phrase))
        utterance_id = f"fake{next(self._ids)}"
        if interrupt:
            self._interrupt_all()
        elif channel is not None:
            for said in self.said:
                if said.channel == channel and said.utterance_id in self.open:
                    self._end(said.utterance_id, interrupted=True)
        said = Said(utterance_id, " ".join(texts), phrase_ids, language, Priority(priority),
                    interrupt, resumable, channel, tuple(texts))
        if self.on_say is not None:
            self.on_say(said)
        self.said.append(said)
        self.open.append(utterance_id)
        if self.auto_finish:
            self._emit(lambda listener: listener.utterance_started(utterance_id))
            self._end(utterance_id, interrupted=False)
        return utterance_id

    def stop(self) -> None:
        self.stops += 1
        self._interrupt_all()

    def set_volume(self, step: int) -> None:
        if not 0 <= step < self._volume_steps:
            raise ValueError(f"volume step {step!r} must be 0..{self._volume_steps - 1}")
        self._volume_step = step

    @property
    def volume_step(self) -> int:
        return self._volume_step

    @property
    def volume_step_count(self) -> int:
        return self._volume_steps

    def set_rate(self, rate: Rate) -> None:
        self._rate = Rate(rate)

    @property
    def rate(self) -> Rate:
        return self._rate

    def health(self) -> SpeechHealth:
        return self._health

    def reset_to_defaults(self) -> None:
        self.resets += 1
        self._interrupt_all()
        self._volume_step = self._default_volume_step
        self._rate = Rate.NORMAL

    def add_listener(self, listener: SpeechListener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: SpeechListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def close(self) -> None:
        self.closed = True

    # --- for tests -------------------------------------------------------------------------

    @property
    def texts(self) -> list[str]:
        return [said.text for said in self.said]

    @property
    def still_to_say(self) -> list[Said]:
        """Utterances given and neither finished nor interrupted (with ``auto_finish=False``:
        what a real voice would still say, or resume)."""
        return [said for said in self.said if said.utterance_id in self.open]

    @property
    def last(self) -> Said:
        return self.said[-1]

    def finish(self, utterance_id: str) -> None:
        self._emit(lambda listener: listener.utterance_started(utterance_id))
        self._end(utterance_id, interrupted=False)

    def fail(self, utterance_id: str, reason: str = "fake failure") -> None:
        self.open.remove(utterance_id)
        self._emit(lambda listener: listener.utterance_failed(utterance_id, reason))
        if not self.open:
            self._emit(lambda listener: listener.speech_idle())

    def set_health(self, health: SpeechHealth) -> None:
        self._health = health
        self._emit(lambda listener: listener.health_changed(health))

    def _interrupt_all(self) -> None:
        for utterance_id in list(self.open):
            self._end(utterance_id, interrupted=True)

    def _end(self, utterance_id: str, *, interrupted: bool) -> None:
        self.open.remove(utterance_id)
        self._emit(lambda listener: listener.utterance_finished(utterance_id, interrupted))
        if not self.open:
            self._emit(lambda listener: listener.speech_idle())

    def _emit(self, call: Callable[[SpeechListener], None]) -> None:
        for listener in list(self._listeners):
            call(listener)
