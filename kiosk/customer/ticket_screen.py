"""The ticket: the number huge, the service, how many are ahead, the wait, and a QR code.

The ticket itself is on the left; what the customer takes away is on the right: how the
paper is doing ("Please take your ticket from the slot below"), then the QR code for their
phone with a line saying what it is for.

What the screen shows is what the printed ticket says (both come from
`kiosk.printing.ticket_words`), and what is read aloud is what the screen shows, number
first. The screen never leaves a customer guessing: while the hub is asked it says so;
when no ticket can be had it says why in plain words and sends the customer to the
counter (with "Try again" where trying again can help); when printing fails it says so
and keeps the number on screen, repeated in the sentence, so it can be remembered.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.customer.kiosk_screen import KioskScreen, make_button, make_label, shown_text
from kiosk.customer.qr_view import QrCodeView
from kiosk.net.kiosk_client import TicketProblem
from kiosk.printing.ticket_words import TicketWords
from kiosk.protocol.ticket_messages import IssuedTicket, TicketRefusal
from kiosk.ui.strings import vocabulary_text
from kiosk.ui.widgets import ENDS_TASK, AdaptiveRow


class TicketStage(StrEnum):
    ASKING = "asking"  # the hub has been asked; its answer is awaited
    ISSUED = "issued"
    NOT_ISSUED = "not_issued"  # no ticket: go to the counter


class PrintStage(StrEnum):
    NONE = "none"  # nothing to say about paper (no ticket yet)
    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"
    NO_PRINTER = "no_printer"


WordsFor = Callable[[IssuedTicket], TicketWords]
"""The ticket's lines in the current language (called again after a language switch)."""


