"""CSV exports carry staff's free text as text: a note a spreadsheet would run as a formula
is written so that it reads back as the same words, never as a formula (OWASP CSV injection)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kiosk.console.csv_export import CALL_COLUMNS, write_csv

DANGEROUS = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1+cmd|' /C calc'!A0",
             "-2+3", "@SUM(1+1)", "\tindent=1", "\r=1+1"]


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as source:
        return list(csv.DictReader(source))


@pytest.mark.parametrize("note", DANGEROUS)
def test_a_note_that_would_start_a_formula_reads_back_as_text(tmp_path: Path,
                                                              note: str) -> None:
    row = dict.fromkeys(CALL_COLUMNS, "")
    row.update(call_id="c1", note=note, kiosk_name=note)
    write_csv(tmp_path / "calls.csv", CALL_COLUMNS, [row])
    [back] = _read(tmp_path / "calls.csv")
    for column in ("note", "kiosk_name"):
        assert back[column] == "'" + note
        assert back[column][0] not in "=+-@\t\r"


def test_ordinary_text_and_plain_numbers_are_unchanged(tmp_path: Path) -> None:
    row = dict.fromkeys(CALL_COLUMNS, "")
    row.update(call_id="c1", note="顾客说 = 没事, a-ok", response_s="-1.5",
               escalation_level="2", raised_at="2026-11-27T09:30:05+08:00")
    write_csv(tmp_path / "calls.csv", CALL_COLUMNS, [row])
    [back] = _read(tmp_path / "calls.csv")
    assert back == row
