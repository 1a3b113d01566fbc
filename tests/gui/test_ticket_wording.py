"""One wording of a ticket's place and wait: the phone's status page says what the kiosk
screen, the paper and the voice say (kiosk.core.queue.ticket_sentences)."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

from kiosk.core.queue.ticket_sentences import ahead_wording, wait_wording
from kiosk.hub.status_page import TicketView, render_ticket, waiting_sentences
from kiosk.printing.ticket_words import AHEAD_SOURCES, WAIT_SOURCES

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"


def catalogue(language: str) -> dict[tuple[str, str], str]:
    """(context, source) -> translation of the kiosk's catalogue for `language`."""
    root = ElementTree.parse(TRANSLATIONS / f"kiosk_{language}.ts").getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""):
            message.findtext("translation") or ""
        for context in root.iter("context") for message in context.iter("message")
    }


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize(("ahead", "low", "high"), [
    (0, 0, 0), (1, 0, 3), (2, 2, 2), (7, 10, 25), (0, 0, 1)])
def test_the_page_words_the_place_and_wait_as_the_kiosk_and_ticket_do(
        language: str, ahead: int, low: int, high: int) -> None:
    """The phone, the kiosk screen, the paper and the voice say one thing: the status
    page's sentences are the kiosk's own translations of the same choice of sentence."""
    view = TicketView(number="B007", service={"zh_CN": "养老金", "en": "Pensions"},
                      state="waiting", people_ahead=ahead, wait_low_min=low,
                      wait_high_min=high, counter=None)
    words = catalogue(language)
    kiosk_ahead = words[("PrintedTicket", AHEAD_SOURCES[ahead_wording(ahead)])]
    kiosk_wait = words[("PrintedTicket", WAIT_SOURCES[wait_wording(low, high)])]
    assert waiting_sentences(view, language) == (
        kiosk_ahead.format(count=ahead), kiosk_wait.format(low=low, high=high))
    page = render_ticket(view)
    assert "0–0" not in page and "0 to 0" not in page and "0到0" not in page
