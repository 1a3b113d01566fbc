"""Past help calls with the time of every step, newest first, and their CSV export.

Built from every help event this console has seen (kept in its own store), so the history
survives a restart of the console and does not depend on the hub being up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.console import console_style as style
from kiosk.console.branch_names import BranchNames
from kiosk.console.console_words import (
    category_text,
    drill_mark,
    duration_text,
    outcome_text,
    time_text,
)
from kiosk.console.controls import Panel, named
from kiosk.console.csv_export import CALL_COLUMNS, call_rows, write_csv
from kiosk.console.file_choice import SavePath
from kiosk.console.reports import past_calls, response_s
from kiosk.console.table_model import Column, RowsModel
from kiosk.console.table_view import RowsTable
from kiosk.core.help.events import HelpEventKind
from kiosk.core.help.state import CallState

K = HelpEventKind


def _tr(text: object) -> str:
    return QCoreApplication.translate("HistoryPanel", str(text))


def history_model(names: BranchNames, parent: QWidget | None = None) -> RowsModel:
    timezone = names.config.branch.timezone

    def step(kind: HelpEventKind, who: Callable[[CallState], str | None] | None = None
             ) -> Callable[[CallState], str]:
        def text(call: CallState) -> str:
            at = call.step_times.get(kind)
            if at is None:
                return ""
            person = who(call) if who is not None else None
            shown = time_text(at, timezone)
            return f"{shown} {names.staff(person)}" if person else shown
        return text

    def kiosk(call: CallState) -> str:
        name = names.device(call.kiosk_id)
        return f"{drill_mark()} {name}" if call.drill else name

    columns = [
        Column(lambda: _tr(QT_TRANSLATE_NOOP("HistoryPanel", "Raised")),
               lambda c: time_text(c.raised_at if c.raised_at is not None else c.earliest_at,
                                   timezone, with_date=True)),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("HistoryPanel", "Kiosk")), kiosk,
               lambda c: style.CALL_DRILL_MARK if c.drill else None),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("HistoryPanel", "What")),
               lambda c: category_text(c.category)),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("HistoryPanel", "Confirmed")), step(K.RECEIVED)),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("HistoryPanel", "Escalated")), step(K.ESCALATED)),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("HistoryPanel", "Coming")),
               step(K.ACKNOWLEDGED, lambda c: c.acknowledged_by)),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("HistoryPanel", "Arrived")),
               step(K.ARRIVED, lambda c: c.arrived_by)),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("HistoryPanel", "Closed")),
               step(K.RESOLVED, lambda c: c.resolved_by)),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("HistoryPanel", "Response")),
               lambda c: duration_text(response_s(c)), right=True),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("HistoryPanel", "Outcome")),
               lambda c: outcome_text(c.outcome) if c.outcome else _tr(
                   QT_TRANSLATE_NOOP("HistoryPanel", "still open"))),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("HistoryPanel", "Note")), lambda c: c.note),
    ]
    return RowsModel(columns, key=lambda c: c.call_id, parent=parent, rows_alone=True)


class HistoryPanel(Panel):
    def __init__(self, names: BranchNames, save_path: SavePath,
                 parent: QWidget | None = None) -> None:
        super().__init__("historyPanel", names, parent)
        self._save_path = save_path
        self._calls: list[CallState] = []
        self._table_behind = False
        """The table lags the calls: it is brought up to date when the panel is shown."""
        self.model = history_model(names, self)
        self.table = named(RowsTable(self.model, "historyTable", self),
                           accessible=lambda: self.tr("Past help calls"))
        self.summary = named(QLabel(self), "historySummary")
        self.export = named(QPushButton(self), "historyExport",
                            text=lambda: self.tr("Export as CSV…"))
        self.status = named(QLabel(self), role="muted")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.status)
        top.addWidget(self.export)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        self.export.clicked.connect(self._export_clicked)
        self.retranslate()

    def show_calls(self, calls: Iterable[CallState]) -> None:
        """The day's calls. The table follows at once only while staff can see it: a
        hidden table re-measured for every call of the day cost the next alarm its paint
        (the export and the summary always have every call)."""
        self._calls = past_calls(calls)
        self._summarise()
        self._table_behind = True
        if self.isVisible():
            self._catch_up()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        self._catch_up()
        super().showEvent(event)

    def _catch_up(self) -> None:
        if self._table_behind:
            self._table_behind = False
            self.model.set_rows(self._calls)

    def export_to(self, path: Path) -> int:
        return write_csv(path, CALL_COLUMNS, call_rows(self._calls, self._names.config))

    def _export_clicked(self) -> None:
        path = self._save_path(self, "help-calls.csv")
        if path is not None:
            count = self.export_to(path)
            self.status.setText(self.tr("Saved {count} calls to {file}").format(
                count=count, file=path.name))

    def _summarise(self) -> None:
        real = [c for c in self._calls if not c.drill]
        self.summary.setText(self.tr("{count} calls, {drills} drills").format(
            count=len(real), drills=len(self._calls) - len(real)))

    def retranslate(self) -> None:
        self.model.retranslate()
        self._summarise()
