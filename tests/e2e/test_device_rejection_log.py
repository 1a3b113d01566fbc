"""A flood of garbage reaching a console through the real broker: every message is counted,
and the console's log holds the first few in full and a sum per interval, not a line per
message that would rotate its history away."""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from kiosk.core.config import load_config
from kiosk.net.broker import MosquittoBroker
from kiosk.net.headless import headless_console
from kiosk.protocol import RejectCode
from tests.helpers.branch import write_branch_config
from tests.helpers.waiting import wait_until

pytestmark = pytest.mark.e2e

FLOOD = 10_000


def test_a_flood_at_a_console_is_counted_exactly_and_logged_in_few_lines(
        mosquitto: MosquittoBroker, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="kiosk.net.device_link")
    config = load_config(write_branch_config(tmp_path / "config", mosquitto.port,
                                             **{"broker.rejection_log_every_s": 1.0}))
    topic = f"bank/{config.branch.id}/kiosk/kiosk-1/help"
    console = headless_console(config, "console-1", tmp_path / "console").start()
    flooder = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="flooder",
                          protocol=mqtt.MQTTv311)
    try:
        wait_until(lambda: console.link.connected, what="the console connected")
        flooder.connect(mosquitto.host, mosquitto.port)
        flooder.loop_start()
        started = time.monotonic()
        for _ in range(FLOOD):
            flooder.publish(topic, b'{"v":1,"type":', qos=0)
        flooder.publish(topic, b"{}", qos=1).wait_for_publish(30)
        wait_until(lambda: console.link.rejections[RejectCode.MALFORMED_JSON] == FLOOD,
                   what="the console counted the flood", timeout_s=60)
        elapsed = time.monotonic() - started

        def accounted() -> int:
            lines = [r.getMessage() for r in caplog.records if "malformed_json" in
                     r.getMessage()]
            in_full = sum(line.startswith(f"dropped {topic}: malformed_json")
                          for line in lines)
            return in_full + sum(int(found.group(1)) for line in lines if (found := re.match(
                r"dropped (\d+) more malformed_json from kiosk-1 in", line)))

        bound = 4 * (elapsed + 3)  # three lines and a sum per second, and the second after

        def lines() -> list[str]:
            return [r.getMessage() for r in caplog.records
                    if r.name == "kiosk.net.device_link" and "dropped" in r.getMessage()]

        wait_until(lambda: accounted() == FLOOD or len(lines()) > bound,
                   what="the log accounts for every refusal", timeout_s=10)
        assert len(lines()) <= bound, f"{len(lines())} lines in {elapsed:.1f} s"
        assert accounted() == FLOOD
    finally:
        flooder.loop_stop()
        flooder.disconnect()
        console.stop()
