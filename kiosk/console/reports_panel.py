"""Reports: how fast staff answer help calls, how long customers wait and are served, and
what customers said. Drills are kept out of every figure here (they have their own panel).

Each figure is computed from what this console holds (``reports``) and can be saved as CSV
with documented columns (``csv_export``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.console import reports
from kiosk.console.branch_names import BranchNames
from kiosk.console.console_words import category_text, duration_text
from kiosk.console.controls import Panel, named
from kiosk.console.csv_export import (
    FEEDBACK_COLUMNS,
    QUEUE_COLUMNS,
    QUEUE_TIME_COLUMNS,
    RESPONSE_COLUMNS,
    feedback_rows,
    figure_rows,
    queue_rows,
    queue_time_rows,
    write_csv,
)
from kiosk.console.file_choice import SavePath
from kiosk.console.journal import VisitRating
from kiosk.console.queue_watch import TicketRecord
from kiosk.console.reports import FeedbackDay, Figure
from kiosk.console.response_chart import FigureChart
from kiosk.console.table_model import Column, RowsModel
from kiosk.console.table_view import RowsTable
from kiosk.core.help.events import Category
from kiosk.core.help.state import CallState


def _tr(text: object) -> str:
    return QCoreApplication.translate("ReportsPanel", str(text))


def figures_model(parent: QWidget | None = None) -> RowsModel:
    """Rows are (measure name, group name, Figure)."""
    columns = [
        Column(lambda: _tr(QT_TRANSLATE_NOOP("ReportsPanel", "Measure")), lambda r: r[0]),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("ReportsPanel", "Group")), lambda r: r[1]),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("ReportsPanel", "Tickets")),
               lambda r: str(r[2].count), right=True),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("ReportsPanel", "Median")),
               lambda r: duration_text(r[2].median_s), right=True),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("ReportsPanel", "90th percentile")),
               lambda r: duration_text(r[2].p90_s), right=True),
    ]
    return RowsModel(columns, key=lambda r: f"{r[0]}|{r[1]}", parent=parent)


def feedback_model(parent: QWidget | None = None) -> RowsModel:
    columns = [
        Column(lambda: _tr(QT_TRANSLATE_NOOP("ReportsPanel", "Day")), lambda d: d.day),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("ReportsPanel", "Good")), lambda d: str(d.good),
               right=True),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("ReportsPanel", "All right")),
               lambda d: str(d.ok), right=True),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("ReportsPanel", "Bad")), lambda d: str(d.bad),
               right=True),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("ReportsPanel", "Helped after a call")),
               lambda d: str(d.helped), right=True),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("ReportsPanel", "Not helped")),
               lambda d: str(d.not_helped), right=True),
    ]
    return RowsModel(columns, key=lambda d: d.day, parent=parent)


class ReportsPanel(Panel):
    def __init__(self, names: BranchNames, save_path: SavePath,
                 parent: QWidget | None = None) -> None:
        super().__init__("reportsPanel", names, parent)
        self._save_path = save_path
        self._timezone = names.config.branch.timezone
        self._calls: list[CallState] = []
        self._tickets: list[TicketRecord] = []
        self._ratings: list[VisitRating] = []
        self.by_category = FigureChart("chartByCategory", self)
        self.by_day = FigureChart("chartByDay", self)
        self.queue = figures_model(self)
        self.queue_table = named(RowsTable(self.queue, "queueFigures", self),
                                 accessible=lambda: self.tr("Queue: waiting and service times"))
        self.feedback = feedback_model(self)
        self.feedback_table = named(RowsTable(self.feedback, "feedbackTable", self),
                                    accessible=lambda: self.tr("What customers said"))
        self.queue_label = named(QLabel(self), role="heading",
                                 text=lambda: self.tr("Queue: waiting and service times"))
        self.feedback_label = named(QLabel(self), role="heading",
                                    text=lambda: self.tr("What customers said"))
        self.export_responses = named(QPushButton(self), "exportResponses",
                                      text=lambda: self.tr("Response times as CSV…"))
        self.export_queue = named(QPushButton(self), "exportQueue",
                                  text=lambda: self.tr("Tickets as CSV…"))
        self.export_queue_times = named(QPushButton(self), "exportQueueTimes",
                                        text=lambda: self.tr("Queue times as CSV…"))
        self.export_feedback = named(QPushButton(self), "exportFeedback",
                                     text=lambda: self.tr("Feedback as CSV…"))
        self.status = named(QLabel(self), role="muted")
        exports = QHBoxLayout()
        for button in (self.export_responses, self.export_queue, self.export_queue_times,
                       self.export_feedback):
            exports.addWidget(button)
        exports.addWidget(self.status, 1)
        grid = QGridLayout()
        grid.addWidget(self.by_category, 0, 0)
        grid.addWidget(self.by_day, 0, 1)
        lower_left = QVBoxLayout()
        lower_left.addWidget(self.queue_label)
        lower_left.addWidget(self.queue_table)
        lower_right = QVBoxLayout()
        lower_right.addWidget(self.feedback_label)
        lower_right.addWidget(self.feedback_table)
        grid.addLayout(lower_left, 1, 0)
        grid.addLayout(lower_right, 1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        column = QVBoxLayout(self)
        column.addLayout(exports)
        column.addLayout(grid, 1)
        self.export_responses.clicked.connect(
            lambda: self._export("response-times.csv", self.export_response_times))
        self.export_queue.clicked.connect(lambda: self._export("queue.csv", self.export_tickets))
        self.export_queue_times.clicked.connect(
            lambda: self._export("queue-times.csv", self.export_queue_figures))
        self.export_feedback.clicked.connect(
            lambda: self._export("feedback.csv", self.export_feedback_days))
        self.retranslate()

    # --- data ------------------------------------------------------------------------------

    def show_calls(self, calls: Iterable[CallState]) -> None:
        self._calls = list(calls)
        self._draw_responses()
        self._fill_feedback()

    def show_tickets(self, records: list[TicketRecord]) -> None:
        self._tickets = list(records)
        self._fill_queue()

    def show_ratings(self, ratings: list[VisitRating]) -> None:
        self._ratings = list(ratings)
        self._fill_feedback()

    def _queue_measures(self) -> dict[str, list[Figure]]:
        return {"wait_by_service": reports.wait_by_service(self._tickets),
                "wait_by_day": reports.wait_by_day(self._tickets),
                "service_time_by_service": reports.service_time_by_service(self._tickets)}

    def _feedback_days(self) -> list[FeedbackDay]:
        return reports.feedback_by_day(self._ratings, self._calls, self._timezone)

    # --- exports ---------------------------------------------------------------------------

    def export_response_times(self, path: Path) -> int:
        rows = (figure_rows("category", reports.response_by_category(self._calls))
                + figure_rows("day", reports.response_by_day(self._calls, self._timezone)))
        return write_csv(path, RESPONSE_COLUMNS, rows)

    def export_tickets(self, path: Path) -> int:
        return write_csv(path, QUEUE_COLUMNS, queue_rows(self._tickets, self._timezone))

    def export_queue_figures(self, path: Path) -> int:
        return write_csv(path, QUEUE_TIME_COLUMNS, queue_time_rows(self._queue_measures()))

    def export_feedback_days(self, path: Path) -> int:
        return write_csv(path, FEEDBACK_COLUMNS, feedback_rows(self._feedback_days()))

    def _export(self, suggested: str, write: Callable[[Path], int]) -> None:
        path = self._save_path(self, suggested)
        if path is None:
            return
        count = write(path)
        self.status.setText(self.tr("Saved {count} rows to {file}").format(count=count,
                                                                             file=path.name))

    # --- showing ---------------------------------------------------------------------------

    def _draw_responses(self) -> None:
        by_category = reports.response_by_category(self._calls)
        self.by_category.show_figures(
            self.tr("Time to \"I'm coming\", by kind of call"), by_category,
            [category_text(Category(f.group)) for f in by_category])
        by_day = reports.response_by_day(self._calls, self._timezone)[-7:]
        self.by_day.show_figures(self.tr("Time to \"I'm coming\", by day"), by_day,
                                 [f.group[5:] for f in by_day])

    def _fill_queue(self) -> None:
        names = {"wait_by_service": self.tr("Wait, by service"),
                 "wait_by_day": self.tr("Wait, by day"),
                 "service_time_by_service": self.tr("At the counter, by service")}
        rows = []
        for measure, figures in self._queue_measures().items():
            for figure in figures:
                group = (figure.group if measure == "wait_by_day"
                         else self._names.service(figure.group))
                rows.append((names[measure], group, figure))
        self.queue.set_rows(rows)

    def _fill_feedback(self) -> None:
        self.feedback.set_rows(self._feedback_days())

    def retranslate(self) -> None:
        self.queue.retranslate()
        self.feedback.retranslate()
        self._draw_responses()
        self._fill_queue()
