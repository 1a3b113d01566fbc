"""`python -m kiosk render-screens` and `python -m kiosk run` from the command line: the
pictures are written at the configured resolution, and a kiosk that cannot start says
exactly why instead of showing a broken screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from kiosk.net.broker import free_port
from tests.helpers.branch import write_branch_config

ROOT = Path(__file__).resolve().parents[2]


def kiosk_command(*args: str, timeout_s: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=timeout_s)


def test_render_screens_draws_each_state_in_each_language(tmp_path: Path,
                                                          qapp: object) -> None:
    config = write_branch_config(tmp_path / "config", free_port(),
                                 **{"screen.width_px": 1600, "screen.height_px": 900})
    out = tmp_path / "pictures"
    result = kiosk_command("render-screens", "--config", str(config), "--out", str(out),
                           "--languages", "zh_CN,en", "--states", "home,help-coming")

    assert result.returncode == 0, result.stderr
    for language in ("zh_CN", "en"):
        for state in ("home", "help-coming"):
            image = QImage(str(out / language / f"{state}.png"))
            assert (image.width(), image.height()) == (1600, 900)
    zh_home = QImage(str(out / "zh_CN" / "home.png"))
    en_home = QImage(str(out / "en" / "home.png"))
    assert zh_home != en_home  # the language really changed what is drawn


def test_render_screens_names_an_unknown_state(tmp_path: Path) -> None:
    config = write_branch_config(tmp_path / "config", free_port())
    result = kiosk_command("render-screens", "--config", str(config), "--out",
                           str(tmp_path / "out"), "--states", "home,lobby")
    assert result.returncode == 2
    assert "no such state: lobby" in result.stderr


def test_run_refuses_a_device_that_is_not_a_kiosk(tmp_path: Path) -> None:
    config = write_branch_config(tmp_path / "config", free_port())
    result = kiosk_command("run", "--config", str(config), "--device", "console-1",
                           "--windowed", "--data", str(tmp_path / "data"))
    assert result.returncode == 2
    assert "--device console-1: not a kiosk" in result.stderr
    assert "kiosk-1, kiosk-2" in result.stderr


def test_run_refuses_a_bad_configuration_naming_the_key(tmp_path: Path) -> None:
    config = write_branch_config(tmp_path / "config", free_port(),
                                 **{"idle.warn_after_s": 0})
    result = kiosk_command("run", "--config", str(config), "--device", "kiosk-1")
    assert result.returncode == 2
    assert "idle.warn_after_s = 0" in result.stderr
