"""Staff identify themselves at the kiosk: choose your name, then type your PIN.

Used to leave full-screen and to close a help call at the kiosk (proof that someone came).
Only the hub can check a PIN, so the panel only collects it (`pinEntered`) and shows the
hub's answer (`show_outcome`): accepted, wrong, too many tries, or not checkable now. Names
are the branch's staff in the screen's language, a page at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedLayout, QVBoxLayout, QWidget

from kiosk.core.settings import Staff
from kiosk.customer.customer_session import data_language
from kiosk.customer.kiosk_screen import make_button, make_label, shown_text
from kiosk.customer.pin_pad import PIN_MAX, PIN_MIN, PinPad
from kiosk.net.kiosk_client import PinOutcome, PinProblem
from kiosk.protocol.pin_messages import PinRefusal
from kiosk.ui.widgets import AdaptiveRow, BigButton, ColumnsLayout

NAMES_PER_PAGE = 8
NAME_COLUMNS = 4
FEWEST_NAME_COLUMNS = 2


class PinStep(StrEnum):
    NAME = "name"
    PIN = "pin"
    CHECKING = "checking"


class StaffPinPanel(QWidget):
    pinEntered = Signal(str, str)
    """Staff id and PIN, to be checked by the hub."""
    contentChanged = Signal()
    """What the panel says changed at a tap (a name chosen, the PIN sent, too short):
    whatever read the old prompt must read the new one."""

    def __init__(self, staff: Sequence[Staff], language: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._staff = tuple(staff)
        self._language = language
        self._page = 0
        self._chosen: Staff | None = None
        self._step = PinStep.NAME
        self._status = ""

        self.prompt = make_label("staff_prompt")
        self.status = make_label("staff_status")
        self.name_buttons = [make_button(f"staff_name_{index}")
                             for index in range(min(NAMES_PER_PAGE, len(self._staff)))]
        self.more_names = make_button("staff_more_names")
        names = QWidget()
        # Up to four names a row, fewer where four would not fit the panel's width.
        grid = ColumnsLayout(NAME_COLUMNS, fewest=FEWEST_NAME_COLUMNS)
        for index, button in enumerate(self.name_buttons):
            button.clicked.connect(lambda _=False, i=index: self._name_chosen(i))
            grid.addWidget(button)
        names_column = QVBoxLayout(names)
        names_column.setContentsMargins(0, 0, 0, 0)
        names_column.addLayout(grid)
        names_column.addWidget(self.more_names, 0, Qt.AlignmentFlag.AlignLeft)
        names_column.addStretch(1)
        self.more_names.clicked.connect(self._next_page)
        self.more_names.setVisible(len(self._staff) > NAMES_PER_PAGE)

        self.pad = PinPad()
        self.pad.submitted.connect(self._submitted)
        self.pad.tooShort.connect(self._too_short)
        pin_page = QWidget()
        pin_row = QHBoxLayout(pin_page)
        pin_row.setContentsMargins(0, 0, 0, 0)
        pin_row.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignTop)
        pin_row.addStretch(1)

        self._pages = QStackedLayout()
        self._pages.addWidget(names)
        self._pages.addWidget(pin_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.prompt)
        layout.addWidget(self.status)
        # The aside beside the pages while both fit at the widths they ask for, under them
        # otherwise: the names and the keys keep their words on one line where they can.
        self._row = AdaptiveRow(preferred=True)
        self._row.add_layout(self._pages, 1)
        layout.addWidget(self._row, 1)
        self.retranslate()

    def set_aside(self, widget: QWidget) -> None:
        """Show ``widget`` beside the names and the pad, at the bottom right: the room the
        pages leave free, so it adds nothing to the screen's height."""
        self._row.add_widget(widget, 0,
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)

    @property
    def step(self) -> PinStep:
        return self._step

    @property
    def chosen_staff_id(self) -> str | None:
        return None if self._chosen is None else self._chosen.id

    def clear(self) -> None:
        """Back to choosing a name; nothing typed is kept."""
        self._chosen = None
        self._page = 0
        self._status = ""
        self.pad.clear()
        self._go(PinStep.NAME)

    def choose(self, staff_id: str) -> None:
        """Choose a member of staff by id (as a tap on their name does)."""
        member = next((s for s in self._staff if s.id == staff_id), None)
        if member is None:
            raise ValueError(f"no staff member {staff_id!r}")
        self._chosen = member
        self._status = ""
        self._go(PinStep.PIN)
        self.contentChanged.emit()

    def type_digits(self, digits: str) -> None:
        """Press digit keys, as a finger does."""
        for digit in digits:
            self.pad.keys[digit].click()

    def show_outcome(self, outcome: PinOutcome) -> None:
        """The hub's answer to the PIN sent."""
        if outcome.accepted:
            self._status = self.tr("Thank you.")
            self._go(PinStep.PIN)
            return
        self._status = self._problem_text(outcome)
        self._go(PinStep.PIN)

    def _problem_text(self, outcome: PinOutcome) -> str:
        if outcome.problem is PinProblem.REFUSED and outcome.refusal is PinRefusal.WRONG_PIN:
            return self.tr("That PIN is not right. Please try again.")
        if outcome.problem is PinProblem.REFUSED and outcome.refusal is PinRefusal.RATE_LIMITED:
            seconds = max(1, round(outcome.retry_after_s or 1))
            #: {seconds} is how long staff must wait before trying again.
            return self.tr("Too many tries. Please wait {seconds} seconds.").format(
                seconds=seconds)
        if outcome.problem is PinProblem.REFUSED and outcome.refusal is PinRefusal.NOT_PERMITTED:
            return self.tr("This PIN may not do this. Please ask a manager.")
        if outcome.problem is PinProblem.REFUSED and outcome.refusal is PinRefusal.UNKNOWN_CALL:
            return self.tr("This call is already closed.")
        if outcome.problem is PinProblem.INVALID:
            return self._length_text()
        return self.tr("The PIN cannot be checked now: the branch server does not answer. "
                       "Please try again, or use the staff console.")

    def _length_text(self) -> str:
        #: {fewest} and {most} are the shortest and longest PIN allowed, in digits.
        return self.tr("A PIN has {fewest} to {most} digits.").format(fewest=PIN_MIN,
                                                                      most=PIN_MAX)

    def _name_chosen(self, index: int) -> None:
        self.choose(self._page_staff()[index].id)

    def _next_page(self) -> None:
        pages = max(1, -(-len(self._staff) // NAMES_PER_PAGE))
        self._page = (self._page + 1) % pages
        self.retranslate()

    def _page_staff(self) -> tuple[Staff, ...]:
        start = self._page * NAMES_PER_PAGE
        return self._staff[start:start + NAMES_PER_PAGE]

    def _submitted(self, pin: str) -> None:
        if self._chosen is None:
            return
        self._status = self.tr("Checking the PIN.")
        self._go(PinStep.CHECKING)
        self.contentChanged.emit()
        self.pinEntered.emit(self._chosen.id, pin)

    def _too_short(self) -> None:
        self._status = self._length_text()
        self.retranslate()
        self.contentChanged.emit()

    def _go(self, step: PinStep) -> None:
        self._step = step
        self._pages.setCurrentIndex(0 if step is PinStep.NAME else 1)
        self.retranslate()

    def retranslate(self) -> None:
        language = data_language(self._language())
        page = self._page_staff()
        for index, button in enumerate(self.name_buttons):
            button.setVisible(index < len(page))
            if index < len(page):
                button.setText(page[index].name.text(language))
        self.more_names.setText(self.tr("More names"))
        if self._step is PinStep.NAME or self._chosen is None:
            self.prompt.setText(self.tr("Please choose your name."))
        else:
            #: {name} is the member of staff who is typing their PIN.
            self.prompt.setText(self.tr("{name}, please type your PIN.").format(
                name=self._chosen.name.text(language)))
        self.status.setText(self._status)
        self.status.setVisible(bool(self._status))
        self.pad.retranslate()

    def spoken(self) -> list[str]:
        """What may be read aloud: the prompt and the status, never the pad."""
        return shown_text(self.prompt, self.status)

    def first_control(self) -> BigButton:
        return self.name_buttons[0] if self._step is PinStep.NAME and self.name_buttons \
            else self.pad.first_key()
