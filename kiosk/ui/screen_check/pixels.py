"""Reading colours out of a rendered window.

Contrast is measured on the pixels the customer sees, not on the colours a stylesheet
asked for: a transparent label over a photo, a palette that did not apply, or grey text
the theme never knew about all show up here. The window is rendered once to a 32-bit
image; regions are read as arrays of 0xAARRGGBB integers and counted with
collections.Counter (C speed), which keeps a check of sixty screens to seconds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from kiosk.ui.screen_check.contrast import contrast_ratio, rgb_from_argb32

_MIN_TEXT_PIXELS = 4
_MIN_TEXT_SHARE = 0.0005
"""A text colour must cover this share of the region (or _MIN_TEXT_PIXELS) to count:
stray pixels of another widget's edge do not make a text colour."""


def region_pixels(image: QImage, rect: QRect) -> Sequence[int]:
    """The pixels of `rect` (clipped to the image) as 0xAARRGGBB integers, row by row."""
    area = rect.intersected(image.rect())
    if area.isEmpty():
        return []
    part = image.copy(area)
    if part.format() != QImage.Format.Format_RGB32:
        part = part.convertToFormat(QImage.Format.Format_RGB32)
    # Copy the bytes out: the view Qt hands back dies with `part`.
    return memoryview(bytes(part.constBits())).cast("I")[: area.width() * area.height()]


def colour_counts(image: QImage, rect: QRect) -> Counter[int]:
    return Counter(region_pixels(image, rect))


def band_counts(image: QImage, inner: QRect, width: int) -> Counter[int]:
    """Colours of the band `width` pixels wide just outside `inner` (and inside the image).

    Counted strip by strip (above, below, left, right), never the area inside: a control
    can be most of the screen, its band a thin frame."""
    outer = inner.adjusted(-width, -width, width, width)
    left, top = inner.x(), inner.y()
    right, bottom = left + inner.width(), top + inner.height()
    outer_right, outer_bottom = outer.x() + outer.width(), outer.y() + outer.height()
    counts: Counter[int] = Counter()
    for strip in (QRect(outer.x(), outer.y(), outer.width(), top - outer.y()),
                  QRect(outer.x(), bottom, outer.width(), outer_bottom - bottom),
                  QRect(outer.x(), top, left - outer.x(), inner.height()),
                  QRect(right, top, outer_right - right, inner.height())):
        counts.update(region_pixels(image, strip))
    return counts


def changed_pixels(before: Sequence[int], after: Sequence[int]) -> Counter[tuple[int, int]]:
    """How many pixels went from each colour to each other colour between two pictures of
    the same area (unchanged pixels left out). Counted in C over (old, new) pairs: a
    screen-sized region is millions of pixels, and a Python loop over them was most of the
    time a focus check took."""
    pairs = Counter(zip(before, after, strict=True))
    return Counter({pair: count for pair, count in pairs.items() if pair[0] != pair[1]})


def edge_counts(image: QImage, rect: QRect) -> Counter[int]:
    """Colours of the one-pixel frame of `rect`: where a background shows, not text."""
    area = rect.intersected(image.rect())
    counts: Counter[int] = Counter()
    if area.isEmpty():
        return counts
    right, bottom = area.x() + area.width() - 1, area.y() + area.height() - 1
    for line in (QRect(area.x(), area.y(), area.width(), 1),
                 QRect(area.x(), bottom, area.width(), 1),
                 QRect(area.x(), area.y(), 1, area.height()),
                 QRect(right, area.y(), 1, area.height())):
        counts.update(region_pixels(image, line))
    return counts


def dominant(counts: Counter[int]) -> int | None:
    common = counts.most_common(1)
    return common[0][0] if common else None


def text_colour(counts: Counter[int], background: int) -> int | None:
    """The colour of the text in a region whose most common colour is `background`.

    Anti-aliased edges blend text and background, so they always contrast less than the
    text colour itself: the text colour is the one with the highest contrast against the
    background among those covering enough pixels to be strokes. None when the region is
    a single colour (the text is invisible, or there is none).
    """
    total = sum(counts.values())
    threshold = max(_MIN_TEXT_PIXELS, int(total * _MIN_TEXT_SHARE))
    back = rgb_from_argb32(background)
    best: tuple[float, int] | None = None
    for colour, count in counts.items():
        if colour == background or count < threshold:
            continue
        ratio = contrast_ratio(rgb_from_argb32(colour), back)
        if best is None or ratio > best[0]:
            best = (ratio, colour)
    return None if best is None else best[1]


@lru_cache(maxsize=65536)
def pixel_contrast(first: int, second: int) -> float:
    return contrast_ratio(rgb_from_argb32(first), rgb_from_argb32(second))


def hex_colour(pixel: int) -> str:
    red, green, blue = rgb_from_argb32(pixel)
    return f"#{red:02X}{green:02X}{blue:02X}"
