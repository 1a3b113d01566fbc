"""A branch for benchmarks: the example branch with as many kiosks and consoles as wanted,
the broker on a loopback port, and the hub run as the real ``python -m kiosk hub`` process.

Timings are the example's production values (heartbeats every 3 s, escalation after 30 s),
not the shortened ones the tests use: a benchmark measures the product as a branch runs it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.core.config import BranchConfig, load_config
from kiosk.core.pins import hash_pin
from kiosk.net.broker import free_port

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "deploy" / "example-branch.toml"
STAFF_PINS = {"wang-fang": "2468", "li-ming": "1357", "zhang-wei": "8642", "chen-jing": "9753"}
"""Plain PINs for the example staff; the hub's secrets file holds their (cheap) hashes."""
BENCH_PIN_COST = 2**4


def kiosk_ids(count: int) -> list[str]:
    return ["kiosk-1", "kiosk-2"][:count] if count <= 2 else \
        [f"kiosk-{n:03d}" for n in range(1, count + 1)]


def console_ids(count: int) -> list[str]:
    return ["console-lobby", "console-1"][:count] if count <= 2 else \
        [f"console-{n:02d}" for n in range(1, count + 1)]


def branch_data(broker_port: int, kiosks: int = 2, consoles: int = 2,
                **overrides: Any) -> dict[str, Any]:
    with EXAMPLE.open("rb") as source:
        data: dict[str, Any] = tomllib.load(source)
    status_port = free_port()
    health_port = free_port()
    while health_port == status_port:
        health_port = free_port()
    data["broker"]["url"] = f"mqtt://127.0.0.1:{broker_port}"
    data["status_page"].update(listen=f"127.0.0.1:{status_port}",
                               public_url=f"http://127.0.0.1:{status_port}")
    data["hub"]["health_listen"] = f"127.0.0.1:{health_port}"
    devices: list[dict[str, Any]] = [d for d in data["devices"] if d["role"] in ("hub",
                                                                                "display")]
    for n, kiosk in enumerate(kiosk_ids(kiosks), 1):
        devices.append({"id": kiosk, "role": "kiosk",
                        "name": {"zh_CN": f"{n}号自助机", "en": f"Kiosk {n}"}})
    for n, console in enumerate(console_ids(consoles), 1):
        entry: dict[str, Any] = {"id": console, "role": "console",
                                 "name": {"zh_CN": f"{n}号工作台", "en": f"Desk {n}"}}
        if n in (2, 3):  # the example's services are served at counters 1 and 2
            entry["counter"] = n - 1
        devices.append(entry)
    data["devices"] = devices
    for dotted, value in overrides.items():
        *tables, name = dotted.split(".")
        target = data
        for table in tables:
            target = target.setdefault(table, {})
        target[name] = value
    return data


def write_branch(directory: Path, broker_port: int, kiosks: int = 2, consoles: int = 2,
                 **overrides: Any) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "branch.toml"
    path.write_text(to_toml(branch_data(broker_port, kiosks, consoles, **overrides)),
                    encoding="utf-8")
    load_config(path)  # refuse to benchmark a branch the product would refuse
    return path


def write_hub_secrets(directory: Path) -> Path:
    path = directory / "hub.secrets.toml"
    lines = ['device_id = "hub"', 'broker_password = "bench"', "", "[staff_pins]"]
    lines += [f'{staff} = "{hash_pin(pin, cost=BENCH_PIN_COST)}"'
              for staff, pin in STAFF_PINS.items()]
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    os.chmod(path, 0o600)
    return path


def to_toml(data: Mapping[str, Any]) -> str:
    """Enough TOML for a branch file: tables of scalars and inline tables, arrays of tables."""
    head: list[str] = []
    body: list[str] = []
    for name, table in data.items():
        if isinstance(table, Mapping):
            body += [f"[{name}]", *(f"{k} = {_value(v)}" for k, v in table.items()), ""]
        elif isinstance(table, list) and table and all(isinstance(t, Mapping) for t in table):
            for entry in table:
                body += [f"[[{name}]]", *(f"{k} = {_value(v)}" for k, v in entry.items()), ""]
        else:
            head.append(f"{name} = {_value(table)}")
    return "\n".join(head + [""] + body)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{json.dumps(k)} = {_value(v)}"
                                for k, v in value.items()) + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


class HubRunner:
    """``python -m kiosk hub`` as a child process, up when /healthz says the broker is."""

    def __init__(self, config_path: Path, data_dir: Path, secrets: Path | None = None) -> None:
        self.config_path = config_path
        self.data_dir = data_dir
        self.secrets = secrets
        self.log_path = data_dir.parent / "hub.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.config: BranchConfig = load_config(config_path)

    @property
    def db_path(self) -> Path:
        return self.data_dir / "hub.db"

    def start(self, patience_s: float = 30.0) -> HubRunner:
        command = [sys.executable, "-m", "kiosk", "hub", "--config", str(self.config_path),
                   "--data", str(self.data_dir)]
        if self.secrets is not None:
            command += ["--secrets", str(self.secrets)]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=log, cwd=ROOT,
                                            stdin=subprocess.DEVNULL,
                                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
        deadline = time.monotonic() + patience_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the hub exited with {self.process.returncode}: "
                                   f"{self.log_path.read_text(errors='replace')[-1500:]}")
            health = self.health()
            if health is not None and health.get("broker", {}).get("connected"):
                return self
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"the hub did not come up within {patience_s} s")

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def health(self) -> dict[str, Any] | None:
        url = f"http://{self.config.hub.health_listen}/healthz"
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                answer: dict[str, Any] = json.loads(response.read())
                return answer
        except urllib.error.HTTPError as error:
            answer = json.loads(error.read())
            return answer
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None
