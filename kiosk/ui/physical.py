"""Physical sizes on the configured kiosk screen, converted to pixels.

The accessibility numbers in DESIGN.md are physical: text is measured as an angle at the
customer's eye, touch targets and gaps in millimetres. A pixel is only a size once we know
the screen, so everything here starts from the branch configuration's screen section
(diagonal and resolution) rather than from Qt's logical DPI, which on the offscreen
platform and on many kiosk panels is a made-up 96. That lets an audit prove the numbers
for one particular kiosk, and makes a bigger or denser screen change the sizes in one place.

This module is deliberately free of Qt: the maths is tested without a QApplication. The
font-dependent part (how big a font must be for its capital H to reach a height) takes the
font's measured glyph-to-size ratio as a plain number; the Qt layer measures it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

MM_PER_INCH = 25.4

VISUAL_ANGLE_DEG = 0.7
"""Smallest text: a capital H (or a CJK glyph) spans 0.7 degrees at the eye (EN 301 549)."""

LARGER_TEXT_FACTOR = 1.4
"""The "larger text" setting: at least 1.4 times the smallest size."""

TOUCH_TARGET_MM = 20.0
"""Smallest touch target, each side (MIIT elderly 60 dp scaled to kiosk distance)."""

TARGET_SPACING_MM = 4.0
"""Smallest gap between two touch targets."""

TAP_TOLERANCE_MM = 5.0
"""A press that began on a target still counts when released this far outside it."""

MIN_LINE_SPACING = 1.3
"""The rule's smallest line-to-line distance, as a multiple of the font size."""

LINE_SPACING = 1.55
"""The kiosk's line-to-line distance in the text it shows (its labels; buttons' words keep
the 1.3 minimum, so Home, Back and Help keep their height): body text at least 1.5 (WCAG
1.4.12; MIIT's age-friendly guidance asks for generous leading), above the 1.3 minimum. A
little more than 1.5, because lines measured from their ink differ by a few pixels with the
glyphs on them (a line of Chinese whose tallest glyph is shorter than the next line's)."""

BODY_TEXT_FACTOR = 1.2
"""Body text (what a customer reads, not a button's words) is this much above the
smallest glyph height: 8.8 mm at 600 mm instead of 7.3 mm."""

GAP_MM = 6.0
"""Space around the content and between controls: more than the 4 mm minimum."""

HELP_WIDTH_SHARE = 0.40
"""On a landscape panel Help never takes more than this share of the width, so Home, Back
and the magnifier's switch keep their room beside it on a small panel (a 15.6 inch 1280 px
panel is 336 mm across). On a portrait panel Help has a row of its own, as wide as the panel."""
NAV_HEIGHT_SHARE = 0.1
"""On a tall panel the bottom strip's rows grow to this share of the height."""


@dataclass(frozen=True)
class Panel:
    """A kiosk panel the layouts are made and audited for."""

    name: str
    diagonal_inches: float
    width_px: int
    height_px: int
    viewing_distance_mm: float = 600.0


SUPPORTED_PANELS: tuple[Panel, ...] = (
    Panel("15.6in-1280x800", 15.6, 1280, 800),
    Panel("18.5in-1366x768", 18.5, 1366, 768),
    Panel("21.5in-1920x1080", 21.5, 1920, 1080),
    Panel("21.5in-1080x1920-portrait", 21.5, 1080, 1920),
    Panel("32in-3840x2160", 32.0, 3840, 2160),
)
"""Every screen is audited on each of these, in every language, text size and contrast."""


class ScreenGeometry(Protocol):
    """The fields of the configuration's screen section this module needs."""

    @property
    def diagonal_inches(self) -> float: ...

    @property
    def width_px(self) -> int: ...

    @property
    def height_px(self) -> int: ...

    @property
    def viewing_distance_mm(self) -> float: ...


def px_per_mm(diagonal_inches: float, width_px: int, height_px: int) -> float:
    """Pixel density of a screen with square pixels, from its diagonal and resolution."""
    if diagonal_inches <= 0 or width_px <= 0 or height_px <= 0:
        raise ValueError(
            f"screen must have a positive size, got {diagonal_inches} inches, "
            f"{width_px}x{height_px} px"
        )
    diagonal_px = math.hypot(width_px, height_px)
    return diagonal_px / (diagonal_inches * MM_PER_INCH)


