"""The help loop through two staff consoles: real hub, real Mosquitto, two console widget
trees (offscreen), a kiosk client; and a drill run from a console."""

from __future__ import annotations

import csv
from contextlib import ExitStack
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.console.app import ConsoleParts
from kiosk.core.help.events import Category, HelpEventKind, Outcome
from kiosk.core.help.state import CallStatus
from kiosk.net.broker import MosquittoBroker
from kiosk.net.headless import HeadlessDevice
from kiosk.net.kiosk_client import KioskClient
from tests.helpers.console_e2e import sign_in_by_ui
from tests.helpers.live_branch import Branch

pytestmark = pytest.mark.e2e
PATIENCE_MS = 10_000
K = HelpEventKind


@pytest.fixture
def branch(qtbot, mosquitto: MosquittoBroker, tmp_path: Path,  # type: ignore[no-untyped-def]
           stack: ExitStack) -> Branch:
    branch = Branch(tmp_path, mosquitto.port, stack, settings={"help.escalate_after_s": 60.0})
    kiosk = branch.headless_kiosk()
    one = branch.console_window("console-1", save_to=tmp_path)  # counter 1
    two = branch.console_window("console-lobby")  # the lobby desk
    qtbot.waitUntil(lambda: one.device.link.connected and two.device.link.connected
                    and kiosk.link.connected, timeout=PATIENCE_MS)
    sign_in_by_ui(qtbot, one, "li-ming")
    sign_in_by_ui(qtbot, two, "wang-fang")
    qtbot.waitUntil(lambda: kiosk.client.reachability().staff_reachable, timeout=PATIENCE_MS)
    return branch


def desks(branch: Branch) -> tuple[ConsoleParts, ConsoleParts, HeadlessDevice[KioskClient]]:
    """Counter 1's console, the lobby desk's, and the kiosk."""
    return (branch.console_windows["console-1"], branch.console_windows["console-lobby"],
            branch.kiosks["kiosk-1"])


def row_of(parts: ConsoleParts, kiosk_id: str, drill: bool = False) -> int:
    model = parts.window.calls.model
    for row in range(model.rowCount()):
        call = model.row_at(row).call
        if call.kiosk_id == kiosk_id and call.drill == drill:
            return row
    return -1


def alarming(parts: ConsoleParts, call_id: str) -> bool:
    return any(a.key == call_id for a in parts.alarms.alarms)


def test_a_call_rings_on_both_consoles_one_answers_the_other_stops_and_history_has_it(
        qtbot, branch: Branch) -> None:  # type: ignore[no-untyped-def]
    one, lobby, kiosk = desks(branch)
    call_id = kiosk.call(lambda: kiosk.client.raise_help(Category.MEDICAL)).call_id  # type: ignore[attr-defined]

    for parts in (one, lobby):
        qtbot.waitUntil(lambda p=parts: row_of(p, "kiosk-1") == 0 and alarming(p, call_id),
                        timeout=PATIENCE_MS)
        qtbot.waitUntil(lambda p=parts: len(p.alarms.sounder.played) > 0, timeout=PATIENCE_MS)
        assert p_visible(parts)
    qtbot.waitUntil(lambda: kiosk.client.call is not None
                    and kiosk.client.call.received_by == {"console-1", "console-lobby"},
                    timeout=PATIENCE_MS)

    panel = one.window.calls
    panel.table.selectRow(row_of(one, "kiosk-1"))
    qtbot.mouseClick(panel.coming, Qt.MouseButton.LeftButton)

    state = lobby.window.calls.model
    qtbot.waitUntil(lambda: state.cell_text(row_of(lobby, "kiosk-1"), 4) == "Li Ming is coming",
                    timeout=PATIENCE_MS)
    qtbot.waitUntil(lambda: not alarming(lobby, call_id), timeout=PATIENCE_MS)
    rings = len(lobby.alarms.sounder.played)
    assert lobby.window.calls.notice.text() == "Li Ming is going."
    qtbot.waitUntil(lambda: kiosk.client.call.acknowledged_by == "li-ming",
                    timeout=PATIENCE_MS)

    qtbot.mouseClick(panel.resolve, Qt.MouseButton.LeftButton)
    form = panel.resolve_form
    assert form.isVisibleTo(one.window)
    form.choose(Outcome.AMBULANCE_CALLED)
    qtbot.keyClicks(form.note, "Dizzy; taken to hospital by ambulance")
    qtbot.mouseClick(form.confirm, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: kiosk.client.call.status is CallStatus.RESOLVED,
                    timeout=PATIENCE_MS)
    assert kiosk.client.call.outcome is Outcome.AMBULANCE_CALLED
    for parts in (one, lobby):
        qtbot.waitUntil(lambda p=parts: p.window.calls.model.rowCount() == 0,
                        timeout=PATIENCE_MS)
    assert len(lobby.alarms.sounder.played) == rings  # no ring after "I'm coming"

    history = one.window.history  # follows the calls a moment after the alarm
    one.window.show()
    one.window.tabs.setCurrentWidget(history)  # its table, once staff look at it

    def history_row() -> dict[str, str]:
        model = history.model
        return {model.headerData(c, Qt.Orientation.Horizontal): model.cell_text(0, c)
                for c in range(model.columnCount())} if model.rowCount() == 1 else {}

    qtbot.waitUntil(lambda: history_row().get("Closed", "").endswith("Li Ming"),
                    timeout=PATIENCE_MS)
    assert history.model.rowCount() == 1
    steps = history_row()
    assert steps["Confirmed"] and steps["Closed"].endswith("Li Ming")
    assert steps["Coming"].endswith("Li Ming") and steps["Outcome"] == "Medical: ambulance called"
    history.export.click()
    with (branch.directory / "console-1-help-calls.csv").open(encoding="utf-8-sig") as source:
        (row,) = list(csv.DictReader(source))
    assert (row["acknowledged_by"], row["resolved_by"], row["outcome"]) == (
        "li-ming", "li-ming", "ambulance_called")
    assert row["note"] == "Dizzy; taken to hospital by ambulance"
    assert row["raised_at"] <= row["received_at"] <= row["acknowledged_at"] <= row["resolved_at"]


