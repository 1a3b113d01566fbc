"""``kiosk branch create`` and ``kiosk branch install-bundle``: a branch in a few commands.

On the hub machine, ``create`` writes (or keeps) the branch configuration, runs the broker
set-up (:func:`kiosk.deploy.broker_setup.setup_broker`: CA, TLS certificate, one password
per device, ACL), stores the staff PIN hashes in the hub's secrets, and packs one bundle per
device: ``bundles/<device id>.tar`` with the configuration, the CA certificate and **that
device's own** secrets file. On each device, ``install-bundle`` puts its bundle in place
(configuration, certificate, secrets owned by the ``bank-kiosk`` user with mode 0600, the
device id) and enables the device's systemd units. Both can be run again at any time: they
change only what differs and say what they changed.
"""

from __future__ import annotations

import hashlib
import io
import subprocess
import tarfile
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kiosk import __version__
from kiosk.core.config import BranchConfig, ConfigError, load_config, parse_config
from kiosk.core.pins import is_pin_hash
from kiosk.core.secrets import SecretsError, load_secrets
from kiosk.core.settings import Role
from kiosk.deploy.branch_plan import CA_FILE
from kiosk.deploy.broker_setup import setup_broker
from kiosk.deploy.install_steps import Changes, InstallError, owner_in

BUNDLE_FORMAT = 1
ETC = Path("etc/bank-kiosk")
USER = "bank-kiosk"
DEVICE_ENV = "device.env"
"""``BANK_KIOSK_DEVICE=<id>``: the units read the device id from it (EnvironmentFile)."""

UNITS: Mapping[Role, tuple[str, ...]] = {
    Role.HUB: ("mosquitto.service", "bank-kiosk-hub.service"),
    Role.KIOSK: ("bank-kiosk-kiosk.service",),
    Role.DISPLAY: ("bank-kiosk-display.service",),
    Role.CONSOLE: ("bank-kiosk-console.service",),
}
"""The systemd units each kind of device runs (the console's is a user unit)."""

MOSQUITTO_DROP_IN = Path("etc/systemd/system/mosquitto.service.d/bank-kiosk.conf")


# --- on the hub machine ------------------------------------------------------------------


@dataclass(frozen=True)
class BranchFolder:
    """Everything ``create`` keeps in one folder (``/etc/bank-kiosk/branch`` by default)."""

    path: Path

    @property
    def config(self) -> Path:
        return self.path / "branch.toml"

    @property
    def broker(self) -> Path:
        return self.path / "broker"

    @property
    def bundles(self) -> Path:
        return self.path / "bundles"

    def secrets_of(self, device_id: str) -> Path:
        return self.broker / "secrets" / f"{device_id}.secrets.toml"


AskPin = Callable[[str, str], str | None]
"""Asked once per member of staff without a PIN yet: (staff id, name) → PIN or None."""


def _toml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _hub_secrets_text(device_id: str, password: str | None, pins: Mapping[str, str]) -> str:
    lines = [f"# Secrets of {device_id}: keep on that device only, mode 0600.",
             f"device_id = {_toml_text(device_id)}"]
    if password:
        lines.append(f"broker_password = {_toml_text(password)}")
    lines += ["", "[staff_pins]"]
    lines += [f"{staff} = {_toml_text(pin_hash)}" for staff, pin_hash in sorted(pins.items())]
    return "\n".join(lines) + "\n"


