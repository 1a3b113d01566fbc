"""Taking a ticket, from the service tile to the paper: the screens' steps and the network's
and the printer's answers, put together.

Service -> "priority?" -> the ticket screen, which says at once that the ticket is on its
way and then shows what the hub answered. The request carries an id; an answer for any
other request (one the customer gave up on, or a late one after "no answer") is not shown.
"Try again" asks again with the same id, so the hub answers with the ticket it may already
have issued instead of a second one. Once a ticket is shown it goes to the printer, whose
answer comes back on the GUI thread: printed, failed (said on screen and aloud, the ticket
staying on screen) or no printer. What the printer answered is said after the ticket's own
reading, never in the middle of the number; "being printed" is shown but not said, and a
kiosk without a printer (`printer.mode = "none"`) never shows it.

Everything here runs on the GUI thread and never waits: the network and the printer answer
through signals.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.core.config import BranchConfig
from kiosk.core.faq import FaqError
from kiosk.core.fraud_check import (
    FraudAnswer,
    FraudCheckRun,
    FraudQuestion,
    FraudQuestions,
    load_questions,
)
from kiosk.core.kiosk_flow import Screen
from kiosk.core.settings import PrinterMode, PrinterSection
from kiosk.customer.customer_session import data_language
from kiosk.customer.fraud_check_screen import FraudCheckScreen
from kiosk.customer.priority_screen import PriorityScreen
from kiosk.customer.screen_voice import ScreenVoice
from kiosk.customer.services_screen import ServicesScreen
from kiosk.customer.shown_data import shown_data
from kiosk.customer.ticket_screen import PrintStage, TicketScreen
from kiosk.net.kiosk_client import TicketOutcome
from kiosk.net.qt_bridge import KioskBridge
from kiosk.paths import assets_dir
from kiosk.printing.printer import PrintOutcome, PrintResult
from kiosk.printing.qt_adapter import PrinterEvents
from kiosk.printing.ticket_content import ticket_facts
from kiosk.printing.ticket_words import TicketWords, ticket_words
from kiosk.protocol.ticket_messages import IssuedTicket
from kiosk.ui.physical import size_rules

log = logging.getLogger(__name__)

PRINT_CHANNEL = "printing"
_PRINT_STAGES = {PrintOutcome.PRINTED: PrintStage.PRINTED,
                 PrintOutcome.FAILED: PrintStage.FAILED,
                 PrintOutcome.NO_PRINTER: PrintStage.NO_PRINTER}


QR_SIDE_MM = 55.0
"""The ticket's QR code on screen: scans from arm's length with any phone camera."""
CODE_COLUMN_MM = 185.0
"""The QR code's column on the ticket screen: room for its hint in any language."""


def load_fraud_questions(folder: Path, languages: tuple[str, ...]) -> FraudQuestions | None:
    """The branch's fraud-check questions, or None (logged with every problem) when the
    files are refused: the customer then still gets a ticket, without the questions."""
    try:
        return load_questions(folder, languages)
    except FaqError as error:
        for problem in error.problems:
            log.error("fraud-check questions in %s refused: %s", folder, problem)
        return None


