"""The wall display's voice: a chime, then the sentence in each language, one round at a
time, reported back to the board on the GUI thread.

Speech is asynchronous (the service plays on its own thread and reports through the Qt
adapter) and so is the chime (a child process), so a round is a short chain: chime ended ->
sentences queued -> the last sentence ended -> `done`. Each round has a number; anything
that reports for an older round (one the board stopped for an announcement) is ignored. If
speech never reports at all (a bug, a hung player), a time limit ends the round anyway, so
the board never stalls on one number.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from kiosk.display.board_state import BoardNotice, CalledNumber
from kiosk.display.board_words import SPOKEN_CALL, BoardWords, speech_language
from kiosk.display.chime import Chime
from kiosk.speech.api import Priority, Speaker
from kiosk.speech.qt_adapter import QtSpeechEvents

log = logging.getLogger(__name__)

ROUND_LIMIT_S = 60.0
"""No round of chime and sentences lasts this long; past it, the board moves on."""


class SpokenBoardVoice(QObject):
    _chime_ended = Signal(int)

    def __init__(self, speaker: Speaker, events: QtSpeechEvents, chime: Chime,
                 words: BoardWords, *, round_limit_s: float = ROUND_LIMIT_S,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._speaker = speaker
        self._chime = chime
        self._words = words
        self._rounds = itertools.count(1)
        self._round = 0
        self._done: Callable[[], None] | None = None
        self._texts: list[tuple[str, str]] = []
        self._waiting_for: set[str] = set()
        self._limit = QTimer(self)
        self._limit.setSingleShot(True)
        self._limit.setInterval(int(round_limit_s * 1000))
        self._limit.timeout.connect(self._too_long)
        self._chime_ended.connect(self._after_chime, Qt.ConnectionType.QueuedConnection)
        events.utterance_finished.connect(lambda uid, _interrupted: self._ended(uid))
        events.utterance_failed.connect(lambda uid, _reason: self._ended(uid))

    # --- BoardVoice ----------------------------------------------------------------------------

    def announce_call(self, call: CalledNumber, done: Callable[[], None]) -> None:
        texts = [(language, self._words.text(language, SPOKEN_CALL).format(
            number=call.number, counter=call.counter)) for language in self._words.languages]
        self._start(texts, done)

    def announce_notice(self, notice: BoardNotice, done: Callable[[], None]) -> None:
        texts = []
        for language in self._words.languages:
            text = notice.texts.get(speech_language(language)) or notice.texts.get(language)
            if text:
                texts.append((language, text))
        self._start(texts, done)

    def stop(self) -> None:
        self._round = next(self._rounds)  # whatever reports now belongs to no round
        self._done = None
        self._waiting_for.clear()
        self._limit.stop()
        self._chime.stop()
        self._speaker.stop()

    # --- one round ------------------------------------------------------------------------------

    def _start(self, texts: Sequence[tuple[str, str]], done: Callable[[], None]) -> None:
        self._round = next(self._rounds)
        self._done = done
        self._texts = list(texts)
        self._waiting_for.clear()
        self._limit.start()
        current = self._round
        self._chime.play(lambda: self._chime_ended.emit(current))

    @Slot(int)
    def _after_chime(self, round_number: int) -> None:
        if round_number != self._round or self._done is None:
            return
        ids = [self._speaker.say(text, speech_language(language), Priority.HIGH,
                                 resumable=False) for language, text in self._texts]
        if not ids:
            self._finish()
            return
        self._waiting_for = set(ids)

    def _ended(self, utterance_id: str) -> None:
        if utterance_id in self._waiting_for:
            self._waiting_for.discard(utterance_id)
            if not self._waiting_for:
                self._finish()

    def _too_long(self) -> None:
        log.warning("display: a round of announcing took over %.0f s; moving on",
                    self._limit.interval() / 1000)
        self._speaker.stop()
        self._finish()

    def _finish(self) -> None:
        done, self._done = self._done, None
        self._waiting_for.clear()
        self._limit.stop()
        if done is not None:
            done()
