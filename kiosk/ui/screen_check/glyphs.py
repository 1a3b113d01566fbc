"""How tall text really is: the rendered height of a capital H or of 中 in a given font.

A font's nominal size says little about what the eye sees: two fonts at 40 px can differ by
a fifth in the height of their capitals, and a CJK glyph is taller than a Latin capital in
the same font. The rule is about the glyph, so both the theme (when it picks font sizes) and
the screen check (when it checks a widget) measure the glyph's tight bounding box in the actual
font, falling back fonts included. Measurements are cached per font and glyph: a check of
sixty screens asks for the same few fonts thousands of times.

The height is that of the glyph's outline (QPainterPath.addText), in fractional pixels, not
a font metric: Qt's tight bounding rectangle snaps to whole pixels and rounds up, so a
capital drawn 29.2 px tall would pass as 30 px against a 29.6 px rule.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from PySide6.QtGui import QFont, QPainterPath

from kiosk.ui.physical import font_px_for_glyph_height

LATIN_GLYPH = "H"
CJK_GLYPH = "中"


def is_cjk(character: str) -> bool:
    """Ideographs, kana and hangul are measured by 中; everything else by H."""
    name = unicodedata.name(character, "")
    return name.startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH",
                            "HIRAGANA", "KATAKANA", "HANGUL"))


def reference_glyphs(text: str) -> tuple[str, ...]:
    """The glyphs whose height stands for `text`: 中 for CJK characters, H for letters and
    digits, both for mixed text, none for text without either (punctuation, symbols)."""
    glyphs: list[str] = []
    if any(is_cjk(character) for character in text):
        glyphs.append(CJK_GLYPH)
    if any(character.isalnum() and not is_cjk(character) for character in text):
        glyphs.append(LATIN_GLYPH)
    return tuple(glyphs)


@lru_cache(maxsize=512)
def _glyph_height(font_key: str, glyph: str) -> float:
    font = QFont()
    font.fromString(font_key)
    outline = QPainterPath()
    outline.addText(0, 0, font, glyph)
    return outline.boundingRect().height()


def glyph_height_px(font: QFont, glyph: str) -> float:
    """Height in pixels (fractional) of the outline of `glyph` rendered in `font`."""
    return _glyph_height(font.toString(), glyph)


def smallest_glyph_height_px(font: QFont, text: str) -> float | None:
    """The shorter of the reference glyphs of `text` in `font`; None if `text` has none."""
    heights = [glyph_height_px(font, glyph) for glyph in reference_glyphs(text)]
    return min(heights) if heights else None


def font_px_for_glyph_heights(family: str, target_px: float, *, bold: bool = False) -> int:
    """Smallest pixel size of `family` at which both H and 中 are at least `target_px` tall.

    Starts from the ratio measured at a large size (where rounding hardly matters) and then
    steps up until the rendered glyphs, which snap to whole pixels, reach the target.
    """
    probe = QFont(family)
    probe.setBold(bold)
    probe.setPixelSize(200)
    ratio = min(glyph_height_px(probe, LATIN_GLYPH), glyph_height_px(probe, CJK_GLYPH)) / 200
    size = max(1, font_px_for_glyph_height(target_px, ratio) - 1)
    while True:
        probe.setPixelSize(size)
        shortest = min(glyph_height_px(probe, LATIN_GLYPH), glyph_height_px(probe, CJK_GLYPH))
        if shortest >= target_px:
            return size
        size += 1
