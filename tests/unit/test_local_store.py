"""A device's store: events kept once; the outbox re-sends until the hub acknowledges."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.help.events import HelpEventKind, new_follow_up, new_raise
from kiosk.net.local_store import LocalStore


def test_originated_event_is_kept_and_queued_in_one_commit(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "kiosk.db")
    raised = new_raise("kiosk-1", 10.0)
    store.add_event_and_enqueue(raised, "bank/b/kiosk/kiosk-1/help", b"{...}", now=10.0)
    store.close()

    reopened = LocalStore(tmp_path / "kiosk.db")  # e.g. after the kiosk was killed
    assert reopened.events() == [raised]
    [item] = reopened.unacked()
    assert (item.key, item.topic, item.payload, item.attempts) == (
        raised.id,
        "bank/b/kiosk/kiosk-1/help",
        b"{...}",
        0,
    )


def test_outbox_resends_until_hub_ack_and_slower_once_a_console_holds_it(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "kiosk.db")
    store.enqueue("e1", "t", b"1", now=0.0)
    store.enqueue("e2", "t", b"2", now=0.0)
    assert [i.key for i in store.due(0.0, 2.0, 10.0)] == ["e1", "e2"]
    store.mark_sent("e1", 0.0)
    store.mark_sent("e2", 0.0)
    assert store.due(1.0, 2.0, 10.0) == []
    assert store.hold(["e2"], "console-1") == 1
    assert [i.key for i in store.due(2.5, 2.0, 10.0)] == ["e1"]
    assert [i.key for i in store.due(10.0, 2.0, 10.0)] == ["e1", "e2"]
    assert store.ack(["e1", "e2", "unknown"]) == 2
    assert store.outbox_length() == 0


def test_received_events_are_deduplicated_by_id(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "console.db")
    raised = new_raise("kiosk-1", 1.0)
    ack = new_follow_up(
        raised.call_id, "kiosk-1", HelpEventKind.ACKNOWLEDGED, "console-1", 2.0, staff_id="li-ming"
    )
    assert store.add_event(raised)
    assert not store.add_event(raised)
    assert store.add_event(ack)
    assert store.has_event(ack.id)
    assert store.events([raised.call_id]) == [raised, ack]
    store.forget_calls([raised.call_id])
    assert store.events() == []


def test_a_damaged_store_is_kept_aside_and_a_fresh_one_opened(tmp_path: Path) -> None:
    from kiosk.net.local_store import open_local_store

    path = tmp_path / "kiosk-1.sqlite"
    path.write_bytes(b"garbage, not a database " * 200)
    store = open_local_store(path)
    raised = new_raise("kiosk-1", 1.0)
    assert store.add_event(raised)
    assert store.events() == [raised]
    kept = list(tmp_path.glob("kiosk-1.sqlite.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"garbage")
