"""Every test named in docs/reliability.md (and in the who-may-do-what table of
docs/protocol.md) exists, so neither can silently rot."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("document", ["reliability.md", "protocol.md"])
def test_every_referenced_test_exists(document: str) -> None:
    text = (ROOT / "docs" / document).read_text(encoding="utf-8")
    missing = []
    current_file: Path | None = None
    for match in re.finditer(r"`(tests/[\w/]+\.py)?(::test_\w+)?`", text):
        path_text, name = match.group(1), match.group(2)
        if path_text:
            current_file = ROOT / path_text
            if not current_file.is_file():
                missing.append(path_text)
                continue
        if name and current_file is not None:
            if f"def {name[2:]}(" not in current_file.read_text(encoding="utf-8"):
                missing.append(f"{current_file.relative_to(ROOT)}{name}")
    assert not missing, missing
