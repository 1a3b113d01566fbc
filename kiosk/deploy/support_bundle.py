"""``python -m kiosk support-bundle``: one zip for the bank's IT or the product's support.

It holds the branch configuration (which has no secrets), recent logs, versions of every
part, and the hub's health if it answers. It never holds a secrets file, and everything
copied is scrubbed of anything secret-looking, including the actual passwords and PIN
hashes of any secrets files named on the command line.
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
import zipfile
from importlib import metadata
from pathlib import Path

from kiosk import __version__
from kiosk.core.config import ConfigError, describe, load_config
from kiosk.logs import scrub

PACKAGES = ("bank-kiosk", "PySide6-Essentials", "paho-mqtt", "pyttsx3", "qrcode", "amqtt")
LOG_BYTES = 2_000_000
"""How much of each log file (its end) goes in."""


def _tool_version(command: list[str]) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=10,
                                check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"not available ({error.__class__.__name__})"
    text = (result.stdout or result.stderr).strip().splitlines()
    return text[0] if text else f"exit {result.returncode}"


def versions() -> dict[str, str]:
    found = {"kiosk": __version__, "python": sys.version.split()[0],
             "platform": platform.platform()}
    for package in PACKAGES:
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "not installed"
    found["mosquitto"] = _tool_version(["mosquitto", "-h"])
    found["espeak-ng"] = _tool_version(["espeak-ng", "--version"])
    return found


def known_secrets(paths: list[Path]) -> tuple[str, ...]:
    """The passwords and PIN hashes in the given secrets files: to scrub, never to copy."""
    found: list[str] = []
    for path in paths:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            continue
        password = data.get("broker_password")
        if isinstance(password, str):
            found.append(password)
        pins = data.get("staff_pins", {})
        if isinstance(pins, dict):
            found.extend(v for v in pins.values() if isinstance(v, str))
    return tuple(s for s in found if s)


def _health(config_path: Path) -> dict[str, object]:
    try:
        config = load_config(config_path)
    except ConfigError as error:
        return {"error": str(error)}
    url = f"http://{config.hub.health_listen}/healthz"
    try:
        with urllib.request.urlopen(url, timeout=3) as response:
            return {"url": url, "status": response.status, "report": json.loads(response.read())}
    except urllib.error.HTTPError as error:
        return {"url": url, "status": error.code}
    except (urllib.error.URLError, OSError, ValueError) as error:
        return {"url": url, "error": str(error)}


def make_bundle(config_path: Path, out: Path, log_dirs: list[Path],
                secrets_files: list[Path] | None = None) -> Path:
    secrets = known_secrets(secrets_files or [])
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        config_text = config_path.read_text(encoding="utf-8", errors="replace")
        bundle.writestr("config/branch.toml", scrub(config_text, secrets))
        try:
            summary = describe(load_config(config_path))
        except ConfigError as error:
            summary = str(error)
        bundle.writestr("config/check.txt", scrub(summary, secrets) + "\n")
        bundle.writestr("versions.json", json.dumps(versions(), indent=2) + "\n")
        bundle.writestr("health.json", scrub(json.dumps(_health(config_path), indent=2),
                                             secrets) + "\n")
        for folder in log_dirs:
            for log in sorted(folder.glob("*.log*")):
                if not log.is_file():
                    continue
                data = log.read_bytes()[-LOG_BYTES:].decode("utf-8", errors="replace")
                bundle.writestr(f"logs/{folder.name}/{log.name}", scrub(data, secrets))
        bundle.writestr("README.txt", f"Support bundle made {time.strftime('%Y-%m-%d %H:%M')}"
                        " by 'python -m kiosk support-bundle'. It holds no secrets files; "
                        "passwords, PINs and ticket tokens are replaced by ***.\n")
    return out
