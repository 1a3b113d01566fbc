"""``python -m kiosk setup-broker``: a branch's Mosquitto set-up from its configuration.

Writes, into one folder: the branch CA and the broker's TLS certificate, a password file
with one random password per device, the ACL generated from the roster (a kiosk publishes
only as itself; only consoles acknowledge, resolve, call tickets or broadcast; only the hub
writes state), ``mosquitto.conf``, and each device's secrets file (mode 0600) to copy to that
device. Running it again keeps existing passwords and staff PIN hashes (``rotate`` makes new
passwords), so adding a kiosk does not log every other device out.
"""

from __future__ import annotations

import os
import pwd
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from kiosk.core.config import BranchConfig
from kiosk.core.settings import Role
from kiosk.deploy.certificates import make_ca, make_server_certificate
from kiosk.deploy.passwords import new_password, password_file
from kiosk.net.broker import MAX_QUEUED_MESSAGES
from kiosk.protocol.acl import mosquitto_acl
from kiosk.protocol.topics import MAX_MESSAGE_BYTES


@dataclass(frozen=True)
class BrokerSetup:
    folder: Path
    config_file: Path
    secrets: dict[str, Path]
    tls_port: int
    local_port: int | None


LISTENER_OPTIONS = ("use_username_as_clientid true",)
"""Options Mosquitto 2.0 applies to one listener: written after every ``listener`` line.
Written before the first one they would open a default plain-text listener on
0.0.0.0:1883 and apply to it alone (docs/protocol.md, "Broker access control")."""


def mosquitto_conf(folder: Path, tls_port: int, local_port: int | None, user: str) -> str:
    """The whole configuration: general options first, then each listener with its own
    options. Only the listeners written here are opened."""
    certs = folder / "certs"
    lines = [
        "# Mosquitto for one bank branch, written by 'python -m kiosk setup-broker'.",
        "# General options only above the first listener: a listener option here would open",
        "# an extra plain-text listener on 0.0.0.0:1883.",
        "# per_listener_settings stays false: 2.0.12-2.0.22 drop messages for offline",
        "# clients with it on.",
        "per_listener_settings false",
        "allow_anonymous false",
        f"password_file {folder / 'passwd'}",
        f"acl_file {folder / 'acl'}",
        "# Nagle's algorithm would add ~40 ms to every help call.",
        "set_tcp_nodelay true",
        "# A console away for a while must not lose calls to a full queue.",
        f"max_queued_messages {MAX_QUEUED_MESSAGES}",
        "max_inflight_messages 100",
        "# The largest payload the protocol allows (the hub's retained state); anything",
        "# bigger is dropped here, before it reaches any device.",
        f"message_size_limit {MAX_MESSAGE_BYTES}",
        "persistence true",
        f"persistence_location {folder / 'persistence'}/",
        "autosave_interval 10",
        f"user {user}",
        "log_dest syslog",
        "log_type error",
        "log_type warning",
        "log_type notice",
        "",
        "# The branch LAN: TLS only.",
        f"listener {tls_port}",
        "# A device's user name is its client id: nobody can take over another's session.",
        *LISTENER_OPTIONS,
        f"cafile {certs / 'ca.crt'}",
        f"certfile {certs / 'broker.crt'}",
        f"keyfile {certs / 'broker.key'}",
        "tls_version tlsv1.2",
    ]
    if local_port is not None:
        lines += ["", "# Programs on this machine (the hub): loopback, same passwords and ACL.",
                  f"listener {local_port} 127.0.0.1", *LISTENER_OPTIONS]
    return "\n".join(lines) + "\n"


def _existing_secrets(path: Path) -> dict[str, object]:
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def _toml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _write_private(path: Path, text: str) -> None:
    """Write a file that only its owner can read, never briefly readable by others."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    path.chmod(0o600)


def _secrets_text(device_id: str, password: str, pins: dict[str, str]) -> str:
    lines = [f"# Secrets of {device_id}: keep on that device only, mode 0600.",
             f"device_id = {_toml_text(device_id)}",
             f"broker_password = {_toml_text(password)}"]
    if pins:
        lines += ["", "[staff_pins]"]
        lines += [f"{staff} = {_toml_text(pin_hash)}" for staff, pin_hash in sorted(pins.items())]
    return "\n".join(lines) + "\n"


def _give_to(user: str, *paths: Path) -> None:
    """Hand files to the broker's user when we can (running as root, user exists)."""
    if os.geteuid() != 0:
        return
    try:
        entry = pwd.getpwnam(user)
    except KeyError:
        return
    for path in paths:
        os.chown(path, entry.pw_uid, entry.pw_gid)


def setup_broker(config: BranchConfig, folder: Path, *, hosts: list[str] | None = None,
                 user: str = "mosquitto", local_port: int | None = 1883,
                 rotate: bool = False) -> BrokerSetup:
    url = urlsplit(config.broker.url)
    tls_port = (url.port or 8883) if url.scheme == "mqtts" else 8883
    if local_port == tls_port:
        raise ValueError(f"the loopback listener and TLS both want port {tls_port}: "
                         "choose another --local-port")
    hosts = hosts or [url.hostname or "localhost"]
    folder = folder.resolve()
    certs, secrets_dir, persistence = folder / "certs", folder / "secrets", folder / "persistence"
    for path in (folder, certs, persistence):
        path.mkdir(parents=True, exist_ok=True)
    secrets_dir.mkdir(mode=0o700, exist_ok=True)
    make_ca(certs, config.branch.id)
    make_server_certificate(certs, hosts)

    passwords: dict[str, str] = {}
    written: dict[str, Path] = {}
    for device in config.devices:
        path = secrets_dir / f"{device.id}.secrets.toml"
        old = _existing_secrets(path)
        kept = old.get("broker_password")
        password = kept if isinstance(kept, str) and kept and not rotate else new_password()
        pins = old.get("staff_pins", {}) if device.role is Role.HUB else {}
        passwords[device.id] = password
        _write_private(path, _secrets_text(device.id, password,
                                           pins if isinstance(pins, dict) else {}))
        written[device.id] = path

    _write_private(folder / "passwd", password_file(passwords))
    (folder / "acl").write_text(mosquitto_acl(config.branch.id,
                                              [(d.id, d.role) for d in config.devices]),
                                encoding="utf-8")
    conf = folder / "mosquitto.conf"
    conf.write_text(mosquitto_conf(folder, tls_port, local_port, user), encoding="utf-8")
    _give_to(user, persistence, folder / "passwd", certs / "broker.key")
    return BrokerSetup(folder, conf, written, tls_port, local_port)
