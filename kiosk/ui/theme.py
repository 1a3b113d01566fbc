"""The kiosk's look: two colour schemes, two text sizes, one stylesheet.

A theme is built from the screen's size rules (kiosk.ui.physical), so every size in it is a
physical size on this kiosk: text from the 0.7 degree rule, buttons from the 20 mm rule.
Colours come in two palettes:

- standard: dark text on a warm light background (text at least 7:1); buttons are dark
  blue faces with white words, so the fill itself marks a button (11:1 against the page);
  Help is dark red; the bottom strip has the page's colour, parted from the content by a
  line;
- high contrast, for low vision: light text on black (text at least 15:1), white button
  faces with black words (a fill 3:1 against black under words 15:1 must be light), and
  Help the one yellow face.

One focus ring colour per palette stands out (3:1) from every face and from the page at
once: orange in the standard colours, blue in high contrast. The strip used to be dark so
that a ring could stand out from a red Help with white text; on a dark strip, though, the
red face itself was only 1.7:1, an outline rather than a button (docs/decisions/0022).

Colour is never the only cue: a focused control also gets a ring twice as thick as its
border, Help is also the largest target with its own symbol and always in the same place,
a chosen switch gets a double border (kiosk_style), and disabled controls a dashed border.

`apply_theme()` installs the palette and stylesheet on the application (or one widget);
Qt then re-polishes every widget, so switching theme or text size while the kiosk runs
re-styles everything, and the shared widgets pick their sizes up from the stylesheet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.physical import BODY_TEXT_FACTOR, LINE_SPACING, MIN_LINE_SPACING, SizeRules
from kiosk.ui.screen_check.contrast import contrast_ratio
from kiosk.ui.screen_check.glyphs import font_px_for_glyph_heights

HEADING_FACTOR = 1.3
"""Headings' glyphs are this much taller than body text."""
HUGE_FACTOR = 3.0
"""The ticket number's glyphs are this much taller than body text."""
NAV_HEIGHT_MM = 45.0
"""Home, Back and Help are at least this tall: Help, as wide as the panel allows, is then
larger than a tile of choices (docs/decisions/0016)."""
MIN_CONTROL_CONTRAST = 3.0
"""Borders and focus rings against what surrounds them (WCAG 1.4.11)."""


class Contrast(StrEnum):
    STANDARD = "standard"
    HIGH = "high"


class TextSize(StrEnum):
    LARGE = "large"
    """The smallest allowed: glyphs span 0.7 degrees at the viewing distance."""
    LARGER = "larger"
    """1.4 times that."""


@dataclass(frozen=True)
class ButtonColours:
    face: str
    face_pressed: str
    text: str
    border: str
    focus_ring: str
    surround: str
    """The colour around the button: its border and focus ring must stand out from it."""


@dataclass(frozen=True)
class Colours:
    background: str
    text: str
    button: ButtonColours
    nav_background: str
    nav_button: ButtonColours
    help_button: ButtonColours
    min_text_contrast: float
    """What this palette promises for every text colour against its background."""


STANDARD_COLOURS = Colours(
    background="#FAF5EA",
    text="#1C1A17",
    # A button is a dark blue face with white words: its fill alone marks it as a button
    # (11:1 against the cream page), not a thin outline around a face as pale as the page.
    button=ButtonColours(face="#1D3557", face_pressed="#2B4C7E", text="#FFFFFF",
                         border="#1C1A17", focus_ring="#DA7300", surround="#FAF5EA"),
    # The strip is the page's colour, parted from the content by a line: Help's red and the
    # blue of Home and Back both stand out from it (on a dark strip the red did not).
    nav_background="#FAF5EA",
    nav_button=ButtonColours(face="#1D3557", face_pressed="#2B4C7E", text="#FFFFFF",
                             border="#1C1A17", focus_ring="#DA7300", surround="#FAF5EA"),
    help_button=ButtonColours(face="#8B0000", face_pressed="#6E0000", text="#FFFFFF",
                              border="#1C1A17", focus_ring="#DA7300", surround="#FAF5EA"),
    min_text_contrast=7.0,
)

