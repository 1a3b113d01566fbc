"""Which sentence is spoken next: priorities, cut-ins, interruptions. No threads, no sound.

The service asks `take_next()` between sentences. The highest priority wins, and among
equals the oldest, so a reading interrupted by a help reassurance comes back before any
later reading. The interrupted utterance either resumes at its next sentence (`resumable`)
or is dropped there. Cancelling (a screen change, `stop()`, a newer utterance on the same
channel) drops entries at once and marks the sentence in flight as cancelled, so the service
stops its playback.

Every utterance ends with exactly one terminal event: finished (interrupted or not) or
failed. The events wait here until the service's thread drains them, which it does only
between sentences: "finished, interrupted" is therefore reported after the player stopped.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from enum import StrEnum

from kiosk.speech.api import Phrase, Priority, SpeechContent
from kiosk.speech.sentences import split_sentences


@dataclass(frozen=True)
class Sentence:
    text: str
    phrase_id: str | None = None


@dataclass(frozen=True)
class Utterance:
    utterance_id: str
    sentences: tuple[Sentence, ...]
    language: str
    priority: Priority = Priority.NORMAL
    resumable: bool = True
    channel: str | None = None


def sentences_of(content: SpeechContent) -> tuple[Sentence, ...]:
    """Free text is cut into sentences; a `Phrase` stays one unit (its recording is one
    file). Anything else is a programming error and raises TypeError."""
    items = [content] if isinstance(content, (str, Phrase)) else list(content)
    sentences: list[Sentence] = []
    for item in items:
        if isinstance(item, Phrase):
            sentences.append(Sentence(item.text.strip(), item.phrase_id))
        elif isinstance(item, str):
            sentences.extend(Sentence(text) for text in split_sentences(item))
        else:
            raise TypeError(f"cannot speak {type(item).__name__}: give text or a Phrase")
    return tuple(sentences)


class EventKind(StrEnum):
    FINISHED = "finished"
    FAILED = "failed"


@dataclass(frozen=True)
class QueueEvent:
    kind: EventKind
    utterance_id: str
    interrupted: bool = False
    reason: str = ""


@dataclass
class _Entry:
    utterance: Utterance
    order: int
    next_index: int = 0
    started: bool = False


@dataclass
class Step:
    """One sentence handed to the service; `cancelled` is set if it must not be heard."""

    utterance: Utterance
    index: int
    cancelled: bool = False
    _entry: _Entry | None = field(default=None, repr=False)

    @property
    def sentence(self) -> Sentence:
        return self.utterance.sentences[self.index]


class SpeechQueue:
    def __init__(self) -> None:
        self._pending: list[_Entry] = []
        self._order = itertools.count()
        self._last: _Entry | None = None
        self._in_flight: Step | None = None
        self._events: list[QueueEvent] = []

    @property
    def in_flight(self) -> Step | None:
        return self._in_flight

    def has_pending(self) -> bool:
        return bool(self._pending)

    def has_events(self) -> bool:
        return bool(self._events)

    def pending_ids(self) -> list[str]:
        return [entry.utterance.utterance_id for entry in self._pending]

    def add(self, utterance: Utterance) -> None:
        if not utterance.sentences:
            self._events.append(QueueEvent(EventKind.FINISHED, utterance.utterance_id))
            return
        self._pending.append(_Entry(utterance, next(self._order)))

    def cancel_all(self) -> Step | None:
        """Drop everything; return the step in flight (now cancelled) so its sound is stopped."""
        return self._cancel(list(self._pending))

    def cancel_channel(self, channel: str) -> Step | None:
        return self._cancel([e for e in self._pending if e.utterance.channel == channel])

    def take_next(self) -> Step | None:
        if self._in_flight is not None:
            raise RuntimeError("the previous sentence is still in flight")
        if not self._pending:
            return None
        best = max(self._pending, key=lambda e: (e.utterance.priority, -e.order))
        last = self._last
        if last is not None and last is not best and last in self._pending:
            if not last.utterance.resumable:
                self._remove(last, QueueEvent(EventKind.FINISHED, last.utterance.utterance_id,
                                              interrupted=True))
        self._last = best
        self._in_flight = Step(best.utterance, best.next_index, _entry=best)
        return self._in_flight

    def mark_started(self, step: Step) -> bool:
        """The step's sound began; True if that is the first sound of its utterance."""
        entry = step._entry
        if entry is None or entry.started or step.cancelled:
            return False
        entry.started = True
        return True

    def sentence_done(self, step: Step, failure: str | None = None) -> None:
        """The step ended: heard completely (failure None) or not (failure says why)."""
        if step is self._in_flight:
            self._in_flight = None
        entry = step._entry
        if step.cancelled or entry is None or entry not in self._pending:
            return
        if failure is not None:
            self._remove(entry, QueueEvent(EventKind.FAILED, entry.utterance.utterance_id,
                                           reason=failure))
            return
        entry.next_index = step.index + 1
        if entry.next_index >= len(entry.utterance.sentences):
            self._remove(entry, QueueEvent(EventKind.FINISHED, entry.utterance.utterance_id))

    def drain_events(self) -> list[QueueEvent]:
        events, self._events = self._events, []
        return events

    def _cancel(self, entries: list[_Entry]) -> Step | None:
        for entry in entries:
            self._remove(entry, QueueEvent(EventKind.FINISHED, entry.utterance.utterance_id,
                                           interrupted=True))
        step = self._in_flight
        if step is not None and step._entry in entries:
            step.cancelled = True
            return step
        return None

    def _remove(self, entry: _Entry, event: QueueEvent) -> None:
        self._pending.remove(entry)
        if self._last is entry:
            self._last = None
        self._events.append(event)
