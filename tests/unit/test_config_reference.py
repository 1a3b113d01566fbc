"""The configuration reference is generated from the declarations and checked for staleness."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import config_reference


def test_committed_reference_is_current() -> None:
    assert config_reference.main(["--check"]) == 0


def test_check_fails_on_a_stale_reference(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    stale = tmp_path / "configuration.md"
    stale.write_text(config_reference.render().replace("escalate_after_s", "escalate_s"))
    monkeypatch.setattr(config_reference, "TARGET", stale)
    assert config_reference.main(["--check"]) == 1
    assert "out of date" in capsys.readouterr().err


def test_every_setting_appears_with_its_bounds() -> None:
    text = config_reference.render()
    assert "| `escalate_after_s` | number | `30` | 0.1 to 600 |" in text
    assert "## [[services]]" in text and "| `prefix` | text | **required** |" in text
