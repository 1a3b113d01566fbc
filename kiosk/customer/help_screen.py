"""The help screen: the call is already on its way; this screen follows it and comforts.

It shows a `HelpView` (what the kiosk knows about the call) in the words of `help_words`,
and offers, without ever delaying the call, three big optional choices that tell staff a
little more: *I feel unwell*, *I'd like to talk to staff privately*, *something else*.
"I'm fine now" is offered, but only staff close a call: at the console, or here with
their PIN ("For staff: close this call"), which is the proof that someone came. Once staff
have closed it the screen asks "Were you helped?". A drill is marked as practice at the
top, so a customer who happens to see it is not frightened.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedLayout, QVBoxLayout, QWidget

from kiosk.core.help.events import Category
from kiosk.core.help.view import HelpPhase, HelpView
from kiosk.core.settings import Staff
from kiosk.customer.help_words import WAITING_PHASES, HelpWords, choice_texts, drill_notice
from kiosk.customer.kiosk_screen import (
    KioskScreen,
    make_button,
    make_choice,
    make_label,
    shown_text,
)
from kiosk.customer.staff_close_panel import StaffClosePanel
from kiosk.net.kiosk_client import PinOutcome
from kiosk.ui.strings import vocabulary_text
from kiosk.ui.widgets import AdaptiveRow, BigButton, BigLabel
from kiosk.ui.widgets.symbols import lock_symbol

MAX_LINES = 3


class HelpScreen(KioskScreen):
    choiceMade = Signal(object)
    """The Category the customer chose."""
    fineNow = Signal()
    feedbackGiven = Signal(bool)
    closeRequested = Signal(str, str, object)
    """Staff id, PIN and Outcome: staff close the call here."""
    staffCloseOpened = Signal()

    def __init__(self, staff: Sequence[Staff], language: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view: HelpView | None = None
        self._words: HelpWords | None = None
        self._chosen: Category | None = None
        self._chosen_call = ""

        self.drill = make_label("help_drill", role="heading")
        self.heading = make_label("help_heading", role="heading")
        self.lines: list[BigLabel] = [make_label(f"help_line_{i}") for i in range(MAX_LINES)]
        self.question = make_label("help_question")
        self.choices: dict[Category, BigButton] = {}
        choices_row = AdaptiveRow(preferred=True)  # one under the other where narrow
        for category in choice_texts():
            button = make_choice(f"help_choice_{category.value}")
            button.clicked.connect(lambda _=False, c=category: self._choose(c))
            self.choices[category] = button
            choices_row.add_widget(button, 1)  # the choices share the row's width
        self.fine_button = make_button("help_fine")
        # Staff only: a padlock on it, and after the customer's controls in the keypad's
        # order (it is never read aloud either).
        self.close_button = make_button("help_staff_close", symbol=lock_symbol)
        self.yes_button = make_choice("help_feedback_yes")
        self.no_button = make_choice("help_feedback_no")
        for button in (self.yes_button, self.no_button):
            choices_row.add_widget(button)  # "yes" and "no" keep their own size

        actions = QHBoxLayout()
        actions.addWidget(self.fine_button)
        actions.addStretch(1)
        self.fine_button.clicked.connect(self.fineNow)
        self.close_button.clicked.connect(self.open_staff_close)
        self.yes_button.clicked.connect(lambda: self.feedbackGiven.emit(True))
        self.no_button.clicked.connect(lambda: self.feedbackGiven.emit(False))
        self.close_button.setProperty("staff_only", True)

        customer = QWidget()
        column = QVBoxLayout(customer)
        column.setContentsMargins(0, 0, 0, 0)
        # Staff's button sits top right, far from Help and from the customer's choices.
        # On a narrow panel it goes under the heading rather than squeezing it.
        top = AdaptiveRow(preferred=True)
        top.add_widget(self.heading, 1)
        top.add_widget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addWidget(self.drill)
        column.addWidget(top)
        for widget in (*self.lines, self.question):
            column.addWidget(widget)
        column.addWidget(choices_row)
        column.addStretch(1)
        column.addLayout(actions)

        self.staff_close = StaffClosePanel(staff, language)
        self.staff_close.closeRequested.connect(self.closeRequested)
        self.staff_close.contentChanged.connect(self.contentChanged)
        self._pages = QStackedLayout()
        self._pages.addWidget(customer)
        self._pages.addWidget(self.staff_close)
        self.content_layout.addLayout(self._pages)
        self.retranslate()

    # --- what is shown --------------------------------------------------------------------

    @property
    def view(self) -> HelpView | None:
        return self._view

    @property
    def staff_close_open(self) -> bool:
        return self._pages.currentIndex() == 1

    def show_view(self, view: HelpView | None, words: HelpWords | None) -> None:
        if view is not None and view.call_id and view.call_id != self._chosen_call:
            if self._chosen_call:  # another call: the last customer's choice is not this one's
                self._chosen = None
            # else the call just got its id: a choice made while it was being raised stays
            self._chosen_call = view.call_id
        self._view, self._words = view, words
        if view is None or view.phase not in (*WAITING_PHASES, HelpPhase.ARRIVED):
            self.close_staff_close()
        self.retranslate()

    def open_staff_close(self) -> None:
        view = self._view
        self.staff_close.start(drill=view is not None and view.drill)
        self._pages.setCurrentIndex(1)
        self.staffCloseOpened.emit()
        self.contentChanged.emit()

    def close_staff_close(self) -> None:
        self.staff_close.clear()
        self._pages.setCurrentIndex(0)

    def show_pin_outcome(self, outcome: PinOutcome) -> None:
        self.staff_close.show_outcome(outcome)

    def clear(self) -> None:
        self._chosen = None
        self._chosen_call = ""
        self.show_view(None, None)

    def _choose(self, category: Category) -> None:
        self._chosen = category
        self.retranslate()
        self.choiceMade.emit(category)

    @property
    def chosen(self) -> Category | None:
        if self._chosen is not None:
            return self._chosen
        view = self._view
        return None if view is None or view.category is Category.UNSPECIFIED else view.category

    # --- texts ----------------------------------------------------------------------------

    def choice_confirmation(self) -> str:
        """What is said when a choice is made: the line that now shows it."""
        return self.question.text()

    def retranslate(self) -> None:
        view, words = self._view, self._words
        self.drill.setText(drill_notice())
        self.drill.setVisible(view is not None and view.drill)
        self.heading.setText(words.heading if words else self.tr("Calling staff"))
        shown_lines = words.lines if words else ()
        for index, label in enumerate(self.lines):
            label.setVisible(index < len(shown_lines))
            label.setText(shown_lines[index] if index < len(shown_lines) else "")
        waiting = view is not None and view.phase in WAITING_PHASES and not view.customer_fine
        texts = choice_texts()
        for category, button in self.choices.items():
            button.setText(texts[category])
            button.setVisible(waiting)
        chosen = self.chosen
        if chosen is None:
            self.question.setText(self.tr("You may tell staff more. You do not have to: "
                                          "we are already calling them."))
        else:
            choice = texts.get(chosen) or vocabulary_text("Questions", "not_sure")
            #: {choice} is the text of the choice the customer pressed, e.g. "I feel unwell".
            self.question.setText(self.tr("You told staff: {choice}").format(choice=choice))
        self.question.setVisible(waiting)
        open_call = view is not None and view.phase is not HelpPhase.CLOSED
        self.fine_button.setText(vocabulary_text("HelpCall", "fine_now"))
        self.fine_button.setVisible(waiting and view is not None and view.can_say_fine)
        self.close_button.setText(self.tr("For staff: close this call"))
        self.close_button.setVisible(open_call and bool(view and view.call_id))
        asking = view is not None and view.phase is HelpPhase.CLOSED and not view.feedback_given
        self.yes_button.setText(self.tr("Yes, I was helped"))
        self.no_button.setText(self.tr("No"))
        for button in (self.yes_button, self.no_button):
            button.setVisible(asking)
        self.staff_close.retranslate()

    def spoken(self) -> list[str]:
        if self.staff_close_open:
            return self.staff_close.spoken()
        texts = shown_text(self.drill, self.heading)
        words = self._words
        texts.extend(words.spoken_lines if words else shown_text(*self.lines))
        texts.extend(shown_text(self.question, *self.choices.values(), self.yes_button,
                                self.no_button))
        return texts

    def first_control(self) -> QWidget | None:
        if self.staff_close_open:
            return self.staff_close.first_control()
        for button in (*self.choices.values(), self.yes_button, self.no_button,
                       self.fine_button):
            if not button.isHidden():
                return button
        return None
