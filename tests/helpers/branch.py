"""A fresh branch for tests: the example branch's devices, staff and services, fast timings.

Every test gets its own config file (never the user's): the broker on a loopback port the
test started, the status page and /healthz on free ports, and timings short enough that an
escalation or an offline device happens within a test's patience. Any setting can be
changed with a dotted key, e.g. ``write_branch_config(tmp, port, **{"help.escalate_after_s":
0.5})``; whole entry lists (``devices``, ``staff``, ``services``) can be replaced too.
"""

from __future__ import annotations

import copy
import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.core.pins import hash_pin
from kiosk.net.broker import free_port

EXAMPLE = Path(__file__).resolve().parents[2] / "deploy" / "example-branch.toml"

TEST_PIN_COST = 2**4
"""scrypt N for test PIN hashes: the hub reads the cost from the hash, so cheap is fine."""

STAFF_PINS = {"wang-fang": "2468", "li-ming": "1357", "zhang-wei": "8642", "chen-jing": "9753"}
"""PINs of the example staff, for tests that sign in."""

FAST_TIMINGS: dict[str, Any] = {
    "broker.reconnect_max_s": 0.5,
    "queue.reply_timeout_s": 2.0,
    "help.escalate_after_s": 2.0,
    "help.resignal_after_s": 5.0,
    "help.alarm_repeat_s": 0.5,
    "help.reassure_every_s": 1.0,
    "presence.heartbeat_interval_s": 0.2,
    "presence.offline_after_s": 1.0,
    "idle.warn_after_s": 5.0,
    "idle.reset_after_warn_s": 2.0,
    "hub.pin_attempts": 3,
    "hub.pin_lockout_s": 0.5,
}


def branch_settings(broker_port: int, **overrides: Any) -> dict[str, Any]:
    """The test branch as a TOML-shaped dict (before writing)."""
    with EXAMPLE.open("rb") as source:
        data: dict[str, Any] = tomllib.load(source)
    status_port, health_port = free_port(), free_port()
    while health_port == status_port:
        health_port = free_port()
    settings: dict[str, Any] = {
        "broker.url": f"mqtt://127.0.0.1:{broker_port}",
        "status_page.listen": f"127.0.0.1:{status_port}",
        "status_page.public_url": f"http://127.0.0.1:{status_port}",
        "hub.health_listen": f"127.0.0.1:{health_port}",
        **FAST_TIMINGS,
        **overrides,
    }
    for dotted, value in settings.items():
        _set(data, dotted, value)
    return data


def write_branch_config(directory: Path, broker_port: int, **overrides: Any) -> Path:
    """Write ``branch.toml`` in ``directory`` and return its path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "branch.toml"
    path.write_text(to_toml(branch_settings(broker_port, **overrides)), encoding="utf-8")
    return path


def write_secrets(directory: Path, device_id: str, pins: dict[str, str] | None = None,
                  broker_password: str = "test-password") -> Path:
    """Write ``<device_id>.secrets.toml`` (mode 0600); ``pins`` maps staff id -> plain PIN."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{device_id}.secrets.toml"
    lines = [f"device_id = {_value(device_id)}",
             f"broker_password = {_value(broker_password)}"]
    if pins:
        lines.append("")
        lines.append("[staff_pins]")
        for staff_id, pin in pins.items():
            lines.append(f"{_key(staff_id)} = {_value(hash_pin(pin, cost=TEST_PIN_COST))}")
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    os.chmod(path, 0o600)
    return path


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    *tables, name = dotted.split(".")
    target = data
    for table in tables:
        target = target.setdefault(table, {})
    target[name] = copy.deepcopy(value)


def to_toml(data: Mapping[str, Any]) -> str:
    """Enough TOML for a branch file: tables of scalars/inline tables, arrays of tables."""
    lines: list[str] = []
    for name, table in data.items():
        if isinstance(table, Mapping):
            lines.append(f"[{name}]")
            lines.extend(f"{_key(k)} = {_value(v)}" for k, v in table.items())
            lines.append("")
        elif isinstance(table, list) and all(isinstance(t, Mapping) for t in table):
            for entry in table:
                lines.append(f"[[{name}]]")
                lines.extend(f"{_key(k)} = {_value(v)}" for k, v in entry.items())
                lines.append("")
        else:
            lines.insert(0, f"{_key(name)} = {_value(table)}")
    return "\n".join(lines)


def _key(name: str) -> str:
    bare = name.replace("-", "").replace("_", "").isalnum() and name.isascii()
    return name if bare else json.dumps(name)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")
