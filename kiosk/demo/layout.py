"""Where the demo's windows go on one screen: side by side, none covering another.

The demo shows a kiosk, a console and a wall display on one machine, often a single
1920x1080 monitor. Their natural sizes do not fit together (a 1280x800 kiosk panel and a
1280x720 wall display alone are taller than the screen), and windows that overlap hide the
very thing a newcomer should see: the kiosk answering while the console alarms. So the demo
divides the screen first and sizes each program to its part:

- the kiosk top left, `KIOSK_SHARE` of the width, 16:10; it is told it is a panel of that
  many pixels at `KIOSK_PPI` (a 21.4-inch panel at 1920x1080), so its physical sizes, and
  so its layout, fit the window;
- the wall display under it, the rest of the height, at `DISPLAY_PPI` (a wall screen seen
  from the back of the branch is drawn small);
- the console on the right, the whole height; its always-on-top alarm banner is placed over
  the console's own column, never over the kiosk or the display.

Rectangles are outer (frame) rectangles in screen pixels; Qt-free so the arithmetic is
tested alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

KIOSK_SHARE = 0.49
"""The kiosk's part of the screen's width."""
KIOSK_ASPECT = 16 / 10
KIOSK_PPI = 52.0
"""Pixels per inch the kiosk is told its panel has (21.4 inches at 944x590): room for
Home, Back, the magnifier switch and Help side by side in the kiosk's part of the screen."""
DISPLAY_PPI = 15.0
"""Pixels per inch the wall display is told it has (70 inches at 944x480)."""
GAP = 8
"""Pixels between two windows."""
MIN_KIOSK = (640, 480)
MIN_DISPLAY = (640, 480)
"""The smallest panels the settings accept (`ScreenSection`, `DisplaySection`)."""


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

    def overlaps(self, other: Rect) -> bool:
        return (self.x < other.right and other.x < self.right
                and self.y < other.bottom and other.y < self.bottom)

    def inside(self, other: Rect) -> bool:
        return (other.x <= self.x and other.y <= self.y and self.right <= other.right
                and self.bottom <= other.bottom)


@dataclass(frozen=True)
class DemoLayout:
    kiosk: Rect
    console: Rect
    display: Rect | None
    banner_column: Rect
    """Where the console's alarm banner may go: the console's column, top."""


def demo_layout(area: Rect, with_display: bool) -> DemoLayout:
    """The windows' frames on the screen's available ``area``."""
    kiosk_width = max(MIN_KIOSK[0], round(area.width * KIOSK_SHARE))
    kiosk_height = max(MIN_KIOSK[1], round(kiosk_width / KIOSK_ASPECT))
    if with_display:
        kiosk_height = max(MIN_KIOSK[1], min(kiosk_height,
                                             area.height - GAP - MIN_DISPLAY[1]))
    kiosk = Rect(area.x, area.y, kiosk_width, kiosk_height)
    display = None
    if with_display:
        top = kiosk.bottom + GAP
        display = Rect(area.x, top, kiosk_width, max(MIN_DISPLAY[1], area.bottom - top))
    left = kiosk.right + GAP
    console = Rect(left, area.y, max(1, area.right - left), area.height)
    return DemoLayout(kiosk, console, display, Rect(console.x, console.y, console.width, 0))


def inches(width_px: int, height_px: int, pixels_per_inch: float) -> float:
    """The diagonal of a panel of that many pixels at that density, to 0.1 inch."""
    return round(math.hypot(width_px, height_px) / pixels_per_inch, 1)
