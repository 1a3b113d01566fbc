"""``kiosk audit verify`` passes on a clean log and fails on every kind of tampered copy."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.core.audit import AuditAction, AuditEvent
from kiosk.hub.ledger import Ledger

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def ledger_file(tmp_path: Path) -> Path:
    path = tmp_path / "hub.db"
    ledger = Ledger(path)
    for index in range(6):
        ledger.add_audit(AuditEvent.create(100.0 + index, "li-ming", "console-1",
                                           AuditAction.TICKET_CALLED, f"A00{index}"))
    ledger.close()
    return path


def verify(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kiosk", "audit", "verify", str(path)],
                          capture_output=True, text=True, timeout=60, check=False, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def tampered(original: Path, folder: Path, *statements: str) -> Path:
    copy = folder / "tampered.db"
    shutil.copy(original, copy)
    db = sqlite3.connect(copy)
    db.execute("DROP TRIGGER audit_log_no_update")
    db.execute("DROP TRIGGER audit_log_no_delete")
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()
    return copy


def test_clean_log_verifies(ledger_file: Path) -> None:
    result = verify(ledger_file)
    assert result.returncode == 0, result.stderr
    assert "intact" in result.stdout and "rows" in result.stdout


@pytest.mark.parametrize(("statements", "words"), [
    (["UPDATE audit_log SET body = replace(body, 'A003', 'A009') WHERE seq = 4"],
     "row 4 does not match"),
    (["DELETE FROM audit_log WHERE seq = 3"], "row 3 is missing"),
    (["DELETE FROM audit_log WHERE seq = 6"], "rows at the end were removed"),
    (["UPDATE audit_log SET body = '{not json' WHERE seq = 2"], "row 2 is not a valid"),
])
def test_tampered_copies_fail(ledger_file: Path, tmp_path: Path, statements: list[str],
                              words: str) -> None:
    result = verify(tampered(ledger_file, tmp_path, *statements))
    assert result.returncode == 1
    assert words in result.stderr


def test_the_database_itself_refuses_changes(ledger_file: Path) -> None:
    db = sqlite3.connect(ledger_file)
    for statement in ("UPDATE audit_log SET at = 0", "DELETE FROM audit_log"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute(statement)
    db.close()
    assert verify(ledger_file).returncode == 0


def test_verify_never_changes_the_evidence(ledger_file: Path) -> None:
    before = ledger_file.read_bytes()
    verify(ledger_file)
    assert ledger_file.read_bytes() == before
