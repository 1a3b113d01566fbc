"""Who may close the full-screen kiosk: staff with a PIN and the service manager, not a
customer or a stray close request from the window system."""

from __future__ import annotations

import signal
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.core.config import load_config
from kiosk.customer.app import build_kiosk
from kiosk.net.broker import free_port
from kiosk.ui.stop_signals import StopSignals
from tests.helpers.branch import write_branch_config
from tests.helpers.fake_speaker import FakeSpeaker
from tests.helpers.kiosk_harness import stop_kiosk


def test_the_full_screen_kiosk_refuses_a_close_request_without_a_pin(
        qtbot: QtBot, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    config = load_config(write_branch_config(tmp_path / "config", free_port()))
    parts = build_kiosk(app, config, "kiosk-1", tmp_path / "kiosk", speaker=FakeSpeaker())
    parts.start(windowed=False, connect=False)
    try:
        qtbot.waitUntil(parts.window.isVisible)
        assert parts.window.close() is False  # what a window manager's close button sends
        assert parts.window.isVisible()
    finally:
        stop_kiosk(parts)


def test_sigterm_arrives_on_the_gui_thread_as_a_qt_signal(qtbot: QtBot) -> None:
    stop = StopSignals()
    try:
        with qtbot.waitSignal(stop.received, timeout=5000) as blocker:
            signal.raise_signal(signal.SIGTERM)
        assert blocker.args == [signal.SIGTERM]
    finally:
        stop.close()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
