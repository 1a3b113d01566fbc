"""Signing in at the desk: pick your name, type your PIN, which only the hub checks.

Shown when nobody is signed in and when the console has locked itself after being left
idle. The help calls stay visible above it and keep sounding: signing in is the way to
answer them, never a gate in front of seeing them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.console.branch_names import BranchNames
from kiosk.console.console_words import pin_refusal_text
from kiosk.console.controls import Panel, named
from kiosk.console.staff_session import Phase, SignInProblem, SignInResult
from kiosk.core.pins import PIN_PATTERN
from kiosk.core.settings import StaffRole

STAFF_ROLE = Qt.ItemDataRole.UserRole + 1


class SignInPanel(Panel):
    sign_in_requested = Signal(str, str)  # staff id, PIN

    def __init__(self, names: BranchNames, parent: QWidget | None = None) -> None:
        super().__init__("signInPanel", names, parent)
        self._phase = Phase.SIGNED_OUT
        self._locked_staff: str | None = None
        self._message = ""
        self.heading = named(QLabel(self), role="heading", wrap=True)
        self.reassurance = named(QLabel(self), role="muted", wrap=True)
        self.staff = named(QListWidget(self), "signInStaff",
                           accessible=lambda: self.tr("Your name"))
        self.staff.setFixedWidth(320)
        self.staff.setMaximumHeight(260)
        self.pin = named(QLineEdit(self), "signInPin", accessible=lambda: self.tr("PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setValidator(QRegularExpressionValidator(r"\d{0,8}", self.pin))
        self.pin.setMaximumWidth(200)
        self.pin_label = named(QLabel(self), text=lambda: self.tr("PIN"))
        self.pin_label.setBuddy(self.pin)
        self.button = named(QPushButton(self), "signInButton", role="primary",
                            text=lambda: self.tr("Sign in"))
        self.status = named(QLabel(self), "signInStatus", wrap=True)
        form = QFormLayout()
        form.addRow(self.pin_label, self.pin)
        entry = QVBoxLayout()
        entry.addLayout(form)
        entry.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        entry.addWidget(self.status)
        entry.addStretch(1)
        self.staff_label = named(QLabel(self), text=lambda: self.tr("Your name"))
        self.staff_label.setBuddy(self.staff)
        name_column = QVBoxLayout()
        name_column.addWidget(self.staff_label)
        name_column.addWidget(self.staff)
        row = QHBoxLayout()
        row.addLayout(name_column)
        row.addSpacing(24)
        row.addLayout(entry)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.reassurance)
        column.addLayout(row)
        column.addStretch(1)
        self.button.clicked.connect(self._submit)
        self.pin.returnPressed.connect(self._submit)
        self.staff.itemActivated.connect(lambda _item: self.pin.setFocus())
        self.staff.currentItemChanged.connect(lambda *_: self._update_button())
        self.pin.textChanged.connect(lambda _text: self._update_button())
        self._fill_staff()
        self.retranslate()

    def _fill_staff(self) -> None:
        current = self.selected_staff()
        self.staff.clear()
        for member in self._names.config.staff:
            name = self._names.staff(member.id)
            text = (self.tr("{name} (manager)").format(name=name)
                    if member.role is StaffRole.MANAGER else name)
            item = QListWidgetItem(text, self.staff)
            item.setData(STAFF_ROLE, member.id)
        self.choose(current)

    def choose(self, staff_id: str | None) -> None:
        for row in range(self.staff.count()):
            if self.staff.item(row).data(STAFF_ROLE) == staff_id:
                self.staff.setCurrentRow(row)
                return

    def selected_staff(self) -> str | None:
        item = self.staff.currentItem()
        value = item.data(STAFF_ROLE) if item is not None else None
        return value if isinstance(value, str) else None

    def show_phase(self, phase: Phase, staff_id: str | None) -> None:
        """Signed out, checking, or locked (with who was signed in)."""
        self._phase = phase
        if phase is Phase.LOCKED:
            self._locked_staff = staff_id
            self.choose(staff_id)
        if phase is not Phase.CHECKING:
            self._message = "" if phase is Phase.LOCKED else self._message
        self.retranslate()

    def show_result(self, result: SignInResult) -> None:
        self.pin.clear()
        if result.accepted:
            self._message = ""
        elif result.problem is SignInProblem.REFUSED:
            self._message = pin_refusal_text(result.refusal, result.retry_after_s)
        elif result.problem is SignInProblem.NO_ANSWER:
            self._message = self.tr("The hub did not answer, so the PIN could not be checked. "
                                    "Try again in a moment.")
        elif result.problem is SignInProblem.NOT_SENT:
            self._message = self.tr("This desk is not connected, so the PIN could not be "
                                    "checked. Help calls still show here.")
        else:
            self._message = self.tr("Your sign-in has ended. Please sign in again.")
        self.retranslate()

    def _submit(self) -> None:
        staff_id = self.selected_staff()
        pin = self.pin.text()
        if staff_id is None or not PIN_PATTERN.fullmatch(pin) or self._phase is Phase.CHECKING:
            return
        self.sign_in_requested.emit(staff_id, pin)

    def _update_button(self) -> None:
        self.button.setEnabled(self.selected_staff() is not None
                               and PIN_PATTERN.fullmatch(self.pin.text()) is not None
                               and self._phase is not Phase.CHECKING)

    def retranslate(self) -> None:
        if self._phase is Phase.LOCKED and self._locked_staff is not None:
            self.heading.setText(self.tr("This desk is locked. {name}, enter your PIN to "
                                         "continue, or another person can sign in.").format(
                name=self._names.staff(self._locked_staff)))
        else:
            self.heading.setText(self.tr("Sign in to answer help calls and serve the queue"))
        if self._phase is Phase.LOCKED:
            self.reassurance.setText(self.tr("Help calls above keep showing and sounding while "
                                             "this desk is locked."))
        else:
            self.reassurance.setText(self.tr("Help calls above keep showing and sounding "
                                             "while nobody is signed in."))
        if self._phase is Phase.CHECKING:
            self.status.setText(self.tr("Checking your PIN with the hub…"))
        else:
            self.status.setText(self._message)
        self._fill_staff()
        self._update_button()
