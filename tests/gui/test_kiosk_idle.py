"""The idle rule on the real kiosk, with short configured times: ask first, as often as the
customer needs; then reset to every default with nothing of the customer left; never while
a help call is open; and the clock only starts once the kiosk has stopped speaking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.customer_settings import defaults
from kiosk.core.help.events import Category
from kiosk.core.idle import IdleClock
from kiosk.core.kiosk_flow import Screen
from kiosk.customer.idle_watch import IdleWatch
from tests.helpers.fake_speaker import FakeSpeaker
from tests.helpers.kiosk_harness import KioskUnderTest, start_kiosk, touch

IDLE = {"idle.warn_after_s": 0.4, "idle.reset_after_warn_s": 0.4}
PATIENCE_MS = 5000


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[KioskUnderTest]:
    under_test = start_kiosk(qtbot, tmp_path, **IDLE)
    yield under_test
    under_test.stop()


@pytest.fixture
def touchscreen(qapp: QApplication) -> QPointingDevice:
    return QTest.createTouchDevice()


def warned(kiosk: KioskUnderTest) -> bool:
    return kiosk.window.host.current is kiosk.window.idle_screen


def test_the_warning_is_shown_and_spoken_and_more_time_is_unlimited(
        kiosk: KioskUnderTest, qtbot: QtBot, touchscreen: QPointingDevice) -> None:
    window = kiosk.window
    touch(touchscreen, window.home.settings_button)  # a customer is here
    for _ in range(3):
        qtbot.waitUntil(lambda: warned(kiosk), timeout=PATIENCE_MS)
        assert "您还需要时间吗？" in kiosk.speaker.last.text
        touch(touchscreen, window.idle_screen.more_time)
        assert window.host.current is window.settings_screen  # back where they were
        assert window.flow.screen is Screen.SETTINGS


def test_reset_restores_every_default_and_leaves_nothing_of_the_customer(
        kiosk: KioskUnderTest, qtbot: QtBot, touchscreen: QPointingDevice) -> None:
    window = kiosk.window
    touch(touchscreen, window.home.language_button)  # a customer is here
    session = window.session
    settings = session.settings.with_language("en").toggled_size().toggled_contrast()
    session.update(settings.toggled_speech().louder().toggled_rate())
    session.update(session.settings.toggled_speech())  # speech back on, the rest kept
    window.open_staff_exit()
    window.staff_exit.panel.choose("li-ming")
    window.staff_exit.panel.type_digits("13")
    resets_before = kiosk.speaker.resets

    qtbot.waitUntil(lambda: window.flow.screen is Screen.HOME and not warned(kiosk)
                    and kiosk.speaker.resets > resets_before, timeout=PATIENCE_MS)

    assert session.settings == defaults("zh_CN")
    assert window.home.title.text() == "欢迎光临示范支行"
    assert window.home.palette().window().color().name() == "#faf5ea"
    assert kiosk.speaker.volume_step == 3 and kiosk.speaker.rate.value == "normal"
    assert window.staff_exit.panel.pad.length == 0  # the digits typed are gone
    assert window.staff_exit.panel.chosen_staff_id is None
    assert not window.keypad_mode
    assert not window.in_use


def test_a_closed_call_is_dismissed_at_reset(kiosk: KioskUnderTest, qtbot: QtBot) -> None:
    stage = kiosk.stage
    stage.raise_call()
    stage.closed()  # staff closed it; "were you helped?" is left unanswered
    assert kiosk.window.help.follower.view is not None

    qtbot.waitUntil(lambda: kiosk.window.flow.screen is Screen.HOME, timeout=PATIENCE_MS)
    assert kiosk.window.help.follower.view is None
    assert kiosk.window.help_screen.view is None


def test_no_warning_and_no_reset_while_a_help_call_is_open(kiosk: KioskUnderTest,
                                                          qtbot: QtBot) -> None:
    window = kiosk.window
    window.help_tapped(Category.MEDICAL)
    waited = 0
    while waited < 3 * 800:  # several times the warning and reset times
        qtbot.wait(100)
        waited += 100
        assert window.flow.screen is Screen.HELP and not warned(kiosk)
    assert window.help.call_open


def test_the_clock_starts_when_speech_ends(qtbot: QtBot, tmp_path: Path,
                                           touchscreen: QPointingDevice) -> None:
    speaker = FakeSpeaker(auto_finish=False)
    kiosk = start_kiosk(qtbot, tmp_path, speaker=speaker, **IDLE)
    try:
        window = kiosk.window
        touch(touchscreen, window.home.settings_button)  # settings are being read out
        reading = speaker.last.utterance_id
        qtbot.wait(3 * 400)
        assert not warned(kiosk)  # still speaking: the customer is listening

        speaker.finish(reading)
        qtbot.waitUntil(lambda: warned(kiosk), timeout=PATIENCE_MS)
    finally:
        kiosk.stop()


def test_the_warning_shows_the_seconds_left_and_says_them_at_the_start_and_the_marks(
        kiosk: KioskUnderTest, qtbot: QtBot, touchscreen: QPointingDevice) -> None:
    window = kiosk.window
    screen = window.idle_screen
    touch(touchscreen, window.home.settings_button)  # a customer is here
    qtbot.waitUntil(lambda: warned(kiosk), timeout=PATIENCE_MS)
    assert screen.countdown.isVisible()
    assert "1秒后会回到开始页面" in screen.countdown.text()  # 0.4 s configured: "1 second"
    assert screen.countdown.text() in kiosk.speaker.last.items  # said with the question
    said_before = len(kiosk.speaker.said)

    window.idle.countdown.emit(11, False)  # a second passes: shown, not said
    assert screen.countdown.text() == "如果没有人碰屏幕，11秒后会回到开始页面，留给下一位客户。"
    assert len(kiosk.speaker.said) == said_before
    window.idle.countdown.emit(10, True)  # a spoken mark
    assert kiosk.speaker.last.items == (
        "如果没有人碰屏幕，10秒后会回到开始页面，留给下一位客户。",)


def test_the_countdown_is_sent_once_per_second_and_marked_to_be_said_at_ten(
        qtbot: QtBot) -> None:
    now = [0.0]
    watch = IdleWatch(IdleClock(warn_after_s=5, reset_after_warn_s=30), lambda: now[0])
    counted: list[tuple[int, bool]] = []
    watch.countdown.connect(lambda left, say: counted.append((left, say)))
    watch.activity()
    while now[0] < 40:
        now[0] += 0.25
        watch.poll()
    assert [left for left, _say in counted] == list(range(30, 0, -1))  # then the reset
    assert [left for left, say in counted if say] == [10]
