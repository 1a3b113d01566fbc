"""Supervision through a real broker: a kiosk that stops its heartbeats alarms on the console
and its return ends the alarm (both logged); a console that cannot ring says so, and the
other console shows it as silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.console.journal import Journal
from kiosk.console.supervision import DeviceChange
from kiosk.core.config import load_config
from kiosk.net.broker import MosquittoBroker
from kiosk.net.headless import headless_kiosk
from kiosk.net.qt_bridge import HeartbeatTimer
from kiosk.protocol.device_messages import Activity, Component
from kiosk.speech.players import ChildProcessPlayer
from tests.helpers.branch import write_branch_config
from tests.helpers.console_e2e import live_console

pytestmark = pytest.mark.e2e
PATIENCE_MS = 10_000


def kiosk_state(parts, kiosk_id: str) -> str:  # type: ignore[no-untyped-def]
    model = parts.window.kiosks.model
    return model.cell_text(model.row_of(kiosk_id), 3)


def test_a_silent_kiosk_alarms_until_it_is_heard_again_and_a_silent_console_is_named(
        qtbot, mosquitto: MosquittoBroker, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = load_config(write_branch_config(tmp_path / "config", mosquitto.port))
    kiosk = headless_kiosk(config, "kiosk-2", tmp_path / "kiosk", heartbeats=False).start()
    health = kiosk.link.health(speech=Component.OK, printer=Component.OK, sound=Component.OK,
                               outbox=0)
    beats = HeartbeatTimer(kiosk, lambda: health, lambda: Activity.IDLE)
    try:
        with live_console(config, "console-1", tmp_path / "c1") as watching, \
                live_console(config, "console-2", tmp_path / "c2",
                             player=ChildProcessPlayer(["false"])) as broken:
            beats.start()
            qtbot.waitUntil(lambda: kiosk_state(watching, "kiosk-2") == "Online",
                            timeout=PATIENCE_MS)
            assert not watching.alarms.alarms

            beats.stop()  # the kiosk's screen froze: still connected, but silent
            qtbot.waitUntil(lambda: kiosk_state(watching, "kiosk-2") == "OFFLINE: gone silent",
                            timeout=PATIENCE_MS)
            qtbot.waitUntil(lambda: "kiosk:kiosk-2" in {a.key for a in watching.alarms.alarms},
                            timeout=PATIENCE_MS)
            strip = watching.window.alarm_strip
            assert strip.isVisibleTo(watching.window)
            assert "Kiosk 2 (By the priority seats) has gone silent" in strip.text.text()
            qtbot.waitUntil(lambda: len(watching.alarms.sounder.played) > 0,
                            timeout=PATIENCE_MS)

            # The broken console tried to ring for the same kiosk, and could not.
            qtbot.waitUntil(lambda: broken.window.sound_banner.own.isVisibleTo(broken.window),
                            timeout=PATIENCE_MS)
            peers = watching.window.sound_banner.peers
            qtbot.waitUntil(lambda: peers.isVisibleTo(watching.window), timeout=PATIENCE_MS)
            assert "Counter 2" in peers.text()

            beats.start()
            qtbot.waitUntil(lambda: kiosk_state(watching, "kiosk-2") == "Online",
                            timeout=PATIENCE_MS)
            qtbot.waitUntil(lambda: not watching.alarms.alarms, timeout=PATIENCE_MS)
            assert not strip.isVisibleTo(watching.window)
            changes = [(e.device_id, e.change) for e in watching.records.device_events]
            assert changes == [("kiosk-2", DeviceChange.WENT_OFFLINE),
                               ("kiosk-2", DeviceChange.CAME_BACK)]
            log = watching.window.kiosks.events
            assert log.rowCount() == 2 and "heard again" in log.cell_text(0, 2)
        journal = Journal(tmp_path / "c1" / "console-1-journal.sqlite")
        assert [e.change for e in journal.device_events()] == [DeviceChange.WENT_OFFLINE,
                                                                DeviceChange.CAME_BACK]
        journal.close()
    finally:
        beats.stop()
        kiosk.stop()
