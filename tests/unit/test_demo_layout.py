"""The demo's division of the screen (kiosk.demo.layout): on the screens a newcomer has,
no window covers another and the alarm banner's column is the console's."""

from __future__ import annotations

import pytest

from kiosk.demo.layout import Rect, demo_layout, inches


@pytest.mark.parametrize("area", [Rect(0, 0, 1920, 1080), Rect(0, 0, 1920, 1040),
                                  Rect(0, 40, 2560, 1560), Rect(1920, 0, 1920, 1200)])
@pytest.mark.parametrize("with_display", [True, False])
def test_the_windows_share_the_screen_without_overlapping(area: Rect,
                                                          with_display: bool) -> None:
    layout = demo_layout(area, with_display)
    frames = [layout.kiosk, layout.console, *([layout.display] if layout.display else [])]
    assert (layout.display is not None) == with_display
    for index, frame in enumerate(frames):
        assert frame.inside(area), frame
        for other in frames[index + 1:]:
            assert not frame.overlaps(other), (frame, other)
    column = layout.banner_column
    assert column.x == layout.console.x and column.right == layout.console.right
    assert column.x >= layout.kiosk.right  # left of it is never the banner's
    assert layout.kiosk.width >= 640 and layout.kiosk.height >= 480


def test_a_1920_by_1080_screen_gets_an_18_inch_kiosk_and_a_wall_display_below() -> None:
    layout = demo_layout(Rect(0, 0, 1920, 1080), with_display=True)
    assert layout.kiosk == Rect(0, 0, 941, 588)
    assert layout.display == Rect(0, 596, 941, 484)
    assert layout.console == Rect(949, 0, 971, 1080)
    assert inches(941, 588, 60.0) == 18.5


def test_rectangles_that_only_touch_do_not_overlap() -> None:
    assert not Rect(0, 0, 10, 10).overlaps(Rect(10, 0, 10, 10))
    assert Rect(0, 0, 10, 10).overlaps(Rect(9, 9, 10, 10))
