"""Home: a greeting, at most four large choices, and the customer's quickest controls.

The four choices are what customers come to a kiosk for, most asked first: "Take a
ticket", "Questions and answers", "I'm not sure what I need" (staff come and go with the
customer) and "Text size and sound" (the customer's own settings). Feedback is not on home
at all: it is asked for when the customer is done with their ticket ("I'm finished"), not
offered to someone who has just walked up. The choices are tiles 45 mm tall, each with a
symbol, that fill the width: four in a row on a landscape panel, two by two where a row of
four would break their words into more than two lines (`TileGrid`). The language and text
size buttons sit top right, where a customer looking for them finds them on every visit.
Under the choices, smaller, "I missed my number" takes a customer who was called and did
not hear it back into line (missed_screen.py). When staff cannot be reached from this
kiosk, home says so and what to do instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.core.customer_settings import TextSize
from kiosk.core.settings import LocalText
from kiosk.customer.customer_session import data_language
from kiosk.customer.kiosk_screen import (
    KioskScreen,
    make_button,
    make_choice,
    make_label,
    shown_text,
)
from kiosk.customer.kiosk_symbols import question_symbol, text_and_sound_symbol, ticket_symbol
from kiosk.ui.strings import vocabulary_text
from kiosk.ui.widgets import AdaptiveRow, BigButton
from kiosk.ui.widgets.symbols import staff_symbol
from kiosk.ui.widgets.tile_grid import TileGrid

MAX_CHOICES = 4


class HomeScreen(KioskScreen):
    ticketRequested = Signal()
    questionsRequested = Signal()
    guidanceRequested = Signal()
    settingsRequested = Signal()
    languageRequested = Signal()
    textSizeRequested = Signal()
    missedRequested = Signal()
    contrastRequested = Signal()

    def __init__(self, branch_name: LocalText, language: Callable[[], str],
                 next_language_name: Callable[[], str], text_size: Callable[[], TextSize],
                 high_contrast: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._branch_name = branch_name
        self._language = language
        self._next_language_name = next_language_name
        self._text_size = text_size
        self._high_contrast = high_contrast
        self._staff_unreachable = False

        self.title = make_label("home_title", role="heading")
        self.language_button = make_button("home_language")
        self.text_size_button = make_button("home_text_size")
        # Beside the text size, on the first screen: a customer who sees poorly should not
        # have to find it two screens down.
        self.contrast_button = make_button("home_contrast")
        # The switches beside the greeting, or in a row under it where narrow (one above
        # the other only where even the row does not fit).
        # The switches keep to the right, as on every visit.
        switches = AdaptiveRow(preferred=True)
        switches.add_stretch(1)
        for switch in (self.language_button, self.text_size_button, self.contrast_button):
            switches.add_widget(switch, 0, Qt.AlignmentFlag.AlignTop)
        top = AdaptiveRow(preferred=True)
        top.add_widget(self.title)
        top.add_widget(switches, 1, Qt.AlignmentFlag.AlignTop)
        self.intro = make_label("home_intro")
        self.notice = make_label("home_notice", role="heading")
        self.notice_advice = make_label("home_notice_advice")
        self.notice.hide()
        self.notice_advice.hide()

        self.ticket_button = make_choice("home_ticket", tile=True, symbol=ticket_symbol)
        self.questions_button = make_choice("home_questions", tile=True,
                                            symbol=question_symbol)
        self.guidance_button = make_choice("home_guidance", tile=True, symbol=staff_symbol)
        self.settings_button = make_choice("home_settings", tile=True,
                                           symbol=text_and_sound_symbol)
        self.missed_button = make_button("home_missed")
        self.choices: list[BigButton] = []
        self._grid = TileGrid(MAX_CHOICES)
        for button in (self.ticket_button, self.questions_button, self.guidance_button,
                       self.settings_button):
            self.insert_choice(len(self.choices), button)

        layout = self.content_layout
        layout.addWidget(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.notice)
        layout.addWidget(self.notice_advice)
        layout.addLayout(self._grid)
        # As wide as its words on one line, up to the tiles' widest (the stylesheet's
        # max-width): the words wrap rather than grow the button past Help, the largest
        # control on every screen. (A quarter of the width broke "我过号了" on a portrait
        # panel at larger text.)
        missed_row = QHBoxLayout()
        missed_row.addWidget(self.missed_button)
        missed_row.addStretch(1)
        layout.addLayout(missed_row)
        layout.addStretch(1)

        self.ticket_button.clicked.connect(self.ticketRequested)
        self.questions_button.clicked.connect(self.questionsRequested)
        self.guidance_button.clicked.connect(self.guidanceRequested)
        self.settings_button.clicked.connect(self.settingsRequested)
        self.missed_button.clicked.connect(self.missedRequested)
        self.language_button.clicked.connect(self.languageRequested)
        self.text_size_button.clicked.connect(self.textSizeRequested)
        self.contrast_button.clicked.connect(self.contrastRequested)
        self.retranslate()

    def insert_choice(self, index: int, button: BigButton) -> None:
        """Add a large choice at ``index`` (0 is first, top left)."""
        if len(self.choices) >= MAX_CHOICES:
            raise ValueError(f"home holds at most {MAX_CHOICES} choices")
        self.choices.insert(index, button)
        for choice in self.choices:
            self._grid.removeWidget(choice)
        for choice in self.choices:
            self._grid.addWidget(choice)

    def set_staff_unreachable(self, unreachable: bool) -> None:
        """Say that staff cannot be reached, in place of the invitation to press Help for a
        person (which would promise what the kiosk cannot do just now). "I missed my
        number" steps aside for the notice: the counter is where to go then."""
        self._staff_unreachable = unreachable
        self.intro.setVisible(not unreachable)
        self.notice.setVisible(unreachable)
        self.notice_advice.setVisible(unreachable)
        self.missed_button.setVisible(not unreachable)

    def retranslate(self) -> None:
        name = self._branch_name.text(data_language(self._language()))
        self.title.setText(self.tr("Welcome to {branch}").format(branch=name))
        #: {help} is the words on the help button ("Call staff"): the button is named by
        #: its words and its place, never by its colour alone.
        self.intro.setText(self.tr("Please choose below. If you would like a person to help "
                                   "you, press \"{help}\" at the bottom right.").format(
            help=vocabulary_text("Navigation", "help_button")))
        self.notice.setText(self.tr("Staff cannot be reached from this kiosk just now."))
        self.notice_advice.setText(self.tr("If you need help, please go to the counter."))
        self.ticket_button.setText(vocabulary_text("Ticket", "take_ticket"))
        self.ticket_button.setAccessibleDescription(
            self.tr("Get a number and wait to be called to a counter."))
        self.questions_button.setText(vocabulary_text("Questions", "title"))
        self.questions_button.setAccessibleDescription(
            self.tr("Answers to common questions, in large text and read aloud."))
        self.guidance_button.setText(vocabulary_text("Questions", "not_sure"))
        self.guidance_button.setAccessibleDescription(
            self.tr("A member of staff will come and go with you."))
        self.settings_button.setText(self.tr("Text size and sound"))
        self.missed_button.setText(self.tr("I missed my number"))
        self.missed_button.setAccessibleDescription(
            self.tr("Type the number on your ticket to go back in line."))
        self.language_button.setText(self._next_language_name())
        self.language_button.setAccessibleDescription(
            vocabulary_text("Navigation", "change_language"))
        larger = self._text_size() is TextSize.LARGE
        self.text_size_button.setText(vocabulary_text(
            "Accessibility", "larger_text" if larger else "smaller_text"))
        self.contrast_button.setText(vocabulary_text(
            "Accessibility", "standard_colours" if self._high_contrast() else "high_contrast"))
        self.contrast_button.setAccessibleDescription(
            vocabulary_text("Accessibility", "high_contrast_description"))

    def spoken(self) -> list[str]:
        return shown_text(self.title, self.intro, self.notice, self.notice_advice, *self.choices,
                          self.missed_button)

    def first_control(self) -> QWidget | None:
        return self.choices[0] if self.choices else self.language_button
