"""Noticing a lost customer at the kiosk: after the branch's signs the offer covers the
screen, large and spoken, with two answers; "yes" raises a guidance call; "no" brings the
screen back and the offer is not made again until the next customer.

The real window from `build_kiosk` with the fake speaker, touched; what the kiosk sent is
recorded by a stand-in for the bridge's `raise_help`. The signs' timing is the branch
file's (`[lost]`), short here; the decision itself is unit-tested in
tests/unit/test_lost_customer.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.help.events import Category
from kiosk.core.lost_customer import OfferState
from tests.gui.test_kiosk_ticket import TicketKiosk, start_ticket_kiosk
from tests.helpers.kiosk_harness import stop_kiosk, touch

SIGNS = {"lost.back_home_count": 3, "lost.back_home_window_s": 30.0,
         "lost.stray_taps": 3, "lost.stray_window_s": 30.0, "lost.stuck_after_s": 0.0,
         "idle.warn_after_s": 600.0}
QUESTION = "需要工作人员过来帮您吗？"


@pytest.fixture
def touchscreen(qapp: QApplication) -> QPointingDevice:
    return QTest.createTouchDevice()


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[TicketKiosk]:
    under_test = start_ticket_kiosk(qtbot, tmp_path, **SIGNS)
    raised: list[Category] = []
    under_test.kiosk.parts.bridge.raise_help = raised.append  # type: ignore[method-assign]
    under_test.raised = raised  # type: ignore[attr-defined]
    yield under_test
    stop_kiosk(under_test.kiosk.parts)


def _back_and_forth(kiosk: TicketKiosk, touchscreen: QPointingDevice, times: int = 3) -> None:
    """Take a ticket, then Back to the start, `times` times (the offer may come after the
    last one)."""
    window = kiosk.window
    for _ in range(times):
        assert window.host.current is window.home
        touch(touchscreen, window.home.ticket_button)
        touch(touchscreen, window.services_screen.nav.back_button)


def _offered(kiosk: TicketKiosk) -> bool:
    return bool(kiosk.window.host.current is kiosk.window.lost_screen)


def test_back_and_forth_brings_the_offer_large_and_spoken(
        kiosk: TicketKiosk, touchscreen: QPointingDevice, qtbot: QtBot) -> None:
    window = kiosk.window
    _back_and_forth(kiosk, touchscreen, 2)
    qtbot.wait(100)
    assert not _offered(kiosk)

    _back_and_forth(kiosk, touchscreen, 1)

    qtbot.waitUntil(lambda: _offered(kiosk))
    screen = window.lost_screen
    assert screen.question.text() == QUESTION
    assert screen.question.property("role") == "heading"
    assert screen.yes_button.text() and screen.no_button.text()
    qtbot.waitUntil(lambda: QUESTION in kiosk.speaker.last.text)


def test_yes_raises_a_guidance_call_and_shows_the_help_screen(
        kiosk: TicketKiosk, touchscreen: QPointingDevice, qtbot: QtBot) -> None:
    _back_and_forth(kiosk, touchscreen)
    qtbot.waitUntil(lambda: _offered(kiosk))

    touch(touchscreen, kiosk.window.lost_screen.yes_button)
    kiosk.stage.tap_shown()

    assert kiosk.raised == [Category.GUIDANCE]  # type: ignore[attr-defined]
    assert kiosk.window.host.current is kiosk.window.help_screen


def test_no_is_respected_for_the_rest_of_the_visit_and_the_next_customer_is_asked_again(
        kiosk: TicketKiosk, touchscreen: QPointingDevice, qtbot: QtBot) -> None:
    window = kiosk.window
    _back_and_forth(kiosk, touchscreen)
    qtbot.waitUntil(lambda: _offered(kiosk))

    touch(touchscreen, window.lost_screen.no_button)

    assert window.host.current is window.home
    assert kiosk.raised == []  # type: ignore[attr-defined]
    _back_and_forth(kiosk, touchscreen, 6)
    qtbot.wait(200)  # ten polls
    assert not _offered(kiosk)
    assert window.lost.watch.state is OfferState.DECLINED

    window.reset_for_next_customer()
    _back_and_forth(kiosk, touchscreen)
    qtbot.waitUntil(lambda: _offered(kiosk))


def test_touches_outside_any_control_bring_the_offer(
        kiosk: TicketKiosk, touchscreen: QPointingDevice, qtbot: QtBot) -> None:
    window = kiosk.window
    touch(touchscreen, window.home.ticket_button)
    screen = window.services_screen
    empty = screen.mapTo(window, QPoint(screen.width() - 5, screen.nav.y() - 5))
    assert window.childAt(empty) is not None
    for _ in range(2):
        QTest.touchEvent(window, touchscreen).press(0, empty).commit()
        QTest.touchEvent(window, touchscreen).release(0, empty).commit()
        qtbot.wait(80)
    qtbot.wait(100)
    assert not _offered(kiosk)

    QTest.touchEvent(window, touchscreen).press(0, empty).commit()
    QTest.touchEvent(window, touchscreen).release(0, empty).commit()

    qtbot.waitUntil(lambda: _offered(kiosk))


def test_no_offer_covers_an_open_help_call(
        kiosk: TicketKiosk, touchscreen: QPointingDevice, qtbot: QtBot) -> None:
    window = kiosk.window
    kiosk.stage.raise_call()
    touch(touchscreen, window.home.nav.help_button)
    kiosk.stage.tap_shown()
    assert window.host.current is window.help_screen
    for _ in range(3):
        touch(touchscreen, window.help_screen.nav.home_button)
        touch(touchscreen, window.home.nav.help_button)
    qtbot.wait(200)

    assert not _offered(kiosk)
