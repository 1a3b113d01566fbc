"""A full-screen kiosk stops when its service manager says so, and only then.

``systemctl stop`` sends SIGTERM and waits ``TimeoutStopSec`` before killing; a window that
refuses to close without a staff PIN must not turn that into a 90 s wait and a kill.
"""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from tests.helpers.branch import write_branch_config
from tests.helpers.kiosk_process import KioskProcess
from tests.helpers.waiting import wait_until

START_PATIENCE_S = 30.0
STOP_PATIENCE_S = 15.0
"""A liveness limit for this shared machine; the promise (and the unit's) is 5 s."""


def test_a_full_screen_kiosk_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    config = write_branch_config(tmp_path / "config", 1)  # no broker there: the kiosk copes
    kiosk = KioskProcess(config, tmp_path / "data", tmp_path / "kiosk.log",
                         windowed=False).start()
    assert kiosk.process is not None
    try:
        wait_until(lambda: "started (full-screen)" in kiosk.log()
                   or kiosk.process.poll() is not None,  # type: ignore[union-attr]
                   START_PATIENCE_S, "the kiosk to start")
        assert kiosk.process.poll() is None, kiosk.log()[-2000:]
        began = time.monotonic()
        kiosk.process.send_signal(signal.SIGTERM)
        code = kiosk.process.wait(STOP_PATIENCE_S)
    except subprocess.TimeoutExpired:
        kiosk.kill()
        raise AssertionError("the full-screen kiosk ignored SIGTERM:\n"
                             + kiosk.log()[-2000:]) from None
    finally:
        if kiosk.process.poll() is None:
            kiosk.kill()
    log = kiosk.log()
    assert code == 0, log[-2000:]
    assert "the screen is reset and the kiosk program ends" in log
    assert "kiosk kiosk-1 stopped" in log
    print(f"stopped {time.monotonic() - began:.2f} s after SIGTERM")
