"""The kiosk-mode recipe: X with nothing but the kiosk (no window manager), full-screen.

Runs the real ``deploy/systemd/kiosk-x-client`` script on an Xvfb screen, the kiosk as its
only client, and looks at the screen from another process: the kiosk covers all of it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from tests.helpers.branch import write_branch_config
from tests.helpers.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Debian's xvfb")


def _free_display() -> int:
    for number in range(70, 99):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and \
                not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise AssertionError("no free X display number")


def test_the_kiosk_fills_a_screen_with_no_window_manager(tmp_path: Path) -> None:
    display = f":{_free_display()}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten",
                             "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "PYTHONPATH": str(ROOT)}
    env.pop("WAYLAND_DISPLAY", None)
    config = write_branch_config(tmp_path / "config", 1)  # no broker there: the kiosk copes
    kiosk = None
    try:
        wait_until(lambda: Path(f"/tmp/.X11-unix/X{display[1:]}").exists(), what="Xvfb up")
        with (tmp_path / "kiosk.log").open("wb") as log:
            kiosk = subprocess.Popen(
                [str(ROOT / "deploy" / "systemd" / "kiosk-x-client"), sys.executable, "-m",
                 "kiosk", "run", "--config", str(config), "--device", "kiosk-1", "--data",
                 str(tmp_path / "data")], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                stderr=log)
        shot = tmp_path / "screen.png"

        def covered() -> bool:
            if kiosk is not None and kiosk.poll() is not None:
                raise AssertionError((tmp_path / "kiosk.log").read_text()[-2000:])
            subprocess.run([sys.executable, "-m", "tests.helpers.grab_screen", str(shot)],
                           env=env, cwd=ROOT, timeout=30, check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if not shot.exists():
                return False
            image = QImage(str(shot))
            corners = [image.pixelColor(x, y) for x, y in
                       ((5, 5), (1914, 5), (5, 1074), (1914, 1074), (1700, 650))]
            return image.width() == 1920 and all(c != QColor(0, 0, 0) for c in corners)

        wait_until(covered, timeout_s=40, what="the kiosk to cover the whole screen")
        assert QImage(str(shot)).pixelColor(1700, 650) == QColor("#faf5ea")  # the kiosk's page
    finally:
        if kiosk is not None:
            kiosk.terminate()
            try:
                kiosk.wait(15)
            except subprocess.TimeoutExpired:
                kiosk.kill()
                kiosk.wait(5)
        xvfb.terminate()
        xvfb.wait(10)
