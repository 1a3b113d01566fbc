"""The kiosk shell as a customer meets it: home, settings, keys, staff exit, language.

The kiosk here is the real window from `build_kiosk`, with the fake speaker and a device
whose network thread runs but never connects (the broker address leads nowhere): what the
kiosk tells a customer with no network is part of what is tested (the harness is in
tests/helpers/kiosk_harness.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk import __version__
from kiosk.core.config import load_config
from kiosk.core.customer_settings import Rate, TextSize
from kiosk.core.help.events import HelpEventKind
from kiosk.core.kiosk_flow import Screen
from kiosk.core.settings import KioskSection
from kiosk.customer.app import build_kiosk
from kiosk.customer.kiosk_keys import KioskSetupError, key_bindings
from kiosk.customer.main_window import KioskWindow
from kiosk.customer.settings_screen import Setting
from kiosk.customer.supervision import KioskHealth
from kiosk.net.broker import free_port
from kiosk.protocol.device_messages import Activity, Component
from kiosk.speech.api import AudioState, EngineState, SpeechHealth, VoiceState
from kiosk.speech.focus_reader import FOCUS_CHANNEL
from kiosk.ui.widgets import NAV_BACK, NAV_HELP, NAV_HOME, BigButton
from tests.helpers.branch import write_branch_config
from tests.helpers.event_probes import EventCount
from tests.helpers.fake_speaker import FakeSpeaker
from tests.helpers.kiosk_harness import FAST_KIOSK, KioskUnderTest, start_kiosk, stop_kiosk, touch


def shown_screen(window: KioskWindow) -> Screen:
    """The screen the window shows now (read again after each step, not narrowed)."""
    return window.flow.screen


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path) -> Iterator[KioskUnderTest]:
    under_test = start_kiosk(qtbot, tmp_path)
    yield under_test
    under_test.stop()


@pytest.fixture
def touchscreen(qapp: QApplication) -> QPointingDevice:
    return QTest.createTouchDevice()


# --- home -----------------------------------------------------------------------------------


def test_home_greets_in_chinese_with_fixed_navigation_and_no_speech_at_rest(
        kiosk: KioskUnderTest) -> None:
    window = kiosk.window
    assert window.flow.screen is Screen.HOME
    assert window.home.title.text() == "欢迎光临示范支行"
    for name in (NAV_HOME, NAV_BACK, NAV_HELP):
        kiosk.nav(name)
    assert kiosk.speaker.said == []  # a kiosk nobody uses stays quiet


def test_not_sure_raises_a_guidance_call_and_shows_help(kiosk: KioskUnderTest,
                                                       qtbot: QtBot,
                                                       touchscreen: QPointingDevice) -> None:
    touch(touchscreen, kiosk.window.home.guidance_button)
    kiosk.stage.tap_shown()

    assert kiosk.window.flow.screen is Screen.HELP
    qtbot.waitUntil(lambda: HelpEventKind.RAISED in kiosk.kinds())
    raised = kiosk.events()[0]
    assert raised.category is not None and raised.category.value == "guidance"
    assert "工作人员会过来，陪您一起办理。" in kiosk.said()


def test_the_language_button_switches_live_and_reads_the_screen_again(
        kiosk: KioskUnderTest, touchscreen: QPointingDevice) -> None:
    window = kiosk.window
    touch(touchscreen, window.home.language_button)

    assert window.session.language == "en"
    assert window.home.title.text() == "Welcome to Demo Branch"
    assert kiosk.nav(NAV_HOME).text() == "Home"
    assert window.home.language_button.text() == "中文"
    assert kiosk.speaker.last.language == "en"
    assert "Welcome to Demo Branch" in kiosk.speaker.last.text


def test_settings_change_text_size_contrast_speech_volume_and_speed(
        kiosk: KioskUnderTest, touchscreen: QPointingDevice) -> None:
    window = kiosk.window
    body_before = window.session.theme.body_px
    touch(touchscreen, window.home.settings_button)
    screen = window.settings_screen
    assert window.flow.screen is Screen.SETTINGS

    touch(touchscreen, screen.buttons[Setting.TEXT_SIZE])
    assert window.session.settings.text_size is TextSize.LARGER
    assert window.session.theme.body_px >= 1.4 * body_before - 1
    assert screen.states[Setting.TEXT_SIZE].text() == "字号：特大"
    assert kiosk.speaker.last.text == "字号：特大"

    touch(touchscreen, screen.buttons[Setting.CONTRAST])
    assert window.session.settings.high_contrast
    assert screen.palette().window().color().name() == "#000000"

    volume = kiosk.speaker.volume_step
    touch(touchscreen, screen.buttons["louder"])
    assert kiosk.speaker.volume_step > volume
    touch(touchscreen, screen.buttons[Setting.SPEED])
    assert window.session.settings.rate is Rate.SLOW
    assert kiosk.speaker.rate.value == "slow"

    touch(touchscreen, screen.buttons[Setting.SPEECH])
    assert not window.session.settings.speech_on
    said = len(kiosk.speaker.said)
    touch(touchscreen, screen.buttons["quieter"])
    assert len(kiosk.speaker.said) == said  # reading aloud is off: nothing more is said


def test_a_change_of_look_restyles_the_screen_shown_and_the_others_when_shown(
        kiosk: KioskUnderTest, touchscreen: QPointingDevice) -> None:
    window = kiosk.window
    hidden = window.answer_screen
    counter = EventCount(QEvent.Type.StyleChange, hidden, *hidden.findChildren(QWidget))
    recoloured = EventCount(QEvent.Type.PaletteChange, hidden, *hidden.findChildren(QWidget))
    try:
        touch(touchscreen, window.home.contrast_button)
        touch(touchscreen, window.home.text_size_button)
        QApplication.processEvents()
        assert window.session.settings.high_contrast
        assert counter.count == 0  # nothing of a screen not shown was restyled
        assert recoloured.count == 0  # nor given the new colours
        assert window.home.palette().window().color().name() == "#000000"

        larger = window.session.theme.body_px
        assert window.home.font().pixelSize() == larger
        touch(touchscreen, window.home.questions_button)
        assert window.categories_screen.font().pixelSize() == larger  # restyled when shown
        assert window.categories_screen.palette().window().color().name() == "#000000"
    finally:
        counter.remove()
        recoloured.remove()


def test_a_language_switch_rewords_the_screen_shown_and_the_others_when_shown(
        kiosk: KioskUnderTest, touchscreen: QPointingDevice,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = kiosk.window
    hidden = window.categories_screen
    reworded: list[str] = []
    retranslate = hidden.retranslate

    def counted() -> None:
        reworded.append(window.session.language)
        retranslate()

    monkeypatch.setattr(hidden, "retranslate", counted)
    touch(touchscreen, window.home.language_button)
    QApplication.processEvents()
    assert window.home.title.text() == "Welcome to Demo Branch"
    assert reworded == []  # nothing of a screen not shown was worded again

    touch(touchscreen, window.home.questions_button)
    assert window.current is hidden
    assert reworded == ["en"]  # once, as it was shown
    assert kiosk.nav(NAV_HOME).text() == "Home"
    assert hidden.title.text().isascii() and hidden.title.text()
    assert all(text.isascii() for text in hidden.spoken())
    assert kiosk.speaker.last.language == "en"


def test_volume_range_reaches_the_speakers_quietest_and_loudest(kiosk: KioskUnderTest) -> None:
    window = kiosk.window
    for _ in range(5):
        window.settings_screen.buttons["quieter"].click()
    assert kiosk.speaker.volume_step == 0
    for _ in range(5):
        window.settings_screen.buttons["louder"].click()
    assert kiosk.speaker.volume_step == kiosk.speaker.volume_step_count - 1
    assert window.settings_screen.states[Setting.VOLUME].text() == "音量：4（共4级）"


# --- keys -----------------------------------------------------------------------------------


def test_escape_is_back_and_keypad_keys_work_on_every_screen(kiosk: KioskUnderTest,
                                                            qtbot: QtBot) -> None:
    window = kiosk.window
    window.home.settings_button.click()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.flow.screen is Screen.HOME

    before = len(kiosk.speaker.said)
    QTest.keyClick(window, Qt.Key.Key_F2)  # repeat
    assert len(kiosk.speaker.said) == before + 1
    assert "欢迎光临示范支行" in kiosk.speaker.last.text

    volume = kiosk.speaker.volume_step
    QTest.keyClick(window, Qt.Key.Key_F3)  # quieter
    assert kiosk.speaker.volume_step < volume
    assert kiosk.speaker.last.text.startswith("音量")

    QTest.keyClick(window, Qt.Key.Key_F1)  # help
    kiosk.stage.tap_shown()
    assert shown_screen(window) is Screen.HELP
    qtbot.waitUntil(lambda: kiosk.kinds() == [HelpEventKind.RAISED])


def test_a_physical_help_button_calls_staff(kiosk: KioskUnderTest, qtbot: QtBot) -> None:
    QTest.keyClick(kiosk.window, Qt.Key.Key_F13)
    kiosk.stage.tap_shown()
    assert kiosk.window.flow.screen is Screen.HELP
    qtbot.waitUntil(lambda: kiosk.kinds() == [HelpEventKind.RAISED])


def test_tab_and_enter_reach_every_action_and_focus_is_spoken(kiosk: KioskUnderTest) -> None:
    window = kiosk.window
    QTest.keyClick(window, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert isinstance(focused, BigButton)
    focus_said = [s for s in kiosk.speaker.said if s.channel == FOCUS_CHANNEL]
    assert focus_said and focus_said[-1].text == f"{focused.text()}，按钮"

    for _ in range(20):
        if QApplication.focusWidget() is window.home.settings_button:
            break
        QTest.keyClick(window, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not None
    QTest.keyClick(focused, Qt.Key.Key_Return)
    assert window.flow.screen is Screen.SETTINGS
    # keypad users land on the first control of the new screen
    assert QApplication.focusWidget() is window.settings_screen.first_control()


def test_a_key_function_without_a_key_name_qt_knows_is_refused(qapp: QApplication) -> None:
    with pytest.raises(KioskSetupError, match="kiosk.repeat_key = 'Fx9'"):
        key_bindings(KioskSection(repeat_key="Fx9"))
    with pytest.raises(KioskSetupError, match="same key as kiosk.help_key"):
        key_bindings(KioskSection(help_key="F5", volume_up_key="F5"))
    with pytest.raises(KioskSetupError, match="goes back|moves"):
        key_bindings(KioskSection(help_key="Escape"))


# --- staff exit -----------------------------------------------------------------------------


def _hold_corner(qtbot: QtBot, touchscreen: QPointingDevice, window: QWidget,
                 hold_ms: int) -> None:
    corner = QPoint(20, 20)
    QTest.touchEvent(window, touchscreen).press(0, corner).commit()
    qtbot.wait(hold_ms)
    QTest.touchEvent(window, touchscreen).release(0, corner).commit()


def test_holding_the_top_left_corner_opens_the_staff_pin_pad(kiosk: KioskUnderTest,
                                                            qtbot: QtBot,
                                                            touchscreen: QPointingDevice) -> None:
    _hold_corner(qtbot, touchscreen, kiosk.window, 100)  # too short: nothing happens
    assert kiosk.window.flow.screen is Screen.HOME

    _hold_corner(qtbot, touchscreen, kiosk.window, 600)
    assert shown_screen(kiosk.window) is Screen.STAFF_EXIT
    about = kiosk.window.staff_exit.about  # what maintenance asks first: which, what version
    assert about.isVisible() and about.text_fits()
    assert kiosk.parts.device.device_id in about.text() and __version__ in about.text()


def test_the_pin_is_never_spoken_and_without_the_hub_it_cannot_be_checked(
        kiosk: KioskUnderTest, qtbot: QtBot) -> None:
    window = kiosk.window
    window.open_staff_exit()
    panel = window.staff_exit.panel
    panel.name_buttons[1].click()
    QTest.keyClick(window, Qt.Key.Key_Tab)  # keypad mode: focus is spoken from now on
    for digit in "1357":
        panel.pad.keys[digit].setFocus()
        panel.pad.keys[digit].click()
    assert panel.pad.display.text() == "● ● ● ●"
    panel.pad.keys["ok"].click()

    qtbot.waitUntil(lambda: "支行服务器没有回应" in panel.status.text())
    assert not any(digit in said.text for said in kiosk.speaker.said for digit in "1357")
    assert window.flow.screen is Screen.STAFF_EXIT  # still in kiosk mode


def test_a_short_pin_is_refused_before_anything_is_sent(kiosk: KioskUnderTest) -> None:
    window = kiosk.window
    window.open_staff_exit()
    panel = window.staff_exit.panel
    panel.choose("li-ming")
    panel.type_digits("12")
    panel.pad.keys["ok"].click()
    assert panel.status.text() == "密码是4到8位数字。"
    assert window.pending_pin_requests == frozenset()



# --- supervision ----------------------------------------------------------------------------


def test_the_heartbeat_reports_speech_the_outbox_and_whether_a_customer_is_here(
        kiosk: KioskUnderTest, qtbot: QtBot, touchscreen: QPointingDevice) -> None:
    health = KioskHealth(kiosk.parts.device, kiosk.speaker, lambda: kiosk.window.in_use)
    assert health.activity() is Activity.IDLE
    first = health.health()
    assert (first.speech, first.sound, first.printer) == (Component.OK, Component.OK,
                                                          Component.ABSENT)

    touch(touchscreen, kiosk.nav(NAV_HELP))  # unconnected: the call waits in the outbox
    assert health.activity() is Activity.IN_USE
    qtbot.waitUntil(lambda: health.health().outbox == 1)

    kiosk.speaker.set_health(SpeechHealth(EngineState.OK, VoiceState.OK,
                                          AudioState.NO_DEVICE, "no sound card"))
    silent = health.health()
    assert (silent.speech, silent.sound) == (Component.FAILED, Component.FAILED)


def test_without_a_broker_the_kiosk_runs_and_home_says_staff_cannot_be_reached(
        qtbot: QtBot, tmp_path: Path, touchscreen: QPointingDevice) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    config = load_config(write_branch_config(tmp_path / "config", free_port()))  # nobody there
    speaker = FakeSpeaker()
    parts = build_kiosk(app, config, "kiosk-1", tmp_path / "kiosk", speaker=speaker,
                        kiosk=FAST_KIOSK)
    parts.start(windowed=True)  # dials the broker, which is not there
    try:
        window = parts.window
        qtbot.waitUntil(lambda: window.home.notice.isVisible(), timeout=5000)
        assert window.home.notice.text() == "这台机器暂时联系不上工作人员。"
        assert window.home.notice_advice.text() == "需要帮助，请到柜台。"

        touch(touchscreen, window.home.settings_button)  # everything else still works
        assert window.flow.screen is Screen.SETTINGS
    finally:
        stop_kiosk(parts)
