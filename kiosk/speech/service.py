"""The speech service: the `Speaker` the kiosk uses, built on the worker and a player.

All slow work happens on the service's own thread: synthesis in the worker process, joining
and scaling the WAV, playback. The caller's methods only change the queue under a lock that
thread never holds while it waits, so the GUI thread never waits for speech. That thread
also calls the listeners; the Qt adapter moves those calls to the GUI thread.

One sentence at a time: render it (a recording for a fixed phrase if there is one, else the
cached or newly synthesised WAV of each script run), scale it to the volume step, play it,
then ask the queue again. So a higher priority cuts in between sentences, and `stop()` or
an interrupting `say()` terminates the player at once; the next sentence starts only after
that player has stopped.
"""

from __future__ import annotations

import itertools
import logging
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

from kiosk.speech.api import Priority, Rate, SpeechContent, SpeechHealth, SpeechListener
from kiosk.speech.health import HealthTracker
from kiosk.speech.players import Player, PlayerState
from kiosk.speech.rendering import SentenceRenderer
from kiosk.speech.settings import SpeechSettings
from kiosk.speech.speech_queue import (
    EventKind,
    QueueEvent,
    SpeechQueue,
    Step,
    Utterance,
    sentences_of,
)
from kiosk.speech.synthesis_cache import SynthesisCache, make_private_dir
from kiosk.speech.wav_audio import AudioFormatError
from kiosk.speech.worker_client import SupervisedWorker, SynthesisFailed, WorkerState

log = logging.getLogger(__name__)


