"""Retention: old records leave the ledger, open calls never do, the audit log still verifies."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.help.events import HelpEventKind, Outcome
from kiosk.hub.audit_check import verify_ledger_file
from tests.helpers.hub_harness import HubHarness

DAY = 86_400.0
K = HelpEventKind


def test_old_closed_calls_go_open_ones_stay_and_the_chain_still_verifies(tmp_path: Path) -> None:
    harness = HubHarness(tmp_path, **{"hub.retention_days": 30})
    old_closed = harness.raise_call("kiosk-1")
    harness.sign_in("console-1", "li-ming")
    harness.console_event("console-1", old_closed, K.RESOLVED, staff_id="li-ming",
                          outcome=Outcome.HELPED)
    old_open = harness.raise_call("kiosk-2")
    harness.hub.tick()  # retention runs at start: nothing is old yet
    assert len(harness.ledger.help_events()) == 3

    harness.clock.advance(31 * DAY)
    recent = harness.raise_call("kiosk-1")
    harness.hub._next_retention = 0.0  # due now (it runs every few hours)
    harness.hub.tick()

    kept = {e.call_id for e in harness.ledger.help_events()}
    assert old_closed.call_id not in kept  # closed and older than 30 days: gone
    assert old_open.call_id in kept  # never remove an open call, however old
    assert recent.call_id in kept
    assert harness.ledger.verify_audit() is None
    report = verify_ledger_file(harness.ledger.path)
    assert report.intact, report.problem
    remaining = harness.ledger.audit_events()
    assert remaining and min(e.at for e in remaining) >= harness.clock() - 30 * DAY
    assert report.rows == len(remaining)


def test_retention_zero_keeps_everything(tmp_path: Path) -> None:
    harness = HubHarness(tmp_path, **{"hub.retention_days": 0})
    closed = harness.raise_call("kiosk-1")
    harness.sign_in("console-1", "li-ming")
    harness.console_event("console-1", closed, K.RESOLVED, staff_id="li-ming",
                          outcome=Outcome.HELPED)
    harness.clock.advance(5000 * DAY)
    harness.hub.tick()
    assert len(harness.ledger.help_events()) == 2
