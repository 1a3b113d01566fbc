"""`python -m kiosk demo` under Xvfb: every window comes up and the scripted click-through
(a ticket taken and called, a help call raised and answered) runs to the end."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

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
    said = [line for line in result.stdout.splitlines() if line.startswith("tour: ")]
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
