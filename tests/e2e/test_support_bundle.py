"""Logs and the support bundle never hold secrets; logs rotate as structured JSON lines."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from kiosk.core.pins import hash_pin
from kiosk.logs import reset_logging, scrub, setup_logging

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "deploy" / "example-branch.toml"
PASSWORD = "Zq8-broker-password-xY"
PIN_HASH = hash_pin("2468", cost=2**4)


def test_log_lines_are_json_and_scrubbed(tmp_path: Path) -> None:
    path = setup_logging("hub", tmp_path, extra_secrets=(PASSWORD,))
    assert path is not None
    log = logging.getLogger("kiosk.test")
    log.warning("connecting with password=%s", PASSWORD)
    log.warning("pin request: {\"pin\": \"2468\"} for %s", "li-ming")
    log.warning("hash %s stored", PIN_HASH)
    log.warning("status page /t/Zt3kQ9vX2mP7wL1rA8sD4f opened")
    for handler in logging.getLogger().handlers:
        handler.flush()
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    text = path.read_text(encoding="utf-8")
    assert {line["program"] for line in lines} == {"hub"}
    for secret in (PASSWORD, "2468", PIN_HASH, "Zt3kQ9vX2mP7wL1rA8sD4f"):
        assert secret not in text
    assert "li-ming" in text  # staff ids are not secrets: the audit needs them
    reset_logging()


def test_scrub_keeps_ordinary_text() -> None:
    assert scrub("ticket A012 called at counter 3") == "ticket A012 called at counter 3"
    assert scrub("password: hunter2 ok") == "password: *** ok"


def test_support_bundle_holds_no_secrets(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "hub.log").write_text(
        f'{{"message": "oops: broker refused {PASSWORD}"}}\n'
        f'{{"message": "loaded {PIN_HASH}"}}\n{{"message": "ticket A012 issued"}}\n',
        encoding="utf-8")
    secrets = tmp_path / "hub.secrets.toml"
    secrets.write_text(f'device_id = "hub"\nbroker_password = "{PASSWORD}"\n'
                       f'[staff_pins]\nli-ming = "{PIN_HASH}"\n', encoding="utf-8")
    secrets.chmod(0o600)
    out = tmp_path / "bundle.zip"
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "support-bundle", "--config", str(EXAMPLE), "--out",
         str(out), "--logs", str(logs), "--scrub-secrets", str(secrets)],
        capture_output=True, text=True, timeout=120, check=False, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as bundle:
        names = bundle.namelist()
        everything = "".join(bundle.read(n).decode("utf-8", "replace") for n in names)
    assert {"config/branch.toml", "versions.json", "health.json", "logs/logs/hub.log"} <= set(
        names)
    assert not any("secrets" in name for name in names)
    assert PASSWORD not in everything and PIN_HASH not in everything
    assert "ticket A012 issued" in everything
    assert json.loads(zipfile.ZipFile(out).read("versions.json"))["kiosk"]
