"""The kiosk fits every supported panel, landscape and portrait, at both text sizes: the
window is the panel, Home, Back and Help stay in the strip along its bottom edge, and a
screen whose words need more height than the panel has scrolls instead of pushing the strip
off. Instructions name the help button by its words and place, not by its colour."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.customer.kiosk_style import MAGNIFIER_SWITCH
from kiosk.customer.screen_states import STATES
from kiosk.ui.physical import SUPPORTED_PANELS, Panel
from kiosk.ui.render import shown_at
from kiosk.ui.screen_check.layout_checks import nav_geometry
from kiosk.ui.widgets import NAV_BACK, NAV_HELP, NAV_HOME, AdaptiveRow, BigButton
from tests.helpers.kiosk_harness import KioskUnderTest, start_kiosk

SMALLEST = next(panel for panel in SUPPORTED_PANELS if panel.width_px == 1280)
CROWDED_STATES = ("home", "staff-exit-pin", "help-staff-close-pin", "ticket-printing-failed",
                  "services", "help-drill", "feedback", "announcement")
"""The screens with the most on them, where a small panel runs out of room first."""


def _on(qtbot: QtBot, directory: Path, panel: Panel) -> KioskUnderTest:
    screen: dict[str, Any] = {
        "screen.diagonal_inches": panel.diagonal_inches, "screen.width_px": panel.width_px,
        "screen.height_px": panel.height_px}
    return start_kiosk(qtbot, directory, **screen)


@pytest.fixture(params=SUPPORTED_PANELS, ids=[panel.name for panel in SUPPORTED_PANELS])
def on_panel(request: pytest.FixtureRequest, qtbot: QtBot,
             tmp_path: Path) -> Iterator[tuple[KioskUnderTest, Panel]]:
    kiosk = _on(qtbot, tmp_path, request.param)
    yield kiosk, request.param
    kiosk.stop()


def _show(kiosk: KioskUnderTest, name: str, language: str, *, larger: bool) -> None:
    kiosk.stage.fresh(language, larger=larger)
    next(state for state in STATES if state.name == name).set_up(kiosk.stage)
    kiosk.stage.settle()


@pytest.mark.parametrize("larger", [False, True], ids=["normal", "larger"])
def test_every_crowded_screen_fits_the_panel_with_the_strip_in_place(
        on_panel: tuple[KioskUnderTest, Panel], larger: bool) -> None:
    kiosk, panel = on_panel
    size = (panel.width_px, panel.height_px)
    panel_rect = QRect(0, 0, *size)
    strips: dict[str, dict[str, QRect]] = {}
    for language in ("zh_CN", "en"):
        for name in CROWDED_STATES:
            _show(kiosk, name, language, larger=larger)
            with shown_at(kiosk.window, size):
                assert (kiosk.window.width(), kiosk.window.height()) == size, (language, name)
                strip = nav_geometry(kiosk.window)
            assert set(strip) == {NAV_HOME, NAV_BACK, NAV_HELP}, (language, name)
            assert all(panel_rect.contains(rect) for rect in strip.values()), (language, name)
            assert strip == strips.setdefault(language, strip), (language, name)


def test_a_screen_too_tall_for_the_panel_scrolls_with_a_large_bar(qtbot: QtBot,
                                                                  tmp_path: Path) -> None:
    kiosk = _on(qtbot, tmp_path, SMALLEST)
    try:
        _show(kiosk, "staff-exit-pin", "zh_CN", larger=True)
        with shown_at(kiosk.window, (SMALLEST.width_px, SMALLEST.height_px)):
            screen = kiosk.window.staff_exit
            bar = screen.scroller.verticalScrollBar()
            assert bar.isVisible() and bar.maximum() > 0
            rules = kiosk.window.session.theme
            assert bar.width() >= rules.target_px
            assert bar.accessibleName() == "上下滑动"
    finally:
        kiosk.stop()


@pytest.mark.parametrize(("language", "colour_word"), [("zh_CN", "红色"), ("en", "red")])
def test_home_names_the_help_button_by_its_words_and_place(qtbot: QtBot, tmp_path: Path,
                                                          language: str,
                                                          colour_word: str) -> None:
    kiosk = start_kiosk(qtbot, tmp_path)
    try:
        kiosk.stage.fresh(language)
        intro = kiosk.window.home.intro.text()
        assert kiosk.nav(NAV_HELP).text() in intro
        assert colour_word not in intro
    finally:
        kiosk.stop()


def test_home_has_a_high_contrast_switch_beside_the_text_size(qtbot: QtBot,
                                                             tmp_path: Path) -> None:
    kiosk = start_kiosk(qtbot, tmp_path)
    try:
        kiosk.stage.fresh("zh_CN")
        home = kiosk.window.home
        size, contrast = home.text_size_button, home.contrast_button
        assert contrast.isVisible() and contrast.text() == "醒目颜色"
        assert abs(contrast.geometry().top() - size.geometry().top()) <= 1  # side by side

        contrast.click()

        assert kiosk.window.session.settings.high_contrast
        assert home.contrast_button.text() == "普通颜色"
        contrast.click()
        assert not kiosk.window.session.settings.high_contrast
    finally:
        kiosk.stop()


@pytest.mark.parametrize("panel", [panel for panel in SUPPORTED_PANELS
                                   if panel.width_px >= 1920 or panel.height_px > panel.width_px],
                         ids=lambda panel: panel.name)
def test_home_back_and_the_magnifier_switch_share_one_row_at_larger_text(
        qtbot: QtBot, tmp_path: Path, panel: Panel) -> None:
    """Beside Help on a landscape panel of 1920 px and more, under it on a portrait one: a
    row of its own for the switch (or for Help on a landscape panel) would take a row of
    tiles' height from every screen."""
    kiosk = _on(qtbot, tmp_path, panel)
    try:
        for language in ("zh_CN", "en"):
            _show(kiosk, "home", language, larger=True)
            with shown_at(kiosk.window, (panel.width_px, panel.height_px)):
                strip = kiosk.window.home.nav
                switch = strip.findChild(QWidget, MAGNIFIER_SWITCH)
                assert switch is not None
                tops = {button.objectName(): button.mapTo(kiosk.window, QPoint(0, 0)).y()
                        for button in (strip.home_button, strip.back_button, switch)}
                help_top = strip.help_button.mapTo(kiosk.window, QPoint(0, 0)).y()
            assert len(set(tops.values())) == 1, (language, tops)
            if panel.height_px > panel.width_px:
                assert help_top < min(tops.values()), language
            else:
                assert help_top == min(tops.values()), language
    finally:
        kiosk.stop()