def text_height_mm(viewing_distance_mm: float, angle_deg: float = VISUAL_ANGLE_DEG) -> float:
    """Height that spans `angle_deg` at the eye, centred on the line of sight."""
    if viewing_distance_mm <= 0:
        raise ValueError(f"viewing distance must be positive, got {viewing_distance_mm} mm")
    return 2 * viewing_distance_mm * math.tan(math.radians(angle_deg / 2))


def font_px_for_glyph_height(target_px: float, glyph_ratio: float) -> int:
    """Smallest whole font pixel size whose glyph reaches `target_px`.

    `glyph_ratio` is the glyph's rendered height divided by the font's pixel size (about
    0.73 for a capital H in Noto Sans, 0.9 for 中), measured by the Qt layer. Rendering
    rounds to whole pixels, so the Qt layer re-measures at the returned size.
    """
    if not 0 < glyph_ratio <= 2:
        raise ValueError(f"glyph ratio must be in (0, 2], got {glyph_ratio}")
    if target_px <= 0:
        raise ValueError(f"target height must be positive, got {target_px}")
    return math.ceil(target_px / glyph_ratio - 1e-9)


@dataclass(frozen=True)
class SizeRules:
    """The accessibility size rules, in pixels of one particular screen.

    Sizes that must be reached are rounded up to whole pixels (a 29.6 px minimum needs
    30 rendered pixels); the tap tolerance is the distance a release may stray and is
    rounded to the nearest pixel.
    """

    px_per_mm: float
    width_px: int
    height_px: int
    min_text_px: float
    """Smallest rendered height of a capital H or of 中, unrounded."""
    larger_text_px: float
    """The "larger text" setting's smallest glyph height, unrounded."""
    target_px: int
    spacing_px: int
    tap_tolerance_px: int

    def mm(self, millimetres: float) -> float:
        """Millimetres to pixels on this screen."""
        return millimetres * self.px_per_mm

    def px_to_mm(self, pixels: float) -> float:
        return pixels / self.px_per_mm

    @property
    def width_mm(self) -> float:
        return self.width_px / self.px_per_mm

    @property
    def height_mm(self) -> float:
        return self.height_px / self.px_per_mm

    @property
    def portrait(self) -> bool:
        return self.height_px > self.width_px

    @property
    def gap_px(self) -> int:
        return max(self.spacing_px, self.mm_ceil(GAP_MM))

    def help_width_px(self, wanted_mm: float) -> int:
        """Help's width: `wanted_mm`, or less on a landscape panel too narrow for it, or
        the whole width inside the margins on a portrait panel."""
        if self.portrait:
            return self.width_px - 2 * self.gap_px
        return self.mm_ceil(min(wanted_mm, HELP_WIDTH_SHARE * self.width_mm))

    def nav_height_mm(self, wanted_mm: float) -> float:
        """The bottom strip's height: `wanted_mm`, or more on a tall panel."""
        return max(wanted_mm, NAV_HEIGHT_SHARE * self.height_mm)

    def mm_ceil(self, millimetres: float) -> int:
        """Whole pixels covering at least `millimetres`."""
        return math.ceil(self.mm(millimetres) - 1e-9)


def size_rules(screen: ScreenGeometry) -> SizeRules:
    """The size rules for a configured screen (e.g. `config.screen`)."""
    density = px_per_mm(screen.diagonal_inches, screen.width_px, screen.height_px)
    text_px = text_height_mm(screen.viewing_distance_mm) * density
    return SizeRules(
        px_per_mm=density,
        width_px=screen.width_px,
        height_px=screen.height_px,
        min_text_px=text_px,
        larger_text_px=text_px * LARGER_TEXT_FACTOR,
        target_px=math.ceil(TOUCH_TARGET_MM * density - 1e-9),
        spacing_px=math.ceil(TARGET_SPACING_MM * density - 1e-9),
        tap_tolerance_px=round(TAP_TOLERANCE_MM * density),
    )
