"""A branch in a few commands: ``kiosk branch create`` on the hub machine, ``kiosk branch
install-bundle`` on each device, into real root folders, with systemd's own ``systemctl
--root`` enabling the units. Both run twice: the second run changes nothing and says so."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

from kiosk.core.pins import verify_pin
from tests.helpers.machine_root import ROOT, make_machine_root

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(shutil.which("systemctl") is None or
                                 shutil.which("openssl") is None,
                                 reason="needs systemd's systemctl and openssl")]

ANSWERS = ["--branch-id", "gulou", "--name-zh", "鼓楼支行", "--name-en", "Gulou Branch",
           "--broker-host", "hub.gulou.lan", "--kiosks", "2", "--consoles", "1",
           "--displays", "1", "--staff", "wang-fang:manager:王芳:Wang Fang",
           "--staff", "li-ming:staff:李明:Li Ming"]


def _kiosk(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], input=stdin,
                          capture_output=True, text=True, timeout=120, check=False, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_create_then_install_each_device_twice(tmp_path: Path) -> None:
    hub_machine = make_machine_root(tmp_path / "hub")
    branch = hub_machine / "etc" / "bank-kiosk" / "branch"
    created = _kiosk("branch", "create", "--dir", str(branch), *ANSWERS,
                     stdin="wang-fang 2468\nli-ming 1357\n")
    assert created.returncode == 0, created.stderr
    assert "stored the PIN hash of wang-fang" in created.stdout
    bundles = {p.stem: p for p in (branch / "bundles").glob("*.tar")}
    assert set(bundles) == {"hub", "kiosk-1", "kiosk-2", "console-1", "display-1"}
    assert all(_mode(p) == 0o600 for p in bundles.values())
    with tarfile.open(bundles["kiosk-1"]) as tar:  # its own secrets and nobody else's
        names = tar.getnames()
        secrets = tomllib.loads(tar.extractfile("secrets.toml").read().decode())  # type: ignore[union-attr]
    assert sorted(names) == ["branch.toml", "bundle.toml", "ca.crt", "secrets.toml"]
    assert secrets["device_id"] == "kiosk-1" and "staff_pins" not in secrets
    config = _kiosk("check-config", str(branch / "branch.toml"))
    assert config.returncode == 0 and "gulou" in config.stdout, config.stderr

    again = _kiosk("branch", "create", "--dir", str(branch))
    assert again.returncode == 0, again.stderr
    assert "nothing to change" in again.stdout, again.stdout

    # the hub machine installs its own bundle: hub secrets with the PINs, broker drop-in
    hub = _kiosk("branch", "install-bundle", str(bundles["hub"]), "--root", str(hub_machine))
    assert hub.returncode == 0, hub.stderr
    etc = hub_machine / "etc" / "bank-kiosk"
    hub_secrets = etc / "hub.secrets.toml"
    assert _mode(hub_secrets) == 0o600 and hub_secrets.stat().st_uid == os.getuid()
    pins = tomllib.loads(hub_secrets.read_text(encoding="utf-8"))["staff_pins"]
    assert verify_pin("2468", pins["wang-fang"]) and verify_pin("1357", pins["li-ming"])
    drop_in = hub_machine / "etc/systemd/system/mosquitto.service.d/bank-kiosk.conf"
    assert f"-c {branch}/broker/mosquitto.conf" in drop_in.read_text(encoding="utf-8")
    wants = hub_machine / "etc/systemd/system/multi-user.target.wants"
    assert {p.name for p in wants.iterdir()} >= {"bank-kiosk-hub.service", "mosquitto.service"}
    assert "enabled bank-kiosk-hub.service" in hub.stdout
    checked = _kiosk("check-config", str(etc / "branch.toml"), "--secrets", str(hub_secrets))
    assert checked.returncode == 0, checked.stderr

    # a kiosk: its secrets, its device id, its unit; twice
    kiosk_machine = make_machine_root(tmp_path / "kiosk-1")
    first = _kiosk("branch", "install-bundle", str(bundles["kiosk-1"]), "--root",
                   str(kiosk_machine))
    assert first.returncode == 0, first.stderr
    etc = kiosk_machine / "etc" / "bank-kiosk"
    assert (etc / "device.env").read_text(encoding="utf-8") == "BANK_KIOSK_DEVICE=kiosk-1\n"
    assert _mode(etc / "device.secrets.toml") == 0o600
    assert (etc / "ca.crt").read_bytes() == (branch / "broker/certs/ca.crt").read_bytes()
    assert (kiosk_machine / "etc/systemd/system/graphical.target.wants/"
            "bank-kiosk-kiosk.service").is_symlink()
    assert not (etc / "hub.secrets.toml").exists()
    second = _kiosk("branch", "install-bundle", str(bundles["kiosk-1"]), "--root",
                    str(kiosk_machine))
    assert second.returncode == 0, second.stderr
    assert "nothing to change" in second.stdout and "already enabled" in second.stdout
    checked = _kiosk("check-config", str(etc / "branch.toml"), "--secrets",
                     str(etc / "device.secrets.toml"))
    assert checked.returncode == 0 and "secrets for kiosk-1" in checked.stdout, checked.stderr

    # a wrongly readable secrets file is put right, and said so
    (etc / "device.secrets.toml").chmod(0o644)
    fixed = _kiosk("branch", "install-bundle", str(bundles["kiosk-1"]), "--root",
                   str(kiosk_machine))
    assert "changed the mode of /etc/bank-kiosk/device.secrets.toml to 0600" in fixed.stdout
    assert _mode(etc / "device.secrets.toml") == 0o600

    # a console: its secrets belong to the desk's user, its user unit enabled for every user
    desk_machine = make_machine_root(tmp_path / "console-1")
    refused = _kiosk("branch", "install-bundle", str(bundles["console-1"]), "--root",
                     str(desk_machine))
    assert refused.returncode == 1 and "--desk-user" in refused.stderr
    desk = _kiosk("branch", "install-bundle", str(bundles["console-1"]), "--root",
                  str(desk_machine), "--desk-user", "desk")
    assert desk.returncode == 0, desk.stderr
    secrets_file = desk_machine / "home/desk/.config/bank-kiosk/device.secrets.toml"
    assert _mode(secrets_file) == 0o600
    assert (desk_machine / "etc/systemd/user/graphical-session.target.wants/"
            "bank-kiosk-console.service").is_symlink()


def test_a_machine_without_the_package_is_told_so(tmp_path: Path) -> None:
    branch = tmp_path / "branch"
    created = _kiosk("branch", "create", "--dir", str(branch), *ANSWERS,
                     stdin="wang-fang 2468\nli-ming 1357\n")
    assert created.returncode == 0, created.stderr
    bare = tmp_path / "bare"
    (bare / "etc").mkdir(parents=True)
    (bare / "etc" / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    result = _kiosk("branch", "install-bundle", str(branch / "bundles" / "kiosk-1.tar"),
                    "--root", str(bare))
    assert result.returncode == 1
    assert "install the bank-kiosk package first" in result.stderr
    assert not (bare / "etc" / "bank-kiosk").exists()
