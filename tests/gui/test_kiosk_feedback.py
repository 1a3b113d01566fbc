""""How was your visit today?": three faces, optional, one rating, nothing personal.

Reached when the customer is done with their ticket. The rating leaves the kiosk through the
bridge (recorded here by a stand-in); the message on the wire is checked end to end in
tests/e2e/test_ticket_journey.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.kiosk_flow import Screen
from kiosk.customer.kiosk_symbols import bad_face, good_face, ok_face
from kiosk.protocol.help_messages import Rating
from kiosk.ui.widgets.symbols import Symbol
from tests.gui.test_kiosk_ticket import TicketKiosk, start_ticket_kiosk, take
from tests.helpers.kiosk_harness import stop_kiosk, touch


class Ratings:
    def __init__(self) -> None:
        self.sent: list[tuple[Rating, str]] = []

    def __call__(self, rating: Rating, language: str) -> None:
        self.sent.append((rating, language))


@pytest.fixture
def touchscreen(qapp: QApplication) -> QPointingDevice:
    return QTest.createTouchDevice()


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[TicketKiosk, Ratings]]:
    under_test = start_ticket_kiosk(qtbot, tmp_path)
    ratings = Ratings()
    under_test.kiosk.parts.bridge.give_visit_feedback = ratings  # type: ignore[method-assign]
    yield under_test, ratings
    stop_kiosk(under_test.kiosk.parts)


def finished_with_a_ticket(kiosk: TicketKiosk, touchscreen: QPointingDevice) -> None:
    take(kiosk, touchscreen)
    kiosk.answer("A042")
    touch(touchscreen, kiosk.window.ticket_screen.finished_button)


def test_done_with_the_ticket_the_customer_is_asked_and_one_tap_rates_the_visit(
        kiosk: tuple[TicketKiosk, Ratings], touchscreen: QPointingDevice) -> None:
    under_test, ratings = kiosk
    finished_with_a_ticket(under_test, touchscreen)

    window = under_test.window
    screen = window.feedback_screen
    assert window.flow.screen is Screen.FEEDBACK
    assert [screen.faces[r].text() for r in Rating] == ["满意", "一般", "不满意"]
    said = under_test.speaker.last.text
    assert "您今天办事还满意吗？" in said and "可以不回答。" in said

    touch(touchscreen, screen.faces[Rating.OK])

    assert ratings.sent == [(Rating.OK, "zh_CN")]
    assert screen.thanks.isVisible() and not screen.faces[Rating.GOOD].isVisible()
    assert "谢谢您告诉我们" in under_test.speaker.last.text
    screen.faces[Rating.BAD].click()  # hidden now; even a stray click rates nothing more
    assert ratings.sent == [(Rating.OK, "zh_CN")]


def test_the_customer_may_decline_and_nothing_is_sent(
        kiosk: tuple[TicketKiosk, Ratings], touchscreen: QPointingDevice) -> None:
    under_test, ratings = kiosk
    finished_with_a_ticket(under_test, touchscreen)
    touch(touchscreen, under_test.window.feedback_screen.decline_button)

    assert under_test.window.flow.screen is Screen.HOME
    assert ratings.sent == []


def test_the_next_customer_is_asked_afresh(
        kiosk: tuple[TicketKiosk, Ratings], touchscreen: QPointingDevice) -> None:
    under_test, ratings = kiosk
    finished_with_a_ticket(under_test, touchscreen)
    touch(touchscreen, under_test.window.feedback_screen.faces[Rating.GOOD])
    under_test.window.reset_for_next_customer()

    screen = under_test.window.feedback_screen
    assert screen.given is None and not screen.thanks.isVisibleTo(screen)
    assert screen.faces[Rating.GOOD].isVisibleTo(screen)


def _drawn(symbol: Symbol) -> QImage:
    image = QImage(120, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    symbol(painter, QRectF(10, 10, 100, 100))
    painter.end()
    return image


def test_the_faces_differ_by_shape_not_by_colour() -> None:
    images = [_drawn(face) for face in (good_face, ok_face, bad_face)]
    for image in images:  # drawn in the one ink given (black here): no colour of their own
        assert all(image.pixelColor(x, y).saturation() == 0
                   for x in range(120) for y in range(120))
    upper_halves = {bytes(image.copy(0, 0, 120, 60).constBits()) for image in images}
    lower_halves = {bytes(image.copy(0, 60, 120, 60).constBits()) for image in images}
    assert len(upper_halves) == 1  # the same eyes
    assert len(lower_halves) == 3  # three mouths