class TicketScreen(KioskScreen):
    tryAgainRequested = Signal()
    finished = Signal()
    """The customer is done with the ticket ("I'm finished")."""
    sayAgainRequested = Signal()

    def __init__(self, words_for: WordsFor, qr_side_px: int, code_column_px: int,
                 parent: QWidget | None = None) -> None:
        """``code_column_px``: the width of the column with the QR code and its hint."""
        super().__init__(parent)
        self._words_for = words_for
        self._stage = TicketStage.ASKING
        self._print = PrintStage.NONE
        self._ticket: IssuedTicket | None = None
        self._words: TicketWords | None = None
        self._problem: TicketProblem | None = None
        self._refusal: TicketRefusal | None = None
        self._counter_note = False

        self.title = make_label("ticket_title", role="heading")
        self.your_number = make_label("ticket_your_number", role="heading")
        self.number = make_label("ticket_number", role="huge")
        self.number.set_unbroken(True)
        # "您的号码" beside a large number was squeezed to one character a line on an 18.5"
        # panel at larger text; whole, it goes above the number when there is no room.
        self.your_number.set_unbroken(True)
        self.service = make_label("ticket_service", role="heading")
        self.people_ahead = make_label("ticket_people_ahead")
        self.wait = make_label("ticket_wait")
        self.counter_note = make_label("ticket_counter_note")
        self.print_line = make_label("ticket_print")
        self.print_advice = make_label("ticket_print_advice")
        number_row = AdaptiveRow()
        number_row.add_widget(self.your_number, 0, Qt.AlignmentFlag.AlignVCenter)
        number_row.add_widget(self.number, 0, Qt.AlignmentFlag.AlignVCenter)
        number_row.add_stretch(1)
        details = QVBoxLayout()
        details.addWidget(number_row)
        for label in (self.service, self.people_ahead, self.wait, self.counter_note):
            details.addWidget(label)
        details.addStretch(1)
        self.qr = QrCodeView(qr_side_px)
        self.scan_hint = make_label("ticket_scan_hint")
        for label in (self.print_line, self.print_advice, self.scan_hint):
            label.setMaximumWidth(code_column_px)
        # What the customer takes away (the paper, the code for the phone) on the right,
        # the ticket itself on the left.
        code = QVBoxLayout()
        code.addWidget(self.print_line)
        code.addWidget(self.print_advice)
        code.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignLeft)
        code.addWidget(self.scan_hint)
        code.addStretch(1)
        # Side by side where the panel is wide enough, the code under the ticket where not.
        top = self.top_row = AdaptiveRow()
        top.add_layout(details, 1)
        top.add_layout(code)

        self.reason = make_label("ticket_reason")
        self.advice = make_label("ticket_advice", role="heading")
        self.say_again_button = make_button("ticket_say_again")
        self.try_again_button = make_button("ticket_try_again")
        self.finished_button = make_button("ticket_finished")
        self.finished_button.setProperty(ENDS_TASK, True)
        buttons = QHBoxLayout()
        for button in (self.say_again_button, self.try_again_button, self.finished_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.say_again_button.clicked.connect(self.sayAgainRequested)
        self.try_again_button.clicked.connect(self.tryAgainRequested)
        self.finished_button.clicked.connect(self.finished)

        self.content_layout.addWidget(self.title)
        self.content_layout.addWidget(top)
        self.content_layout.addWidget(self.reason)
        self.content_layout.addWidget(self.advice)
        self.content_layout.addStretch(1)
        self.content_layout.addLayout(buttons)
        self.retranslate()

    # --- what the journey tells the screen --------------------------------------------------

    @property
    def stage(self) -> TicketStage:
        return self._stage

    @property
    def print_stage(self) -> PrintStage:
        return self._print

    @property
    def ticket(self) -> IssuedTicket | None:
        return self._ticket

    @property
    def words(self) -> TicketWords | None:
        return self._words

    def show_asking(self) -> None:
        self._stage, self._print = TicketStage.ASKING, PrintStage.NONE
        self._ticket = self._words = None
        self._problem = self._refusal = None
        self.retranslate()

    def show_ticket(self, ticket: IssuedTicket) -> None:
        self._stage, self._ticket = TicketStage.ISSUED, ticket
        self._problem = self._refusal = None
        self.retranslate()

    def show_problem(self, problem: TicketProblem, refusal: TicketRefusal | None) -> None:
        self._stage, self._print = TicketStage.NOT_ISSUED, PrintStage.NONE
        self._ticket = self._words = None
        self._problem, self._refusal = problem, refusal
        self.retranslate()

    def show_print(self, stage: PrintStage) -> None:
        self._print = stage
        self.retranslate()

    def set_counter_note(self, shown: bool) -> None:
        """Tell the customer, calmly, that staff will see to them at the counter (after a
        "yes" in the fraud check): no alarm, nothing a bystander would notice."""
        self._counter_note = shown
        self.retranslate()

    def clear(self) -> None:
        self._counter_note = False
        self.show_asking()

    # --- texts ------------------------------------------------------------------------------

    def print_texts(self) -> list[str]:
        """What to say about the paper: how printing went, then what to do (short
        sentences: they sit in the narrow column beside the number)."""
        number = self._ticket.number if self._ticket is not None else ""
        #: {number} is the ticket number, e.g. A042, repeated so it can be remembered.
        remember = self.tr("Please remember your number: {number}.").format(number=number)
        texts = {
            PrintStage.NONE: [],
            PrintStage.PRINTING: [self.tr("Your ticket is being printed.")],
            PrintStage.PRINTED: [self.tr("Please take your ticket below.")],
            PrintStage.FAILED: [self.tr("Sorry, the ticket could not be printed."), remember],
            PrintStage.NO_PRINTER: [remember],
        }
        return texts[self._print]

    def _reason_text(self) -> str:
        if self._problem is TicketProblem.NO_CONNECTION:
            return self.tr("This kiosk cannot reach the ticket system just now.")
        if self._problem is TicketProblem.NO_ANSWER:
            return self.tr("The ticket system did not answer in time.")
        reasons = {
            TicketRefusal.SERVICE_CLOSED: self.tr("This service is closed just now."),
            TicketRefusal.BRANCH_CLOSED: self.tr("The branch is not giving out tickets just "
                                                 "now."),
            TicketRefusal.QUEUE_FULL: self.tr("There are no more tickets for this service "
                                              "today."),
            TicketRefusal.UNKNOWN_SERVICE: self.tr("This service cannot be chosen here "
                                                   "today."),
            TicketRefusal.NOT_MISSED: self.tr("That number was not missed today, or it is "
                                              "already back in line. Please ask in the lobby."),
        }
        reason = reasons.get(self._refusal) if self._refusal is not None else None
        return reason or self.tr("No ticket could be given out.")

    def retranslate(self) -> None:
        stage = self._stage
        issued = stage is TicketStage.ISSUED and self._ticket is not None
        self._words = self._words_for(self._ticket) if issued and self._ticket else None
        words = self._words
        if stage is TicketStage.ASKING:
            self.title.setText(self.tr("Please wait a moment. Your ticket is on its way."))
        elif stage is TicketStage.NOT_ISSUED:
            self.title.setText(self.tr("Sorry, we could not give you a ticket."))
        self.title.setVisible(words is None)
        self.your_number.setText(words.your_number if words else "")
        #: The ticket number alone, in huge type on the ticket screen. {number} is like
        #: A042; in Chinese it is written with 号 after it.
        self.number.setText(self.tr("{number}").format(number=words.number) if words else "")
        self.service.setText(words.service if words else "")
        self.people_ahead.setText(words.people_ahead if words else "")
        self.wait.setText(words.wait if words else "")
        for label in (self.your_number, self.number, self.service, self.people_ahead,
                      self.wait):
            label.setVisible(words is not None)
        self.counter_note.setText(self.tr("Please keep your ticket. Staff will serve you at "
                                          "the counter."))
        self.counter_note.setVisible(words is not None and self._counter_note)
        url = words.status_url if words else None
        self.qr.set_text(url or "")
        self.qr.setVisible(bool(url))
        self.scan_hint.setText(self.tr("Scan it with your phone to follow the queue."))
        self.scan_hint.setVisible(bool(url))
        failed = stage is TicketStage.NOT_ISSUED
        self.reason.setText(self._reason_text() if failed else "")
        self.reason.setVisible(failed)
        self.advice.setText(self.tr("Please go to the counter. Staff there will give you a "
                                    "number."))
        self.advice.setVisible(failed)
        printing = self.print_texts()
        for index, label in enumerate((self.print_line, self.print_advice)):
            label.setText(printing[index] if index < len(printing) else "")
            label.setVisible(bool(label.text()))
        self.say_again_button.setText(vocabulary_text("Navigation", "say_again"))
        self.say_again_button.setVisible(stage is not TicketStage.ASKING)
        self.try_again_button.setText(self.tr("Try again"))
        self.try_again_button.setVisible(failed and self._problem in (
            TicketProblem.NO_ANSWER, TicketProblem.NO_CONNECTION))
        self.finished_button.setText(self.tr("I'm finished"))
        self.finished_button.setVisible(issued)

    def spoken(self) -> list[str]:
        """The whole ticket as shown, number first: "Your number", "A042", then the service,
        the people ahead, the wait and what to do about the paper. "Being printed" is not
        read: it changes within seconds, and how the printing went is said after the
        reading (`TicketJourney`)."""
        if self._stage is TicketStage.ISSUED and self._words is not None:
            texts = shown_text(self.your_number, self.number, self.service, self.people_ahead,
                               self.wait, self.counter_note)
            if self._print is not PrintStage.PRINTING:
                texts += shown_text(self.print_line, self.print_advice)
            return texts
        return shown_text(self.title, self.reason, self.advice)

    def first_control(self) -> QWidget | None:
        for button in (self.try_again_button, self.say_again_button, self.finished_button):
            if not button.isHidden():
                return button
        return None
