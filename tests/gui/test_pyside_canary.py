"""PySide6 6.12.0 drops a reference to None on every void Qt call on Python 3.11, and the
process aborts after a few thousand calls. This canary fails on such a build."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_the_refcount_of_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for index in range(3000):
        label.setText(str(index))
    after = sys.getrefcount(None)
    assert after >= before - 50, f"refcount of None fell from {before} to {after}"
