"""Taking a ticket, step two: "I would like priority service", yes or no.

The bank's plan sets aside a window for elderly customers; the hub interleaves priority
tickets with the others at a configured ratio. The kiosk does not judge who is elderly or
needs assistance: it says who priority is for, and the customer decides. Both answers are
equally large and worded as whole answers, so neither looks like the "right" one.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kiosk.customer.kiosk_screen import KioskScreen, make_choice, make_label, shown_text
from kiosk.ui.widgets import AdaptiveRow


class PriorityScreen(KioskScreen):
    answered = Signal(bool)
    """True: the customer asked for priority service."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = make_label("priority_title", role="heading")
        self.explanation = make_label("priority_explanation")
        self.yes_button = make_choice("priority_yes", tile=True)
        self.no_button = make_choice("priority_no", tile=True)
        self.yes_button.clicked.connect(lambda: self.answered.emit(True))
        self.no_button.clicked.connect(lambda: self.answered.emit(False))
        row = AdaptiveRow(preferred=True)
        row.add_widget(self.yes_button)
        row.add_widget(self.no_button)
        row.add_stretch(1)
        self.content_layout.addWidget(self.title)
        self.content_layout.addWidget(self.explanation)
        self.content_layout.addWidget(row)
        self.content_layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Would you like priority service?"))
        self.explanation.setText(self.tr("Priority service is for elderly customers and for "
                                         "anyone who needs assistance. Just choose, nobody "
                                         "will ask you why."))
        self.yes_button.setText(self.tr("Yes, I would like priority service"))
        self.no_button.setText(self.tr("No, a normal ticket"))

    def spoken(self) -> list[str]:
        return shown_text(self.title, self.explanation, self.yes_button, self.no_button)

    def first_control(self) -> QWidget | None:
        return self.yes_button
