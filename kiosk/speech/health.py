"""What the speech part of the heartbeat says, kept up to date from what actually happened.

Engine: from the worker's supervisor (starting, ok, missing, failed). Voice: whether every
configured language has one of its voices in the engine's list. Audio: the player's own
verdict (a sound card or not), turned to "failed" when a playback fails and back to "ok"
when one finishes, because a player that starts is not proof that anything was heard.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from kiosk.speech.api import AudioState, EngineState, SpeechHealth, VoiceState
from kiosk.speech.players import Player, PlayerState
from kiosk.speech.settings import SpeechSettings
from kiosk.speech.worker_client import WorkerState

_ENGINE_OF_WORKER = {
    WorkerState.NOT_STARTED: EngineState.STARTING,
    WorkerState.STARTING: EngineState.STARTING,
    WorkerState.READY: EngineState.OK,
    WorkerState.MISSING: EngineState.MISSING,
    WorkerState.FAILED: EngineState.FAILED,
}


def missing_voices(settings: SpeechSettings, available: Iterable[str]) -> list[str]:
    """Languages none of whose voices the engine has, e.g. ["zh_CN (sit/cmn-latn-pinyin)"]."""
    have = {voice.lower() for voice in available}
    return [f"{language} ({', '.join(choice.voice_ids)})"
            for language, choice in settings.voices.items()
            if not any(voice.lower() in have for voice in choice.voice_ids)]


class HealthTracker:
    def __init__(self, settings: SpeechSettings, player: Player,
                 on_change: Callable[[SpeechHealth], None]) -> None:
        self._settings = settings
        self._on_change = on_change
        self._lock = threading.Lock()
        self._engine, self._engine_detail = EngineState.STARTING, "speech worker not started"
        self._voice, self._voice_detail = VoiceState.OK, ""
        self._audio_base = player.audio_status()
        self._audio, self._audio_detail = self._audio_base
        self._current = self._compose()

    def current(self) -> SpeechHealth:
        with self._lock:
            return self._current

    def worker_changed(self, state: WorkerState, detail: str, voices: frozenset[str]) -> None:
        with self._lock:
            self._engine, self._engine_detail = _ENGINE_OF_WORKER[state], detail
            if state is WorkerState.READY:
                missing = missing_voices(self._settings, voices)
                self._voice = VoiceState.MISSING if missing else VoiceState.OK
                self._voice_detail = f"no voice for {'; '.join(missing)}" if missing else ""
            elif state is WorkerState.MISSING:
                self._voice, self._voice_detail = VoiceState.MISSING, ""
        self._publish()

    def playback_ended(self, result: PlayerState, error: str) -> None:
        if self._audio_base[0] is not AudioState.OK:
            return
        with self._lock:
            if result is PlayerState.FAILED:
                self._audio, self._audio_detail = AudioState.FAILED, error
            elif result is PlayerState.FINISHED:
                self._audio, self._audio_detail = self._audio_base
        self._publish()

    def _publish(self) -> None:
        with self._lock:
            health = self._compose()
            changed = health != self._current
            self._current = health
        if changed:
            self._on_change(health)

    def _compose(self) -> SpeechHealth:
        parts = [self._engine_detail, self._voice_detail, self._audio_detail]
        return SpeechHealth(self._engine, self._voice, self._audio,
                            "; ".join(part for part in parts if part))
