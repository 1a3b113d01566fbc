"""The printed ticket's lines in the kiosk's current language.

Built on the GUI thread, where the customer's language is installed, and handed to the
printer's own thread as plain strings; the drawing there never looks anything up. The
screen shows and speaks these same lines, so the paper and the screen say the same thing;
which sentence says the people ahead and the wait is `kiosk.core.queue.ticket_sentences`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.core.queue.ticket_sentences import AheadWording, WaitWording, ahead_wording, wait_wording
from kiosk.printing.ticket_content import TicketFacts

CONTEXT = "PrintedTicket"
_YOUR_NUMBER = QT_TRANSLATE_NOOP("PrintedTicket", "Your number")
_NOBODY_AHEAD = QT_TRANSLATE_NOOP("PrintedTicket", "Nobody is waiting before you.")
_ONE_AHEAD = QT_TRANSLATE_NOOP("PrintedTicket", "One person is waiting before you.")
#: {count} is the number of customers waiting before this one now (2 or more).
_MANY_AHEAD = QT_TRANSLATE_NOOP("PrintedTicket", "{count} people are waiting before you.")
#: The hub's wait estimate is under one minute.
_WAIT_UNDER_A_MINUTE = QT_TRANSLATE_NOOP("PrintedTicket", "Expected wait: under 1 minute")
#: {high} is whole minutes, e.g. "Expected wait: up to 5 minutes".
_WAIT_UP_TO = QT_TRANSLATE_NOOP("PrintedTicket", "Expected wait: up to {high} minutes")
#: {low} is whole minutes, e.g. "Expected wait: about 5 minutes".
_WAIT_ABOUT = QT_TRANSLATE_NOOP("PrintedTicket", "Expected wait: about {low} minutes")
#: {low} and {high} are whole minutes, e.g. "Expected wait: 10 to 20 minutes".
_WAIT_RANGE = QT_TRANSLATE_NOOP("PrintedTicket", "Expected wait: {low} to {high} minutes")
AHEAD_SOURCES = {AheadWording.NOBODY: str(_NOBODY_AHEAD), AheadWording.ONE: str(_ONE_AHEAD),
                 AheadWording.MANY: str(_MANY_AHEAD)}
"""The English source of each people-ahead sentence (the status page says the same)."""
WAIT_SOURCES = {WaitWording.UNDER_A_MINUTE: str(_WAIT_UNDER_A_MINUTE),
                WaitWording.UP_TO: str(_WAIT_UP_TO), WaitWording.ABOUT: str(_WAIT_ABOUT),
                WaitWording.RANGE: str(_WAIT_RANGE)}
"""The English source of each wait sentence (the status page says the same)."""
#: {date} is like 2026-11-27 and {time} like 09:15, when the ticket was taken.
_TAKEN = QT_TRANSLATE_NOOP("PrintedTicket", "Taken: {date} {time}")
_SCAN = QT_TRANSLATE_NOOP("PrintedTicket",
                          "Scan the code with your phone to see your place in the queue.")
_LISTEN = QT_TRANSLATE_NOOP("PrintedTicket", "Please listen for your number. If you miss it, "
                            "please ask the staff in the lobby.")
#: The printed file's title, seen by staff in the printer's job list. {number}: A042.
_TITLE = QT_TRANSLATE_NOOP("PrintedTicket", "Ticket {number}")


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


@dataclass(frozen=True)
class TicketWords:
    """Every line of one printed ticket, translated and formatted."""

    branch: str
    your_number: str
    number: str
    service: str
    people_ahead: str
    wait: str
    taken_at: str
    scan_hint: str | None
    status_url: str | None
    listen: str
    title: str


def ticket_words(facts: TicketFacts) -> TicketWords:
    """The lines for `facts` in the installed language; call on the GUI thread."""
    ahead = _tr(AHEAD_SOURCES[ahead_wording(facts.people_ahead)]).format(
        count=facts.people_ahead)
    wait = _tr(WAIT_SOURCES[wait_wording(facts.wait_low_min, facts.wait_high_min)]).format(
        low=facts.wait_low_min, high=facts.wait_high_min)
    taken = _tr(_TAKEN).format(date=facts.issued_at.strftime("%Y-%m-%d"),
                               time=facts.issued_at.strftime("%H:%M"))
    return TicketWords(
        branch=facts.branch_name, your_number=_tr(_YOUR_NUMBER), number=facts.number,
        service=facts.service_name, people_ahead=ahead, wait=wait, taken_at=taken,
        scan_hint=_tr(_SCAN) if facts.status_url else None, status_url=facts.status_url,
        listen=_tr(_LISTEN), title=_tr(_TITLE).format(number=facts.number))
