"""A device's own secrets file: its broker password and, for the hub, the staff PIN hashes.

Kept apart from the shared branch configuration, and refused when anyone but its owner can
read it: a secret other users can read has already leaked.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.pins import is_pin_hash
from kiosk.core.settings import ID_PATTERN


class SecretsError(Exception):
    """The secrets file was refused; the message says why and how to fix it."""


@dataclass(frozen=True)
class DeviceSecrets:
    device_id: str
    broker_password: str = field(repr=False)
    staff_pin_hashes: dict[str, str] = field(default_factory=dict, repr=False)


def check_private(path: Path) -> None:
    """Refuse a file that users other than its owner may read or write."""
    if os.name != "posix":
        return  # NTFS ACLs are checked by the installer, not by mode bits
    try:
        info = path.stat()
    except OSError as error:
        raise SecretsError(f"{path}: cannot be read: {error.strerror or error}") from error
    if not stat.S_ISREG(info.st_mode):
        raise SecretsError(f"{path}: is not a regular file")
    loose = info.st_mode & (stat.S_IRWXG | stat.S_IRWXO)
    if loose:
        raise SecretsError(
            f"{path}: mode is {stat.S_IMODE(info.st_mode):04o}; others can read or change it. "
            f"Secrets must be readable by their owner only: chmod 600 {path}"
        )


def load_secrets(path: str | Path) -> DeviceSecrets:
    path = Path(path)
    check_private(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SecretsError(f"{path}: cannot be read as TOML: {error}") from error
    allowed = {"device_id", "broker_password", "staff_pins"}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise SecretsError(f"{path}: unknown key {unknown[0]!r}; allowed: "
                           + ", ".join(sorted(allowed)))
    device_id = data.get("device_id")
    if not isinstance(device_id, str) or not re.fullmatch(ID_PATTERN, device_id):
        raise SecretsError(f"{path}: device_id = {device_id!r}: must be a device id "
                           f"matching {ID_PATTERN}")
    password = data.get("broker_password", "")
    if not isinstance(password, str):
        raise SecretsError(f"{path}: broker_password must be a text in quotes")
    pins = data.get("staff_pins", {})
    if not isinstance(pins, dict):
        raise SecretsError(f"{path}: staff_pins must be a table of staff id = PIN hash")
    for staff_id, pin_hash in pins.items():
        if not isinstance(pin_hash, str) or not is_pin_hash(pin_hash):
            raise SecretsError(f"{path}: staff_pins.{staff_id} is not a PIN hash made by "
                               f"'python -m kiosk hash-pin' (never a PIN itself)")
    return DeviceSecrets(device_id, password, dict(pins))
