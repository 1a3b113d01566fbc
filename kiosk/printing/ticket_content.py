"""What a printed ticket says, worked out from the hub's ticket and the branch configuration.

Kept free of Qt so the facts (the wait in whole minutes, the status page's address, the
time in the branch's own time zone) are tested on their own; the Qt side only translates
the labels and draws.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import datetime

from kiosk.core.config import BranchConfig
from kiosk.core.queue.ticket_sentences import wait_minutes
from kiosk.protocol.ticket_messages import IssuedTicket

STATUS_PATH = "/t/"
"""Where the hub's status page serves one ticket: ``<public_url>/t/<token>``."""


@dataclass(frozen=True)
class TicketFacts:
    """Everything printed on a ticket except the translated labels."""

    number: str
    service_name: str
    people_ahead: int
    wait_low_min: int
    wait_high_min: int
    issued_at: datetime
    """In the branch's time zone."""
    branch_name: str
    status_url: str | None
    """The QR code's address; None when the status page (and so the QR code) is off."""
    language: str


def status_url(public_url: str, token: str) -> str:
    return public_url.rstrip("/") + STATUS_PATH + token


def ticket_facts(ticket: IssuedTicket, config: BranchConfig, language: str) -> TicketFacts:
    service = config.service(ticket.service_id)
    service_name = service.name.text(language) if service is not None else ticket.service_id
    token = ticket.status_token
    url = (status_url(config.status_page.public_url, token)
           if token is not None and config.status_page.enabled else None)
    low, high = wait_minutes(ticket.wait_low_s, ticket.wait_high_s)
    zone = zoneinfo.ZoneInfo(config.branch.timezone)
    return TicketFacts(
        number=ticket.number, service_name=service_name, people_ahead=ticket.people_ahead,
        wait_low_min=low, wait_high_min=high,
        issued_at=datetime.fromtimestamp(ticket.issued_at, zone),
        branch_name=config.branch.name.text(language), status_url=url, language=language)
