"""Every screen and state of the kiosk, by name: what `render-screens` draws and the
accessibility test audits, so the two can never cover different things.

A `KioskStage` puts a built kiosk that is not connected into a state the way the network
would: help-call states arrive as the client's `call_changed` signal carrying a state made
from real help events, reachability as its `reachability` signal, PIN answers as
`pin_reply`, the hub's ticket as `ticket` (answering the request the kiosk made), a branch
announcement as `announcement`, and the printer's answer as the printer adapter's
`finished`. Customer actions are the window's own buttons and methods.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

from kiosk.core.customer_settings import TextSize
from kiosk.core.help.events import (
    Category,
    HelpEvent,
    HelpEventKind,
    Outcome,
    new_follow_up,
    new_raise,
)
from kiosk.core.help.state import call_state
from kiosk.core.settings import LocalText, Role
from kiosk.customer.app import KioskParts
from kiosk.net.kiosk_client import (
    PinOutcome,
    PinProblem,
    Reachability,
    TicketOutcome,
    TicketProblem,
)
from kiosk.printing.printer import PrintOutcome, PrintResult
from kiosk.protocol.help_messages import Rating
from kiosk.protocol.pin_messages import PinPurpose, PinRefusal
from kiosk.protocol.staff_messages import Announcement
from kiosk.protocol.ticket_messages import IssuedTicket, TicketRefusal
from kiosk.ui.render import settle, shown_at

K = HelpEventKind
SETTLE_ROUNDS = 3
TAP_SHOWN_WITHIN_S = 5.0
"""The most a staged tap on Help waits to be shown (a generous bound: it takes
milliseconds, or ``help_loop.SHOW_WAIT_MS`` with no device thread)."""
SAMPLE_TOKEN = "Sample-status-token-0123456789ab"
"""A ticket's status-page token for the pictures (the real ones are the hub's)."""
SAMPLE_ANNOUNCEMENT = LocalText({
    "zh_CN": "请大家跟随工作人员，从大门有序离开营业厅。",
    "en": "Please follow the staff and leave the branch calmly by the main door.",
})


class KioskStage:
    def __init__(self, parts: KioskParts, now: Callable[[], float] = time.time) -> None:
        self.parts = parts
        self.window = parts.window
        self._now = now
        config = parts.config
        self.kiosk_id = parts.device.device_id
        consoles = config.devices_with_role(Role.CONSOLE)
        self.console_id = consoles[0].id if consoles else "console"
        self.staff_id = config.staff[0].id if config.staff else "staff"
        self._events: list[HelpEvent] = []

    def fresh(self, language: str, *, larger: bool = False,
              high_contrast: bool = False) -> None:
        """A kiosk nobody has used, in ``language`` and the given look, with staff
        reachable and no branch announcement on."""
        self.window.session.start_look(larger=larger, high_contrast=high_contrast)
        self._events = []
        self.parts.bridge.call_changed.emit(None)
        if self.window.takeover.active:
            self.announce(None)
        self.window.reset_for_next_customer()
        session = self.window.session
        session.update(session.settings.with_language(language))
        self.reachable(True)

    def settle(self) -> None:
        """Let every wave of re-sizing run (a new theme or text posts several)."""
        for _ in range(SETTLE_ROUNDS):
            settle(self.window)

    def tap_shown(self) -> None:
        """Let a tap on Help be shown: once the device thread has the call, or, with no
        device thread running, once the kiosk stops waiting for it."""
        deadline = time.monotonic() + TAP_SHOWN_WITHIN_S
        while self.window.help.raising and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.001)

    def reachable(self, staff_reachable: bool) -> None:
        consoles = frozenset({self.console_id}) if staff_reachable else frozenset()
        self.parts.bridge.reachability.emit(Reachability(staff_reachable, consoles,
                                                         staff_reachable))

    def raise_call(self, category: Category = Category.UNSPECIFIED, *, drill: bool = False,
                   ago_s: float = 1.0) -> None:
        raised = new_raise(self.kiosk_id, self._now() - ago_s, category=category, drill=drill)
        self._events = [raised]
        self._publish()

    def follow(self, kind: HelpEventKind, **fields: object) -> None:
        """Add an event to the staged call (from the console, or the kiosk's own)."""
        raised = self._events[0]
        origin = self.kiosk_id if kind in (K.CUSTOMER_FINE, K.FEEDBACK) else self.console_id
        event = new_follow_up(raised.call_id, self.kiosk_id, kind, origin, self._now(),
                              **fields)  # type: ignore[arg-type]
        self._events.append(event)
        self._publish()

    def notified(self) -> None:
        self.follow(K.RECEIVED, console_id=self.console_id)

    def coming(self) -> None:
        self.notified()
        self.follow(K.ACKNOWLEDGED, staff_id=self.staff_id)

    def closed(self) -> None:
        self.coming()
        self.follow(K.ARRIVED, staff_id=self.staff_id)
        drill = self._events[0].drill
        self.follow(K.RESOLVED, staff_id=self.staff_id,
                    outcome=Outcome.DRILL if drill else Outcome.HELPED)

    def pin_refused(self, purpose: PinPurpose, refusal: PinRefusal) -> None:
        """The hub's refusal of the PIN just typed."""
        waiting = (self.window.pending_pin_requests if purpose is PinPurpose.KIOSK_EXIT
                   else self.window.help.pending_pin_requests)
        for request_id in waiting:
            self.parts.bridge.pin_reply.emit(PinOutcome(request_id, purpose,
                                                        problem=PinProblem.REFUSED,
                                                        refusal=refusal))

    def _publish(self) -> None:
        self.parts.bridge.call_changed.emit(call_state(self._events))

    # --- tickets, questions, announcements ------------------------------------------------

    def ask_for_ticket(self, service_index: int = 0, *, priority: bool = False) -> None:
        """The customer's taps: Take a ticket, a service, the priority answer."""
        window = self.window
        window.home.ticket_button.click()
        window.services_screen.choices.buttons[service_index].click()
        answer = window.priority_screen.yes_button if priority else \
            window.priority_screen.no_button
        answer.click()

    def fraud_check(self, answers: tuple[bool, ...] = ()) -> None:
        """Take a ticket for the first service with the fraud check, answering its
        questions in turn (True: "yes")."""
        window = self.window
        window.home.ticket_button.click()
        checked = [s.fraud_check for s in self.parts.config.services]
        assert any(checked), "no service in this branch asks the fraud-check questions"
        window.services_screen.choices.buttons[checked.index(True)].click()
        screen = window.tickets.fraud_check
        for yes in answers:
            (screen.yes_button if yes else screen.no_button).click()

    def issue(self, number: str = "A042", *, people_ahead: int = 3,
              wait_s: tuple[int, int] = (600, 1200), token: str | None = SAMPLE_TOKEN) -> None:
        """The hub's answer to the ticket request the kiosk made."""
        journey = self.window.tickets
        request = journey.pending_request
        assert request is not None, "no ticket request is waiting for an answer"
        service = self.parts.config.services[0].id
        for candidate in self.parts.config.services:
            if number.startswith(candidate.prefix):
                service = candidate.id
        ticket = IssuedTicket(number, service, False, people_ahead, wait_s[0], wait_s[1],
                              self._now(), token)
        self.parts.bridge.ticket.emit(TicketOutcome(request, ticket))

    def no_ticket(self, problem: TicketProblem,
                  refusal: TicketRefusal | None = None) -> None:
        request = self.window.tickets.pending_request
        assert request is not None, "no ticket request is waiting for an answer"
        self.parts.bridge.ticket.emit(TicketOutcome(request, None, problem, refusal))

    def printed(self, outcome: PrintOutcome) -> None:
        """The printer's answer for the ticket on screen."""
        journey = self.window.tickets
        request = journey.pending_print
        assert request is not None, "no ticket is being printed"
        self.window.printer_events.finished.emit(PrintResult(request, outcome,
                                                              outcome.value))

    def open_answer(self, category: int = 0, question: int = 0) -> None:
        window = self.window
        window.home.questions_button.click()
        window.categories_screen.choices.buttons[category].click()
        window.questions_screen.choices.buttons[question].click()

    def announce(self, text: LocalText | None = SAMPLE_ANNOUNCEMENT) -> None:
        """A console's branch announcement (None: cleared), as the hub retains it."""
        self.parts.bridge.announcement.emit(Announcement(
            announcement_id="a" * 32, active=text is not None, text=text or LocalText({}),
            at=self._now()))


@dataclass(frozen=True)
class ScreenState:
    name: str
    set_up: Callable[[KioskStage], None]
    larger_text: bool = False
    high_contrast: bool = False


def _settings(stage: KioskStage, *, larger: bool = False, contrast: bool = False) -> None:
    session = stage.window.session
    settings = session.settings
    if larger and settings.text_size is TextSize.LARGE:
        settings = settings.toggled_size()
    if contrast and not settings.high_contrast:
        settings = settings.toggled_contrast()
    session.update(settings)


def _unreachable(stage: KioskStage) -> None:
    stage.reachable(False)
    stage.window.home.set_staff_unreachable(True)


def _go_settings(stage: KioskStage) -> None:
    stage.window.home.settings_button.click()


def _tap(stage: KioskStage) -> None:
    stage.window.help_tapped()
    stage.tap_shown()


def _idle_warning(stage: KioskStage) -> None:
    stage.window.idle.countdown.emit(30, False)
    stage.window.idle.warn.emit()


def _priority(stage: KioskStage) -> None:
    stage.window.home.ticket_button.click()
    stage.window.services_screen.choices.buttons[0].click()


def _questions(stage: KioskStage) -> None:
    stage.window.home.questions_button.click()
    stage.window.categories_screen.choices.buttons[0].click()


def _notified(stage: KioskStage) -> None:
    stage.raise_call()
    stage.notified()


def _coming(stage: KioskStage) -> None:
    stage.raise_call()
    stage.coming()


def _medical_coming(stage: KioskStage) -> None:
    stage.raise_call(Category.MEDICAL)
    stage.coming()


def _were_you_helped(stage: KioskStage) -> None:
    stage.raise_call()
    stage.closed()


def _choice(category: Category) -> Callable[[KioskStage], None]:
    def set_up(stage: KioskStage) -> None:
        stage.raise_call()
        stage.window.help_tapped()
        stage.window.help_screen.choices[category].click()

    return set_up


def _no_staff(stage: KioskStage) -> None:
    stage.reachable(False)
    stage.raise_call()


def _waiting_long(stage: KioskStage) -> None:
    stage.raise_call(Category.MEDICAL)
    stage.notified()
    stage.follow(K.ESCALATED, level=1)


def _arrived(stage: KioskStage) -> None:
    stage.raise_call()
    stage.coming()
    stage.follow(K.ARRIVED, staff_id=stage.staff_id)


def _fine(stage: KioskStage) -> None:
    stage.raise_call()
    stage.notified()
    stage.follow(K.CUSTOMER_FINE)


def _thanks(stage: KioskStage) -> None:
    stage.raise_call()
    stage.closed()
    stage.follow(K.FEEDBACK, helped=True)


def _drill(stage: KioskStage) -> None:
    stage.raise_call(Category.OTHER, drill=True)
    stage.coming()


def _staff_close(step: int) -> Callable[[KioskStage], None]:
    def set_up(stage: KioskStage) -> None:
        stage.raise_call()
        stage.coming()
        stage.follow(K.ARRIVED, staff_id=stage.staff_id)
        screen = stage.window.help_screen
        screen.close_button.click()
        if step >= 1:
            screen.staff_close.choose_outcome(Outcome.HELPED)
        if step >= 2:
            screen.staff_close.pin.choose(stage.staff_id)
            screen.staff_close.pin.type_digits("24")

    return set_up


def _staff_exit(step: int) -> Callable[[KioskStage], None]:
    def set_up(stage: KioskStage) -> None:
        window = stage.window
        window.open_staff_exit()
        if step >= 1:
            window.staff_exit.panel.choose(stage.staff_id)
            window.staff_exit.panel.type_digits("13")
        if step >= 2:
            window.staff_exit.panel.type_digits("57")
            window.staff_exit.panel.pad.keys["ok"].click()
            stage.pin_refused(PinPurpose.KIOSK_EXIT, PinRefusal.WRONG_PIN)

    return set_up


def _ticket(outcome: PrintOutcome, *, people_ahead: int = 3,
            wait_s: tuple[int, int] = (600, 1200),
            token: str | None = SAMPLE_TOKEN) -> Callable[[KioskStage], None]:
    def set_up(stage: KioskStage) -> None:
        stage.ask_for_ticket()
        stage.issue(people_ahead=people_ahead, wait_s=wait_s, token=token)
        stage.printed(outcome)

    return set_up


def _no_ticket(problem: TicketProblem,
               refusal: TicketRefusal | None = None) -> Callable[[KioskStage], None]:
    def set_up(stage: KioskStage) -> None:
        stage.ask_for_ticket()
        stage.no_ticket(problem, refusal)

    return set_up


def _fraud_ticket(stage: KioskStage) -> None:
    """A "yes": the priority ticket with the calm word about the counter, no alarm; the
    discreet call it raised comes back from the network as every call does."""
    stage.fraud_check((True,))
    stage.raise_call(Category.PRIVATE_TALK)
    stage.issue("E007", people_ahead=1, wait_s=(120, 600))
    stage.printed(PrintOutcome.PRINTED)


def _type_missed(stage: KioskStage, number: str = "A005") -> None:
    """"I missed my number", and the customer's taps on the keypad."""
    window = stage.window
    window.home.missed_button.click()
    screen = window.missed_screen
    prefix = next((p for p in screen.keys if number.startswith(p) and not p.isdigit()), "")
    if prefix:
        screen.keys[prefix].click()
    for digit in number[len(prefix):].lstrip("0"):
        screen.keys[digit].click()


def _missed_back(stage: KioskStage) -> None:
    _type_missed(stage)
    stage.window.missed_screen.send.click()
    stage.issue("A005", people_ahead=2, wait_s=(300, 900))
    stage.printed(PrintOutcome.PRINTED)


def _missed_refused(stage: KioskStage) -> None:
    _type_missed(stage)
    stage.window.missed_screen.send.click()
    stage.no_ticket(TicketProblem.REFUSED, TicketRefusal.NOT_MISSED)


def _larger(then: Callable[[KioskStage], None]) -> Callable[[KioskStage], None]:
    def set_up(stage: KioskStage) -> None:
        _settings(stage, larger=True)
        then(stage)

    return set_up


def _lost_offer(stage: KioskStage) -> None:
    """Back and forth, as often as the branch's sign says: the offer of staff."""
    window = stage.window
    for _ in range(max(1, stage.parts.config.lost.back_home_count)):
        window.home.ticket_button.click()
        window.services_screen.nav.back_button.click()
    window.lost.poll()


def _magnifier(stage: KioskStage) -> None:
    """The magnifier on, a finger on home's "take a ticket": the lens over it. The lens
    is a picture of the window as it is, so the window is first shown and laid out at the
    configured size (a window never shown yet, the first picture drawn, has no layout)."""
    window = stage.window
    window.magnifier.turn_on()
    screen = stage.parts.config.screen
    with shown_at(window, (screen.width_px, screen.height_px)):
        button = window.home.ticket_button
        window.magnifier.show_at(button.mapTo(window, button.rect().center()))


def _feedback(stage: KioskStage) -> None:
    """The customer is done with their ticket: "I'm finished"."""
    _ticket(PrintOutcome.PRINTED)(stage)
    stage.window.ticket_screen.finished_button.click()


def _feedback_given(stage: KioskStage) -> None:
    _feedback(stage)
    stage.window.feedback_screen.faces[Rating.GOOD].click()


TICKET_STATES: tuple[ScreenState, ...] = (
    ScreenState("services", lambda stage: stage.window.home.ticket_button.click()),
    ScreenState("priority", _priority),
    ScreenState("ticket-waiting", lambda stage: stage.ask_for_ticket()),
    ScreenState("ticket", _ticket(PrintOutcome.PRINTED)),
    ScreenState("ticket-larger-text", _larger(_ticket(PrintOutcome.PRINTED)), larger_text=True),
    ScreenState("ticket-next-no-qr", _ticket(PrintOutcome.NO_PRINTER, people_ahead=0,
                                             wait_s=(0, 120), token=None)),
    ScreenState("ticket-printing-failed", _ticket(PrintOutcome.FAILED)),
    ScreenState("ticket-failed", _no_ticket(TicketProblem.NO_ANSWER)),
    ScreenState("ticket-refused", _no_ticket(TicketProblem.REFUSED,
                                             TicketRefusal.SERVICE_CLOSED)),
    ScreenState("fraud-check", lambda stage: stage.fraud_check()),
    ScreenState("fraud-check-larger-text", _larger(lambda stage: stage.fraud_check()),
                larger_text=True),
    ScreenState("fraud-check-second", lambda stage: stage.fraud_check((False,))),
    ScreenState("fraud-check-ticket", _fraud_ticket),
    ScreenState("missed", lambda stage: stage.window.home.missed_button.click()),
    ScreenState("missed-typed", _type_missed),
    ScreenState("missed-back-in-line", _missed_back),
    ScreenState("missed-not-missed", _missed_refused),
)
"""Taking a ticket: every step, and every way it can end."""

QUESTION_STATES: tuple[ScreenState, ...] = (
    ScreenState("categories", lambda stage: stage.window.home.questions_button.click()),
    ScreenState("questions", _questions),
    ScreenState("answer", lambda stage: stage.open_answer()),
    ScreenState("answer-larger-text", _larger(lambda stage: stage.open_answer()),
                larger_text=True),
)

OTHER_STATES: tuple[ScreenState, ...] = (
    ScreenState("announcement", lambda stage: stage.announce()),
    ScreenState("announcement-larger-text", _larger(lambda stage: stage.announce()),
                larger_text=True),
    ScreenState("feedback", _feedback),
    ScreenState("lost-offer", _lost_offer),
    ScreenState("magnifier-on", lambda stage: stage.window.magnifier.turn_on()),
    ScreenState("magnifier-lens", _magnifier),
    ScreenState("magnifier-larger-text", _larger(_magnifier), larger_text=True),
    ScreenState("lost-offer-larger-text", _larger(_lost_offer), larger_text=True),
    ScreenState("feedback-thanks", _feedback_given),
)

STATES: tuple[ScreenState, ...] = (
    ScreenState("home", lambda stage: None),
    ScreenState("home-staff-unreachable", _unreachable),
    ScreenState("home-larger-text", lambda stage: _settings(stage, larger=True),
                larger_text=True),
    ScreenState("help-coming-larger-text", _larger(_medical_coming), larger_text=True),
    ScreenState("settings-larger-text", _larger(_go_settings), larger_text=True),
    ScreenState("home-high-contrast", lambda stage: _settings(stage, contrast=True),
                high_contrast=True),
    ScreenState("settings", _go_settings),
    ScreenState("idle-warning", _idle_warning),
    ScreenState("help-calling", _tap),
    ScreenState("help-choice-unwell", _choice(Category.MEDICAL)),
    ScreenState("help-choice-private", _choice(Category.PRIVATE_TALK)),
    ScreenState("help-choice-other", _choice(Category.OTHER)),
    ScreenState("help-no-staff", _no_staff),
    ScreenState("help-notified", _notified),
    ScreenState("help-waiting-long", _waiting_long),
    ScreenState("help-coming", _coming),
    ScreenState("help-arrived", _arrived),
    ScreenState("help-fine-now", _fine),
    ScreenState("help-were-you-helped", _were_you_helped),
    ScreenState("help-thank-you", _thanks),
    ScreenState("help-drill", _drill),
    ScreenState("help-staff-close", _staff_close(0)),
    ScreenState("help-staff-close-name", _staff_close(1)),
    ScreenState("help-staff-close-pin", _staff_close(2)),
    ScreenState("staff-exit", _staff_exit(0)),
    ScreenState("staff-exit-pin", _staff_exit(1)),
    ScreenState("staff-exit-wrong-pin", _staff_exit(2)),
    *TICKET_STATES,
    *QUESTION_STATES,
    *OTHER_STATES,
)
