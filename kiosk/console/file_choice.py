"""Where to save an export: asked through Qt's file dialog, or given by whoever built the
console (tests, scripts), so no panel opens a dialog it cannot be driven past."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

SavePath = Callable[[QWidget, str], Path | None]
"""(parent, suggested file name) -> the chosen path, or None when cancelled."""


def ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    title = QCoreApplication.translate("FileChoice", "Save as CSV")
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested),
                                            "CSV (*.csv)")
    return Path(chosen) if chosen else None
