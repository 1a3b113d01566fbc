"""The fraud check before a risky service's ticket, as the customer meets it: the questions
shown large and spoken one at a time; a "yes" gives a priority ticket with a calm word
about the counter and a discreet call to staff, and nothing at the kiosk shows or says an
alarm, even as staff answer the call; "no" to every question goes on as usual.

The help call's state arrives the way the network gives it (`KioskStage`); what the kiosk
sent is recorded by stand-ins for the bridge's `request_ticket` and `raise_help`. The real
hub, broker and consoles are in tests/e2e/test_kiosk_help_loop.py.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.help.events import Category
from kiosk.core.kiosk_flow import Screen
from kiosk.customer.ticket_journey import load_fraud_questions
from kiosk.paths import assets_dir
from tests.gui.test_kiosk_ticket import TicketKiosk, start_ticket_kiosk
from tests.helpers.kiosk_harness import stop_kiosk, touch

QUESTIONS = load_fraud_questions(assets_dir() / "fraud_check", ("zh_CN", "en"))
ALARM_WORDS = ("staff", "help", "fraud", "scam", "police", "工作人员正在", "求助", "诈骗")


@pytest.fixture
def touchscreen(qapp: QApplication) -> QPointingDevice:
    return QTest.createTouchDevice()


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[TicketKiosk]:
    under_test = start_ticket_kiosk(qtbot, tmp_path)
    raised: list[Category] = []
    under_test.kiosk.parts.bridge.raise_help = raised.append  # type: ignore[method-assign]
    under_test.raised = raised  # type: ignore[attr-defined]
    yield under_test
    stop_kiosk(under_test.kiosk.parts)


def _spoken_since(kiosk: TicketKiosk, count: int) -> str:
    return " | ".join(said.text for said in kiosk.speaker.said[count:])


def _service_index(kiosk: TicketKiosk, service_id: str) -> int:
    return [s.id for s in kiosk.kiosk.parts.config.services].index(service_id)


def _choose(kiosk: TicketKiosk, touchscreen: QPointingDevice, service_id: str) -> None:
    window = kiosk.window
    touch(touchscreen, window.home.ticket_button)
    window.services_screen.choices.buttons[_service_index(kiosk, service_id)].click()


def test_the_questions_are_shown_large_and_spoken_one_at_a_time(
        kiosk: TicketKiosk, touchscreen: QPointingDevice, qtbot: QtBot) -> None:
    assert QUESTIONS is not None
    window, screen = kiosk.window, kiosk.window.tickets.fraud_check
    zh = QUESTIONS.questions("zh_CN")

    _choose(kiosk, touchscreen, "transfer")

    assert window.flow.screen is Screen.FRAUD_CHECK
    assert window.host.current is screen
    assert screen.question.text() == zh[0].question
    assert screen.question.property("role") == "heading"
    qtbot.waitUntil(lambda: zh[0].question in _spoken_since(kiosk, 0))
    said = len(kiosk.speaker.said)
    touch(touchscreen, screen.no_button)
    assert screen.question.text() == zh[1].question
    qtbot.waitUntil(lambda: zh[1].question in _spoken_since(kiosk, said))
    assert kiosk.requests.sent == []


def test_no_to_every_question_goes_on_to_the_priority_question(
        kiosk: TicketKiosk, touchscreen: QPointingDevice) -> None:
    assert QUESTIONS is not None
    window = kiosk.window
    _choose(kiosk, touchscreen, "transfer")
    for _ in QUESTIONS.questions("zh_CN"):
        touch(touchscreen, window.tickets.fraud_check.no_button)

    assert window.flow.screen is Screen.PRIORITY
    touch(touchscreen, window.priority_screen.no_button)
    assert [(s, p) for s, p, _, _ in kiosk.requests.sent] == [("transfer", False)]
    assert kiosk.raised == []  # type: ignore[attr-defined]


def test_a_service_without_the_flag_asks_no_questions(
        kiosk: TicketKiosk, touchscreen: QPointingDevice) -> None:
    _choose(kiosk, touchscreen, "cash")

    assert kiosk.window.flow.screen is Screen.PRIORITY


def test_yes_gives_a_priority_ticket_and_a_discreet_call_with_no_alarm_at_the_kiosk(
        kiosk: TicketKiosk, touchscreen: QPointingDevice, qtbot: QtBot) -> None:
    window = kiosk.window
    _choose(kiosk, touchscreen, "transfer")
    touch(touchscreen, window.tickets.fraud_check.no_button)
    said = len(kiosk.speaker.said)

    touch(touchscreen, window.tickets.fraud_check.yes_button)

    assert [(s, p) for s, p, _, _ in kiosk.requests.sent] == [("transfer", True)]
    assert kiosk.raised == [Category.PRIVATE_TALK]  # type: ignore[attr-defined]
    assert window.flow.screen is Screen.TICKET
    kiosk.answer("E007", people_ahead=1, service="transfer")
    ticket = window.ticket_screen
    assert ticket.counter_note.text() == "请拿好号票，工作人员会在柜台为您办理。"
    assert not ticket.counter_note.isHidden()
    qtbot.waitUntil(lambda: ticket.counter_note.text() in _spoken_since(kiosk, said))
    # Staff see the call and answer it: the kiosk keeps showing the ticket, silently.
    stage = kiosk.stage
    stage.raise_call(Category.PRIVATE_TALK)
    stage.notified()
    stage.coming()
    qtbot.wait(100)
    assert window.host.current is ticket
    assert window.flow.screen is Screen.TICKET
    assert window.help.quiet
    spoken = _spoken_since(kiosk, said).lower()
    assert not [w for w in ALARM_WORDS if w in spoken], spoken
    # The customer may still ask for help themselves: then it is an ordinary call.
    touch(touchscreen, ticket.nav.help_button)
    kiosk.stage.tap_shown()
    assert window.host.current is window.help_screen
    assert not window.help.quiet


def test_the_check_starts_afresh_for_the_next_customer(
        kiosk: TicketKiosk, touchscreen: QPointingDevice) -> None:
    window = kiosk.window
    _choose(kiosk, touchscreen, "transfer")
    touch(touchscreen, window.tickets.fraud_check.no_button)

    window.reset_for_next_customer()
    _choose(kiosk, touchscreen, "transfer")

    assert window.tickets.fraud_check.index == 0


def test_a_bad_question_file_is_refused_with_a_clear_message(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "zh_CN.toml").write_text('language = "zh_CN"\n[[questions]]\nid = "a"\n'
                                         'question = ""\nsource = "x"\n'
                                         'review_status = "pending"\n', encoding="utf-8")
    (tmp_path / "en.toml").write_text((assets_dir() / "fraud_check" / "en.toml")
                                      .read_text(encoding="utf-8"), encoding="utf-8")

    with caplog.at_level(logging.ERROR):
        assert load_fraud_questions(tmp_path, ("zh_CN", "en")) is None

    assert "zh_CN.toml, question 'a': question: must not be empty" in caplog.text