def p_visible(parts: ConsoleParts) -> bool:
    return parts.window.alarm_strip.isVisibleTo(parts.window)


def test_two_people_pressing_im_coming_at_once_are_told_who_is_going(
        qtbot, branch: Branch) -> None:  # type: ignore[no-untyped-def]
    one, lobby, kiosk = desks(branch)
    call_id = kiosk.call(lambda: kiosk.client.raise_help()).call_id  # type: ignore[attr-defined]
    for parts in (one, lobby):
        qtbot.waitUntil(lambda p=parts: alarming(p, call_id), timeout=PATIENCE_MS)
        parts.window.calls.table.selectRow(row_of(parts, "kiosk-1"))
    qtbot.mouseClick(one.window.calls.coming, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(lobby.window.calls.coming, Qt.MouseButton.LeftButton)

    for parts in (one, lobby):
        qtbot.waitUntil(lambda p=parts: len(p.alarms.calls[call_id].acknowledgers) == 2,
                        timeout=PATIENCE_MS)
    going = one.alarms.calls[call_id].acknowledged_by
    assert lobby.alarms.calls[call_id].acknowledged_by == going  # both agree
    winner, other = (one, lobby) if going == "li-ming" else (lobby, one)
    name = "Li Ming" if going == "li-ming" else "Wang Fang"
    assert winner.window.calls.notice.text().startswith("You are going.")
    assert other.window.calls.notice.text().startswith(
        f"{name} is going: they pressed \"I'm coming\" first. You need not go.")
    qtbot.waitUntil(lambda: kiosk.client.call.acknowledged_by == going, timeout=PATIENCE_MS)


def test_a_drill_runs_the_whole_loop_marked_and_a_real_tap_during_it_is_a_real_call(
        qtbot, branch: Branch) -> None:  # type: ignore[no-untyped-def]
    _, lobby, kiosk = desks(branch)
    drills = lobby.window.drills
    lobby.window.tabs.setCurrentWidget(drills)
    qtbot.waitUntil(lambda: drills.kiosks.rowCount() == 2, timeout=PATIENCE_MS)
    drills.kiosks_table.select_key("kiosk-1")
    qtbot.waitUntil(drills.start.isEnabled, timeout=PATIENCE_MS)  # kiosk-1 heard, free
    qtbot.mouseClick(drills.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: row_of(lobby, "kiosk-1", drill=True) >= 0, timeout=PATIENCE_MS)
    assert lobby.window.calls.model.cell_text(row_of(lobby, "kiosk-1", drill=True),
                                              0) == "DRILL: Kiosk 1"
    assert "Drill started on Kiosk 1" in drills.status.text()
    assert kiosk.client.call is not None and kiosk.client.call.drill

    real = kiosk.call(lambda: kiosk.client.raise_help(Category.PRIVATE_TALK))
    assert not real.drill  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: row_of(lobby, "kiosk-1", drill=False) >= 0, timeout=PATIENCE_MS)

    panel = lobby.window.calls
    panel.table.selectRow(row_of(lobby, "kiosk-1", drill=True))
    qtbot.mouseClick(panel.arrived, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.resolve, Qt.MouseButton.LeftButton)
    assert panel.resolve_form.outcome.count() == 1  # a drill closes only as a drill
    qtbot.mouseClick(panel.resolve_form.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: row_of(lobby, "kiosk-1", drill=True) < 0, timeout=PATIENCE_MS)
    assert row_of(lobby, "kiosk-1", drill=False) >= 0  # the real call stays open

    qtbot.waitUntil(lambda: [r.call.outcome for r in drills.runs.rows()] == [Outcome.DRILL],
                    timeout=PATIENCE_MS)  # the drills panel follows the calls a moment later
    (run,) = drills.runs.rows()
    assert run.after_raise_s[K.RECEIVED] is not None
    assert run.after_raise_s[K.ARRIVED] is not None
    assert run.after_raise_s[K.RESOLVED] is not None
    figures = lobby.window.reports.by_category._figures
    assert sum(f.count + f.untimed for f in figures) == 1  # only the real call counts
