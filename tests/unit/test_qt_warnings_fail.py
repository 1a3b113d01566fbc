"""A Qt warning fails the test that caused it (pyproject: ``qt_log_level_fail``): a real
pytest run, in a child process, with the project's configuration."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SAMPLE = '''
from PySide6.QtWidgets import QVBoxLayout, QWidget


def test_a_widget_given_a_second_layout(qapp):
    widget = QWidget()
    QVBoxLayout(widget)
    QVBoxLayout(widget)  # Qt warns and ignores it: the widget already has a layout


def test_a_widget_laid_out_once(qapp):
    widget = QWidget()
    QVBoxLayout(widget)
'''


def test_a_qt_warning_fails_the_test_that_made_it(tmp_path: Path) -> None:
    (tmp_path / "test_sample.py").write_text(SAMPLE, encoding="utf-8")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rA", "test_sample.py"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert "FAILED test_sample.py::test_a_widget_given_a_second_layout" in run.stdout, run.stdout
    assert "QLayout: Attempting to add QLayout" in run.stdout, run.stdout
    assert "PASSED test_sample.py::test_a_widget_laid_out_once" in run.stdout, run.stdout
