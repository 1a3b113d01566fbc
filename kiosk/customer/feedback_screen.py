""""How was your visit today?": three large faces, one tap, nothing personal kept.

The faces differ by their mouths (a smile, a straight line, a frown) and each has its word
beside it, so neither colour nor the drawing alone carries the meaning. Answering is
optional and said to be, and "I'd rather not say" is a large choice of its own. The rating goes to
the hub with the screen's language and nothing else: no ticket, no time beyond the
message's own, nothing of the customer. After a tap the screen thanks the customer and
offers no second rating.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.customer.choice_button import ChoiceButton
from kiosk.customer.kiosk_screen import KioskScreen, make_choice, make_label, shown_text
from kiosk.customer.kiosk_symbols import bad_face, good_face, ok_face
from kiosk.protocol.help_messages import Rating
from kiosk.ui.widgets import AdaptiveRow, wrapped_text
from kiosk.ui.widgets.symbols import Symbol

FACE_LINES = 2.6
"""A face is this many lines of text high: large, yet the word beside it stays the cue."""


class FaceButton(ChoiceButton):
    """A choice with a face drawn larger than an ordinary symbol."""

    def __init__(self, symbol: Symbol, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent, symbol=symbol)

    def _symbol_side(self) -> float:
        return wrapped_text.line_height(self.font()) * FACE_LINES

    def _symbol_gap(self) -> float:
        """The word sits close to its face, as close as beside an ordinary symbol."""
        return wrapped_text.line_height(self.font()) / 3 if self.text() else 0.0


class FeedbackScreen(KioskScreen):
    rated = Signal(object)
    """The Rating the customer chose."""
    declined = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._given: Rating | None = None
        self.title = make_label("feedback_title", role="heading")
        self.note = make_label("feedback_note")
        self.faces: dict[Rating, FaceButton] = {}
        # The faces one above the other where their words would not fit on one line beside
        # each other (a face squeezed beside the others would have to break its word).
        row = AdaptiveRow(preferred=True)
        for rating, symbol in ((Rating.GOOD, good_face), (Rating.OK, ok_face),
                               (Rating.BAD, bad_face)):
            button = FaceButton(symbol)
            button.setObjectName(f"feedback_{rating.value}")
            button.setProperty("tile", False)
            button.clicked.connect(lambda _=False, r=rating: self._rate(r))
            self.faces[rating] = button
            row.add_widget(button)
        row.add_stretch(1)
        self.decline_button = make_choice("feedback_decline")
        self.decline_button.clicked.connect(self.declined)
        decline_row = QHBoxLayout()
        decline_row.addWidget(self.decline_button)
        decline_row.addStretch(1)
        self.thanks = make_label("feedback_thanks", role="heading")
        self.content_layout.addWidget(self.title)
        self.content_layout.addWidget(self.note)
        self.content_layout.addWidget(row)
        self.content_layout.addLayout(decline_row)
        self.content_layout.addWidget(self.thanks)
        self.content_layout.addStretch(1)
        self.retranslate()

    @property
    def given(self) -> Rating | None:
        return self._given

    def _rate(self, rating: Rating) -> None:
        if self._given is not None:
            return
        self._given = rating
        self.retranslate()
        self.rated.emit(rating)

    def clear(self) -> None:
        self._given = None
        self.retranslate()

    def retranslate(self) -> None:
        asking = self._given is None
        self.title.setText(self.tr("How was your visit today?"))
        self.note.setText(self.tr("You do not have to answer. We do not record who you are."))
        self.faces[Rating.GOOD].setText(self.tr("Good"))
        self.faces[Rating.OK].setText(self.tr("All right"))
        self.faces[Rating.BAD].setText(self.tr("Not good"))
        self.decline_button.setText(self.tr("I'd rather not say"))
        self.thanks.setText(self.tr("Thank you for telling us. We hope to see you again."))
        for widget in (self.note, *self.faces.values(), self.decline_button):
            widget.setVisible(asking)
        self.thanks.setVisible(not asking)

    def spoken(self) -> list[str]:
        return shown_text(self.title, self.note, *self.faces.values(), self.decline_button,
                          self.thanks)

    def first_control(self) -> QWidget | None:
        return self.faces[Rating.GOOD] if self._given is None else None