class SpeechService:
    """Thread-safe; `close()` must be called at shutdown (it deletes the private folder)."""

    def __init__(self, settings: SpeechSettings, player: Player, *,
                 temp_base: Path | None = None) -> None:
        self._settings = settings
        self._player = player
        self._private_dir = make_private_dir(temp_base)
        self._cond = threading.Condition()
        self._listeners: list[SpeechListener] = []
        self._health = HealthTracker(settings, player, self._notify_health)
        self._worker = SupervisedWorker(
            settings.worker_command, job_timeout_s=settings.job_timeout_s,
            start_timeout_s=settings.start_timeout_s,
            restart_backoff_s=settings.restart_backoff_s, on_state=self._worker_changed)
        (self._private_dir / "cache").mkdir()
        self._cache = SynthesisCache(self._private_dir / "cache", settings.cache_max_bytes)
        self._renderer = SentenceRenderer(settings, self._worker, self._cache, self._private_dir)
        self._queue = SpeechQueue()
        self._ids = itertools.count(1)
        self._commands: list[Callable[[], object]] = []
        self._playback_stop: Callable[[], None] | None = None
        self._volume_step = settings.default_volume_step
        self._rate = settings.default_rate
        self._busy_since_idle = False
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="speech", daemon=True)
        self._thread.start()

    # --- the Speaker interface (any thread, never blocks on speech) -----------------------

    def say(self, content: SpeechContent, language: str,
            priority: Priority = Priority.NORMAL, *, interrupt: bool = False,
            resumable: bool = True, channel: str | None = None) -> str:
        utterance = Utterance(f"u{next(self._ids)}", sentences_of(content), language,
                              Priority(priority), resumable, channel)
        with self._cond:
            if interrupt:
                self._stop_in_flight(self._queue.cancel_all())
            elif channel is not None:
                self._stop_in_flight(self._queue.cancel_channel(channel))
            self._queue.add(utterance)
            self._cond.notify_all()
        return utterance.utterance_id

    def stop(self) -> None:
        with self._cond:
            self._stop_in_flight(self._queue.cancel_all())
            self._cond.notify_all()

    def set_volume(self, step: int) -> None:
        count = len(self._settings.volume_steps_db)
        if not isinstance(step, int) or not 0 <= step < count:
            raise ValueError(f"volume step {step!r} must be 0..{count - 1}")
        with self._cond:
            self._volume_step = step

    @property
    def volume_step(self) -> int:
        return self._volume_step

    @property
    def volume_step_count(self) -> int:
        return len(self._settings.volume_steps_db)

    def set_rate(self, rate: Rate) -> None:
        with self._cond:
            self._rate = Rate(rate)

    @property
    def rate(self) -> Rate:
        return self._rate

    def health(self) -> SpeechHealth:
        return self._health.current()

    def reset_to_defaults(self) -> None:
        with self._cond:
            self._stop_in_flight(self._queue.cancel_all())
            self._volume_step = self._settings.default_volume_step
            self._rate = self._settings.default_rate
            self._commands.append(self._forget_customer)
            self._cond.notify_all()

    def warm_up(self) -> None:
        """Start the worker now rather than at the first sentence, so the heartbeat tells the
        truth from start-up and the first sentence is not late."""
        with self._cond:
            self._commands.append(self._worker.ensure_ready)
            self._cond.notify_all()

    def add_listener(self, listener: SpeechListener) -> None:
        with self._cond:
            self._listeners.append(listener)

    def remove_listener(self, listener: SpeechListener) -> None:
        with self._cond:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def close(self) -> None:
        with self._cond:
            if self._closing:
                return
            self._closing = True
            self._stop_in_flight(self._queue.cancel_all())
            self._cond.notify_all()
        self._thread.join(timeout=30)
        self._worker.close()
        self._cache.clear()
        shutil.rmtree(self._private_dir, ignore_errors=True)

    @property
    def worker(self) -> SupervisedWorker:
        return self._worker

    @property
    def private_dir(self) -> Path:
        """The folder holding synthesised speech; deleted by `close()`."""
        return self._private_dir

    # --- the service's thread ---------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                while not (self._closing or self._commands or self._queue.has_events()
                           or self._queue.has_pending() or self._busy_since_idle):
                    self._cond.wait()
                if self._closing:
                    leftover = self._queue.drain_events()
                    break
                commands, self._commands = self._commands, []
                step = self._queue.take_next()
                events = self._queue.drain_events()
                did_work = step is not None or bool(events)
                went_idle = self._busy_since_idle and not did_work
                self._busy_since_idle = did_work
            for command in commands:
                self._guarded(command)
            self._emit(events)
            if went_idle:
                self._broadcast("speech_idle")
            if step is not None:
                try:
                    self._speak(step)
                except Exception as error:  # a bug here must not leave the kiosk mute
                    log.exception("speaking %s failed", step.utterance.utterance_id)
                    self._end_step(step, f"internal error: {error}")
        self._emit(leftover)

    def _speak(self, step: Step) -> None:
        try:
            with self._cond:
                volume, rate = self._volume_step, self._rate
            path = self._renderer.render(step.utterance.language, step.sentence, volume, rate)
        except (SynthesisFailed, AudioFormatError, OSError) as error:
            self._end_step(step, getattr(error, "reason", str(error)))
            return
        if path is None:
            self._end_step(step, None)
            return
        try:
            self._play(step, path)
        finally:
            path.unlink(missing_ok=True)

    def _play(self, step: Step, path: Path) -> None:
        playback = self._player.playback(path)
        with self._cond:
            if step.cancelled:
                self._queue.sentence_done(step)
                return
            self._playback_stop = playback.stop
        playback.start()
        if playback.state is PlayerState.PLAYING:
            with self._cond:
                first = self._queue.mark_started(step)
            if first:
                self._broadcast("utterance_started", step.utterance.utterance_id)
        result = playback.wait()
        with self._cond:
            self._playback_stop = None
        self._health.playback_ended(result, playback.error)
        failure = (playback.error or "playback failed") if result is PlayerState.FAILED else None
        self._end_step(step, failure)

    def _end_step(self, step: Step, failure: str | None) -> None:
        if failure is not None and not step.cancelled:
            log.warning("utterance %s failed: %s", step.utterance.utterance_id, failure)
        with self._cond:
            self._queue.sentence_done(step, failure)

    def _stop_in_flight(self, step: Step | None) -> None:
        """Called with the lock held: ask the player of a cancelled sentence to stop."""
        if step is not None and self._playback_stop is not None:
            self._playback_stop()

    def _forget_customer(self) -> None:
        forgotten = self._cache.forget_customer_text()
        leftovers = self._renderer.discard_leftovers()
        log.info("speech reset: %d cached pieces and %d leftover files deleted",
                 forgotten, leftovers)

    def _worker_changed(self, state: WorkerState, detail: str) -> None:
        self._health.worker_changed(state, detail, self._worker.voices)

    def _emit(self, events: list[QueueEvent]) -> None:
        for event in events:
            if event.kind is EventKind.FAILED:
                self._broadcast("utterance_failed", event.utterance_id, event.reason)
            else:
                self._broadcast("utterance_finished", event.utterance_id, event.interrupted)

    def _notify_health(self, health: SpeechHealth) -> None:
        log.info("speech health: engine %s, voice %s, audio %s (%s)", health.engine,
                 health.voice, health.audio, health.detail)
        self._broadcast("health_changed", health)

    def _broadcast(self, method: str, *args: object) -> None:
        """Call `method` of every `SpeechListener` with `args`."""
        with self._cond:
            listeners = list(self._listeners)
        for listener in listeners:
            self._guarded(getattr(listener, method), *args)

    @staticmethod
    def _guarded(call: Callable[..., object], *args: object) -> None:
        try:
            call(*args)
        except Exception:  # a listener's bug must not stop speech
            log.exception("speech callback failed")
