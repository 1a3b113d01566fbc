"""The help calls: always on screen, one row per open call, and the three answers to one.

"I'm coming", "Arrived" and "Close the call" act for the person signed in; while nobody is
signed in, or the desk is locked, the rows keep showing and flashing and the buttons say
what is needed. When two people press "I'm coming" at once, the first (by the order every
node agrees on) is the one going, and both are told so in plain words.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.console.branch_names import BranchNames
from kiosk.console.call_checklists import ChecklistBox
from kiosk.console.calls_model import CallRow, calls_model, state_text
from kiosk.console.console_words import category_text, drill_mark, duration_text
from kiosk.console.controls import Panel, left_row, named
from kiosk.console.resolve_form import ResolveForm
from kiosk.console.table_view import KeepColoursDelegate, RowsTable
from kiosk.core.help.events import HelpEventKind, Outcome
from kiosk.core.help.rules import allowed_commands
from kiosk.core.help.state import CallState, CallStatus
from kiosk.net.qt_bridge import ConsoleBridge

K = HelpEventKind
WRAPPING_COLUMNS = (1, 2, 4, 5)  # where, what, state, who: long texts wrap


class HelpCallsPanel(Panel):
    def __init__(self, names: BranchNames, bridge: ConsoleBridge,
                 parent: QWidget | None = None) -> None:
        super().__init__("helpCallsPanel", names, parent)
        self._bridge = bridge
        self._staff_id: str | None = None
        self._unlocked = False
        self._rows: list[CallRow] = []
        self._refusal: tuple[str, str] | None = None  # call id, reason
        self._resolving: str | None = None  # the call the close form is for
        self.model = calls_model(names, self)
        self.table = named(RowsTable(self.model, "callsTable", self, wrap=True),
                           accessible=lambda: self.tr("Open help calls"))
        self.table.setItemDelegate(KeepColoursDelegate(self.table))
        self.table.stretch_columns(*WRAPPING_COLUMNS)
        self.heading = named(QLabel(self), "callsHeading", role="heading")
        self.empty = named(QLabel(self), "callsEmpty", role="muted",
                           text=lambda: self.tr("No open help calls."))
        self.detail = named(QLabel(self), "callDetail", wrap=True)
        self.notice = named(QLabel(self), "callNotice", role="notice", wrap=True)
        self.coming = named(QPushButton(self), "callComing", role="primary",
                            accessible=lambda: self.tr("I'm coming"))
        self.arrived = named(QPushButton(self), "callArrived", text=lambda: self.tr("Arrived"))
        self.resolve = named(QPushButton(self), "callResolve",
                             text=lambda: self.tr("Close the call…"))
        self.hint = named(QLabel(self), "callHint", role="muted", wrap=True)
        self.resolve_form = ResolveForm(self)
        self.resolve_form.hide()
        self.checklist = ChecklistBox(self)
        self._layout()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.coming.clicked.connect(self._press_coming)
        self.arrived.clicked.connect(self._press_arrived)
        self.resolve.clicked.connect(self._open_resolve)
        self.resolve_form.confirmed.connect(self._resolve)
        self.resolve_form.cancelled.connect(self._close_resolve)
        bridge.command_refused.connect(self._refused)
        self.retranslate()

    def _layout(self) -> None:
        buttons = left_row(self.coming, self.arrived, self.resolve)
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.detail)
        column.addWidget(self.notice)
        column.addLayout(buttons)
        column.addWidget(self.hint)
        column.addWidget(self.resolve_form)
        column.addWidget(self.checklist)
        column.addStretch(1)
        scroll = QScrollArea(self)
        self._scroll = scroll
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.viewport().setAutoFillBackground(False)
        side.setAutoFillBackground(False)
        scroll.setMinimumWidth(400)
        scroll.setMaximumWidth(480)
        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addWidget(self.table, 1)
        left.addWidget(self.empty)
        row = QHBoxLayout(self)
        row.addLayout(left, 1)
        row.addWidget(scroll)

    # --- what the console knows ------------------------------------------------------------

    def show_rows(self, rows: list[CallRow]) -> None:
        """The open calls as they are now (called every tick: times and flashing).

        A call not shown before is painted at once, not when the event loop next gets round
        to it: the messages that come with a new call (the hub's copy, other consoles'
        receipts) are handled after staff can see it."""
        shown_before = {r.call.call_id for r in self._rows}
        self._rows = rows
        self.model.set_rows(rows)  # new and changed rows are measured as they change
        if self.table.selected_key() is None and rows:
            self.table.select_key(rows[0].call.call_id)
        self.checklist.forget({r.call.call_id for r in rows})
        self._show_selected()
        self._show_counts()
        if any(r.call.call_id not in shown_before for r in rows) and self.table.isVisible():
            self.table.paint_now()

    def set_staff(self, staff_id: str | None, unlocked: bool) -> None:
        self._staff_id = staff_id
        self._unlocked = unlocked
        if not unlocked:
            self._close_resolve()
        self._show_selected()

    def selected_call(self) -> CallState | None:
        key = self.table.selected_key()
        return next((r.call for r in self._rows if r.call.call_id == key), None)

    def _selected_row(self) -> CallRow | None:
        key = self.table.selected_key()
        return next((r for r in self._rows if r.call.call_id == key), None)

    # --- staff actions ---------------------------------------------------------------------

    def _press_coming(self) -> None:
        call = self.selected_call()
        if call is not None and self._staff_id is not None and self._unlocked:
            self._refusal = None
            self._bridge.acknowledge(call.call_id, self._staff_id)

    def _press_arrived(self) -> None:
        call = self.selected_call()
        if call is not None and self._staff_id is not None and self._unlocked:
            self._refusal = None
            self._bridge.arrived(call.call_id, self._staff_id)

    def _open_resolve(self) -> None:
        call = self.selected_call()
        if call is None or not self._unlocked:
            return
        self._resolving = call.call_id
        self.resolve_form.start(call.drill)
        self.checklist.hide()  # room for the form; the steps come back after closing
        self.resolve_form.show()
        QTimer.singleShot(0, lambda: self._scroll.ensureWidgetVisible(self.resolve_form.confirm))

    def _resolve(self, outcome: Outcome, note: str) -> None:
        call_id = self._resolving
        if call_id is not None and self._staff_id is not None and self._unlocked:
            self._refusal = None
            self._bridge.resolve(call_id, self._staff_id, outcome, note)
        self._close_resolve()

    def _close_resolve(self) -> None:
        self._resolving = None
        self.resolve_form.hide()
        self.checklist.setVisible(self.selected_call() is not None)

    def _refused(self, call_id: str, reason: str) -> None:
        self._refusal = (call_id, reason)
        self._show_selected()

    # --- showing ---------------------------------------------------------------------------

    def _show_counts(self) -> None:
        waiting = sum(1 for r in self._rows if r.waiting_for_staff)
        self.heading.setText(self.tr("Help calls: {open} open, {waiting} waiting for someone "
                                     "to come").format(open=len(self._rows), waiting=waiting))
        self.empty.setVisible(not self._rows)

    def _show_selected(self) -> None:
        row = self._selected_row()
        call = row.call if row is not None else None
        if call is None:
            self.detail.setText(self.tr("Select a call to answer it.") if self._rows else "")
        else:
            where = self._names.place(call.kiosk_id)
            text = self.tr("{kiosk}, {place}: {what}. Waiting {waited}. {state}.").format(
                kiosk=self._names.device(call.kiosk_id), place=where,
                what=category_text(call.category), waited=duration_text(row.waited_s if row
                                                                         else None),
                state=state_text(call, row.escalation if row else 0, self._names))
            if call.drill:
                text = self.tr("{drill}: this is a practice call. {details}").format(
                    drill=drill_mark(), details=text)
            if call.customer_fine:
                text += " " + self.tr("The customer pressed \"I'm fine now\"; someone must "
                                      "still go and close the call.")
            self.detail.setText(text)
        self.notice.setText(self._notice(call))
        self.notice.setVisible(bool(self.notice.text()))
        if self._resolving is not None and (call is None or call.call_id != self._resolving):
            self._close_resolve()  # another call was selected, or this one closed elsewhere
        self.checklist.show_call(call.call_id if call else None,
                                 call.category if call else None)
        self._update_buttons(call)

    def _notice(self, call: CallState | None) -> str:
        if call is None:
            return ""
        if self._refusal is not None and self._refusal[0] == call.call_id:
            return self.tr("Not sent: {reason}").format(reason=self._refusal[1])
        going = call.acknowledged_by
        if going is None:
            return ""
        me = self._staff_id
        if going == me:
            return self.tr("You are going. Press \"Arrived\" when you reach the customer.")
        name = self._names.staff(going)
        if me is not None and me in call.acknowledgers:
            return self.tr("{name} is going: they pressed \"I'm coming\" first. You need not "
                           "go.").format(name=name)
        return self.tr("{name} is going.").format(name=name)

    def _update_buttons(self, call: CallState | None) -> None:
        allowed = allowed_commands(call) if call is not None else frozenset()
        can_act = call is not None and self._staff_id is not None and self._unlocked
        me = self._staff_id
        already = call is not None and me is not None and me in call.acknowledgers
        self.coming.setEnabled(can_act and K.ACKNOWLEDGED in allowed and not already)
        self.arrived.setEnabled(can_act and K.ARRIVED in allowed
                                and call is not None and call.status is not CallStatus.ARRIVED)
        self.resolve.setEnabled(can_act and K.RESOLVED in allowed)
        someone = call is not None and call.acknowledged_by is not None
        self.coming.setText(self.tr("I'm coming too") if someone and not already
                            else self.tr("I'm coming"))
        for button in (self.coming, self.arrived, self.resolve):
            button.setVisible(call is not None)
        if self._staff_id is None:
            self.hint.setText(self.tr("Sign in below to answer calls."))
        elif not self._unlocked:
            self.hint.setText(self.tr("This desk is locked: sign in again below to answer."))
        else:
            self.hint.setText("")
        self.hint.setVisible(bool(self.hint.text()))

    def retranslate(self) -> None:
        self.model.retranslate()
        self._show_counts()
        self._show_selected()