@pytest.mark.parametrize("panel", [panel for panel in SUPPORTED_PANELS
                                   if panel.width_px > panel.height_px],
                         ids=lambda panel: panel.name)
def test_help_shares_home_and_backs_row_on_every_landscape_panel_at_normal_text(
        qtbot: QtBot, tmp_path: Path, panel: Panel) -> None:
    """A strip of two rows takes a tile's height from every screen: at normal text, in
    either language, Help stands at the right end of Home and Back's row."""
    kiosk = _on(qtbot, tmp_path, panel)
    try:
        for language in ("zh_CN", "en"):
            _show(kiosk, "home", language, larger=False)
            with shown_at(kiosk.window, (panel.width_px, panel.height_px)):
                strip = kiosk.window.home.nav
                tops = {button.objectName(): button.mapTo(kiosk.window, QPoint(0, 0)).y()
                        for button in (strip.home_button, strip.back_button, strip.help_button)}
            assert len(set(tops.values())) == 1, (language, tops)
    finally:
        kiosk.stop()


@pytest.mark.parametrize("larger", [False, True], ids=["normal", "larger"])
def test_homes_switches_stand_in_a_row_wherever_the_row_fits(
        on_panel: tuple[KioskUnderTest, Panel], larger: bool) -> None:
    """Language, text size and colours side by side, beside the greeting or under it: one
    above the other only where even their row is wider than the screen."""
    kiosk, panel = on_panel
    for language in ("zh_CN", "en"):
        _show(kiosk, "home", language, larger=larger)
        with shown_at(kiosk.window, (panel.width_px, panel.height_px)):
            row = kiosk.window.home.language_button.parentWidget()
            assert isinstance(row, AdaptiveRow)
            assert not row.stacked or row.side_by_side_width() > row.width(), language


