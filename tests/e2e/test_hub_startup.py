"""A hub that cannot start says why in one paragraph and exits non-zero, never a traceback."""

from __future__ import annotations

import hashlib
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.core.help.events import new_raise
from kiosk.hub.ledger import MIGRATIONS, Ledger
from kiosk.net.broker import free_port
from tests.helpers.branch import write_secrets
from tests.helpers.hub_process import ROOT, prepare_hub

pytestmark = pytest.mark.e2e


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=60,
                          check=False)


def _refused(result: subprocess.CompletedProcess[str], *phrases: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "kiosk hub cannot start." in result.stderr
    for phrase in phrases:
        assert phrase in result.stderr, result.stderr


def test_a_bad_configuration_is_named_key_by_key(tmp_path: Path) -> None:
    hub = prepare_hub(tmp_path, free_port(), **{"help.escalate_after_s": -3})
    _refused(_run(hub.command()), "help.escalate_after_s = -3")


def test_secrets_others_can_read_are_refused(tmp_path: Path) -> None:
    hub = prepare_hub(tmp_path, free_port())
    assert hub.secrets_path is not None
    os.chmod(hub.secrets_path, 0o644)
    _refused(_run(hub.command()), "chmod 600")


def test_another_devices_secrets_are_refused(tmp_path: Path) -> None:
    hub = prepare_hub(tmp_path, free_port())
    hub.secrets_path = write_secrets(tmp_path, "kiosk-1", None)
    _refused(_run(hub.command()), "another device's secrets file")


def test_a_damaged_ledger_is_refused(tmp_path: Path) -> None:
    hub = prepare_hub(tmp_path, free_port())
    hub.data_dir.mkdir(parents=True)
    hub.db_path.write_bytes(b"not a database at all " * 500)
    _refused(_run(hub.command()), "keep it for IT")


@pytest.mark.parametrize("key", ["hub.health_listen", "status_page.listen"])
def test_a_port_in_use_is_named(tmp_path: Path, key: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        hub = prepare_hub(tmp_path, free_port(), **{key: f"127.0.0.1:{port}"})
        _refused(_run(hub.command()), f"{key} = '127.0.0.1:{port}'", "cannot listen there")


def test_the_command_line_explains_itself() -> None:
    result = _run([sys.executable, "-m", "kiosk", "hub"])
    assert result.returncode == 2 and "--config" in result.stderr


def _files(folder: Path) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.iterdir())}


def test_a_ledger_from_a_newer_version_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    """An older package installed over a newer one: the hub refuses to start, says what to
    do, and does not change a byte of the ledger (nor leave files beside it)."""
    hub = prepare_hub(tmp_path, free_port())
    ledger = Ledger(hub.db_path)
    ledger.add_help_event(new_raise("kiosk-1", 100.0), stored_at=100.5)
    ledger.close()
    with sqlite3.connect(hub.db_path) as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.close()
    before = _files(hub.data_dir)
    result = _run(hub.command())
    _refused(result, f"schema version {len(MIGRATIONS) + 1}",
             "written by a newer version of bank-kiosk", "left as it is")
    assert _files(hub.data_dir) == before
