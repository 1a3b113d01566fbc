"""History and reports: every CSV export reads back with the csv module under its documented
columns and with the figures shown on screen; the response-time chart draws its bars."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from kiosk.console import console_style, csv_export
from kiosk.console.journal import Journal
from kiosk.console.reports import nearest_rank, response_by_category, response_s
from kiosk.console.sample_day import SampleDay, sample_day
from kiosk.core.config import load_config
from kiosk.core.help.events import Category
from kiosk.core.help.state import calls_state
from tests.helpers.branch import write_branch_config
from tests.helpers.console_desk import ConsoleDesk, make_desk
from tests.helpers.fake_clock import FakeClock


@pytest.fixture
def filled(qtbot, tmp_path: Path) -> Iterator[tuple[ConsoleDesk, SampleDay]]:  # type: ignore[no-untyped-def]
    config = load_config(write_branch_config(tmp_path / "config", 1883))
    day = sample_day(config, "console-1")
    journal = Journal(tmp_path / "data" / "console-1-journal.sqlite")
    journal.save_tickets(day.tickets)
    for rating in day.ratings:
        journal.add_rating(rating)
    journal.close()
    desk = make_desk(config, tmp_path / "data", clock=FakeClock(day.now),
                     save_to=tmp_path)
    desk.sign_in("wang-fang")
    desk.show_events(day.past_events + day.drill_events)
    yield desk, day
    desk.parts.stop()


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as source:
        reader = csv.DictReader(source)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def test_the_call_history_exports_every_call_with_the_time_of_every_step(
        filled: tuple[ConsoleDesk, SampleDay], tmp_path: Path) -> None:
    desk, day = filled
    desk.window.history.export.click()
    columns, rows = read(tmp_path / "help-calls.csv")
    assert tuple(columns) == csv_export.CALL_COLUMNS
    calls = calls_state(day.past_events + day.drill_events)
    assert {r["call_id"] for r in rows} == set(calls)
    drills = [r for r in rows if r["drill"] == "yes"]
    assert len(drills) == sum(1 for c in calls.values() if c.drill) == 3
    finished = next(r for r in rows if r["drill"] == "no")
    assert finished["raised_at"] < finished["acknowledged_at"] < finished["resolved_at"]
    assert finished["raised_at"].endswith("+08:00")  # the branch's own time zone
    call = calls[finished["call_id"]]
    assert finished["response_s"] == f"{response_s(call):.1f}"

    # The table itself follows the calls once staff look at it.
    assert desk.window.history.model.rowCount() == 0
    desk.look_at(desk.window.history)
    assert desk.window.history.model.rowCount() == len(calls)


def test_the_response_times_export_matches_the_chart_and_leaves_drills_out(
        filled: tuple[ConsoleDesk, SampleDay], tmp_path: Path) -> None:
    desk, day = filled
    reports = desk.window.reports
    reports.export_responses.click()
    columns, rows = read(tmp_path / "response-times.csv")
    assert tuple(columns) == csv_export.RESPONSE_COLUMNS
    calls = calls_state(day.past_events)
    medical = [response_s(c) for c in calls.values()
               if c.category is Category.MEDICAL and not c.drill]
    row = next(r for r in rows if r["grouping"] == "category" and r["group"] == "medical")
    assert row["median_s"] == f"{nearest_rank([m for m in medical if m is not None], 0.5):.1f}"
    assert int(row["calls_timed"]) == len(medical)
    assert {r["grouping"] for r in rows} == {"category", "day"}
    timed = sum(int(r["calls_timed"]) for r in rows if r["grouping"] == "category")
    assert timed == sum(1 for c in calls.values() if not c.drill)  # no drill counted
    assert [f.group for f in response_by_category(calls.values())] == [
        r["group"] for r in rows if r["grouping"] == "category"]


def test_queue_feedback_and_drill_exports_read_back(filled: tuple[ConsoleDesk, SampleDay],
                                                    tmp_path: Path) -> None:
    desk, day = filled
    reports = desk.window.reports
    for button, name, expected in (
            (reports.export_queue, "queue.csv", csv_export.QUEUE_COLUMNS),
            (reports.export_queue_times, "queue-times.csv", csv_export.QUEUE_TIME_COLUMNS),
            (reports.export_feedback, "feedback.csv", csv_export.FEEDBACK_COLUMNS),
            (desk.window.drills.export, "drills.csv", csv_export.DRILL_COLUMNS)):
        button.click()
        columns, rows = read(tmp_path / name)
        assert tuple(columns) == expected, name
        assert rows, name
    _, tickets = read(tmp_path / "queue.csv")
    assert len(tickets) == len(day.tickets)
    assert all(float(t["wait_s"]) >= 0 for t in tickets if t["wait_s"])
    assert not [t for t in tickets if t["ended_how"] == "no_show" and t["service_s"]]
    _, feedback = read(tmp_path / "feedback.csv")
    assert sum(int(f["good"]) + int(f["ok"]) + int(f["bad"]) for f in feedback) == len(
        day.ratings)
    _, drills = read(tmp_path / "drills.csv")
    running = [d for d in drills if not d["resolved_s"]]
    assert len(running) == 1 and running[0]["received_s"]  # the drill under way


def test_the_response_chart_draws_a_bar_for_every_kind_of_call(
        qtbot, filled: tuple[ConsoleDesk, SampleDay]) -> None:  # type: ignore[no-untyped-def]
    desk, _ = filled
    desk.window.tabs.setCurrentWidget(desk.window.reports)
    desk.window.resize(1366, 900)
    desk.window.show()
    qtbot.waitExposed(desk.window)
    chart = desk.window.reports.by_category
    assert chart.width() > 400 and chart.height() > 200
    image = chart.grab().toImage()
    median = QColor(console_style.CHART_MEDIAN).rgb()
    below_legend = range(image.height() // 4, image.height(), 3)
    columns_with_bars = {x for x in range(image.width()) for y in below_legend
                         if image.pixel(x, y) == median}
    groups = len(response_by_category(calls_state(filled[1].past_events).values()))
    assert groups >= 4
    runs = sum(1 for x in columns_with_bars if x - 1 not in columns_with_bars)
    assert runs == groups  # one median bar per kind of call
    assert "median" in chart.accessibleDescription()