class TicketJourney(QObject):
    concernRaised = Signal()
    """The customer said "yes" to a fraud-check question: staff should attend, discreetly."""

    def __init__(self, config: BranchConfig, network: KioskBridge, printer: PrinterEvents,
                 voice: ScreenVoice, language: Callable[[], str],
                 go: Callable[[Screen], None], shown: Callable[[QObject], bool], *,
                 font_family: str, paper: PrinterSection,
                 fraud_dir: Path | None = None, parent: QObject | None = None) -> None:
        """Builds the journey's screens (`services`, `fraud_check`, `priority`, `ticket`);
        the fraud-check questions are read from ``fraud_dir`` (default: the shipped
        ``assets/fraud_check``)."""
        super().__init__(parent)
        rules = size_rules(config.screen)
        self._language = language
        self.fraud_questions = load_fraud_questions(
            fraud_dir or assets_dir() / "fraud_check", tuple(config.branch.languages))
        self.services = services = ServicesScreen(config.services, language)
        self.fraud_check = fraud_check = FraudCheckScreen(self._questions, language)
        self._fraud_run: FraudCheckRun | None = None
        self.priority = priority = PriorityScreen()
        self.ticket = ticket = TicketScreen(self.words_for, round(rules.mm(QR_SIDE_MM)),
                                            round(rules.mm(CODE_COLUMN_MM)))
        self._config = config
        self._network = network
        self._printer = printer
        self._voice = voice
        self._language = language
        self._go = go
        self._shown = shown
        self._font_family = font_family
        self._paper = paper
        self._service = ""
        self._priority = False
        self._returning: str | None = None  # the missed number being put back in line
        self._request: str | None = None
        self._print_request: str | None = None
        self._stopped = False
        services.serviceChosen.connect(self.choose_service)
        priority.answered.connect(self.choose_priority)
        fraud_check.answered.connect(self.answer_fraud_check)
        ticket.tryAgainRequested.connect(self.try_again)
        ticket.sayAgainRequested.connect(self._say_again)
        network.ticket.connect(self._outcome)
        printer.finished.connect(self._printed)

    @property
    def pending_request(self) -> str | None:
        """The request whose answer the ticket screen waits for, if any."""
        return self._request if self.ticket.ticket is None else None

    @property
    def pending_print(self) -> str | None:
        """The printer's request id for the ticket shown, until the printer answers."""
        return self._print_request

    def stop(self) -> None:
        self._stopped = True

    def clear(self) -> None:
        """For the next customer: nothing of this one's ticket is waited for or shown."""
        self._service, self._priority = "", False
        self._fraud_run = None
        self.fraud_check.clear()
        self.ticket.set_counter_note(False)
        self._returning = None
        self._request = self._print_request = None
        self.ticket.clear()

    def words_for(self, ticket: IssuedTicket) -> TicketWords:
        """The ticket's lines in the current language (screen and paper say the same)."""
        language = self._language()
        words = ticket_words(ticket_facts(ticket, self._config, data_language(language)))
        return dataclasses.replace(words, service=shown_data(words.service, language))

    # --- the customer's steps -------------------------------------------------------------

    def _questions(self) -> tuple[FraudQuestion, ...]:
        if self.fraud_questions is None:
            return ()
        return self.fraud_questions.questions(data_language(self._language()))

    @Slot(str)
    def choose_service(self, service_id: str) -> None:
        self._service = service_id
        self.ticket.set_counter_note(False)
        service = next((s for s in self._config.services if s.id == service_id), None)
        questions = self._questions()
        if service is not None and service.fraud_check and questions:
            self._fraud_run = FraudCheckRun(len(questions))
            self.fraud_check.show_question(0)
            self._go(Screen.FRAUD_CHECK)
            return
        self._go(Screen.PRIORITY)

    @Slot(bool)
    def answer_fraud_check(self, yes: bool) -> None:
        """A "yes" ends the check: a priority ticket, a calm word about the counter, and a
        discreet call to staff; the answer itself is not kept."""
        run = self._fraud_run
        if run is None:
            return
        outcome = run.answer(yes)
        if outcome is FraudAnswer.NEXT:
            self.fraud_check.show_question(run.index)
            self.fraud_check.contentChanged.emit()
            return
        self._fraud_run = None
        if outcome is FraudAnswer.CLEAR:
            self._go(Screen.PRIORITY)
            return
        log.info("fraud check: staff asked to attend at the counter")
        self.ticket.set_counter_note(True)
        self.concernRaised.emit()
        self._priority = True
        self._returning = None
        self._request = None
        self._ask()
        self._go(Screen.TICKET)

    @Slot(str)
    def return_missed(self, number: str) -> None:
        """"I missed my number": ask the hub to put it back in line; the answer is shown
        on the ticket screen like a new ticket, and printed with its new place."""
        self._returning = number
        self.ticket.set_counter_note(False)
        self._request = None
        self._ask()
        self._go(Screen.TICKET)

    @Slot(bool)
    def choose_priority(self, priority: bool) -> None:
        self._priority = priority
        self.ticket.set_counter_note(False)
        self._returning = None
        self._request = None
        self._ask()
        self._go(Screen.TICKET)

    @Slot()
    def try_again(self) -> None:
        self._ask()
        self._say_again()

    def _ask(self) -> None:
        self._print_request = None
        self.ticket.show_asking()
        language = data_language(self._language())
        if self._returning is not None:
            self._request = self._network.return_missed(self._returning, language,
                                                        request_id=self._request)
            log.info("missed ticket %s asked back into line (request %s)", self._returning,
                     self._request[:8])
            return
        self._request = self._network.request_ticket(self._service, self._priority, language,
                                                     request_id=self._request)
        log.info("ticket asked for service %s%s (request %s)", self._service,
                 " with priority" if self._priority else "", self._request[:8])

    @Slot()
    def _say_again(self) -> None:
        self._voice.read(self.ticket.spoken())

    # --- answers --------------------------------------------------------------------------

    @Slot(object)
    def _outcome(self, outcome: TicketOutcome) -> None:
        if self._stopped or outcome.request_id != self._request:
            return
        screen = self.ticket
        if screen.ticket is not None:
            return  # already shown (the same ticket, asked again)
        if outcome.ticket is None:
            problem = outcome.problem
            log.warning("no ticket for the customer: %s%s", problem,
                        f" ({outcome.refusal})" if outcome.refusal else "")
            if problem is not None:
                screen.show_problem(problem, outcome.refusal)
        else:
            log.info("ticket %s shown (%d ahead)", outcome.ticket.number,
                     outcome.ticket.people_ahead)
            screen.show_ticket(outcome.ticket)
            self._print(outcome.ticket)
        if self._shown(screen):
            self._say_again()

    def _print(self, ticket: IssuedTicket) -> None:
        words = self.words_for(ticket)
        from kiosk.printing.ticket_pdf import ticket_document  # loaded at the first ticket

        document = ticket_document(words, font_family=self._font_family,
                                   paper_width_mm=self._paper.paper_width_mm)
        # A kiosk without a printer never says it is printing, not even for a moment.
        without_paper = self._paper.mode is PrinterMode.NONE
        self.ticket.show_print(PrintStage.NO_PRINTER if without_paper else PrintStage.PRINTING)
        self._print_request = self._printer.print_ticket(document)

    @Slot(object)
    def _printed(self, result: PrintResult) -> None:
        if self._stopped or result.request_id != self._print_request:
            return
        self._print_request = None  # a request ends with one result; later ones are stale
        stage = _PRINT_STAGES[result.outcome]
        if result.outcome is PrintOutcome.FAILED:
            log.warning("ticket not printed: %s", result.detail)
        screen = self.ticket
        if stage is screen.print_stage:
            return  # already shown (and read): no printer
        screen.show_print(stage)
        if self._shown(screen) and stage is not PrintStage.NONE:
            self._voice.add(screen.print_texts(), PRINT_CHANNEL)
