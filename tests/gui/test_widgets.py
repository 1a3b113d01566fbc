"""The shared widgets as a customer uses them: shaky fingers, long presses, a resting palm,
a keypad, long translations, and the fixed Home/Back/Help strip."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.core.settings import ScreenSection
from kiosk.ui.fonts import load_fonts
from kiosk.ui.i18n import load_language, unload_language
from kiosk.ui.physical import SizeRules, size_rules
from kiosk.ui.screen_check.layout_checks import nav_geometry
from kiosk.ui.theme import Theme, apply_theme, build_theme
from kiosk.ui.widgets import (
    NAV_BACK,
    NAV_HELP,
    NAV_HOME,
    BigButton,
    BigLabel,
    NavTexts,
    ScreenFrame,
)
from kiosk.ui.widgets.wrapped_text import line_height

LONG_PRESS_MS = 2000


@pytest.fixture
def rules() -> SizeRules:
    return size_rules(ScreenSection())


@pytest.fixture
def theme(qapp: QApplication, rules: SizeRules) -> Theme:
    return build_theme(rules, font_family=load_fonts())


@pytest.fixture
def touchscreen(qapp: QApplication) -> QPointingDevice:
    return QTest.createTouchDevice()


def _show(qtbot, theme: Theme, window: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.addWidget(window)
    apply_theme(window, theme)
    window.resize(1920, 1080)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def button(qtbot, theme: Theme) -> Iterator[BigButton]:  # type: ignore[no-untyped-def]
    window = QWidget()
    layout = QHBoxLayout(window)
    big = BigButton("Take a ticket")
    layout.addWidget(big, 0, Qt.AlignmentFlag.AlignCenter)
    _show(qtbot, theme, window)
    yield big  # the window stays referenced, so alive, until the test ends


def _count_clicks(button: BigButton) -> list[int]:
    clicks: list[int] = []
    button.clicked.connect(lambda: clicks.append(1))
    return clicks


def _in_window(widget: QWidget, point: QPoint) -> QPoint:
    return widget.mapTo(widget.window(), point)


def _right_of(button: BigButton, rules: SizeRules, millimetres: float) -> QPoint:
    """A point `millimetres` beyond the button's right edge, level with its centre."""
    return QPoint(button.width() - 1 + round(rules.mm(millimetres)), button.height() // 2)


def _touch_slide_out(touchscreen: QPointingDevice, button: BigButton,
                     end: QPoint) -> None:
    window = button.window()
    centre = _in_window(button, button.rect().center())
    QTest.touchEvent(window, touchscreen).press(0, centre).commit()
    QTest.touchEvent(window, touchscreen).move(0, _in_window(button, end)).commit()
    QTest.touchEvent(window, touchscreen).release(0, _in_window(button, end)).commit()


def test_a_touch_released_four_mm_outside_still_clicks(qtbot, button: BigButton,  # type: ignore[no-untyped-def]
                                                      rules: SizeRules,
                                                      touchscreen: QPointingDevice) -> None:
    with qtbot.waitSignal(button.clicked, timeout=1000):
        _touch_slide_out(touchscreen, button, _right_of(button, rules, 4))


def test_a_touch_released_seven_mm_outside_does_not_click(button: BigButton, rules: SizeRules,
                                                         touchscreen: QPointingDevice) -> None:
    clicks = _count_clicks(button)

    _touch_slide_out(touchscreen, button, _right_of(button, rules, 7))

    QApplication.processEvents()
    assert clicks == []
    assert not button.isDown()


@pytest.mark.parametrize(("millimetres", "clicks_expected"), [(4, 1), (7, 0)])
def test_a_mouse_drag_has_the_same_tolerance(qtbot, button: BigButton, rules: SizeRules,  # type: ignore[no-untyped-def]
                                             millimetres: float,
                                             clicks_expected: int) -> None:
    clicks = _count_clicks(button)
    end = _right_of(button, rules, millimetres)

    qtbot.mousePress(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    qtbot.mouseMove(button, end)
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton, pos=end)

    assert len(clicks) == clicks_expected


def test_a_long_touch_clicks_once(qtbot, button: BigButton,  # type: ignore[no-untyped-def]
                                  touchscreen: QPointingDevice) -> None:
    clicks = _count_clicks(button)
    window = button.window()
    centre = _in_window(button, button.rect().center())

    QTest.touchEvent(window, touchscreen).press(0, centre).commit()
    qtbot.wait(LONG_PRESS_MS)
    assert button.isDown() and clicks == []
    QTest.touchEvent(window, touchscreen).release(0, centre).commit()

    qtbot.waitUntil(lambda: len(clicks) == 1)
    QApplication.processEvents()
    assert len(clicks) == 1


def test_a_long_mouse_press_clicks_once(qtbot, button: BigButton) -> None:  # type: ignore[no-untyped-def]
    clicks = _count_clicks(button)
    centre = button.rect().center()

    qtbot.mousePress(button, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.wait(LONG_PRESS_MS)
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton, pos=centre)

    assert len(clicks) == 1


def test_a_resting_palm_does_not_cancel_the_finger(qtbot, button: BigButton,  # type: ignore[no-untyped-def]
                                                   touchscreen: QPointingDevice) -> None:
    clicks = _count_clicks(button)
    window = button.window()
    finger = _in_window(button, button.rect().center())
    palm = QPoint(40, window.height() - 40)

    QTest.touchEvent(window, touchscreen).press(0, finger).commit()
    QTest.touchEvent(window, touchscreen).stationary(0).press(1, palm).commit()
    QTest.touchEvent(window, touchscreen).move(0, finger).move(1, palm + QPoint(30, -10)).commit()
    assert button.isDown()
    QTest.touchEvent(window, touchscreen).release(0, finger).stationary(1).commit()
    qtbot.waitUntil(lambda: len(clicks) == 1)
    QTest.touchEvent(window, touchscreen).release(1, palm).commit()

    QApplication.processEvents()
    assert len(clicks) == 1


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_return_and_space_activate_once(qtbot, button: BigButton,  # type: ignore[no-untyped-def]
                                              key: Qt.Key) -> None:
    clicks = _count_clicks(button)
    button.setFocus()

    qtbot.keyClick(button, key)
    held = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, "", True)
    QApplication.sendEvent(button, held)  # the key held down: auto-repeat

    assert len(clicks) == 1


