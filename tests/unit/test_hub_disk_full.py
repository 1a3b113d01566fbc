"""The hub's disk fills up: it acknowledges nothing it could not store, says so in /healthz,
keeps what it had, and stores the kiosk's re-sent call once space is back."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.help.events import Category, new_raise
from kiosk.protocol import topics
from kiosk.protocol.help_messages import HelpEventMessage
from tests.helpers.hub_harness import HubHarness


def test_a_full_disk_never_acknowledges_an_unstored_call(tmp_path: Path) -> None:
    harness = HubHarness(tmp_path)
    first = harness.raise_call("kiosk-1")
    assert harness.acks("kiosk-1") == [first.id]
    db = harness.ledger._db
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full from here on

    topic = topics.kiosk_help(harness.branch, "kiosk-2")
    failed = None
    for _ in range(500):  # fill what is left of the last page, until a write fails
        event = new_raise("kiosk-2", harness.clock(), category=Category.MEDICAL)
        harness.send("kiosk-2", topic, HelpEventMessage(event))
        if event.id not in harness.acks("kiosk-2"):
            failed = event
            break
    assert failed is not None, "the disk never filled"
    stored = {e.id for e in harness.ledger.help_events()}
    assert failed.id not in stored and first.id in stored  # never "stored" when it was not
    assert set(harness.acks("kiosk-2")) == stored - {first.id}  # acked exactly what is kept
    report = harness.hub.health_report()
    assert report["database"]["ok"] is False
    assert report["rejections"].get("storage_failed", 0) >= 1

    db.execute("PRAGMA max_page_count = 1073741823")  # space again
    harness.send("kiosk-2", topic, HelpEventMessage(failed))  # the kiosk's outbox re-sends
    assert failed.id in harness.acks("kiosk-2")
    assert {e.id for e in harness.ledger.help_events()} == stored | {failed.id}
