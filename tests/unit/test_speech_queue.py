"""The queue decides what is heard next: priority cut-ins, resuming, interrupting."""

from __future__ import annotations

from kiosk.speech.api import Priority
from kiosk.speech.speech_queue import (
    EventKind,
    QueueEvent,
    Sentence,
    SpeechQueue,
    Step,
    Utterance,
)


def utterance(uid: str, sentences: int = 2, priority: Priority = Priority.NORMAL, *,
              resumable: bool = True, channel: str | None = None) -> Utterance:
    return Utterance(uid, tuple(Sentence(f"{uid} {i}.") for i in range(sentences)), "en",
                     priority, resumable, channel)


def speak(queue: SpeechQueue) -> Step:
    step = queue.take_next()
    assert step is not None
    queue.sentence_done(step)
    return step


def spoken(queue: SpeechQueue) -> list[tuple[str, int]]:
    order = []
    while queue.has_pending():
        step = speak(queue)
        order.append((step.utterance.utterance_id, step.index))
    return order


def test_sentences_are_spoken_in_order_then_finished() -> None:
    queue = SpeechQueue()
    queue.add(utterance("a"))
    queue.add(utterance("b", 1))
    assert spoken(queue) == [("a", 0), ("a", 1), ("b", 0)]
    assert queue.drain_events() == [QueueEvent(EventKind.FINISHED, "a"),
                                    QueueEvent(EventKind.FINISHED, "b")]


def test_high_priority_cuts_in_between_sentences_and_the_reading_resumes() -> None:
    queue = SpeechQueue()
    queue.add(utterance("reading", 3))
    speak(queue)
    queue.add(utterance("later", 1))
    queue.add(utterance("help", 1, Priority.HIGH))
    assert spoken(queue) == [("help", 0), ("reading", 1), ("reading", 2), ("later", 0)]


def test_a_non_resumable_reading_is_dropped_when_cut_in() -> None:
    queue = SpeechQueue()
    queue.add(utterance("reading", 3, resumable=False))
    speak(queue)
    queue.add(utterance("help", 1, Priority.HIGH))
    assert spoken(queue) == [("help", 0)]
    assert QueueEvent(EventKind.FINISHED, "reading", interrupted=True) in queue.drain_events()


def test_cancel_all_drops_everything_and_cancels_the_sentence_in_flight() -> None:
    queue = SpeechQueue()
    queue.add(utterance("a"))
    queue.add(utterance("b"))
    step = queue.take_next()
    assert step is not None
    assert queue.cancel_all() is step
    assert step.cancelled
    queue.sentence_done(step)
    assert not queue.has_pending()
    assert queue.drain_events() == [QueueEvent(EventKind.FINISHED, "a", interrupted=True),
                                    QueueEvent(EventKind.FINISHED, "b", interrupted=True)]


def test_a_cancelled_sentence_is_never_reported_as_started() -> None:
    queue = SpeechQueue()
    queue.add(utterance("a"))
    step = queue.take_next()
    assert step is not None
    queue.cancel_all()
    assert queue.mark_started(step) is False


def test_started_is_reported_once_per_utterance_even_when_resumed() -> None:
    queue = SpeechQueue()
    queue.add(utterance("reading", 2))
    first = queue.take_next()
    assert first is not None and queue.mark_started(first)
    queue.sentence_done(first)
    queue.add(utterance("help", 1, Priority.HIGH))
    speak(queue)
    resumed = queue.take_next()
    assert resumed is not None and resumed.utterance.utterance_id == "reading"
    assert queue.mark_started(resumed) is False


def test_a_channel_replaces_only_its_own_utterances() -> None:
    queue = SpeechQueue()
    queue.add(utterance("screen"))
    queue.add(utterance("focus1", 1, channel="focus"))
    in_flight = queue.take_next()
    assert queue.cancel_channel("focus") is None
    assert in_flight is not None and not in_flight.cancelled
    queue.sentence_done(in_flight)
    assert queue.pending_ids() == ["screen"]
    assert queue.drain_events() == [QueueEvent(EventKind.FINISHED, "focus1", interrupted=True)]


def test_a_failed_sentence_fails_its_utterance_once() -> None:
    queue = SpeechQueue()
    queue.add(utterance("a", 3))
    step = queue.take_next()
    assert step is not None
    queue.sentence_done(step, "engine missing")
    assert not queue.has_pending()
    assert queue.drain_events() == [QueueEvent(EventKind.FAILED, "a", reason="engine missing")]


def test_an_empty_utterance_finishes_at_once() -> None:
    queue = SpeechQueue()
    queue.add(Utterance("empty", (), "en"))
    assert not queue.has_pending()
    assert queue.drain_events() == [QueueEvent(EventKind.FINISHED, "empty")]


def test_every_utterance_gets_exactly_one_terminal_event() -> None:
    queue = SpeechQueue()
    for uid in "abc":
        queue.add(utterance(uid, 2, resumable=uid != "a"))
    speak(queue)
    queue.add(utterance("h", 1, Priority.HIGH))
    speak(queue)
    step = queue.take_next()
    assert step is not None
    queue.cancel_all()
    queue.sentence_done(step)
    events = queue.drain_events()
    assert sorted(e.utterance_id for e in events) == ["a", "b", "c", "h"]
