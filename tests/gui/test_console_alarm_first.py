"""A new help call reaches the screen as the small change it is: its row is inserted (the
table is not rebuilt), a call that changes redraws its own row, and the alarm banners keep
their style when only the words change. Order and amount of work, never speed."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QApplication, QCheckBox, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from kiosk.console.alarm_policy import AlarmSound
from kiosk.console.alarm_sound import AlarmSounder
from kiosk.console.table_model import Column, RowsModel
from kiosk.console.table_view import KeepColoursDelegate
from kiosk.core.config import BranchConfig, load_config
from kiosk.core.help.events import (
    Category,
    HelpEvent,
    HelpEventKind,
    Outcome,
    new_follow_up,
    new_raise,
)
from kiosk.speech.players import PlayerState
from tests.helpers.branch import write_branch_config
from tests.helpers.console_desk import ConsoleDesk, make_desk
from tests.helpers.event_probes import EventCount
from tests.helpers.fake_player import FakePlayer

K = HelpEventKind


@pytest.fixture
def config(tmp_path: Path) -> BranchConfig:
    return load_config(write_branch_config(tmp_path / "config", 1883))


@pytest.fixture
def desk(qtbot: QtBot, config: BranchConfig, tmp_path: Path) -> Iterator[ConsoleDesk]:
    desk = make_desk(config, tmp_path / "data")
    yield desk
    desk.parts.stop()


class ModelSpy:
    """What a model told its views: resets, layout changes, inserted rows, redrawn rows."""

    def __init__(self, model: QObject) -> None:
        self.resets = 0
        self.layouts = 0
        self.inserted: list[tuple[int, int]] = []
        self.redrawn: list[tuple[int, int]] = []
        model.modelReset.connect(self._reset)  # type: ignore[attr-defined]
        model.layoutChanged.connect(self._layout)  # type: ignore[attr-defined]
        model.rowsInserted.connect(self._inserted)  # type: ignore[attr-defined]
        model.dataChanged.connect(self._redrawn)  # type: ignore[attr-defined]

    def _reset(self) -> None:
        self.resets += 1

    def _layout(self) -> None:
        self.layouts += 1

    def _inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self.inserted.append((first, last))

    def _redrawn(self, top: QModelIndex, bottom: QModelIndex, *_roles: object) -> None:
        self.redrawn.append((top.row(), bottom.row()))


def test_a_new_call_inserts_its_row_and_keeps_the_selection(
        qtbot: QtBot, desk: ConsoleDesk) -> None:
    first = new_raise("kiosk-1", desk.clock(), category=Category.MEDICAL)
    desk.show_events([first])
    calls = desk.window.calls
    assert calls.table.selected_key() == first.call_id
    spy = ModelSpy(calls.model)

    desk.clock.advance(5)
    second = new_raise("kiosk-2", desk.clock(), category=Category.OTHER)
    desk.show_events([first, second])

    assert calls.model.rowCount() == 2
    assert spy.resets == 0
    assert spy.inserted == [(calls.model.row_of(second.call_id),) * 2]
    assert calls.table.selected_key() == first.call_id


def test_a_call_that_changes_redraws_its_own_row_only(
        qtbot: QtBot, desk: ConsoleDesk) -> None:
    first = new_raise("kiosk-1", desk.clock(), category=Category.MEDICAL)
    second = new_raise("kiosk-2", desk.clock(), category=Category.OTHER)
    events: list[HelpEvent] = [first, second]
    desk.show_events(events)
    model = desk.window.calls.model
    spy = ModelSpy(model)

    coming = new_follow_up(second.call_id, "kiosk-2", K.ACKNOWLEDGED, "console-2",
                           desk.clock(), staff_id="zhang-wei")
    desk.show_events([*events, coming])

    row = model.row_of(second.call_id)
    assert model.cell_text(row, 5) == "Zhang Wei"
    assert (spy.resets, spy.layouts, spy.inserted) == (0, 0, [])
    assert spy.redrawn == [(row, row)]


def test_a_call_that_moves_keeps_the_selection_without_a_reset(
        qtbot: QtBot, desk: ConsoleDesk) -> None:
    first = new_raise("kiosk-1", desk.clock(), category=Category.MEDICAL)
    desk.clock.advance(5)
    second = new_raise("kiosk-2", desk.clock(), category=Category.OTHER)
    desk.show_events([first, second])
    model, table = desk.window.calls.model, desk.window.calls.table
    table.select_key(first.call_id)
    spy = ModelSpy(model)

    # Someone is coming to the first call: it moves below the one still waiting.
    coming = new_follow_up(first.call_id, "kiosk-1", K.ACKNOWLEDGED, "console-2",
                           desk.clock(), staff_id="zhang-wei")
    desk.show_events([first, second, coming])

    assert [model.key_at(r) for r in range(2)] == [second.call_id, first.call_id]
    assert spy.resets == 0
    assert table.selected_key() == first.call_id


def test_another_call_does_not_restyle_the_alarm_banners(
        qtbot: QtBot, desk: ConsoleDesk) -> None:
    desk.window.show()
    qtbot.waitExposed(desk.window)
    first = new_raise("kiosk-1", desk.clock(), category=Category.MEDICAL)
    desk.show_events([first])
    strip, floating = desk.window.alarm_strip, desk.window.floating
    assert strip.isVisible() and floating.isVisible()
    changes = EventCount(QEvent.Type.StyleChange, strip, strip.text, floating, floating.text)

    second = new_raise("kiosk-2", desk.clock(), category=Category.MEDICAL)
    desk.show_events([first, second])

    assert "2 calls are waiting" in strip.text.text()
    assert "2 calls are waiting" in floating.text.text()
    assert changes.count == 0


class ChildrenMade(QObject):
    """Counts the widgets created under the watched one."""

    def __init__(self, widget: QObject) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.ChildAdded:
            self.count += 1
        return False


def test_a_new_call_creates_no_widgets_for_its_checklist_and_ticks_stay_with_their_call(
        qtbot: QtBot, desk: ConsoleDesk) -> None:
    calls = desk.window.calls
    made = ChildrenMade(calls.checklist)
    first = new_raise("kiosk-1", desk.clock(), category=Category.MEDICAL)
    desk.show_events([first])
    assert calls.table.selected_key() == first.call_id
    assert made.count == 0
    steps = calls.checklist.steps()
    assert "first-aid kit" in steps[0][0]
    boxes = [b for b in calls.checklist.findChildren(QCheckBox) if b.isVisibleTo(calls)]
    boxes[0].setChecked(True)

    second = new_raise("kiosk-2", desk.clock(), category=Category.PRIVATE_TALK)
    desk.show_events([first, second])
    calls.table.select_key(second.call_id)
    assert made.count == 0
    assert "Approach calmly" in calls.checklist.steps()[0][0]
    assert not any(ticked for _, ticked in calls.checklist.steps())

    calls.table.select_key(first.call_id)
    assert calls.checklist.steps()[0] == (steps[0][0], True)


class MeasuredRows(KeepColoursDelegate):
    """The console's own row delegate, noting which rows the table measures."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.rows: set[int] = set()

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt API)
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        self.rows.add(index.row())
        return super().sizeHint(option, index)