def test_the_accessible_name_is_the_visible_text(button: BigButton) -> None:
    assert button.accessibleName() == "Take a ticket"
    button.setText("取号")
    assert button.accessibleName() == "取号"


def test_long_text_wraps_and_the_button_grows_instead_of_eliding(
        qtbot, theme: Theme) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    layout = QVBoxLayout(window)
    text = "I would like to talk to a member of staff about my pension, privately"
    big = BigButton(text)
    layout.addWidget(big)
    layout.addStretch(1)
    _show(qtbot, theme, window)
    window.resize(700, 1080)
    qtbot.waitUntil(lambda: big.width() <= 700)

    qtbot.waitUntil(lambda: big.height() >= 3 * line_height(big.font()))
    assert big.text_fits()
    assert big.text() == text


def test_a_button_squeezed_below_its_text_says_so(qtbot, theme: Theme) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    big = BigButton("Questions and answers", window)
    _show(qtbot, theme, window)
    big.setGeometry(0, 0, 200, theme.target_px)

    assert not big.text_fits()


def test_a_label_reports_text_that_does_not_fit_and_recovers(qtbot, theme: Theme) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    label = BigLabel("Please take your ticket from the slot below.", window)
    _show(qtbot, theme, window)
    label.setGeometry(0, 0, 1800, 200)
    qtbot.waitUntil(label.text_fits)

    with qtbot.waitSignal(label.overflowChanged, check_params_cb=lambda over: over):
        label.setGeometry(0, 0, 300, 60)
    assert not label.text_fits()

    with qtbot.waitSignal(label.overflowChanged, check_params_cb=lambda over: not over):
        label.setGeometry(0, 0, 300, 400)
    assert label.text_fits()


def test_label_lines_are_at_least_one_point_three_font_sizes_apart(
        qtbot, theme: Theme) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    label = BigLabel("第一行\n第二行", window)
    _show(qtbot, theme, window)

    assert label.heightForWidth(1000) >= 2 * 1.3 * theme.body_px


def test_an_unknown_role_is_a_clear_error(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="button role"):
        BigButton("x", role="danger")
    with pytest.raises(ValueError, match="label role"):
        BigLabel("x", role="tiny")


class _Screen(ScreenFrame):
    """A screen following the pattern: all texts in retranslate()."""

    def __init__(self, texts: dict[str, str], extra_widgets: int = 0) -> None:
        super().__init__(nav_texts=lambda: NavTexts(texts["home"], texts["back"],
                                                    texts["help"]))
        self.texts = texts
        self.retranslations = 0
        self.title = BigLabel(role="heading")
        self.content_layout.addWidget(self.title)
        for index in range(extra_widgets):
            self.content_layout.addWidget(BigButton(f"Choice {index + 1}"))
        self.content_layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.retranslations += 1
        self.title.setText(self.texts["title"])


ZH = {"home": "首页", "back": "返回", "help": "呼叫工作人员", "title": "欢迎光临"}
EN = {"home": "Home", "back": "Back", "help": "Call staff", "title": "Welcome"}


