"""The domain, the protocol and the hub never load Qt, directly or through another module."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_FREE = ("kiosk.core", "kiosk.protocol", "kiosk.hub")


def qt_free_modules() -> list[str]:
    names = []
    for package in QT_FREE:
        folder = ROOT / Path(*package.split("."))
        names.append(package)
        names.extend(f"{package}.{m.name}" for m in pkgutil.iter_modules([str(folder)]))
    return names


def test_qt_free_packages_load_no_qt() -> None:
    modules = qt_free_modules()
    assert "kiosk.core.config" in modules
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_check_detects_a_module_that_loads_qt(tmp_path: Path) -> None:
    """The check above can fail: a Qt-loading module is seen through sys.modules."""
    (tmp_path / "leaky.py").write_text("import PySide6.QtCore\n", encoding="utf-8")
    script = "import sys, leaky\nprint(any(m.startswith('PySide6') for m in sys.modules))\n"
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.stdout.strip() == "True", result.stderr
