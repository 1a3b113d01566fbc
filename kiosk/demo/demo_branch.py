"""The demo's branch: the example configuration on free local ports, and the hub's secrets.

The example branch (``deploy/example-branch.toml``) is copied with only what one machine
needs changed: the broker and the hub's listeners on free loopback ports, and a kiosk screen
size that fits a window beside the console. The hub's secrets file holds the demo PINs of the
example staff, hashed as for a branch, and is private (mode 0600) like every secrets file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.config import BranchConfig, load_config
from kiosk.core.pins import hash_pin
from kiosk.net.broker import free_port
from kiosk.paths import example_config

EXAMPLE = example_config()

DEMO_PINS = {"wang-fang": "2468", "li-ming": "1357", "zhang-wei": "8642", "chen-jing": "9753"}
"""The example staff's PINs in the demo (printed when the demo starts; never for a branch)."""

_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_][A-Za-z0-9_]*)\s*=")


class DemoError(Exception):
    """The demo cannot be set up; the message says why."""


@dataclass(frozen=True)
class DemoBranch:
    folder: Path
    config_path: Path
    hub_secrets: Path
    config: BranchConfig

    def data(self, device_id: str) -> Path:
        return self.folder / "data" / device_id


def set_values(text: str, values: dict[tuple[str, str], str]) -> str:
    """``text`` (TOML) with ``key = ...`` replaced inside ``[table]`` for each
    ``(table, key) -> TOML value``; every key must be found exactly once."""
    table = ""
    found: set[tuple[str, str]] = set()
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and not stripped.startswith("[["):
            table = stripped.strip("[]").strip()
        elif stripped.startswith("[["):
            table = ""
        match = _KEY_LINE.match(stripped)
        if match and (table, match["key"]) in values:
            line = f"{match['key']} = {values[(table, match['key'])]}"
            found.add((table, match["key"]))
        lines.append(line)
    missing = sorted(set(values) - found)
    if missing:
        raise DemoError(f"the example configuration has no {missing[0][0]}.{missing[0][1]}")
    return "\n".join(lines) + "\n"


def prepare(folder: Path, broker_port: int) -> DemoBranch:
    if not EXAMPLE.is_file():
        raise DemoError(f"{EXAMPLE} is missing: reinstall the package")
    folder.mkdir(parents=True, exist_ok=True)
    status, health = free_port(), free_port()
    while health == status:
        health = free_port()
    text = set_values(EXAMPLE.read_text(encoding="utf-8"), {
        ("broker", "url"): f'"mqtt://127.0.0.1:{broker_port}"',
        ("status_page", "listen"): f'"127.0.0.1:{status}"',
        ("status_page", "public_url"): f'"http://127.0.0.1:{status}"',
        ("hub", "health_listen"): f'"127.0.0.1:{health}"',
        ("screen", "diagonal_inches"): "15.6",
        ("screen", "width_px"): "1280",
        ("screen", "height_px"): "800",
    })
    # One machine has no ticket printer: say so, rather than fail every ticket at CUPS.
    text += '\n[printer]\nmode = "none"\n'
    config_path = folder / "branch.toml"
    config_path.write_text("# The demo's branch: the example branch on this machine's free "
                           "ports.\n" + text, encoding="utf-8")
    secrets = folder / "hub.secrets.toml"
    lines = ['device_id = "hub"', 'broker_password = ""', "", "[staff_pins]"]
    lines += [f'{staff} = "{hash_pin(pin)}"' for staff, pin in DEMO_PINS.items()]
    descriptor = os.open(secrets, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    os.chmod(secrets, 0o600)
    return DemoBranch(folder, config_path, secrets, load_config(config_path))