HIGH_CONTRAST_COLOURS = Colours(
    background="#000000",
    text="#FFFFFF",
    # A fill 3:1 against black with words 15:1 on it must be light: white faces, black
    # words. Help stays the one yellow face, the largest, with its symbol, in its place.
    # The blue ring is 3:1 against the white faces, Help's yellow and the black alike.
    button=ButtonColours(face="#FFFFFF", face_pressed="#E0E0E0", text="#000000",
                         border="#FFFFFF", focus_ring="#0070FF", surround="#000000"),
    nav_background="#000000",
    nav_button=ButtonColours(face="#FFFFFF", face_pressed="#E0E0E0", text="#000000",
                             border="#FFFFFF", focus_ring="#0070FF", surround="#000000"),
    help_button=ButtonColours(face="#FFE14D", face_pressed="#FFD83A", text="#000000",
                              border="#FFFFFF", focus_ring="#0070FF", surround="#000000"),
    min_text_contrast=15.0,
)

COLOURS = {Contrast.STANDARD: STANDARD_COLOURS, Contrast.HIGH: HIGH_CONTRAST_COLOURS}


def palette_problems(colours: Colours) -> list[str]:
    """Every pair of colours in `colours` that breaks a contrast rule, described."""
    problems: list[str] = []

    def require(what: str, first: str, second: str, minimum: float) -> None:
        ratio = contrast_ratio(first, second)
        if ratio < minimum:
            problems.append(f"{what}: {first} on {second} is {ratio:.2f}:1, needs {minimum}:1")

    require("text", colours.text, colours.background, colours.min_text_contrast)
    buttons = {"button": colours.button, "nav button": colours.nav_button,
               "help button": colours.help_button}
    for name, button in buttons.items():
        for face in (button.face, button.face_pressed):
            require(f"{name} text", button.text, face, colours.min_text_contrast)
        for face in (button.face, button.face_pressed):
            require(f"{name} fill", face, button.surround, MIN_CONTROL_CONTRAST)
        require(f"{name} border", button.border, button.surround, MIN_CONTROL_CONTRAST)
        require(f"{name} focus ring", button.focus_ring, button.surround, MIN_CONTROL_CONTRAST)
        require(f"{name} focus ring", button.focus_ring, button.face, MIN_CONTROL_CONTRAST)
    return problems


@dataclass(frozen=True)
class Theme:
    """Everything a screen needs to look right; sizes in pixels of the configured screen."""

    contrast: Contrast
    text_size: TextSize
    font_family: str
    colours: Colours
    body_px: int
    """Font pixel size whose H and 中 reach the text size rule."""
    reading_px: int
    """Body text (labels a customer reads): glyphs 1.2 times the rule's minimum."""
    heading_px: int
    huge_px: int
    """The ticket number."""
    line_spacing: float
    """Line distance over font size, never below 1.3 (buttons; labels ask for more)."""
    target_px: int
    """Smallest side of any control."""
    button_width_px: int
    """Smallest width of a content button: roomier than the 20 mm minimum."""
    nav_button_width_px: int
    help_width_px: int
    nav_height_px: int
    """Height of Home, Back and Help, which share the bottom strip."""
    gap_px: int
    """Space between controls and around the content: more than the 4 mm minimum."""
    nav_stacked: bool
    """Help on a row of its own above Home and Back (a portrait panel)."""
    panel_width_px: int
    """The panel's width: the strip takes two rows when its words do not fit across it."""
    tap_tolerance_px: int
    border_px: int
    focus_ring_px: int
    padding_px: int
    """Inside a button, above and below the text."""
    side_padding_px: int
    """Inside a button, left and right of the text and symbol."""
    radius_px: int

    def palette(self) -> QPalette:
        """A palette for widgets the stylesheet does not reach (top-level backgrounds)."""
        palette = QPalette()
        colours = self.colours
        for role, colour in (
            (QPalette.ColorRole.Window, colours.background),
            (QPalette.ColorRole.WindowText, colours.text),
            (QPalette.ColorRole.Base, colours.button.face),
            (QPalette.ColorRole.Text, colours.text),
            (QPalette.ColorRole.Button, colours.button.face),
            (QPalette.ColorRole.ButtonText, colours.button.text),
            (QPalette.ColorRole.Highlight, colours.button.focus_ring),
            (QPalette.ColorRole.HighlightedText, colours.button.face),
        ):
            palette.setColor(role, QColor(colour))
        return palette

    def stylesheet(self) -> str:
        """The Qt stylesheet: colours, fonts, borders and the shared widgets' sizes."""
        return _stylesheet(self)