def test_the_alarm_tick_measures_only_the_rows_that_changed(
        qtbot: QtBot, desk: ConsoleDesk) -> None:
    first = new_raise("kiosk-1", desk.clock(), category=Category.MEDICAL)
    second = new_raise("kiosk-2", desk.clock(), category=Category.OTHER)
    desk.show_events([first, second])
    table = desk.window.calls.table
    measured = MeasuredRows(table)
    table.setItemDelegate(measured)

    desk.tick()  # no time passed: no row reads differently
    assert measured.rows == set()

    coming = new_follow_up(second.call_id, "kiosk-2", K.ACKNOWLEDGED, "console-2",
                           desk.clock(), staff_id="zhang-wei")
    desk.show_events([first, second, coming])
    assert desk.window.calls.model.row_of(second.call_id) in measured.rows


def test_each_alarm_sound_goes_to_a_waiting_thread_not_a_new_one(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    player = FakePlayer()
    sounder = AlarmSounder(player)
    started: list[threading.Thread] = []
    start = threading.Thread.start

    def counted_start(thread: threading.Thread) -> None:
        started.append(thread)
        start(thread)

    monkeypatch.setattr(threading.Thread, "start", counted_start)
    try:
        for count in range(1, 6):
            sounder.play(AlarmSound.CHIME)
            qtbot.waitUntil(lambda c=count: len(player.playbacks) == c  # type: ignore[misc]
                            and player.playbacks[-1].state is PlayerState.FINISHED,
                            timeout=3000)
        assert len(started) <= 1  # at most the second of the two players' threads
    finally:
        sounder.close()


def test_a_new_call_works_out_only_its_own_history_row(qtbot: QtBot, desk: ConsoleDesk) -> None:
    worked_out: list[str] = []

    def text(call_id: str) -> str:
        worked_out.append(call_id)
        return call_id

    model = RowsModel([Column(lambda: "Call", text)], key=str, rows_alone=True)
    model.set_rows(["call-1", "call-2"])
    worked_out.clear()
    model.set_rows(["call-1", "call-2", "call-3"])
    assert worked_out == ["call-3"]
    model.refresh()  # the language changed: every row again
    assert sorted(worked_out) == ["call-1", "call-2", "call-3", "call-3"]

    history = desk.window.history
    desk.look_at(history)
    first = new_raise("kiosk-1", desk.clock())
    desk.show_events([first])
    spy = ModelSpy(history.model)
    desk.show_events([first, new_raise("kiosk-2", desk.clock())])
    assert (spy.resets, len(spy.inserted), spy.redrawn) == (0, 1, [])


def test_the_next_call_of_the_same_kind_finds_its_checklist_laid_out(
        qtbot: QtBot, desk: ConsoleDesk) -> None:
    desk.window.show()
    qtbot.waitExposed(desk.window)
    checklist = desk.window.calls.checklist
    first = new_raise("kiosk-1", desk.clock(), category=Category.MEDICAL)
    desk.show_events([first])
    closed = new_follow_up(first.call_id, "kiosk-1", K.RESOLVED, "console-2", desk.clock(),
                           staff_id="zhang-wei", outcome=Outcome.HELPED)
    desk.show_events([first, closed])
    assert not checklist.isVisible()
    # The medical steps stay laid out in the hidden box: nothing to lay out for the next.
    lists = [w for w in checklist.children() if isinstance(w, QWidget)]
    ready = [w for w in lists if w.isVisibleTo(checklist)]
    assert len(ready) == 1

    second = new_raise("kiosk-2", desk.clock(), category=Category.MEDICAL)
    desk.show_events([first, closed, second])
    assert checklist.isVisible() and "first-aid kit" in checklist.steps()[0][0]
    assert [w for w in lists if w.isVisibleTo(checklist)] == ready


def test_a_new_calls_sound_is_on_its_way_before_its_row_and_banner_are_drawn(
        qtbot: QtBot, desk: ConsoleDesk) -> None:
    alarms = desk.parts.alarms
    heard_by: dict[str, int] = {}
    alarms.rows_changed.connect(
        lambda _rows: heard_by.setdefault("row", len(alarms.sounder.played)))
    alarms.alarms_changed.connect(
        lambda _alarms: heard_by.setdefault("banner", len(alarms.sounder.played)))
    desk.show_events([new_raise("kiosk-1", desk.clock(), category=Category.MEDICAL)])
    assert heard_by == {"row": 1, "banner": 1}


class Resized(QObject):
    """Counts the resizes of the watched widgets."""

    def __init__(self, *widgets: QObject) -> None:
        super().__init__()
        self.count = 0
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize:
            self.count += 1
        return False


def test_the_first_call_finds_the_banners_styled_and_the_window_laid_out(
        qtbot: QtBot, desk: ConsoleDesk) -> None:
    window = desk.window
    window.show()
    qtbot.waitExposed(window)
    desk.tick()
    QApplication.processEvents()
    strip, floating = window.alarm_strip, window.floating
    restyled = EventCount(QEvent.Type.StyleChange, strip, strip.text, floating, floating.text)
    resized = Resized(window.calls, window.work)
    before = strip.geometry()

    desk.show_events([new_raise("kiosk-1", desk.clock(), category=Category.MEDICAL)])
    QApplication.processEvents()

    assert strip.isVisible() and floating.isVisible()
    assert restyled.count == 0
    assert resized.count == 0
    assert strip.geometry() == before


def test_a_hidden_history_keeps_every_call_and_shows_them_when_looked_at(
        qtbot: QtBot, desk: ConsoleDesk) -> None:
    window = desk.window
    history = window.history
    desk.look_at(window.queue)
    assert not history.isVisible()
    spy = ModelSpy(history.model)
    first = new_raise("kiosk-1", desk.clock())
    second = new_raise("kiosk-2", desk.clock())
    desk.show_events([first])
    desk.show_events([first, second])
    # Staff are not looking: the table is not re-laid out for each call of the day ...
    assert (spy.resets, len(spy.inserted)) == (0, 0)
    assert "2" in history.summary.text()  # ... what it says is up to date
    desk.look_at(history)
    assert history.model.rowCount() == 2
    assert {history.model.cell_text(row, 0) for row in range(2)} != {""}


@pytest.mark.parametrize("calls_before", [0, 2])
def test_a_new_call_is_painted_at_once_and_as_it_settles(
        qtbot: QtBot, desk: ConsoleDesk, calls_before: int) -> None:
    window = desk.window
    window.show()
    qtbot.waitExposed(window)
    events = [new_raise(f"kiosk-{n}", desk.clock()) for n in range(1, calls_before + 1)]
    desk.show_events(events)
    for _ in range(5):
        QApplication.processEvents()
    viewport = window.calls.table.viewport()
    paints = EventCount(QEvent.Type.Paint, viewport)

    desk.show_events([*events, new_raise("kiosk-9", desk.clock(), category=Category.MEDICAL)])
    assert paints.count >= 1  # painted before the event loop had a turn
    at_once = viewport.grab().toImage()  # what that paint drew: nothing has moved since
    for _ in range(5):
        QApplication.processEvents()
    table = window.calls.table
    assert window.calls.model.rowCount() == calls_before + 1
    rows = sum(table.rowHeight(row) for row in range(calls_before + 1))
    after = viewport.grab().toImage()
    # The rows were drawn as they settle (the panel may give the table more room below).
    assert after.width() == at_once.width()
    assert after.copy(0, 0, after.width(), rows) == at_once.copy(0, 0, at_once.width(), rows)
