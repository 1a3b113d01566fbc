"""The import rules in pyproject.toml are live: lint-imports, run over a copy of the package,
fails when a Qt-free module imports Qt, directly, through a Qt module, or as a new module."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RULE = "Nothing imports Qt except the modules that are Qt by nature"


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """The package, the contract's code and the configuration, copied to a folder of its own."""
    ignore = shutil.ignore_patterns("__pycache__", ".import_linter_cache")
    shutil.copytree(ROOT / "kiosk", tmp_path / "kiosk", ignore=ignore)
    shutil.copytree(ROOT / "tools", tmp_path / "tools", ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def lint_imports(folder: Path) -> subprocess.CompletedProcess[str]:
    script = "import sys; from importlinter.cli import lint_imports_command; lint_imports_command()"
    env = {**os.environ, "PYTHONPATH": str(folder)}
    return subprocess.run(
        [sys.executable, "-c", script, "--no-cache"],
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
        timeout=120,
        check=False,
    )


def add_line(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_the_package_as_it_is_keeps_the_rule(checkout: Path) -> None:
    result = lint_imports(checkout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{RULE} KEPT" in result.stdout


def test_a_core_module_that_imports_qt_breaks_the_rule(checkout: Path) -> None:
    add_line(checkout / "kiosk" / "core" / "queue" / "ticket_queue.py", "import PySide6")
    result = lint_imports(checkout)
    assert result.returncode != 0
    assert f"{RULE} BROKEN" in result.stdout
    assert "kiosk.core.queue.ticket_queue -> PySide6" in result.stdout


def test_the_help_path_importing_a_qt_adapter_breaks_the_rule(checkout: Path) -> None:
    add_line(checkout / "kiosk" / "net" / "kiosk_client.py", "import kiosk.net.qt_bridge")
    result = lint_imports(checkout)
    assert result.returncode != 0
    assert "kiosk.net.kiosk_client is not allowed to import PySide6" in result.stdout
    assert "kiosk.net.kiosk_client -> kiosk.net.qt_bridge" in result.stdout


def test_a_new_module_is_qt_free_until_it_is_named(checkout: Path) -> None:
    (checkout / "kiosk" / "net" / "new_link.py").write_text("import shiboken6\n", encoding="utf-8")
    result = lint_imports(checkout)
    assert result.returncode != 0
    assert "kiosk.net.new_link -> shiboken6" in result.stdout