@pytest.mark.parametrize("panel", [SMALLEST, *(panel for panel in SUPPORTED_PANELS
                                              if panel.height_px > panel.width_px)],
                         ids=lambda panel: panel.name)
def test_the_strips_chinese_words_are_never_broken_across_lines(
        qtbot: QtBot, tmp_path: Path, panel: Panel) -> None:
    """"首页", "返回" and "放大镜 关" at larger text on the narrowest panels: a line may break
    at the space, never inside a word ("放大 / 镜" reads as two words)."""
    kiosk = _on(qtbot, tmp_path, panel)
    try:
        _show(kiosk, "home", "zh_CN", larger=True)
        with shown_at(kiosk.window, (panel.width_px, panel.height_px)):
            strip = kiosk.window.home.nav
            switch = strip.findChild(BigButton, MAGNIFIER_SWITCH)
            assert switch is not None
            for button in (strip.home_button, strip.back_button, switch):
                metrics = QFontMetricsF(button.font())
                room = button.text_rect().width()
                for word in re.findall("[\u4e00-\u9fff]{2,}", button.text()):
                    assert metrics.horizontalAdvance(word) <= room + 1, (word, room)
    finally:
        kiosk.stop()


def test_help_on_a_row_of_its_own_shows_all_of_a_long_call_state(qtbot: QtBot,
                                                                  tmp_path: Path) -> None:
    """On the smallest panel at larger text the strip has two rows; Help's words while staff
    are coming ("... is on the way", 40 % longer in the pseudo-language) must fit in it."""
    kiosk = _on(qtbot, tmp_path, SMALLEST)
    try:
        strips: set[tuple[int, int, int, int]] = set()
        for name in ("help-coming", "home"):
            _show(kiosk, name, "pseudo", larger=True)
            with shown_at(kiosk.window, (SMALLEST.width_px, SMALLEST.height_px)):
                screen = kiosk.window.help_screen if name != "home" else kiosk.window.home
                help_button = screen.nav.help_button
                assert help_button.text_fits(), (name, help_button.text(),
                                                 help_button.size())
                strips.add(help_button.geometry().getRect())
        assert len(strips) == 1, strips  # the same place and size on every screen
    finally:
        kiosk.stop()


@pytest.mark.parametrize("larger", [False, True], ids=["normal", "larger"])
def test_the_strips_words_fit_their_buttons_in_every_language(
        on_panel: tuple[KioskUnderTest, Panel], larger: bool) -> None:
    """A button as narrow as its longest word must show that word on one line: "[Bàçk ·]"
    on the 1366 px panel at larger text broke inside "[Bàçk" by a pixel of rounding."""
    kiosk, panel = on_panel
    for language in ("zh_CN", "en", "pseudo"):
        _show(kiosk, "home", language, larger=larger)
        with shown_at(kiosk.window, (panel.width_px, panel.height_px)):
            strip = kiosk.window.home.nav
            switch = strip.findChild(BigButton, MAGNIFIER_SWITCH)
            assert switch is not None
            for button in (strip.home_button, strip.back_button, switch, strip.help_button):
                assert button.text_fits(), (language, button.text(), button.size())


def test_the_help_screen_never_runs_under_its_scroll_bar(qtbot: QtBot,
                                                         tmp_path: Path) -> None:
    """Staff's outcomes (hidden behind the customer's page) once made the help screen wider
    than the panel: its content ran under the scroll bar, "For staff: close this call" with
    it. They stack where the panel is narrow, so the content fits beside the bar."""
    kiosk = _on(qtbot, tmp_path, SMALLEST)
    try:
        _show(kiosk, "help-coming", "pseudo", larger=True)
        with shown_at(kiosk.window, (SMALLEST.width_px, SMALLEST.height_px)):
            screen = kiosk.window.help_screen
            viewport = screen.scroller.viewport()
            assert screen.content.width() <= viewport.width()
            right = screen.close_button.mapTo(viewport, QPoint(screen.close_button.width(), 0))
            assert right.x() <= viewport.width()
    finally:
        kiosk.stop()
