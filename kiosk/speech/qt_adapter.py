"""The speech service's callbacks as Qt signals, always emitted on the GUI thread.

The service calls its listeners on its own thread. This adapter's listener only posts each
call to a private signal connected with a queued connection; the slot, running in the
thread this object lives in (the GUI thread), emits the public signal. Slots connected to
the public signals, lambdas included, therefore run on the GUI thread whatever connection
type they use.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance, Slot

from kiosk.speech.api import Speaker, SpeechHealth


class _Relay:
    """The plain listener given to the service; it only posts to the adapter."""

    def __init__(self, post: SignalInstance) -> None:
        self._post = post

    def utterance_started(self, utterance_id: str) -> None:
        self._post.emit("started", (utterance_id,))

    def utterance_finished(self, utterance_id: str, interrupted: bool) -> None:
        self._post.emit("finished", (utterance_id, interrupted))

    def utterance_failed(self, utterance_id: str, reason: str) -> None:
        self._post.emit("failed", (utterance_id, reason))

    def health_changed(self, health: SpeechHealth) -> None:
        self._post.emit("health", (health,))

    def speech_idle(self) -> None:
        self._post.emit("idle", ())


class QtSpeechEvents(QObject):
    utterance_started = Signal(str)
    utterance_finished = Signal(str, bool)
    """Utterance id, and whether it was cut off (stop, screen change, dropped)."""
    utterance_failed = Signal(str, str)
    health_changed = Signal(object)
    """The new `SpeechHealth`."""
    speech_idle = Signal()

    _posted = Signal(str, object)

    def __init__(self, speaker: Speaker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._speaker = speaker
        self._posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        relay = self._relay = _Relay(self._posted)
        speaker.add_listener(relay)
        self.destroyed.connect(lambda: speaker.remove_listener(relay))

    @property
    def speaker(self) -> Speaker:
        return self._speaker

    def detach(self) -> None:
        """Stop listening (call before the speaker or this object goes away)."""
        self._speaker.remove_listener(self._relay)

    @Slot(str, object)
    def _deliver(self, kind: str, args: tuple[object, ...]) -> None:
        signal = {"started": self.utterance_started, "finished": self.utterance_finished,
                  "failed": self.utterance_failed, "health": self.health_changed,
                  "idle": self.speech_idle}[kind]
        signal.emit(*args)
