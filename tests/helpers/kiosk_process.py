"""`python -m kiosk run` as its own process, on Qt's offscreen platform.

``windowed`` False runs it full-screen, as a branch does (a window that refuses to close
without a staff PIN). ``env`` adds to the process's environment (for example libfaketime's
variables, to run it with its clock set wrong).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class KioskProcess:
    def __init__(self, config: Path, data: Path, log: Path, *, device: str = "kiosk-1",
                 windowed: bool = True, env: Mapping[str, str] | None = None) -> None:
        self.command = [sys.executable, "-m", "kiosk", "run", "--config", str(config),
                        "--device", device, "--data", str(data)]
        if windowed:
            self.command.append("--windowed")
        self.log_path = log
        self.extra_env = dict(env or {})
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> KioskProcess:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
               "PYTHONUNBUFFERED": "1", **self.extra_env}
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(self.command, stdout=log, stderr=log, env=env,
                                            stdin=subprocess.DEVNULL, cwd=ROOT)
        return self

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()
        self.process.wait(10)

    def stop(self) -> int:
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                return self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
                raise AssertionError("the kiosk did not stop on SIGTERM") from None
        return self.process.returncode
