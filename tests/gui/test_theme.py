"""The two themes keep their contrast promises, size text by the glyph, and switch live."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QFont, QImage, QPalette
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kiosk.core.settings import ScreenSection
from kiosk.ui.fonts import load_fonts
from kiosk.ui.physical import SizeRules, size_rules
from kiosk.ui.screen_check.contrast import contrast_ratio, parse_hex
from kiosk.ui.screen_check.glyphs import CJK_GLYPH, LATIN_GLYPH, glyph_height_px
from kiosk.ui.theme import (
    HIGH_CONTRAST_COLOURS,
    STANDARD_COLOURS,
    ButtonColours,
    Colours,
    Contrast,
    TextSize,
    apply_theme,
    build_theme,
    palette_problems,
)
from kiosk.ui.widgets import BigButton, BigLabel


@pytest.fixture
def rules() -> SizeRules:
    return size_rules(ScreenSection())


@pytest.fixture
def family(qapp: QApplication) -> str:
    return load_fonts()


def _buttons(colours: Colours) -> list[ButtonColours]:
    return [colours.button, colours.nav_button, colours.help_button]


def test_standard_text_is_at_least_seven_to_one() -> None:
    colours = STANDARD_COLOURS
    assert contrast_ratio(colours.text, colours.background) >= 7
    for button in _buttons(colours):
        assert contrast_ratio(button.text, button.face) >= 7
        assert contrast_ratio(button.text, button.face_pressed) >= 7


def test_high_contrast_is_light_on_black_at_least_fifteen_to_one() -> None:
    colours = HIGH_CONTRAST_COLOURS
    assert colours.background == "#000000"
    assert contrast_ratio(colours.text, colours.background) >= 15
    for button in _buttons(colours):
        assert contrast_ratio(button.text, button.face) >= 15
        assert contrast_ratio(button.text, button.face_pressed) >= 15


def test_help_is_red_with_white_text_at_least_seven_to_one() -> None:
    help_button = STANDARD_COLOURS.help_button
    red, green, blue = parse_hex(help_button.face)
    assert red > 2 * max(green, blue), f"{help_button.face} is not a red"
    assert help_button.text == "#FFFFFF"
    assert contrast_ratio(help_button.text, help_button.face) >= 7


def test_high_contrast_help_is_the_one_yellow_face_on_the_black_screen() -> None:
    colours = HIGH_CONTRAST_COLOURS
    help_button = colours.help_button
    for face in (help_button.face, help_button.face_pressed):
        assert contrast_ratio(face, colours.nav_background) >= 10
        assert contrast_ratio(help_button.text, face) >= 15
    red, green, blue = parse_hex(help_button.face)
    assert min(red, green) > 2 * blue, f"{help_button.face} is not a yellow"
    for button in (colours.button, colours.nav_button):
        red, green, blue = parse_hex(button.face)
        assert not min(red, green) > 2 * blue, f"{button.face} looks like Help's yellow"


@pytest.mark.parametrize("colours", [STANDARD_COLOURS, HIGH_CONTRAST_COLOURS])
def test_fills_focus_rings_and_borders_stand_out_from_the_surroundings(
        colours: Colours) -> None:
    """A button's fill marks it (not its outline alone); the focus ring stands out from the
    face and from what surrounds the button."""
    for button in _buttons(colours):
        for face in (button.face, button.face_pressed):
            assert contrast_ratio(face, button.surround) >= 3
        assert contrast_ratio(button.focus_ring, button.face) >= 3
        assert contrast_ratio(button.focus_ring, button.surround) >= 3
        assert contrast_ratio(button.border, button.surround) >= 3
    assert palette_problems(colours) == []


def test_a_palette_with_grey_text_is_caught() -> None:
    grey = replace(STANDARD_COLOURS, text="#9A948A")
    faint_ring = replace(STANDARD_COLOURS,
                         help_button=replace(STANDARD_COLOURS.help_button, focus_ring="#E8C9A0"))
    outlined = replace(STANDARD_COLOURS, button=replace(
        STANDARD_COLOURS.button, face="#FFFFFF", face_pressed="#EDE4D3", text="#1C1A17"))

    assert any(problem.startswith("text: #9A948A") for problem in palette_problems(grey))
    assert any("help button focus ring" in problem for problem in palette_problems(faint_ring))
    assert any(problem.startswith("button fill") for problem in palette_problems(outlined))


@pytest.mark.parametrize("colour", ["#000", "red", "#12345G", ""])
def test_a_colour_that_is_not_rrggbb_is_a_clear_error(colour: str) -> None:
    with pytest.raises(ValueError, match="not a #rrggbb colour"):
        contrast_ratio(colour, "#FFFFFF")


def _glyphs(family: str, pixel_size: int) -> tuple[float, float]:
    font = QFont(family)
    font.setPixelSize(pixel_size)
    return glyph_height_px(font, LATIN_GLYPH), glyph_height_px(font, CJK_GLYPH)


def test_body_text_is_the_smallest_size_whose_glyphs_reach_the_rule(
        rules: SizeRules, family: str) -> None:
    theme = build_theme(rules, font_family=family)

    assert min(_glyphs(family, theme.body_px)) >= rules.min_text_px
    assert min(_glyphs(family, theme.body_px - 1)) < rules.min_text_px
    assert theme.line_spacing >= 1.3


def test_larger_text_is_at_least_one_point_four_times(rules: SizeRules, family: str) -> None:
    large = build_theme(rules, text_size=TextSize.LARGE, font_family=family)
    larger = build_theme(rules, text_size=TextSize.LARGER, font_family=family)

    assert min(_glyphs(family, larger.body_px)) >= 1.4 * rules.min_text_px
    assert large.body_px < larger.body_px
    assert larger.body_px < larger.heading_px < larger.huge_px


def test_controls_are_big_and_help_is_the_biggest(rules: SizeRules, family: str) -> None:
    theme = build_theme(rules, font_family=family)

    assert theme.target_px >= rules.target_px
    assert theme.nav_height_px >= rules.target_px
    assert theme.help_width_px > 2 * theme.nav_button_width_px
    assert theme.gap_px >= rules.spacing_px
    # Thickness, not only colour, tells a focused control apart.
    assert theme.focus_ring_px >= 2 * theme.border_px
    assert theme.tap_tolerance_px == rules.tap_tolerance_px


def _sample(parent: QWidget) -> tuple[BigButton, BigLabel]:
    layout = QVBoxLayout(parent)
    button = BigButton("Take a ticket")
    label = BigLabel("Welcome", role="heading")
    layout.addWidget(button)
    layout.addWidget(label)
    return button, label


def test_switching_theme_restyles_a_running_screen(qtbot, rules: SizeRules,  # type: ignore[no-untyped-def]
                                                   family: str) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    button, label = _sample(window)
    standard = build_theme(rules, font_family=family)
    apply_theme(window, standard)
    window.show()
    small_hint = button.minimumSizeHint()

    high = build_theme(rules, Contrast.HIGH, TextSize.LARGER, family)
    apply_theme(window, high)

    qtbot.waitUntil(lambda: label.font().pixelSize() == high.heading_px)
    assert button.font().pixelSize() == high.body_px
    assert (button.palette().color(QPalette.ColorRole.ButtonText).name().upper()
            == high.colours.button.text)
    assert button.minimumSizeHint().height() > small_hint.height()
    assert button.property("tapTolerance") == high.tap_tolerance_px
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    corner = image.pixelColor(label.geometry().bottomRight()).name().upper()
    assert corner == "#000000"


def test_the_stylesheet_parses_without_complaint(qtbot, rules: SizeRules,  # type: ignore[no-untyped-def]
                                                 family: str, qtlog) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    _sample(window)
    for contrast in Contrast:
        apply_theme(window, build_theme(rules, contrast, font_family=family))
        window.show()
        window.grab()
    complaints = [record.message for record in qtlog.records
                  if "style" in record.message.lower() or "parse" in record.message.lower()]
    assert complaints == []
