"""A device's secrets file: refused when others can read it; PIN hashes, never PINs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.core.pins import hash_pin, is_pin_hash, verify_pin
from kiosk.core.secrets import SecretsError, load_secrets

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "deploy" / "example-branch.toml"
FAST_HASH = hash_pin("2468", salt=b"0123456789abcdef")


def write_secrets(tmp_path: Path, text: str, mode: int = 0o600) -> Path:
    path = tmp_path / "hub.secrets.toml"
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def test_private_secrets_file_loads(tmp_path: Path) -> None:
    path = write_secrets(
        tmp_path,
        f'device_id = "hub"\nbroker_password = "s3cret"\n[staff_pins]\nwang-fang = "{FAST_HASH}"\n',
    )
    secrets = load_secrets(path)
    assert secrets.device_id == "hub"
    assert secrets.broker_password == "s3cret"
    assert verify_pin("2468", secrets.staff_pin_hashes["wang-fang"])
    assert "s3cret" not in repr(secrets)


@pytest.mark.skipif(os.name != "posix", reason="mode bits are POSIX")
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660, 0o606])
def test_secrets_file_readable_by_others_is_refused(tmp_path: Path, mode: int) -> None:
    path = write_secrets(tmp_path, 'device_id = "hub"\nbroker_password = "x"\n', mode)
    with pytest.raises(SecretsError, match="chmod 600"):
        load_secrets(path)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('device_id = "Hub 1"\n', "device_id = 'Hub 1'"),
        ('broker_password = "x"\n', "device_id = None"),
        ('device_id = "hub"\nbroker_password = 5\n', "broker_password must be a text"),
        ('device_id = "hub"\n[staff_pins]\nwang-fang = "1234"\n', "never a PIN itself"),
        ('device_id = "hub"\npassword = "x"\n', "unknown key 'password'"),
        ('device_id = "hub"\nbroker_password = "x\n', "cannot be read as TOML"),
    ],
)
def test_bad_secrets_are_refused_with_a_reason(tmp_path: Path, text: str, words: str) -> None:
    with pytest.raises(SecretsError, match=None) as caught:
        load_secrets(write_secrets(tmp_path, text))
    assert words in str(caught.value)


def test_pin_hash_round_trip_and_wrong_pin() -> None:
    assert is_pin_hash(FAST_HASH)
    assert verify_pin("2468", FAST_HASH)
    assert not verify_pin("2469", FAST_HASH)
    assert not verify_pin("", FAST_HASH)
    assert not verify_pin("2468", "scrypt$1$2$3$bad")
    assert hash_pin("2468") != hash_pin("2468")  # salted


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", ""])
def test_pin_outside_the_rules_cannot_be_hashed(pin: str) -> None:
    with pytest.raises(ValueError, match="4 to 8 digits"):
        hash_pin(pin)


def test_check_config_with_secrets_refuses_loose_mode(tmp_path: Path) -> None:
    path = write_secrets(tmp_path, 'device_id = "hub"\nbroker_password = "x"\n', 0o644)
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "check-config", str(EXAMPLE), "--secrets", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1
    assert "others can read" in result.stderr


def test_check_config_with_secrets_of_unknown_device(tmp_path: Path) -> None:
    path = write_secrets(tmp_path, 'device_id = "kiosk-9"\nbroker_password = "x"\n')
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "check-config", str(EXAMPLE), "--secrets", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1
    assert "no such device" in result.stderr