def build_theme(
    rules: SizeRules,
    contrast: Contrast = Contrast.STANDARD,
    text_size: TextSize = TextSize.LARGE,
    font_family: str | None = None,
) -> Theme:
    """The theme for a screen, contrast and text size; needs a QGuiApplication (fonts).

    `font_family` is the family `kiosk.ui.fonts.load_fonts()` returned; without it the
    application's default family is used.
    """
    colours = COLOURS[Contrast(contrast)]
    problems = palette_problems(colours)
    if problems:
        raise ValueError("palette breaks the contrast rules: " + "; ".join(problems))
    family = font_family or QApplication.font().family()
    glyph_px = rules.min_text_px if TextSize(text_size) is TextSize.LARGE else rules.larger_text_px
    body_px = _font_px(family, glyph_px)
    reading_px = _font_px(family, glyph_px * BODY_TEXT_FACTOR)
    heading_px = _font_px(family, glyph_px * HEADING_FACTOR)
    huge_px = _font_px(family, glyph_px * HUGE_FACTOR)
    line_spacing = max(MIN_LINE_SPACING, _natural_line_spacing(family, body_px))
    border_px = max(2, round(rules.mm(0.75)))
    focus_ring_px = max(2 * border_px, round(rules.mm(2)))
    padding_px = round(rules.mm(4))
    # Help is as tall as a choice of two lines, so it stays the largest target however
    # large the text (choices are never wider than Help).
    two_line_button = math.ceil(2 * body_px * line_spacing) + 2 * (border_px + padding_px) + 2
    gap_px = rules.gap_px
    help_width_px = rules.help_width_px(150)
    # Home and Back share what Help (on their row) and the strip's gaps leave.
    beside = 0 if rules.portrait else help_width_px + gap_px
    nav_room = (rules.width_px - beside - 4 * gap_px) // 2
    return Theme(
        contrast=Contrast(contrast),
        text_size=TextSize(text_size),
        font_family=family,
        colours=colours,
        body_px=body_px,
        reading_px=reading_px,
        heading_px=heading_px,
        huge_px=huge_px,
        line_spacing=line_spacing,
        target_px=rules.target_px,
        button_width_px=max(rules.mm_ceil(40), rules.target_px),
        nav_button_width_px=max(rules.mm_ceil(60), min(7 * body_px, nav_room)),
        help_width_px=help_width_px,
        nav_height_px=max(rules.mm_ceil(rules.nav_height_mm(NAV_HEIGHT_MM)), two_line_button),
        gap_px=gap_px,
        nav_stacked=rules.portrait,
        panel_width_px=rules.width_px,
        tap_tolerance_px=rules.tap_tolerance_px,
        border_px=border_px,
        focus_ring_px=focus_ring_px,
        padding_px=padding_px,
        side_padding_px=round(rules.mm(6)),
        radius_px=round(rules.mm(3)),
    )


def _font_px(family: str, glyph_px: float) -> int:
    # Labels are regular and buttons bold: the size must be enough for both weights.
    return max(font_px_for_glyph_heights(family, glyph_px, bold=bold) for bold in (False, True))


def _natural_line_spacing(family: str, pixel_size: int) -> float:
    font = QFont(family)
    font.setPixelSize(pixel_size)
    return QFontMetricsF(font).lineSpacing() / pixel_size


def apply_theme(target: QApplication | QWidget, theme: Theme) -> None:
    """Style the whole application (or one widget tree) with `theme`, live.

    Qt re-polishes every affected widget: colours, fonts and the shared widgets' sizes
    (which they read from the stylesheet) all follow at once.
    """
    # A stylesheet keeps the palette it found when it was set; clear it first so the new
    # palette (the window background) is the one the new stylesheet starts from.
    target.setStyleSheet("")
    target.setPalette(theme.palette())
    target.setStyleSheet(theme.stylesheet())


