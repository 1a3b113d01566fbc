"""Every item model of the console passes Qt's model tester, empty and filled."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.console.announcements_panel import log_model
from kiosk.console.branch_names import BranchNames, CurrentLanguage
from kiosk.console.calls_model import CallRow, calls_model, sort_rows, state_text
from kiosk.console.drills_panel import kiosks_model, runs_model
from kiosk.console.history_panel import history_model
from kiosk.console.kiosks_panel import devices_model, events_model
from kiosk.console.queue_model import QueueTreeModel
from kiosk.console.queue_panel import serving_model
from kiosk.console.reports import drill_runs, feedback_by_day, wait_by_service
from kiosk.console.reports_panel import feedback_model, figures_model
from kiosk.console.sample_day import SampleDay, sample_day, sample_health, sample_heartbeat
from kiosk.console.supervision import DeviceWatch
from kiosk.core.config import BranchConfig, load_config
from kiosk.core.help.events import Category, HelpEventKind, new_follow_up, new_raise
from kiosk.core.help.presence import PresenceView, with_presence
from kiosk.core.help.state import CallState, call_state, calls_state
from kiosk.protocol.device_messages import Activity

EXAMPLE = Path(__file__).resolve().parents[2] / "deploy" / "example-branch.toml"


@pytest.fixture(scope="module")
def config() -> BranchConfig:
    return load_config(EXAMPLE)


@pytest.fixture(scope="module")
def day(config: BranchConfig) -> SampleDay:
    return sample_day(config, "console-1")


@pytest.fixture
def names(config: BranchConfig) -> BranchNames:
    return BranchNames(config, CurrentLanguage("en"))


def all_calls(day: SampleDay) -> dict[str, CallState]:
    return calls_state(day.past_events + day.open_events + day.drill_events)


def test_the_help_calls_model(qtmodeltester, names: BranchNames, day: SampleDay) -> None:  # type: ignore[no-untyped-def]
    model = calls_model(names)
    qtmodeltester.check(model)
    rows = sort_rows(CallRow(c, c.escalation_level, True, day.now)
                     for c in all_calls(day).values() if c.is_open)
    model.set_rows(rows)
    assert model.rowCount() == 3
    qtmodeltester.check(model)
    assert "ESCALATED" in model.cell_text(0, 4)  # the most urgent first
    model.set_rows(rows[1:])  # a call was answered elsewhere and left the list
    qtmodeltester.check(model)


def test_the_queue_tree_model(qtmodeltester, names: BranchNames, day: SampleDay) -> None:  # type: ignore[no-untyped-def]
    services = [s.id for s in names.config.services if 1 in s.counters]
    model = QueueTreeModel(names, services, lambda: day.now)
    qtmodeltester.check(model)
    model.set_queue(day.queue)
    qtmodeltester.check(model)
    first = model.index(0, 0)
    waiting = [t for t in day.queue.waiting if t.service_id == services[0]]
    assert model.rowCount(first) == len(waiting)
    assert model.data(model.index(0, 0, first)) == waiting[0].number
    assert model.parent(model.index(0, 0, first)) == first


def test_the_device_and_drill_models(qtmodeltester, names: BranchNames, config: BranchConfig,  # type: ignore[no-untyped-def]
                                     day: SampleDay) -> None:
    watch = DeviceWatch(config)
    watch.heartbeat("kiosk-1", sample_heartbeat(sample_health(kiosk=True), Activity.IDLE),
                    day.now)
    views = watch.views(day.now)
    for model, rows in ((devices_model(names, lambda: day.now), views),
                        (kiosks_model(names, lambda: set()), views[:2])):
        qtmodeltester.check(model)
        model.set_rows(rows)
        qtmodeltester.check(model)
    events = events_model(names, config.branch.timezone)
    events.set_rows(watch.check(day.now + 100))
    qtmodeltester.check(events)


def test_the_history_report_and_log_models(qtmodeltester, names: BranchNames,  # type: ignore[no-untyped-def]
                                           day: SampleDay) -> None:
    calls = all_calls(day)
    timezone = names.config.branch.timezone
    filled = [
        (history_model(names), list(calls.values())),
        (runs_model(names), drill_runs(calls.values())),
        (figures_model(), [("wait", f.group, f) for f in wait_by_service(day.tickets)]),
        (feedback_model(), feedback_by_day(day.ratings, calls.values(), timezone)),
        (log_model(names), day.announcements),
        (serving_model(names, lambda: day.now), list(day.queue.serving)),
    ]
    for model, rows in filled:
        qtmodeltester.check(model)
        model.set_rows(rows)
        assert model.rowCount() == len(rows) > 0
        qtmodeltester.check(model)



def test_supervision_says_when_a_kiosks_calls_live_in_memory_only(
        names: BranchNames, config: BranchConfig, day: SampleDay) -> None:
    from dataclasses import replace

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor

    from kiosk.console import console_style as style
    from kiosk.protocol.device_messages import Component

    watch = DeviceWatch(config)
    health = replace(sample_health(kiosk=True), store=Component.FAILED)
    watch.heartbeat("kiosk-1", sample_heartbeat(health, Activity.IDLE), day.now)
    model = devices_model(names, lambda: day.now)
    model.set_rows(watch.views(day.now))
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in
               range(model.columnCount())]
    row = model.row_of("kiosk-1")
    assert model.cell_text(row, headers.index("Stored calls")) == "Not working"
    assert model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole) == \
        QColor(style.DEVICE_PROBLEM.background)


def test_a_call_names_the_desk_that_went_silent_and_the_staff_no_longer_coming(
        names: BranchNames) -> None:
    raised = new_raise("kiosk-1", 100.0, category=Category.MEDICAL)
    events = [raised,
              new_follow_up(raised.call_id, "kiosk-1", HelpEventKind.RECEIVED, "console-1",
                            101.0, console_id="console-1"),
              new_follow_up(raised.call_id, "kiosk-1", HelpEventKind.ACKNOWLEDGED, "console-1",
                            102.0, staff_id="li-ming")]
    facts = call_state(events)
    assert state_text(facts, 0, names) == "Li Ming is coming"
    lost = with_presence(facts, PresenceView.of({"console-2": "wang-fang"}))  # console-1 died
    text = state_text(lost, 0, names)
    assert "Li Ming was coming but is no longer signed in." in text
    assert "Counter 1 confirmed this call and then went silent." in text
    assert "Li Ming is coming" not in text
