"""The physical size rules on the configured screen, worked out without Qt.

The reference kiosk is a 21.5-inch 1920x1080 panel read from 600 mm: about 4.03 px per mm,
so the 0.7 degree text rule (7.33 mm) needs a capital H about 29.6 px tall.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from kiosk.core.settings import ScreenSection
from kiosk.ui.physical import (
    LARGER_TEXT_FACTOR,
    font_px_for_glyph_height,
    px_per_mm,
    size_rules,
    text_height_mm,
)


def test_reference_kiosk_density_comes_from_its_diagonal_not_from_qt() -> None:
    rules = size_rules(ScreenSection())

    # 2203 px of diagonal over 546.1 mm of glass; Qt's offscreen "96 dpi" would say 3.78.
    assert rules.px_per_mm == pytest.approx(4.034, abs=0.001)
    assert rules.width_px == 1920 and rules.height_px == 1080


def test_text_must_span_seven_millimetres_at_sixty_centimetres() -> None:
    assert text_height_mm(600) == pytest.approx(7.33, abs=0.005)
    rules = size_rules(ScreenSection())
    assert rules.min_text_px == pytest.approx(29.57, abs=0.02)
    assert rules.larger_text_px == pytest.approx(29.57 * LARGER_TEXT_FACTOR, abs=0.03)


def test_targets_gaps_and_tolerance_in_pixels() -> None:
    rules = size_rules(ScreenSection())

    assert rules.target_px == 81  # 20 mm = 80.7 px, rounded up: never below 20 mm
    assert rules.spacing_px == 17  # 4 mm = 16.1 px, rounded up
    assert rules.tap_tolerance_px == 20  # 5 mm = 20.2 px
    assert rules.px_to_mm(rules.target_px) >= 20
    assert rules.mm(10) == pytest.approx(40.34, abs=0.01)


def test_a_denser_screen_needs_more_pixels_for_the_same_millimetres() -> None:
    full_hd = size_rules(ScreenSection())
    four_k = size_rules(replace(ScreenSection(), width_px=3840, height_px=2160))

    assert four_k.px_per_mm == pytest.approx(2 * full_hd.px_per_mm)
    assert four_k.target_px in (2 * full_hd.target_px - 1, 2 * full_hd.target_px)
    assert four_k.min_text_px == pytest.approx(2 * full_hd.min_text_px)


def test_a_customer_further_away_needs_larger_text() -> None:
    near = size_rules(ScreenSection())
    far = size_rules(replace(ScreenSection(), viewing_distance_mm=900))

    assert far.min_text_px == pytest.approx(1.5 * near.min_text_px, rel=1e-3)
    assert far.target_px == near.target_px  # a finger is the same size at any distance


def test_any_object_with_the_screen_fields_will_do() -> None:
    @dataclass
    class Panel:
        diagonal_inches: float = 15.6
        width_px: int = 1366
        height_px: int = 768
        viewing_distance_mm: float = 500.0

    rules = size_rules(Panel())
    assert rules.px_per_mm == pytest.approx(math.hypot(1366, 768) / (15.6 * 25.4))


def test_font_size_for_a_cap_height_rounds_up() -> None:
    # A cap height ratio of 0.735 (the bundled font's H) needs 40.2 -> 41 px for 29.57 px.
    assert font_px_for_glyph_height(29.57, 0.735) == 41
    assert font_px_for_glyph_height(30.0, 0.75) == 40  # exactly 40 stays 40
    assert font_px_for_glyph_height(30.0, 0.76) == 40


@pytest.mark.parametrize(
    ("diagonal", "width", "height"),
    [(0, 1920, 1080), (-21.5, 1920, 1080), (21.5, 0, 1080), (21.5, 1920, -1)],
)
def test_an_impossible_screen_is_a_clear_error(diagonal: float, width: int,
                                               height: int) -> None:
    with pytest.raises(ValueError, match="positive size"):
        px_per_mm(diagonal, width, height)


def test_impossible_distances_and_ratios_are_clear_errors() -> None:
    with pytest.raises(ValueError, match="viewing distance"):
        text_height_mm(0)
    with pytest.raises(ValueError, match="glyph ratio"):
        font_px_for_glyph_height(29.57, 0)
    with pytest.raises(ValueError, match="target height"):
        font_px_for_glyph_height(-1, 0.7)


def test_the_size_maths_loads_no_qt() -> None:
    """The rules can be computed (and checked by a config tool) where Qt is absent."""
    script = ("import json, sys, kiosk.ui.physical\n"
              "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
              "print(json.dumps(qt))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parents[2], timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
