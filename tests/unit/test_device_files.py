"""A device program's start: the branch configuration and its own secrets file."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.core.device_files import load_device_files
from kiosk.core.secrets import SecretsError
from tests.helpers.branch import write_branch_config, write_secrets


def test_the_devices_own_secrets_give_its_password(tmp_path: Path) -> None:
    config_path = write_branch_config(tmp_path / "config", 1883)
    secrets = write_secrets(tmp_path / "secrets", "kiosk-1", broker_password="s3cret")
    config, password = load_device_files(str(config_path), "kiosk-1", str(secrets))
    assert password == "s3cret"
    assert config.device("kiosk-1") is not None


def test_another_devices_secrets_file_is_refused_naming_both(tmp_path: Path) -> None:
    config_path = write_branch_config(tmp_path / "config", 1883)
    secrets = write_secrets(tmp_path / "secrets", "console-lobby")
    with pytest.raises(SecretsError, match="'console-lobby', but this is 'kiosk-1': that is "
                                           "another device's secrets file"):
        load_device_files(str(config_path), "kiosk-1", str(secrets))


def test_no_secrets_file_connects_without_a_password_and_says_so(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config_path = write_branch_config(tmp_path / "config", 1883)
    with caplog.at_level(logging.WARNING):
        _, password = load_device_files(str(config_path), "kiosk-1", None)
    assert password is None
    assert "without a password" in caplog.text