def _read_toml(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise InstallError(f"{path}: cannot be read: {error}") from error


def _hub_of(config: BranchConfig) -> str:
    hubs = [device.id for device in config.devices if device.role is Role.HUB]
    if not hubs:
        raise InstallError("the branch configuration has no device with role = \"hub\"")
    return hubs[0]


def store_pins(folder: BranchFolder, config: BranchConfig, ask_pin: AskPin,
               hash_pin: Callable[[str], str], changes: Changes) -> list[str]:
    """Hash the PIN of every member of staff who has none yet into the hub's secrets (the
    broker set-up keeps them there). Returns the staff still without a PIN."""
    hub = _hub_of(config)
    path = folder.secrets_of(hub)
    old = _read_toml(path)
    raw_pins = old.get("staff_pins", {})
    pins = {k: v for k, v in raw_pins.items() if isinstance(v, str) and is_pin_hash(v)} \
        if isinstance(raw_pins, dict) else {}
    known = {staff.id for staff in config.staff}
    added, missing = [], []
    for staff in config.staff:
        if staff.id in pins:
            continue
        pin = ask_pin(staff.id, staff.name.get("en") or staff.id)
        if pin is None:
            missing.append(staff.id)
            continue
        pins[staff.id] = hash_pin(pin)
        added.append(staff.id)
    dropped = sorted(set(pins) - known)
    for staff_id in dropped:
        del pins[staff_id]
    if added or dropped:
        password = old.get("broker_password")
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        changes.file(path, _hub_secrets_text(hub, password if isinstance(password, str)
                                             else None, pins).encode(), 0o600)
        for staff_id in added:
            changes.did(f"stored the PIN hash of {staff_id}")
        for staff_id in dropped:
            changes.did(f"removed the PIN hash of {staff_id} (no longer in the configuration)")
    return missing


def _bundle_bytes(files: Mapping[str, tuple[bytes, int]]) -> bytes:
    """A tar with fixed times and owners: the same content gives the same bytes, so a run
    that changes nothing rewrites no bundle."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, (content, mode) in sorted(files.items()):
            info = tarfile.TarInfo(name)
            info.size, info.mode, info.mtime = len(content), mode, 0
            info.uname = info.gname = "root"
            tar.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def make_bundles(folder: BranchFolder, config: BranchConfig, changes: Changes) -> dict[str, Path]:
    branch_text = folder.config.read_bytes()
    ca = (folder.broker / "certs" / "ca.crt").read_bytes()
    folder.bundles.mkdir(mode=0o700, exist_ok=True)
    made: dict[str, Path] = {}
    for device in config.devices:
        manifest = (f"format = {BUNDLE_FORMAT}\n"
                    f"branch_id = {_toml_text(config.branch.id)}\n"
                    f"device_id = {_toml_text(device.id)}\n"
                    f"role = {_toml_text(device.role.value)}\n"
                    f"made_by = {_toml_text('bank-kiosk ' + __version__)}\n"
                    f"broker_conf = {_toml_text(str(folder.broker / 'mosquitto.conf'))}\n")
        files = {"bundle.toml": (manifest.encode(), 0o644),
                 "branch.toml": (branch_text, 0o644),
                 "ca.crt": (ca, 0o644),
                 "secrets.toml": (folder.secrets_of(device.id).read_bytes(), 0o600)}
        path = folder.bundles / f"{device.id}.tar"
        changes.file(path, _bundle_bytes(files), 0o600)
        made[device.id] = path
    return made


def create_branch(folder: BranchFolder, *, config_text: str | None, hosts: list[str],
                  ask_pin: AskPin, hash_pin: Callable[[str], str],
                  changes: Changes) -> tuple[BranchConfig, dict[str, Path], list[str]]:
    """Configuration (new, or the one already there), broker set-up, PINs, bundles."""
    folder.path.mkdir(parents=True, exist_ok=True)
    if config_text is not None:
        if folder.config.exists() and folder.config.read_text(encoding="utf-8") != config_text:
            raise InstallError(f"{folder.config} already exists and differs from these "
                               "answers: edit it (docs/configuration.md) and run "
                               "'kiosk branch create' again without answers")
        changes.file(folder.config, config_text.encode(), 0o644)
    elif not folder.config.exists():
        raise InstallError(f"{folder.config} does not exist yet: give the branch's answers "
                           "(kiosk branch create --help)")
    try:
        config = load_config(folder.config)
    except ConfigError as error:
        raise InstallError(str(error)) from None
    if config.broker.ca_file != CA_FILE:
        changes.kept(f"note: broker.ca_file is {config.broker.ca_file!r}; the bundles install "
                     f"the CA certificate as {CA_FILE}")
    missing = store_pins(folder, config, ask_pin, hash_pin, changes)
    # Made again when the configuration, the host names or the program's version change.
    made_from = hashlib.sha256(folder.config.read_bytes() + "\n".join(hosts).encode()
                               + __version__.encode())
    stamp = folder.broker / ".made-from"
    if stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == made_from.hexdigest():
        changes.kept(f"unchanged broker set-up in {changes.shown(folder.broker)}")
    else:
        before = _snapshot(folder.broker)
        # The hub connects over TLS like every device: no plain loopback listener.
        setup_broker(config, folder.broker, hosts=hosts or None, local_port=None)
        after = _snapshot(folder.broker)
        for name in sorted(set(before) | set(after)):
            if before.get(name) != after.get(name):
                verb = "wrote" if name not in before else "updated"
                changes.did(f"{verb} {changes.shown(folder.broker / name)} (broker set-up)")
        stamp.write_text(made_from.hexdigest() + "\n", encoding="utf-8")
    bundles = make_bundles(folder, config, changes)
    return config, bundles, missing


def _snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()
            and "persistence" not in path.relative_to(folder).parts}


# --- on each device ------------------------------------------------------------------------


@dataclass(frozen=True)
class Bundle:
    device_id: str
    role: Role
    branch_id: str
    broker_conf: str
    branch_text: bytes
    ca: bytes
    secrets: bytes
    config: BranchConfig


def read_bundle(path: Path) -> Bundle:
    """Open and check a bundle completely before anything is installed from it."""
    try:
        with tarfile.open(path, mode="r:*") as tar:
            members = {member.name: member for member in tar.getmembers() if member.isfile()}
            content = {}
            for name in ("bundle.toml", "branch.toml", "ca.crt", "secrets.toml"):
                if name not in members:
                    raise InstallError(f"{path}: not a branch bundle ({name} is missing)")
                handle = tar.extractfile(members[name])
                assert handle is not None
                content[name] = handle.read()
    except (OSError, tarfile.TarError) as error:
        raise InstallError(f"{path}: cannot be read as a bundle: {error}") from error
    try:
        manifest = tomllib.loads(content["bundle.toml"].decode())
        secrets = tomllib.loads(content["secrets.toml"].decode())
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise InstallError(f"{path}: damaged bundle: {error}") from error
    if manifest.get("format") != BUNDLE_FORMAT:
        raise InstallError(f"{path}: bundle format {manifest.get('format')!r}; this program "
                           f"reads format {BUNDLE_FORMAT}")
    device_id = str(manifest.get("device_id", ""))
    try:
        config = parse_config(content["branch.toml"].decode(), f"{path}:branch.toml")
    except (ConfigError, UnicodeDecodeError) as error:
        raise InstallError(str(error)) from None
    device = config.device(device_id)
    if device is None or device.role.value != manifest.get("role"):
        raise InstallError(f"{path}: device {device_id!r} is not in its branch configuration")
    if secrets.get("device_id") != device_id:
        raise InstallError(f"{path}: its secrets belong to {secrets.get('device_id')!r}, "
                           f"not {device_id!r}")
    return Bundle(device_id, device.role, config.branch.id, str(manifest.get("broker_conf", "")),
                  content["branch.toml"], content["ca.crt"], content["secrets.toml"], config)


def install_bundle(bundle: Bundle, changes: Changes, *, desk_user: str | None = None) -> None:
    """Install a device's bundle into ``changes.root`` and enable its units."""
    root = changes.root
    owner = owner_in(root, USER)
    if bundle.role is Role.CONSOLE:
        if not desk_user:
            raise InstallError("a console's secrets belong to the desk's user: give "
                               "--desk-user NAME (the account the staff sign in to)")
        owner = owner_in(root, desk_user)
        if owner is None:
            raise InstallError(f"no user {desk_user!r} on this machine")
    elif owner is None:
        raise InstallError(f"no user {USER!r} on this machine: install the bank-kiosk "
                           "package first (it creates the user and its folders)")
    etc = root / ETC
    changes.directory(etc, 0o755)
    changes.file(etc / "branch.toml", bundle.branch_text, 0o644)
    changes.file(etc / "ca.crt", bundle.ca, 0o644)
    changes.file(etc / DEVICE_ENV, f"BANK_KIOSK_DEVICE={bundle.device_id}\n".encode(), 0o644)
    if bundle.role is Role.CONSOLE:
        secrets = root / owner.home.lstrip("/") / ".config" / "bank-kiosk" / "device.secrets.toml"
        for folder in (secrets.parent.parent, secrets.parent):
            changes.directory(folder, 0o700, owner)
    else:
        secrets = etc / ("hub.secrets.toml" if bundle.role is Role.HUB else "device.secrets.toml")
    changes.file(secrets, bundle.secrets, 0o600, owner)
    try:
        load_secrets(secrets)
    except SecretsError as error:
        raise InstallError(str(error)) from None
    if bundle.role is Role.HUB:
        on_machine = (root / bundle.broker_conf.lstrip("/"), Path(bundle.broker_conf))
        if not any(conf.is_file() for conf in on_machine):
            raise InstallError(f"{bundle.broker_conf}: the broker set-up is not on this "
                               "machine: install the hub's bundle on the machine where "
                               "'kiosk branch create' ran")
        changes.file(root / MOSQUITTO_DROP_IN,
                     ("# Written by 'kiosk branch install-bundle': the branch's broker.\n"
                      "[Service]\nExecStart=\n"
                      f"ExecStart=/usr/sbin/mosquitto -c {bundle.broker_conf}\n").encode(),
                     0o644)
    files_changed = changes.changed > 0
    for unit in UNITS[bundle.role]:
        changes.enable_unit(unit, user_unit=bundle.role is Role.CONSOLE)
    if bundle.role is not Role.CONSOLE:
        if changes.root == Path("/") and files_changed:
            _daemon_reload()
        for unit in UNITS[bundle.role]:
            changes.run_unit(unit, files_changed=files_changed)


def _daemon_reload() -> None:
    if Path("/run/systemd/system").is_dir():
        subprocess.run(["systemctl", "daemon-reload"], check=False, timeout=120)