def test_home_back_and_help_are_in_the_same_place_on_every_screen(
        qtbot, theme: Theme) -> None:  # type: ignore[no-untyped-def]
    screens = [_Screen(ZH), _Screen(EN, extra_widgets=3), _Screen(EN, extra_widgets=1)]
    places = []
    for screen in screens:
        _show(qtbot, theme, screen)
        places.append(nav_geometry(screen))

    assert set(places[0]) == {NAV_HOME, NAV_BACK, NAV_HELP}
    assert places[0] == places[1] == places[2]


def test_help_is_the_largest_target_at_the_bottom_right(qtbot, theme: Theme) -> None:  # type: ignore[no-untyped-def]
    screen = _Screen(ZH)
    _show(qtbot, theme, screen)
    places = nav_geometry(screen)
    help_rect = places[NAV_HELP]

    assert help_rect.right() == screen.width() - 1 - theme.gap_px
    assert help_rect.bottom() == screen.height() - 1 - theme.gap_px
    help_area = help_rect.width() * help_rect.height()
    for other in (NAV_HOME, NAV_BACK):
        assert places[other].width() * places[other].height() < help_area / 2


def test_tab_goes_through_the_content_then_home_back_help(qtbot, theme: Theme) -> None:  # type: ignore[no-untyped-def]
    screen = _Screen(EN, extra_widgets=2)
    _show(qtbot, theme, screen)
    first, second = screen.content.findChildren(BigButton)
    first.setFocus()
    visited = []

    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())

    assert visited == [second, screen.nav.home_button, screen.nav.back_button,
                       screen.nav.help_button, first]


def test_the_strip_signals_what_was_pressed(qtbot, theme: Theme) -> None:  # type: ignore[no-untyped-def]
    screen = _Screen(EN)
    _show(qtbot, theme, screen)

    for button, signal in ((screen.nav.home_button, screen.homeRequested),
                           (screen.nav.back_button, screen.backRequested),
                           (screen.nav.help_button, screen.helpRequested)):
        with qtbot.waitSignal(signal, timeout=1000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_language_switch_retranslates_the_screen_and_the_strip(
        qtbot, theme: Theme, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    screen = ScreenFrame()
    _show(qtbot, theme, screen)
    assert screen.nav.back_button.text() == "Back"
    calls: list[int] = []
    screen.retranslate = lambda: calls.append(1)  # type: ignore[method-assign]

    try:
        assert load_language(qapp, "zh_CN")
        qtbot.waitUntil(lambda: screen.nav.back_button.text() == "返回")
        assert screen.nav.help_button.accessibleName() == "呼叫工作人员"
        assert calls
    finally:
        unload_language(qapp)
    qtbot.waitUntil(lambda: screen.nav.back_button.text() == "Back")


def test_sizes_follow_text_font_and_style_changes_at_the_same_width(
        qtbot, theme: Theme) -> None:  # type: ignore[no-untyped-def]
    """Heights are remembered per width (a layout pass asks many times); every change
    that alters the text's size must be seen at once, at a width already asked."""
    window = QWidget()
    label = BigLabel("取号", window)
    button = BigButton("取号", window)
    _show(qtbot, theme, window)
    widgets: list[BigLabel | BigButton] = [label, button]
    one_line = [w.heightForWidth(600) for w in widgets]

    long_text = "I would like to talk to a member of staff about my pension, privately"
    for widget in widgets:
        widget.setText(long_text)
    wrapped = [w.heightForWidth(600) for w in widgets]
    assert all(after > before for before, after in zip(one_line, wrapped, strict=True))

    for widget in widgets:
        font = widget.font()
        font.setPixelSize(font.pixelSize() * 2)
        widget.setFont(font)
    if button.font().pixelSize() == font.pixelSize():  # the stylesheet may keep its size
        larger = [w.heightForWidth(600) for w in widgets]
        assert all(after > before for before, after in zip(wrapped, larger, strict=True))

    label.set_role("huge")  # the stylesheet sizes a role: a style change
    assert label.heightForWidth(600) > wrapped[0]
    button.set_role("help")
    assert button.heightForWidth(600) == fresh_height(button, long_text, "help")

    for widget in widgets:
        widget.setText("取号")
    assert label.heightForWidth(600) == fresh_height(label, "取号", "huge")
    assert button.heightForWidth(600) == fresh_height(button, "取号", "help")


def fresh_height(widget: BigLabel | BigButton, text: str, role: str) -> int:
    """The height a new widget of the same kind asks at 600 px, with nothing remembered."""
    twin = type(widget)(text, widget.parentWidget(), role=role)
    twin.setFont(widget.font())
    twin.ensurePolished()
    return twin.heightForWidth(600)
