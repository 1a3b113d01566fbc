"""Tickets issued at the desk, and the missed numbers.

Staff issue a ticket for a customer in front of them or on the phone (service, elderly
priority), printed at a kiosk they choose or only shown here; it is numbered, called and
announced like any other. Below, the numbers called and marked "did not come" that have not
come back: a customer who returns is put back in line from here (or types the number at a
kiosk), by the rule of docs/decisions/0018-missed-tickets.md. Both are staff actions: the
hub does them only for the member of staff signed in at this console.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.console.branch_names import BranchNames
from kiosk.console.console_words import action_refusal_text
from kiosk.console.controls import Panel, left_row, named, refill
from kiosk.console.hub_requests import ActionAnswer, RequestProblem
from kiosk.console.table_model import Column, RowsModel
from kiosk.console.table_view import RowsTable
from kiosk.core.settings import Role
from kiosk.protocol.staff_commands import Command, IssueTicket, ReturnTicket
from kiosk.protocol.ticket_messages import MissedTicket, QueueState


def _tr(text: object) -> str:
    return QCoreApplication.translate("DeskTicketsPanel", str(text))


def missed_model(names: BranchNames, parent: QWidget | None = None) -> RowsModel:
    columns = [
        Column(lambda: _tr(QT_TRANSLATE_NOOP("DeskTicketsPanel", "Ticket")),
               lambda m: m.number, bold=lambda m: True),
        Column(lambda: _tr(QT_TRANSLATE_NOOP("DeskTicketsPanel", "Service")),
               lambda m: names.service(m.service_id)),
    ]
    return RowsModel(columns, key=lambda m: m.number, parent=parent)


class DeskTicketsPanel(Panel):
    def __init__(self, names: BranchNames, act: Callable[[Command], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__("deskTicketsPanel", names, parent)
        self._act = act
        self._issue_message = ""
        self._missed_message = ""
        self.issue_heading = named(QLabel(self), role="heading")
        self.service = named(QComboBox(self), "deskTicketService",
                             accessible=lambda: self.tr("Service of the new ticket"))
        self.priority = named(QCheckBox(self), "deskTicketPriority",
                              text=lambda: self.tr("Elderly priority"))
        self.print_at = named(QComboBox(self), "deskTicketPrintAt",
                              accessible=lambda: self.tr("Where to print the new ticket"))
        self.issue = named(QPushButton(self), "deskTicketIssue", role="primary",
                           text=lambda: self.tr("Issue ticket"))
        self.issued = named(QLabel(self), "deskTicketIssued", role="heading", wrap=True)
        self.missed_heading = named(QLabel(self), role="heading")
        self.missed = missed_model(names, self)
        self.missed_table = named(RowsTable(self.missed, "missedTable", self),
                                  accessible=lambda: self.tr("Missed numbers"))
        self.put_back = named(QPushButton(self), "missedPutBack",
                              text=lambda: self.tr("Put back in line"))
        self.missed_status = named(QLabel(self), "missedStatus", wrap=True)
        self._layout()
        self.issue.clicked.connect(self._issue)
        self.put_back.clicked.connect(self._put_back)
        self.missed_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons())
        self.retranslate()

    def _layout(self) -> None:
        choices = left_row(self.service, self.priority, self.print_at, self.issue)
        column = QVBoxLayout(self)
        column.addWidget(self.issue_heading)
        column.addLayout(choices)
        column.addWidget(self.issued)
        column.addWidget(self.missed_heading)
        column.addWidget(self.missed_table, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.put_back)
        actions.addWidget(self.missed_status, 1)
        column.addLayout(actions)

    # --- what the hub publishes ------------------------------------------------------------

    def show_queue(self, state: QueueState) -> None:
        self.missed.set_rows(list(state.missed))
        self._update_buttons()

    # --- actions ---------------------------------------------------------------------------

    def _issue(self) -> None:
        service_id = self.service.currentData()
        kiosk_id = self.print_at.currentData()
        if not isinstance(service_id, str):
            return
        command = IssueTicket(service_id, self.priority.isChecked(),
                              kiosk_id if isinstance(kiosk_id, str) else None)
        if self._act(command) is None:
            self._issue_message = self._sign_in_text()
            self._show_messages()

    def _selected_missed(self) -> MissedTicket | None:
        key = self.missed_table.selected_key()
        return next((m for m in self.missed.rows() if m.number == key), None)

    def _put_back(self) -> None:
        ticket = self._selected_missed()
        if ticket is not None and self._act(ReturnTicket(ticket.number)) is None:
            self._missed_message = self._sign_in_text()
            self._show_messages()

    def action_answered(self, answer: ActionAnswer) -> None:
        command = answer.command
        if not isinstance(command, IssueTicket | ReturnTicket):
            return
        if answer.result is None:
            text = (_tr(QT_TRANSLATE_NOOP("DeskTicketsPanel",
                                          "Not sent: this desk is not connected."))
                    if answer.problem is RequestProblem.NOT_SENT else _tr(QT_TRANSLATE_NOOP(
                        "DeskTicketsPanel", "The hub did not answer. Look at the queue to see "
                        "whether it happened.")))
        elif answer.result.reason is not None:
            text = action_refusal_text(answer.result.reason)
        else:
            text = self._done_text(command, answer.result.details)
        if isinstance(command, IssueTicket):
            self._issue_message = text
        else:
            self._missed_message = text
        self._show_messages()

    def _done_text(self, command: Command, details: Mapping[str, str]) -> str:
        number = details.get("number", "")
        if isinstance(command, ReturnTicket):
            #: {number}: the missed ticket, now waiting again.
            return _tr(QT_TRANSLATE_NOOP("DeskTicketsPanel", "{number} is back in line."
                                         )).format(number=number)
        assert isinstance(command, IssueTicket)
        ahead = details.get("people_ahead", "0")
        service = self._names.service(command.service_id)
        if command.kiosk_id is None:
            #: {number}: the new ticket; {service}: its service; {ahead}: people before it.
            return _tr(QT_TRANSLATE_NOOP(
                "DeskTicketsPanel", "Ticket {number} for {service}. People before it: "
                "{ahead}. Tell the customer the number.")).format(
                number=number, service=service, ahead=ahead)
        #: {kiosk}: the kiosk that prints the ticket.
        return _tr(QT_TRANSLATE_NOOP(
            "DeskTicketsPanel", "Ticket {number} for {service}. People before it: {ahead}. "
            "It is printing at {kiosk}.")).format(
            number=number, service=service, ahead=ahead,
            kiosk=self._names.device(command.kiosk_id))

    @staticmethod
    def _sign_in_text() -> str:
        return _tr(QT_TRANSLATE_NOOP("DeskTicketsPanel",
                                     "Sign in (or unlock) to issue or return tickets."))

    def _show_messages(self) -> None:
        self.issued.setText(self._issue_message)
        self.missed_status.setText(self._missed_message)

    def _update_buttons(self) -> None:
        self.put_back.setEnabled(self._selected_missed() is not None)

    def retranslate(self) -> None:
        self.issue_heading.setText(self.tr(
            "Issue a ticket for a customer at the desk or on the phone"))
        self.missed_heading.setText(self.tr(
            "Missed numbers: called, did not come, not back yet"))
        refill(self.service, self._names.services())
        refill(self.print_at, [(self.tr("Show at this desk only"), None)] + [
            #: {kiosk}: a kiosk's name, e.g. "Kiosk by the door".
            (self.tr("Print at {kiosk}").format(kiosk=self._names.device(kiosk.id)), kiosk.id)
            for kiosk in self._names.config.devices_with_role(Role.KIOSK)])
        self.missed.retranslate()
        self._show_messages()
        self._update_buttons()
