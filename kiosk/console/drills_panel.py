"""Drills: start a practice help call on an idle kiosk, and see how long every step took.

A drill goes through the whole loop (the kiosk raises it, every console alarms, someone
says "I'm coming", arrives and closes it as a drill), marked DRILL on every screen. It is
kept out of the real figures and reported here instead, with the time of each step after
the raise. The hub starts a drill only on an online kiosk nobody is using, and a real help
tap during a drill still raises a real call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.console.branch_names import BranchNames
from kiosk.console.console_words import action_refusal_text, duration_text, outcome_text, time_text
from kiosk.console.controls import Panel, named
from kiosk.console.csv_export import DRILL_COLUMNS, drill_rows, write_csv
from kiosk.console.file_choice import SavePath
from kiosk.console.hub_requests import ActionAnswer
from kiosk.console.reports import DrillRun, drill_runs
from kiosk.console.supervision import DeviceView
from kiosk.console.table_model import Column, RowsModel
from kiosk.console.table_view import RowsTable
from kiosk.core.help.events import HelpEventKind
from kiosk.core.help.state import CallState
from kiosk.core.settings import Role
from kiosk.protocol.device_messages import Activity
from kiosk.protocol.staff_commands import Command, StartDrill

K = HelpEventKind


def _tr(text: object) -> str:
    return QCoreApplication.translate("DrillsPanel", str(text))


def kiosk_readiness(view: DeviceView, open_kiosks: set[str]) -> str | None:
    """Why a drill cannot start on this kiosk now, or None when it can."""
    if not view.online:
        return _tr(QT_TRANSLATE_NOOP("DrillsPanel", "Offline"))
    if view.device_id in open_kiosks:
        return _tr(QT_TRANSLATE_NOOP("DrillsPanel", "Has an open help call"))
    if view.activity is Activity.IN_USE:
        return _tr(QT_TRANSLATE_NOOP("DrillsPanel", "A customer is using it"))
    return None


def runs_model(names: BranchNames, parent: QWidget | None = None) -> RowsModel:
    timezone = names.config.branch.timezone

    def after(kind: HelpEventKind) -> Callable[[DrillRun], str]:
        return lambda run: duration_text(run.after_raise_s.get(kind))

    columns = [
        Column(lambda: _tr(QT_TRANSLATE_NOOP("DrillsPanel", "Started")),
               lambda r: time_text(r.call.raised_at, timezone, with_date=True)),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("DrillsPanel", "Kiosk")),
               lambda r: names.device(r.call.kiosk_id)),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("DrillsPanel", "Confirmed after")),
               after(K.RECEIVED), right=True),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("DrillsPanel", "\"I'm coming\" after")),
               after(K.ACKNOWLEDGED), right=True),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("DrillsPanel", "Arrived after")),
               after(K.ARRIVED), right=True),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("DrillsPanel", "Closed after")),
               after(K.RESOLVED), right=True),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("DrillsPanel", "Who came")),
               lambda r: names.staff(r.call.arrived_by or r.call.acknowledged_by)),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("DrillsPanel", "Result")),
               lambda r: outcome_text(r.call.outcome) if r.call.outcome else _tr(
                   QT_TRANSLATE_NOOP("DrillsPanel", "still running"))),
    ]
    return RowsModel(columns, key=lambda r: r.call.call_id, parent=parent)


def kiosks_model(names: BranchNames, open_kiosks: Callable[[], set[str]],
                 parent: QWidget | None = None) -> RowsModel:
    columns = [
        Column(lambda: _tr(QT_TRANSLATE_NOOP("DrillsPanel", "Kiosk")),
               lambda v: names.device(v.device_id)),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("DrillsPanel", "Where")),
               lambda v: names.place(v.device_id)),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("DrillsPanel", "Ready for a drill?")),
               lambda v: kiosk_readiness(v, open_kiosks()) or _tr(
                   QT_TRANSLATE_NOOP("DrillsPanel", "Ready: free and online"))),
    ]
    return RowsModel(columns, key=lambda v: v.device_id, parent=parent)


class DrillsPanel(Panel):
    def __init__(self, names: BranchNames, act: Callable[[Command], str | None],
                 save_path: SavePath, parent: QWidget | None = None) -> None:
        super().__init__("drillsPanel", names, parent)
        self._act = act
        self._save_path = save_path
        self._runs: list[DrillRun] = []
        self._open_kiosks: set[str] = set()
        self._message = ""
        self.explain = named(QLabel(self), wrap=True)
        self.kiosks = kiosks_model(names, lambda: self._open_kiosks, self)
        self.kiosks_table = named(RowsTable(self.kiosks, "drillKiosks", self),
                                  accessible=lambda: self.tr("Kiosks for a drill"))
        self.start = named(QPushButton(self), "drillStart", role="primary",
                           text=lambda: self.tr("Start a drill on this kiosk"))
        self.status = named(QLabel(self), "drillStatus", wrap=True)
        self.runs = runs_model(names, self)
        self.runs_table = named(RowsTable(self.runs, "drillRuns", self))
        self.runs_label = named(QLabel(self), role="heading",
                                text=lambda: self.tr("Drills: time of every step after the start"))
        self.export = named(QPushButton(self), "drillExport",
                            text=lambda: self.tr("Export as CSV…"))
        start_row = QHBoxLayout()
        start_row.addWidget(self.start)
        start_row.addWidget(self.status, 1)
        runs_row = QHBoxLayout()
        runs_row.addWidget(self.runs_label, 1)
        runs_row.addWidget(self.export)
        column = QVBoxLayout(self)
        column.addWidget(self.explain)
        column.addWidget(self.kiosks_table, 2)
        column.addLayout(start_row)
        column.addLayout(runs_row)
        column.addWidget(self.runs_table, 2)
        self.start.clicked.connect(self._start)
        self.export.clicked.connect(self._export)
        self.kiosks_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_button())
        self.retranslate()

    def show_devices(self, views: Iterable[DeviceView]) -> None:
        self.kiosks.set_rows([v for v in views if v.role is Role.KIOSK])
        if self.kiosks_table.selected_key() is None and self.kiosks.rowCount():
            self.kiosks_table.selectRow(0)
        self._update_button()

    def show_calls(self, calls: Mapping[str, CallState]) -> None:
        self._open_kiosks = {c.kiosk_id for c in calls.values() if c.is_open}
        self._runs = drill_runs(calls.values())
        self.runs.set_rows(self._runs)
        self.kiosks.refresh()
        self._update_button()

    def export_to(self, path: Path) -> int:
        return write_csv(path, DRILL_COLUMNS, drill_rows(self._runs,
                                                         self._names.config.branch.timezone))

    def _export(self) -> None:
        path = self._save_path(self, "drills.csv")
        if path is not None:
            self.status.setText(self.tr("Saved {count} drills to {file}").format(
                count=self.export_to(path), file=path.name))

    def _selected(self) -> DeviceView | None:
        key = self.kiosks_table.selected_key()
        return next((v for v in self.kiosks.rows() if v.device_id == key), None)

    def _start(self) -> None:
        view = self._selected()
        if view is None:
            return
        if self._act(StartDrill(view.device_id)) is None:
            self.status.setText(self.tr("Sign in (or unlock) to start a drill."))

    def action_answered(self, answer: ActionAnswer) -> None:
        command = answer.command
        if not isinstance(command, StartDrill):
            return
        kiosk = self._names.device(command.kiosk_id)
        if answer.ok:
            text = self.tr("Drill started on {kiosk}. Answer it like a real call, and close "
                           "it as a drill.").format(kiosk=kiosk)
        elif answer.result is not None and answer.result.reason is not None:
            text = action_refusal_text(answer.result.reason)
        else:
            text = self.tr("The hub did not answer; no drill was started.")
        self.status.setText(text)

    def _update_button(self) -> None:
        view = self._selected()
        self.start.setEnabled(view is not None
                              and kiosk_readiness(view, self._open_kiosks) is None)

    def retranslate(self) -> None:
        self.explain.setText(self.tr(
            "A drill raises a practice help call on a free kiosk. Everything happens as for a "
            "real call, marked DRILL on every screen, and the drill is kept out of the real "
            "figures. A real help call during a drill is still a real call."))
        self.runs_table.setAccessibleName(self.tr("Drills: time of every step after the start"))
        self.kiosks.retranslate()
        self.runs.retranslate()
