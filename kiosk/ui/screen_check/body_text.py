"""Checks on body text: the paragraphs a customer reads, measured from the rendered lines.

Body text is a text widget (not a control, not a heading: a label whose `role` property is
"heading" or "huge") whose words are drawn on two lines or more. Its
glyphs must reach 1.2 times the minimum glyph height, and its lines must be at least 1.5
times the font size apart (DESIGN.md: "Body text sits at least 1.2x above the minimum, with
line spacing >= 1.5"; WCAG 1.4.12).

The lines are found in the picture, not asked of the layout: each pixel row of the text's
area either holds ink (a colour at 3:1 or more against the area's background) or not, and
runs of inked rows are lines. The spacing is the distance from one line's baseline to the
next (the median over the paragraph), divided by the font's pixel size. A line's ink is no
measure of where it sits: a line without capitals starts lower, one without descenders ends
higher ("back in line." under "Please keep your ticket" ends a fifth of a font size
higher), so a line is placed by its baseline. Which line holds which characters comes from
laying the text out at the area's width; the outlines of that line's glyphs then say how far
above and below the baseline its ink reaches, and so where the baseline lies in the
picture. That holds alike for Latin, ideographs (whose foot lies below the baseline), a
short last line of two characters and the bilingual captions of the wall display.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QFontInfo, QImage, QPainterPath, QTextLayout, QTextOption

from kiosk.ui.physical import SizeRules
from kiosk.ui.screen_check.colour_checks import text_area
from kiosk.ui.screen_check.findings import Finding, Rule
from kiosk.ui.screen_check.glyphs import (
    smallest_glyph_height_px,
)
from kiosk.ui.screen_check.inventory import Item
from kiosk.ui.screen_check.pixels import dominant, edge_counts, pixel_contrast, region_pixels

BODY_FACTOR = 1.2
MIN_BODY_LINE_SPACING = 1.5
HEADING_ROLES = ("heading", "huge")
"""BigLabel roles that are headings and numbers, not body text (kiosk.ui.widgets)."""
_INK_CONTRAST = 3.0
_BASELINE_SHARE = 0.3
"""Rows inked at least this share of a line's most inked row, and drops in ink of at least
this share of its largest drop, are on or above the baseline; descenders and commas ink
far fewer (see `_baseline`)."""
_MIN_LINE_SHARE = 0.5
"""A run of inked rows shorter than this share of the tallest is a stray mark (the dot of a
colon, an underline), not a line."""


@dataclass(frozen=True)
class Line:
    """A line of text drawn in the picture, in image rows."""

    top: int
    bottom: int
    baseline: int
    """The row where most of its strokes end (see the module's docstring)."""


def rendered_lines(image: QImage, area: QRect) -> list[Line]:
    """Each line of text drawn in `area`, top to bottom."""
    area = area.intersected(image.rect())
    background = dominant(edge_counts(image, area))
    if background is None:
        return []
    inked_per_row: list[int] = []
    for y in range(area.y(), area.y() + area.height()):
        counts = Counter(region_pixels(image, QRect(area.x(), y, area.width(), 1)))
        inked_per_row.append(sum(count for colour, count in counts.items()
                                 if colour != background
                                 and pixel_contrast(colour, background) >= _INK_CONTRAST))
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for index, inked in enumerate(inked_per_row):
        if inked and start is None:
            start = index
        elif not inked and start is not None:
            runs.append((start, index - 1))
            start = None
    if start is not None:
        runs.append((start, len(inked_per_row) - 1))
    if not runs:
        return []
    tallest = max(bottom - top + 1 for top, bottom in runs)
    return [Line(area.y() + top, area.y() + bottom,
                 area.y() + _baseline(inked_per_row, top, bottom))
            for top, bottom in runs if bottom - top + 1 >= _MIN_LINE_SHARE * tallest]


def _baseline(inked_per_row: list[int], top: int, bottom: int) -> int:
    """The lower of two rows of `top`..`bottom`: the lowest inked at least
    `_BASELINE_SHARE` as much as the line's most inked row, and the lowest where the ink
    drops by at least that share of the line's largest drop from one row to the next.
    Below either end only the odd descender or comma; the first alone rises to the foot of a
    run of dots at mid-height, the second alone to a stroke inside a row of ideographs."""
    rows = range(top, bottom + 1)

    def drop(row: int) -> int:
        return inked_per_row[row] - (inked_per_row[row + 1] if row < bottom else 0)
    most = _BASELINE_SHARE * max(inked_per_row[row] for row in rows)
    largest = _BASELINE_SHARE * max(drop(row) for row in rows)
    return max(max(row for row in rows if inked_per_row[row] >= most),
               max(row for row in rows if drop(row) >= largest))


def _wrapped_lines(text: str, font: QFont, width: float) -> list[str]:
    """The lines `text` wraps into at `width`, as the shared widgets and QLabel break them
    (at word boundaries, between CJK characters, and at each line break)."""
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(max(1.0, width))
        lines.append(text[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


def _inked_lines(text: str, font: QFont, width: float) -> list[str]:
    """The lines of `text` at `width` that `rendered_lines` finds in the picture: those
    whose outline is at least `_MIN_LINE_SHARE` as tall as the tallest line's (a line of
    dots alone is left out there too)."""
    lines = [line.strip() for line in _wrapped_lines(text, font, width) if line.strip()]
    heights = []
    for line in lines:
        outline = QPainterPath()
        outline.addText(0, 0, font, line)
        heights.append(outline.boundingRect().height())
    tallest = max(heights, default=0.0)
    return [line for line, height in zip(lines, heights, strict=True)
            if height >= _MIN_LINE_SHARE * tallest]


def _outline(line: str, font: QFont) -> tuple[float, float] | None:
    """The top and bottom of `line`'s glyph outlines, from its baseline (None for a line
    with no outline to place it by)."""
    path = QPainterPath()
    path.addText(0, 0, font, line)
    box = path.boundingRect()
    return None if box.isEmpty() else (box.top(), box.bottom())


def baselines(lines: list[Line], font: QFont, text: str,
              width: float) -> list[float | None]:
    """Where each line's baseline is (None where the picture cannot tell).

    Which line holds which characters comes from laying `text` out at `width`; each line's
    baseline is then where its own glyph outlines put it, given where its ink starts and
    ends (the mean of the two, so the lighter edge pixels weigh alike at top and bottom).
    When the layout gives another count of inked lines than the picture, each line's
    baseline is read from its ink alone (see `Line.baseline`)."""
    texts = _inked_lines(text, font, width)
    if len(texts) != len(lines):
        return [float(line.baseline) for line in lines]
    found: list[float | None] = []
    for line, words in zip(lines, texts, strict=True):
        outline = _outline(words, font)
        if outline is None:
            found.append(None)
            continue
        top, bottom = outline
        found.append(((line.top - top) + (line.bottom + 1 - bottom)) / 2)
    return found


def line_spacing(baselines: list[float | None], font_px: int) -> float | None:
    """The distance between successive baselines (the median, over the lines whose
    baseline is known) as a multiple of `font_px`; None without two such lines."""
    known = [(index, baseline) for index, baseline in enumerate(baselines)
             if baseline is not None]
    if len(known) < 2 or font_px <= 0:
        return None
    steps = [(later - earlier) / (after - before)
             for (before, earlier), (after, later) in zip(known, known[1:], strict=False)]
    return statistics.median(steps) / font_px


def body_text(screen: str, items: list[Item], image: QImage, rules: SizeRules,
              minimum_px: float) -> Iterator[Finding]:
    """Every text of two lines or more: glyphs >= 1.2 x `minimum_px`, lines >= 1.5 apart."""
    body_minimum = BODY_FACTOR * minimum_px
    for item in items:
        if item.is_control or item.is_picture or not item.text or item.scrolled:
            continue
        if item.widget.property("role") in HEADING_ROLES:
            continue
        widget = item.widget
        if widget.height() < 2 * widget.fontMetrics().height():
            continue  # no room for two lines: not a paragraph
        lines = rendered_lines(image, text_area(item))
        if len(lines) < 2:
            continue
        height = smallest_glyph_height_px(widget.font(), item.text)
        if height is not None and height < body_minimum:
            yield Finding(screen, item.name, Rule.BODY_TEXT_SIZE,
                          f"{height:.1f} px ({rules.px_to_mm(height):.1f} mm)",
                          f">= {body_minimum:.1f} px ({BODY_FACTOR:g} x the minimum)")
        area = text_area(item)
        spacing = line_spacing(baselines(lines, widget.font(), item.text, area.width()),
                               QFontInfo(widget.font()).pixelSize())
        if spacing is not None and spacing < MIN_BODY_LINE_SPACING:
            yield Finding(screen, item.name, Rule.LINE_SPACING,
                          f"{spacing:.2f} x the font size ({len(lines)} lines)",
                          f">= {MIN_BODY_LINE_SPACING:g}")
