"""The queue at this desk: who waits for the services it serves, who is at the counter, and
the counter's actions (call next, recall, no-show, finish, move to another service).

A counter's desk calls only for its own counter and closes only its own tickets; the lobby
desk (counter 0) calls nobody but may close or move any ticket, for the customer in the
wrong queue. The hub enforces that; this panel only offers what the desk may do and says
plainly when the hub refused.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kiosk.console.branch_names import BranchNames
from kiosk.console.console_words import action_refusal_text, duration_text
from kiosk.console.controls import Panel, left_row, named, refill
from kiosk.console.hub_requests import ActionAnswer, RequestProblem
from kiosk.console.queue_model import QueueTreeModel
from kiosk.console.table_model import Column, RowsModel
from kiosk.console.table_view import RowsTable
from kiosk.protocol.staff_commands import CallNext, Command, Finish, NoShow, Recall, Transfer
from kiosk.protocol.ticket_messages import QueueState, ServingTicket

QUEUE_COMMANDS = (CallNext, Recall, NoShow, Finish, Transfer)


def _tr(text: object) -> str:
    return QCoreApplication.translate("QueuePanel", str(text))


def serving_model(names: BranchNames, clock: Callable[[], float],
                  parent: QWidget | None = None) -> RowsModel:
    columns = [
        Column(lambda: _tr(QT_TRANSLATE_NOOP("QueuePanel", "Counter")),
               lambda s: str(s.counter), right=True),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("QueuePanel", "Ticket")), lambda s: s.number,
               bold=lambda s: True),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("QueuePanel", "Service")),
               lambda s: names.service(s.service_id)),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("QueuePanel", "At the counter for")),
               lambda s: duration_text(max(0.0, clock() - s.called_at)), right=True),
    ]
    return RowsModel(columns, key=lambda s: f"{s.counter}:{s.number}", parent=parent)


class QueuePanel(Panel):
    def __init__(self, names: BranchNames, counter: int, act: Callable[[Command], str | None],
                 clock: Callable[[], float], parent: QWidget | None = None) -> None:
        super().__init__("queuePanel", names, parent)
        self.counter = counter
        self._act = act
        self._state: QueueState | None = None
        self._message = ""
        config = names.config
        self._services = [s.id for s in config.services if counter == 0 or counter in s.counters]
        self.tree_model = QueueTreeModel(names, self._services, clock, self)
        self.tree = named(QTreeView(self), "queueTree",
                          accessible=lambda: self.tr("Waiting tickets by service"))
        self.tree.setModel(self.tree_model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree_model.modelReset.connect(self.tree.expandAll)
        self.serving = serving_model(names, clock, self)
        self.serving_table = named(RowsTable(self.serving, "servingTable", self),
                                   accessible=lambda: self.tr("Tickets at the counter"))
        self.heading = named(QLabel(self), role="heading", wrap=True)
        self.call_next = named(QPushButton(self), "queueCallNext", role="primary",
                               text=lambda: self.tr("Call next"))
        self.recall = named(QPushButton(self), "queueRecall", text=lambda: self.tr("Call again"))
        self.no_show = named(QPushButton(self), "queueNoShow",
                             text=lambda: self.tr("Did not come"))
        self.finish = named(QPushButton(self), "queueFinish", text=lambda: self.tr("Finished"))
        self.transfer_to = named(QComboBox(self), "queueTransferTo",
                                 accessible=lambda: self.tr("Service to move the ticket to"))
        self.transfer = named(QPushButton(self), "queueTransfer",
                              text=lambda: self.tr("Move ticket to this service"))
        self.status = named(QLabel(self), "queueStatus", wrap=True)
        self.waiting_label = named(QLabel(self))
        self.serving_label = named(QLabel(self), text=lambda: self.tr("At the counter now"))
        self._layout()
        self.call_next.clicked.connect(self._call_next)
        self.recall.clicked.connect(lambda: self._on_serving(lambda s: Recall(s.number,
                                                                              s.counter)))
        self.no_show.clicked.connect(lambda: self._on_serving(lambda s: NoShow(s.number)))
        self.finish.clicked.connect(lambda: self._on_serving(lambda s: Finish(s.number)))
        self.transfer.clicked.connect(self._transfer)
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.serving_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons())
        self.tree.expandAll()
        self.retranslate()

    def _layout(self) -> None:
        counter_actions = left_row(self.call_next, self.recall, self.no_show, self.finish)
        move = QHBoxLayout()
        move.addWidget(self.transfer_to, 1)
        move.addWidget(self.transfer)
        left = QVBoxLayout()
        left.addWidget(self.waiting_label)
        left.addWidget(self.tree, 1)
        right = QVBoxLayout()
        right.addWidget(self.serving_label)
        right.addWidget(self.serving_table, 1)
        right.addLayout(move)
        lists = QHBoxLayout()
        lists.addLayout(left, 3)
        lists.addLayout(right, 2)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addLayout(counter_actions)
        column.addWidget(self.status)
        column.addLayout(lists, 1)

    # --- what the hub publishes ------------------------------------------------------------

    def show_queue(self, state: QueueState) -> None:
        self._state = state
        self.tree_model.set_queue(state)
        serving = [s for s in state.serving if self.counter == 0 or s.counter == self.counter]
        self.serving.set_rows(sorted(serving, key=lambda s: s.counter))
        if self.serving_table.selected_key() is None and serving and self.counter:
            self.serving_table.selectRow(0)
        self._update_buttons()

    def tick(self) -> None:
        self.tree_model.refresh()
        self.serving.refresh()

    # --- actions ---------------------------------------------------------------------------

    def _send(self, command: Command) -> None:
        if self._act(command) is None:
            self._message = _tr(QT_TRANSLATE_NOOP("QueuePanel",
                                                  "Sign in (or unlock) to serve the queue."))
            self._show_message()

    def _call_next(self) -> None:
        if self.counter:
            self._send(CallNext(self.counter))

    def _selected_serving(self) -> ServingTicket | None:
        key = self.serving_table.selected_key()
        return next((s for s in self.serving.rows() if f"{s.counter}:{s.number}" == key), None)

    def _on_serving(self, make: Callable[[ServingTicket], Command]) -> None:
        ticket = self._selected_serving()
        if ticket is not None:
            self._send(make(ticket))

    def _selected_number(self) -> str | None:
        indexes = self.tree.selectionModel().selectedRows()
        if indexes:
            ticket = self.tree_model.ticket_at(indexes[0])
            if ticket is not None:
                return ticket.number
        serving = self._selected_serving()
        return serving.number if serving is not None else None

    def _transfer(self) -> None:
        number = self._selected_number()
        service_id = self.transfer_to.currentData()
        if number is not None and isinstance(service_id, str):
            self._send(Transfer(number, service_id))

    def action_answered(self, answer: ActionAnswer) -> None:
        command = answer.command
        if not isinstance(command, QUEUE_COMMANDS):
            return
        if answer.result is None:
            self._message = (_tr(QT_TRANSLATE_NOOP(
                "QueuePanel", "Not sent: this desk is not connected."))
                if answer.problem is RequestProblem.NOT_SENT else _tr(QT_TRANSLATE_NOOP(
                    "QueuePanel", "The hub did not answer. Look at the queue to see whether "
                    "it happened.")))
        elif answer.result.reason is not None:
            self._message = action_refusal_text(answer.result.reason)
        else:
            number = answer.result.details.get("number", "")
            self._message = self._done_text(command, number)
        self._show_message()

    def _done_text(self, command: Command, number: str) -> str:
        if isinstance(command, CallNext):
            #: {number}: the ticket called; {counter}: this counter's number.
            return _tr(QT_TRANSLATE_NOOP("QueuePanel", "Called {number} to counter {counter}."
                                         )).format(number=number, counter=command.counter)
        if isinstance(command, Recall):
            return _tr(QT_TRANSLATE_NOOP("QueuePanel", "Called {number} again.")).format(
                number=number)
        if isinstance(command, NoShow):
            return _tr(QT_TRANSLATE_NOOP("QueuePanel", "{number} marked as not come.")).format(
                number=number)
        if isinstance(command, Finish):
            return _tr(QT_TRANSLATE_NOOP("QueuePanel", "{number} finished.")).format(
                number=number)
        assert isinstance(command, Transfer)
        return _tr(QT_TRANSLATE_NOOP("QueuePanel", "{number} moved to {service}.")).format(
            number=number, service=self._names.service(command.to_service))

    def _show_message(self) -> None:
        self.status.setText(self._message)

    def _update_buttons(self) -> None:
        has_serving = self._selected_serving() is not None
        self.call_next.setEnabled(self.counter != 0)
        for button in (self.recall, self.no_show, self.finish):
            button.setEnabled(has_serving)
        self.transfer.setEnabled(self._selected_number() is not None)

    def retranslate(self) -> None:
        if self.counter:
            self.heading.setText(self.tr("Counter {counter}: call the next customer, and "
                                         "close each ticket when done.").format(
                counter=self.counter))
        else:
            self.heading.setText(self.tr("Lobby desk: counters call customers; from here you "
                                         "can close or move any ticket."))
        self.waiting_label.setText(self.tr("Waiting, in the order they will be called"))
        refill(self.transfer_to, self._names.services())
        self.tree_model.retranslate()
        self.serving.retranslate()
        self._update_buttons()