def _paddings(theme: Theme) -> tuple[str, str]:
    """Padding without and with focus. The focused border is thicker and the padding
    thinner by the same amount, so the text does not move when focus arrives; the
    thickness is the cue beside the colour."""
    thicker = theme.focus_ring_px - theme.border_px
    return (f"{theme.padding_px}px {theme.side_padding_px}px",
            f"{max(0, theme.padding_px - thicker)}px {max(0, theme.side_padding_px - thicker)}px")


def focus_padding(theme: Theme) -> str:
    """A button's padding while its border is as thick as the focus ring."""
    return _paddings(theme)[1]


def _button_rules(selector: str, colours: ButtonColours, theme: Theme) -> str:
    padding, focus_padding = _paddings(theme)
    return f"""
{selector} {{
    background-color: {colours.face}; color: {colours.text};
    border: {theme.border_px}px solid {colours.border}; border-radius: {theme.radius_px}px;
    padding: {padding}; font-weight: bold;
}}
{selector}:focus {{
    border: {theme.focus_ring_px}px solid {colours.focus_ring}; padding: {focus_padding};
}}
{selector}:pressed {{ background-color: {colours.face_pressed}; }}
{selector}:disabled {{ border-style: dashed; }}
"""


def _stylesheet(theme: Theme) -> str:
    colours = theme.colours
    padding, focus_padding = _paddings(theme)
    nav_separator = (
        f"border-top: {theme.border_px}px solid {colours.text};"
        if colours.nav_background == colours.background else ""
    )
    return f"""
* {{ font-family: "{theme.font_family}"; font-size: {theme.body_px}px; }}
QWidget {{ color: {colours.text}; }}
ScreenFrame, QMainWindow, QDialog {{ background-color: {colours.background}; }}
QLabel {{ color: {colours.text}; background: transparent; }}
BigLabel {{ qproperty-lineSpacing: {LINE_SPACING}; }}
BigLabel[role="body"] {{ font-size: {theme.reading_px}px; }}
BigLabel[role="heading"], BigLabel[role="huge"] {{ qproperty-lineSpacing: {MIN_LINE_SPACING}; }}
BigLabel[role="heading"] {{ font-size: {theme.heading_px}px; font-weight: bold; }}
BigLabel[role="huge"] {{ font-size: {theme.huge_px}px; font-weight: bold; }}
{_button_rules("QPushButton", colours.button, theme)}
{_button_rules("QToolButton", colours.button, theme)}
BigButton {{
    qproperty-targetWidth: {theme.button_width_px}; qproperty-targetHeight: {theme.target_px};
    qproperty-tapTolerance: {theme.tap_tolerance_px};
}}
{_button_rules('BigButton[role="nav"]', colours.nav_button, theme)}
BigButton[role="nav"] {{
    qproperty-targetWidth: {theme.nav_button_width_px};
    qproperty-targetHeight: {theme.nav_height_px};
}}
{_button_rules('BigButton[role="help"]', colours.help_button, theme)}
BigButton[role="help"] {{
    qproperty-targetWidth: {theme.help_width_px}; qproperty-targetHeight: {theme.nav_height_px};
}}
FixedNavBar {{
    background-color: {colours.nav_background}; {nav_separator}
    qproperty-gap: {theme.gap_px}; qproperty-stacked: {"true" if theme.nav_stacked else "false"};
    qproperty-panelWidth: {theme.panel_width_px};
}}
ScreenFrame {{ qproperty-gap: {theme.gap_px}; }}
QLineEdit, QComboBox, QSpinBox {{
    background-color: {colours.button.face}; color: {colours.button.text};
    border: {theme.border_px}px solid {colours.button.border}; padding: {padding};
}}
QLineEdit:focus, QComboBox:focus, QSpinBox:focus {{
    border: {theme.focus_ring_px}px solid {colours.button.focus_ring}; padding: {focus_padding};
}}
QScrollArea, QScrollArea > QWidget#qt_scrollarea_viewport > QWidget {{ background: transparent; }}
QScrollBar:vertical {{
    width: {theme.target_px}px; background: {colours.background};
    border: {theme.border_px}px solid {colours.button.border}; margin: 0px;
}}
QScrollBar:horizontal {{ height: {theme.target_px}px; }}
QScrollBar::handle:vertical {{
    background: {colours.button.border}; min-height: {theme.target_px}px;
    border-radius: {theme.radius_px}px;
}}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0px; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
"""
