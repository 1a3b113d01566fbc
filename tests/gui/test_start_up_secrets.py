"""The kiosk, the console and the display read their broker password the same way: each
refuses, by name, a secrets file written for another device, before any window opens."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.net.broker import free_port
from tests.gui.test_kiosk_commands import kiosk_command
from tests.helpers.branch import write_branch_config, write_secrets


@pytest.mark.parametrize(("command", "device_id", "program"), [
    ("run", "kiosk-1", "kiosk run"),
    ("console", "console-1", "kiosk console"),
    ("display", "display-1", "kiosk display"),
])
def test_each_program_refuses_another_devices_secrets_file(
        tmp_path: Path, command: str, device_id: str, program: str) -> None:
    config = write_branch_config(tmp_path / "config", free_port())
    secrets = write_secrets(tmp_path / "secrets", "kiosk-2")
    result = kiosk_command(command, "--config", str(config), "--device", device_id,
                           "--secrets", str(secrets))
    assert result.returncode == 2
    assert f"{program} cannot start." in result.stderr
    assert f"device_id = 'kiosk-2', but this is {device_id!r}" in result.stderr
    assert "another device's secrets file" in result.stderr
