"""Staff close a help call at the kiosk: how it ended, who they are, their PIN.

Closing at the kiosk is the proof that someone went there, so it takes a staff PIN checked
by the hub. The outcomes offered are the plain ones; a call handled with special attention
is closed on the console, where the word for it is not on a screen the customer's companion
can read. A drill closes as a drill and offers nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.core.help.events import Outcome
from kiosk.core.settings import Staff
from kiosk.customer.kiosk_screen import make_button, make_label, shown_text
from kiosk.customer.staff_pin_panel import StaffPinPanel
from kiosk.net.kiosk_client import PinOutcome
from kiosk.ui.widgets import AdaptiveRow, BigButton

REAL_OUTCOMES = (Outcome.HELPED, Outcome.NO_HELP_NEEDED, Outcome.AMBULANCE_CALLED)


class StaffClosePanel(QWidget):
    closeRequested = Signal(str, str, object)
    """Staff id, PIN and Outcome, to be checked and recorded by the hub."""
    contentChanged = Signal()
    """What the panel says changed at a tap (an outcome chosen, or the PIN panel's)."""

    def __init__(self, staff: Sequence[Staff], language: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._drill = False
        self._outcome: Outcome | None = None
        self.title = make_label("close_title", role="heading")
        self.question = make_label("close_question")
        self.outcome_buttons: dict[Outcome, BigButton] = {}
        row = AdaptiveRow()  # one under the other where the panel is too narrow
        for outcome in (*REAL_OUTCOMES, Outcome.DRILL):
            button = make_button(f"close_outcome_{outcome.value}")
            button.clicked.connect(lambda _=False, o=outcome: self._chose(o))
            self.outcome_buttons[outcome] = button
            row.add_widget(button)
        row.add_stretch(1)
        self.pin = StaffPinPanel(staff, language)
        self.pin.pinEntered.connect(self._pin_entered)
        self.pin.contentChanged.connect(self.contentChanged)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.question)
        layout.addWidget(row)
        layout.addWidget(self.pin)
        layout.addStretch(1)
        self.clear()

    @property
    def outcome(self) -> Outcome | None:
        return self._outcome

    def start(self, drill: bool) -> None:
        """Begin closing a call (a drill offers only the drill outcome)."""
        self.clear()
        self._drill = drill
        self.retranslate()

    def clear(self) -> None:
        self._outcome = None
        self.pin.clear()
        self.pin.hide()
        self.retranslate()

    def choose_outcome(self, outcome: Outcome) -> None:
        self._chose(outcome)

    def show_outcome(self, outcome: PinOutcome) -> None:
        self.pin.show_outcome(outcome)

    def _chose(self, outcome: Outcome) -> None:
        self._outcome = outcome
        self.pin.clear()
        self.pin.show()
        self.retranslate()
        self.contentChanged.emit()

    def _pin_entered(self, staff_id: str, pin: str) -> None:
        if self._outcome is not None:
            self.closeRequested.emit(staff_id, pin, self._outcome)

    def retranslate(self) -> None:
        self.title.setText(self.tr("For staff: close this call"))
        choosing = self._outcome is None
        self.question.setVisible(choosing)
        self.question.setText(self.tr("How did it end?"))
        texts = {
            Outcome.HELPED: self.tr("Customer helped"),
            Outcome.NO_HELP_NEEDED: self.tr("No help needed"),
            Outcome.AMBULANCE_CALLED: self.tr("Ambulance called"),
            Outcome.DRILL: self.tr("The practice is over"),
        }
        for outcome, button in self.outcome_buttons.items():
            button.setText(texts[outcome])
            offered = (outcome is Outcome.DRILL) == self._drill
            button.setVisible(choosing and offered)
        self.pin.retranslate()

    def spoken(self) -> list[str]:
        if self._outcome is None:
            return shown_text(self.title, self.question,
                              *(b for b in self.outcome_buttons.values() if not b.isHidden()))
        return [*shown_text(self.title), *self.pin.spoken()]

    def first_control(self) -> QWidget:
        if self._outcome is None:
            return next(b for b in self.outcome_buttons.values() if not b.isHidden())
        return self.pin.first_control()
