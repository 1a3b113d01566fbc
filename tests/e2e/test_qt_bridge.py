"""Client events reach Qt widgets as signals on the GUI thread; heartbeats come from it."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Slot

from kiosk.core.config import load_config
from kiosk.core.help.events import Category
from kiosk.core.help.state import CallState, CallStatus
from kiosk.net.broker import MosquittoBroker
from kiosk.net.headless import headless_console, headless_kiosk
from kiosk.net.qt_bridge import ConsoleBridge, HeartbeatTimer, KioskBridge
from kiosk.protocol.device_messages import Activity, Component
from tests.helpers.branch import write_branch_config


class Recorder(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.states: list[CallState | None] = []
        self.threads: set[int] = set()

    @Slot(object)
    def record(self, state: CallState | None) -> None:
        self.threads.add(threading.get_ident())
        self.states.append(state)


def test_call_states_arrive_on_the_gui_thread(qtbot, mosquitto: MosquittoBroker,  # type: ignore[no-untyped-def]
                                              tmp_path: Path) -> None:
    config = load_config(write_branch_config(tmp_path / "config", mosquitto.port))
    kiosk = headless_kiosk(config, "kiosk-1", tmp_path / "k", heartbeats=False).start()
    console = headless_console(config, "console-1", tmp_path / "c").start()
    try:
        bridge = KioskBridge(kiosk)
        console_bridge = ConsoleBridge(console)  # noqa: F841 (kept alive for its signals)
        recorder = Recorder()
        bridge.call_changed.connect(recorder.record)
        health = kiosk.link.health(speech=Component.OK, printer=Component.ABSENT,
                                   sound=Component.OK, outbox=0)
        beats = HeartbeatTimer(kiosk, lambda: health, lambda: Activity.IN_USE)
        beats.start()
        qtbot.waitUntil(lambda: kiosk.link.connected and console.link.connected, timeout=5000)
        qtbot.waitUntil(lambda: "kiosk-1" in console.client.peers.online(
            kiosk.link.identity.role, time.monotonic()), timeout=5000)  # liveness clock

        bridge.raise_help(Category.OTHER)
        qtbot.waitUntil(lambda: any(s is not None and s.status is CallStatus.NOTIFIED
                                    for s in recorder.states), timeout=5000)
        assert recorder.threads == {threading.get_ident()}
        beats.stop()
    finally:
        kiosk.stop()
        console.stop()
