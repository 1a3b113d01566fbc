"""Called ticket numbers, announced at the kiosk: a chime and the sentence, twice.

A customer who took a ticket often waits near the kiosk, and one reading an answer there
must still hear their number. So the kiosk announces every call as the wall display does
("Number A042, please go to counter 3.", in the same words), without taking the customer out
of what they are doing: the announcement goes to the speaker at high priority on a channel
of its own, so it cuts in between two sentences of whatever is being read, the screen stays
as it is, and the reading resumes afterwards at its next sentence.

One announcement at a time: calls that come while one is being said wait their turn, in
order. The chime is a fixed phrase whose recording (`assets/voice/<language>/
chime.called.wav`) is the two-note chime; it is queued with the sentences, so it too comes
between sentences, never over someone's words. A call the broker delivers twice is said
once; a recall is a new call. If speech never reports the end of an announcement, a time
limit moves on to the next, so a queue of calls can never stall.
"""

from __future__ import annotations

import logging
from collections import OrderedDict, deque

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from kiosk.customer.screen_voice import ScreenVoice
from kiosk.display.board_words import CONTEXT as BOARD_CONTEXT
from kiosk.display.board_words import SPOKEN_CALL
from kiosk.protocol.ticket_messages import TicketCalled
from kiosk.speech.api import Phrase

log = logging.getLogger(__name__)

CALLED_CHANNEL = "called"
CHIME = Phrase("chime.called", "")
"""Played from its recording; without one it is silent (there is nothing to synthesise)."""
ANNOUNCE_TIMES = 2
"""Each call is said twice: the first time turns heads, the second is heard."""
LIMIT_S = 60.0
"""No announcement lasts this long; past it the next call is announced."""
REMEMBERED_CALLS = 64


class CalledAnnouncer(QObject):
    announcing = Signal(object)
    """The TicketCalled being announced now (tests and the log follow it)."""

    def __init__(self, voice: ScreenVoice, *, times: int = ANNOUNCE_TIMES,
                 limit_s: float = LIMIT_S, parent: QObject | None = None) -> None:
        """Connect the speech events' ``utterance_finished`` and ``utterance_failed`` to
        `utterance_ended`: the next call waits for the end of this one."""
        super().__init__(parent)
        self._voice = voice
        self._times = max(1, times)
        self._waiting: deque[TicketCalled] = deque()
        self._seen: OrderedDict[tuple[str, int, float], None] = OrderedDict()
        self._current: TicketCalled | None = None
        self._utterance: str | None = None
        self._stopped = False
        self._limit = QTimer(self)
        self._limit.setSingleShot(True)
        self._limit.setInterval(max(1, round(limit_s * 1000)))
        self._limit.timeout.connect(self._too_long)

    @property
    def current(self) -> TicketCalled | None:
        return self._current

    @property
    def waiting(self) -> list[TicketCalled]:
        return list(self._waiting)

    def stop(self) -> None:
        self._stopped = True
        self._limit.stop()
        self._waiting.clear()

    @Slot(object)
    def called(self, call: TicketCalled) -> None:
        """A counter called a ticket: announce it when its turn comes."""
        if self._stopped:
            return
        key = (call.number, call.counter, call.at)
        if key in self._seen:
            return
        self._seen[key] = None
        while len(self._seen) > REMEMBERED_CALLS:
            self._seen.popitem(last=False)
        self._waiting.append(call)
        if self._current is None:
            self._next()

    def sentence(self, call: TicketCalled) -> str:
        """The words of the wall display, in the kiosk's current language."""
        return QCoreApplication.translate(BOARD_CONTEXT, str(SPOKEN_CALL)).format(
            number=call.number, counter=call.counter)

    def _next(self) -> None:
        while self._waiting and not self._stopped:
            call = self._waiting.popleft()
            sentence = self.sentence(call)
            content = [item for _ in range(self._times) for item in (CHIME, sentence)]
            utterance = self._voice.announce(content, CALLED_CHANNEL, resumable=False)
            if utterance is None:
                continue  # reading aloud is off for this customer: nothing to wait for
            log.info("announcing %s to counter %d", call.number, call.counter)
            self._current, self._utterance = call, utterance
            self._limit.start()
            self.announcing.emit(call)
            return
        self._current = self._utterance = None

    def utterance_ended(self, utterance_id: str, *_: object) -> None:
        if utterance_id == self._utterance:
            self._limit.stop()
            self._next()

    def _too_long(self) -> None:
        log.warning("announcing %s took over %.0f s; going on to the next call",
                    self._current.number if self._current else "?",
                    self._limit.interval() / 1000)
        self._voice.silence(CALLED_CHANNEL)
        self._next()
