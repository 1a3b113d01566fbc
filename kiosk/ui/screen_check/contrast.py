"""WCAG contrast between two colours, from sRGB values.

Used twice: the theme checks its own palette when it is built, and the screen check measures the
colours it actually finds in rendered pixels. Both must agree on the arithmetic, so it lives
here once, free of Qt.
"""

from __future__ import annotations

import re

Rgb = tuple[int, int, int]

_HEX_COLOUR = re.compile(r"#?([0-9a-fA-F]{6})")


def parse_hex(colour: str) -> Rgb:
    """`"#1a2b3c"` -> (26, 43, 60); a clear ValueError for anything else."""
    match = _HEX_COLOUR.fullmatch(colour.strip())
    if match is None:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    value = int(match.group(1), 16)
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF


def rgb_from_argb32(pixel: int) -> Rgb:
    """A 0xAARRGGBB pixel as stored by QImage.Format_RGB32/ARGB32, alpha dropped."""
    return (pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(rgb: Rgb) -> float:
    """WCAG 2 relative luminance, 0 (black) to 1 (white)."""
    red, green, blue = rgb
    return 0.2126 * _linear(red) + 0.7152 * _linear(green) + 0.0722 * _linear(blue)


def contrast_ratio(first: Rgb | str, second: Rgb | str) -> float:
    """WCAG contrast ratio, 1 (same) to 21 (black on white); order does not matter."""
    one = relative_luminance(parse_hex(first) if isinstance(first, str) else first)
    two = relative_luminance(parse_hex(second) if isinstance(second, str) else second)
    lighter, darker = max(one, two), min(one, two)
    return (lighter + 0.05) / (darker + 0.05)
