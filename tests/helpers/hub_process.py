"""The hub as a real process (``python -m kiosk hub``), as a branch runs it.

End-to-end tests start it with a fresh config and secrets, read its log and its /healthz,
stop it with SIGTERM or kill it with SIGKILL, and start it again on the same data folder.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kiosk.core.config import BranchConfig, load_config
from tests.helpers.branch import STAFF_PINS, write_branch_config, write_secrets

ROOT = Path(__file__).resolve().parents[2]
START_PATIENCE_S = 20.0


class HubProcess:
    def __init__(self, config_path: Path, secrets_path: Path | None, data_dir: Path,
                 log_path: Path) -> None:
        self.config_path = config_path
        self.secrets_path = secrets_path
        self.data_dir = data_dir
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None
        self._config: BranchConfig | None = None

    @property
    def config(self) -> BranchConfig:
        """Read when first needed: a test may hand the hub a file that is meant to fail."""
        if self._config is None:
            self._config = load_config(self.config_path)
        return self._config

    @property
    def health_url(self) -> str:
        return f"http://{self.config.hub.health_listen}/healthz"

    @property
    def status_url(self) -> str:
        return f"http://{self.config.status_page.listen}"

    @property
    def db_path(self) -> Path:
        return self.data_dir / "hub.db"

    def command(self) -> list[str]:
        command = [sys.executable, "-m", "kiosk", "hub", "--config", str(self.config_path),
                   "--data", str(self.data_dir)]
        if self.secrets_path is not None:
            command += ["--secrets", str(self.secrets_path)]
        return command

    def start(self, wait_for_broker: bool = True) -> HubProcess:
        """Start and wait until /healthz answers (and, by default, says the broker is up)."""
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(self.command(), stdout=log, stderr=log,
                                            stdin=subprocess.DEVNULL, cwd=ROOT,
                                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
        deadline = time.monotonic() + START_PATIENCE_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the hub exited with {self.process.returncode}:\n"
                                     f"{self.log()[-2000:]}")
            answer = self.healthz()
            if answer is not None and (not wait_for_broker or answer[1]["broker"]["connected"]):
                return self
            time.sleep(0.05)
        raise AssertionError(f"the hub did not come up in {START_PATIENCE_S} s:\n"
                             f"{self.log()[-2000:]}")

    def healthz(self) -> tuple[int, dict[str, Any]] | None:
        """(HTTP status, report), or None while nothing answers."""
        try:
            with urllib.request.urlopen(self.health_url, timeout=2) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def get(self, path: str) -> tuple[int, str]:
        """GET a page of the status listener: (status, body)."""
        try:
            with urllib.request.urlopen(self.status_url + path, timeout=5) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def stop(self, timeout_s: float = 15.0) -> int:
        """SIGTERM, as systemd stops it; the exit status."""
        if self.process is None:
            return 0
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout_s)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
                raise AssertionError("the hub did not stop on SIGTERM") from None
        code = self.process.returncode
        self.process = None
        return code

    def kill(self) -> None:
        """SIGKILL: what a power cut or the OOM killer does."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)
        self.process = None

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") \
            if self.log_path.exists() else ""


def prepare_hub(directory: Path, broker_port: int, **overrides: Any) -> HubProcess:
    """Config, secrets (the example staff PINs) and a data folder for a hub in ``directory``."""
    config = write_branch_config(directory, broker_port, **overrides)
    secrets = write_secrets(directory, "hub", STAFF_PINS)
    return HubProcess(config, secrets, directory / "hub-data", directory / "hub.log")


@contextmanager
def running_hub(directory: Path, broker_port: int, **overrides: Any) -> Iterator[HubProcess]:
    hub = prepare_hub(directory, broker_port, **overrides).start()
    try:
        yield hub
    finally:
        hub.stop()
