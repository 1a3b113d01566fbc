"""A device answers the hub's digest: it re-sends what the hub lacks, once per difference, and
never mistakes an event still on its way for a loss."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.help.digest import HOUR_S, digest
from kiosk.core.help.events import Category, new_raise
from kiosk.net.event_sender import EventSender
from kiosk.net.local_store import LocalStore
from kiosk.net.resync import DigestAnswer
from kiosk.protocol import topics
from kiosk.protocol.help_messages import HelpDigest
from tests.helpers.fake_clock import FakeClock
from tests.helpers.recording_transport import RecordingTransport

BRANCH, KIOSK = "b001", "kiosk-1"


def _hub_digest(since: float, *held: tuple[str, float]) -> HelpDigest:
    return HelpDigest(KIOSK, since, tuple(digest(held, since).values()))


def test_an_event_in_flight_is_no_loss_and_a_later_loss_is_still_answered(
        tmp_path: Path) -> None:
    clock = FakeClock()
    since = clock() - HOUR_S
    transport = RecordingTransport(BRANCH, KIOSK)
    store = LocalStore(tmp_path / "kiosk.sqlite")
    sender = EventSender(store, transport, clock)
    answer = DigestAnswer(KIOSK, sender, lambda event: topics.kiosk_help(BRANCH, KIOSK))
    first = new_raise(KIOSK, clock(), category=Category.MEDICAL)
    sender.send(first, topics.kiosk_help(BRANCH, KIOSK))
    sender.acked_by_hub([first.id])
    clock.advance(10)
    second = new_raise(KIOSK, clock(), category=Category.OTHER)
    sender.send(second, topics.kiosk_help(BRANCH, KIOSK))
    sent = len(transport.raw)
    # The hub's digest was made before it stored the second call: not a loss, it is on its way.
    stale = _hub_digest(since, (first.id, first.at))
    assert answer.answer(stale) == 0 and len(transport.raw) == sent
    sender.acked_by_hub([second.id])
    assert answer.answer(_hub_digest(since, (first.id, first.at), (second.id, second.at))) == 0
    # The hub is put back to a copy that holds the first call only: the same digest as the
    # stale one, and this time a loss. Both events of the hour go back out, once.
    assert answer.answer(stale) == 2
    assert store.outbox_length() == 2 and len(transport.raw) == sent + 2
    assert answer.answer(stale) == 0  # the same difference is answered once
