"""`python -m kiosk demo` under Xvfb: every window comes up and the scripted click-through
(a ticket taken and called, a help call raised and answered) runs to the end."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.demo.layout import Rect

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
SCREEN = (2560, 1600)
STEPS = (
    "tour: 1. the kiosk, the console and the hub find each other",
    "tour: 2. li-ming signs in at the console with a PIN",
    "tour: 3. a customer presses \"Take a ticket\" at the kiosk",
    "tour: 4. chooses a service",
    "tour: 5. asks for a normal ticket and gets its number",
    "tour: 6. the counter calls the next ticket",
    "tour: 7. the customer presses Help at the kiosk",
    "tour: 8. the console alarms; staff press \"I'm coming\"",
    "tour: done: the kiosk was told who is coming",
)


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (apt: xvfb)")
def test_the_demo_shows_every_window_and_its_tour_answers_a_help_call(tmp_path: Path) -> None:
    picture = tmp_path / "demo.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONUNBUFFERED": "1"}
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN[0]}x{SCREEN[1]}x24", sys.executable,
         "-m", "kiosk", "demo", "--dir", str(tmp_path / "demo"), "--tour",
         "--screenshot", str(picture)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    said = [line for line in result.stdout.splitlines()
            if line.startswith("tour: ") and not line.startswith("tour: windows: ")]
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert said[1:1 + len(STEPS)] == list(STEPS)
    assert "staff PINs for the console" in result.stdout

    image = QImage(str(picture))
    assert (image.width(), image.height()) == SCREEN
    # Three windows side by side: the kiosk's light screen top left, the wall display's
    # black board below it, the console's window on the right; nothing of the empty X
    # background (black) in the console's corner.
    kiosk, display, console = (image.pixelColor(40, 40), image.pixelColor(40, 1500),
                               image.pixelColor(SCREEN[0] // 2 + 40, 300))
    assert kiosk.lightness() > 200 and console.lightness() > 200
    assert display.lightness() < 60


def _frames(stdout: str) -> dict[str, Rect]:
    """The windows the tour said it saw while the console alarmed."""
    [line] = [line for line in stdout.splitlines() if line.startswith("tour: windows: ")]
    frames = {}
    for name, x, y, width, height in re.findall(r"(\w+) (-?\d+),(-?\d+) (\d+)x(\d+)", line):
        frames[name] = Rect(int(x), int(y), int(width), int(height))
    return frames


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (apt: xvfb)")
def test_on_a_1920_by_1080_screen_no_window_covers_another(tmp_path: Path) -> None:
    """Kiosk, console and wall display side by side, and the console's always-on-top alarm
    banner over the console's own column: it never covers the kiosk or the display."""
    width, height = 1920, 1080
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONUNBUFFERED": "1"}
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24", sys.executable,
         "-m", "kiosk", "demo", "--dir", str(tmp_path / "demo"), "--tour"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    frames = _frames(result.stdout)
    assert set(frames) == {"kiosk", "console", "display", "banner"}
    screen = Rect(0, 0, width, height)
    for name, frame in frames.items():
        assert frame.inside(screen), (name, frame)
    windows = ("kiosk", "console", "display")
    for index, first in enumerate(windows):
        for second in windows[index + 1:]:
            assert not frames[first].overlaps(frames[second]), (first, second, frames)
    assert not frames["banner"].overlaps(frames["kiosk"]), frames
    assert not frames["banner"].overlaps(frames["display"]), frames
