"""The magnifier, as a customer without their glasses meets it: a switch beside Back on
every screen; while it is on, a press shows the area under the finger enlarged in the lens
and presses nothing; off, the same press presses. It turns itself off after the branch's
time without a touch, and for the next customer.

The real window from `build_kiosk` with the fake speaker, touched.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.kiosk_flow import Screen
from kiosk.customer.magnifier import MagnifierButton
from tests.gui.test_kiosk_ticket import TicketKiosk, start_ticket_kiosk
from tests.helpers.kiosk_harness import stop_kiosk, touch

OFF_AFTER_S = 3.0


@pytest.fixture
def touchscreen(qapp: QApplication) -> QPointingDevice:
    return QTest.createTouchDevice()


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[TicketKiosk]:
    under_test = start_ticket_kiosk(qtbot, tmp_path, **{"magnifier.zoom": 2.5,
                                                        "magnifier.off_after_s": OFF_AFTER_S})
    yield under_test
    stop_kiosk(under_test.kiosk.parts)


def _differing(image: QImage, other: QImage) -> float:
    """The share of pixels that differ between two images of one size."""
    assert image.size() == other.size()
    first = image.convertToFormat(QImage.Format.Format_RGB32)
    second = other.convertToFormat(QImage.Format.Format_RGB32)
    differ = sum(first.pixel(x, y) != second.pixel(x, y)
                 for y in range(0, first.height(), 2) for x in range(0, first.width(), 2))
    return differ / ((first.width() + 1) // 2 * ((first.height() + 1) // 2))


def _switch(kiosk: TicketKiosk) -> MagnifierButton:
    """The magnifier's switch on the screen shown."""
    shown = [b for b in kiosk.window.magnifier_buttons if b.isVisible()]
    assert len(shown) == 1
    return shown[0]


def test_every_screen_has_the_switch_beside_back(kiosk: TicketKiosk) -> None:
    window = kiosk.window
    for screen in window.screens.values():
        strip = screen.nav.layout()
        names = [strip.itemAt(i).widget().objectName() for i in range(strip.count())
                 if strip.itemAt(i).widget() is not None]
        assert names == ["nav_home", "nav_back", "nav_magnifier", "nav_help"], screen


def test_on_a_press_magnifies_the_area_under_the_finger_and_presses_nothing(
        kiosk: TicketKiosk, touchscreen: QPointingDevice, qtbot: QtBot) -> None:
    window = kiosk.window
    touch(touchscreen, _switch(kiosk))
    assert window.magnifier.on and _switch(kiosk).text() == "放大镜 开"
    kiosk.stage.settle()
    button = window.home.ticket_button
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    at = button.mapTo(window, button.rect().center())

    QTest.touchEvent(window, touchscreen).press(0, at).commit()

    magnifier, lens = window.magnifier, window.magnifier.lens
    assert lens.isVisible()
    finger = magnifier.shown_at
    assert finger is not None and (finger - at).manhattanLength() <= 6
    source = magnifier.source_rect(finger)
    assert not lens.geometry().intersects(source)  # the lens never covers what it shows
    expected = window.grab(source).scaled(lens.size(), Qt.AspectRatioMode.IgnoreAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation)
    assert _differing(lens.picture.toImage(), expected.toImage()) < 0.01
    assert lens.width() / source.width() == pytest.approx(2.5, rel=0.02)
    moved = at + QPoint(40, 0)
    QTest.touchEvent(window, touchscreen).move(0, moved).commit()
    assert window.magnifier.source_rect(moved).center().x() > \
        window.magnifier.source_rect(at).center().x()
    QTest.touchEvent(window, touchscreen).release(0, moved).commit()
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, at)
    qtbot.wait(50)

    assert clicks == []
    assert window.flow.screen is Screen.HOME
    assert not lens.isVisible()


def test_off_the_same_press_presses(kiosk: TicketKiosk, touchscreen: QPointingDevice) -> None:
    window = kiosk.window
    touch(touchscreen, _switch(kiosk))
    touch(touchscreen, _switch(kiosk))
    assert not window.magnifier.on and _switch(kiosk).text() == "放大镜 关"

    touch(touchscreen, window.home.ticket_button)

    assert window.flow.screen is Screen.SERVICES
    assert not window.magnifier.lens.isVisible()


def test_help_still_works_with_the_magnifier_on(
        kiosk: TicketKiosk, touchscreen: QPointingDevice) -> None:
    window = kiosk.window
    touch(touchscreen, _switch(kiosk))

    touch(touchscreen, window.home.nav.help_button)
    kiosk.stage.tap_shown()

    assert window.host.current is window.help_screen


def test_it_turns_itself_off_after_a_while_and_for_the_next_customer(
        kiosk: TicketKiosk, touchscreen: QPointingDevice, qtbot: QtBot) -> None:
    window = kiosk.window
    touch(touchscreen, _switch(kiosk))
    qtbot.waitUntil(lambda: not window.magnifier.on, timeout=round(OFF_AFTER_S * 1000) + 2000)
    assert _switch(kiosk).text() == "放大镜 关"

    touch(touchscreen, _switch(kiosk))
    window.reset_for_next_customer()

    assert not window.magnifier.on
    assert not any(b.isChecked() for b in window.magnifier_buttons)


@pytest.mark.parametrize("where", ["top-left corner", "bottom-right corner", "beyond the window"])
def test_a_finger_at_the_edge_sees_a_whole_lens_of_the_window(kiosk: TicketKiosk,
                                                               where: str) -> None:
    window = kiosk.window
    window.magnifier.turn_on()
    kiosk.stage.settle()
    at = {"top-left corner": QPoint(0, 0),
          "bottom-right corner": QPoint(window.width() - 1, window.height() - 1),
          "beyond the window": QPoint(-80, window.height() + 80)}[where]

    window.magnifier.show_at(at)  # a Qt warning (a grab of nothing) would fail the test

    source = window.magnifier.source_rect(at)
    assert window.rect().contains(source)
    assert not window.magnifier.lens.picture.isNull()
    assert window.magnifier.lens.isVisible()
