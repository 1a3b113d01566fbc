"""What the kiosk program loads before its home screen is painted: not the accessibility
audit, nor the ticket's PDF and QR code (loaded after start-up, or at the first ticket)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOT_AT_START = ("kiosk.ui.screen_check.runner", "kiosk.printing.ticket_pdf", "qrcode",
                "kiosk.printing.cups_printer")


def loaded_by(module: str) -> set[str]:
    script = (f"import json, sys, {module}\n"
              "print(json.dumps(sorted(sys.modules)))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=ROOT, timeout=120, check=False,
                            env={"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
                                 "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


@pytest.fixture(scope="module")
def at_start() -> set[str]:
    return loaded_by("kiosk.customer.app")


@pytest.mark.parametrize("module", NOT_AT_START)
def test_the_kiosk_program_starts_without(module: str, at_start: set[str]) -> None:
    assert module not in at_start


def test_the_check_sees_a_module_loaded_at_start(at_start: set[str]) -> None:
    assert "kiosk.customer.main_window" in at_start
