"""Wrong wall clocks stop no timer of the help loop: real processes under libfaketime.

A console whose clock is an hour behind or ahead (from the start, or stepped while a call
waits) still escalates an unanswered call on schedule with the hub down; a kiosk whose
clock is stepped an hour back or forward still re-sends a call nobody has acknowledged.
Escalation and re-sending are timed on the monotonic clock; wall-clock times stay in the
events, for the record.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.core.config import load_config
from kiosk.net.broker import MosquittoBroker
from kiosk.net.headless import headless_kiosk
from kiosk.protocol import topics
from kiosk.protocol.help_messages import HelpEventMessage
from tests.helpers.branch import write_branch_config
from tests.helpers.faketime import SteppedClock
from tests.helpers.raw_device import RawDevice
from tests.helpers.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]
ESCALATE_S = 3.0
RESEND_S = 0.5
PATIENCE_S = 30.0
"""Liveness limits for a shared machine; the schedule is checked against ESCALATE_S."""


class Process:
    def __init__(self, command: list[str], log: Path, env: dict[str, str]) -> None:
        self.log_path = log
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                command, stdout=out, stderr=out, stdin=subprocess.DEVNULL, cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
                     "PYTHONUNBUFFERED": "1", **env})

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def alive(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"exited with {self.process.returncode}:\n{self.log()[-3000:]}")
        return True

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


@pytest.fixture
def config_path(mosquitto: MosquittoBroker, tmp_path: Path) -> Path:
    return write_branch_config(tmp_path / "config", mosquitto.port, **{
        "help.escalate_after_s": ESCALATE_S, "help.resend_after_s": RESEND_S})


@pytest.fixture
def clock(tmp_path: Path) -> SteppedClock:
    return SteppedClock(tmp_path / "clock")


@pytest.fixture
def console(config_path: Path, clock: SteppedClock, tmp_path: Path,
            request: pytest.FixtureRequest) -> Iterator[Process]:
    offset, when = request.param
    if when == "from the start":
        clock.step(offset)
    process = Process([sys.executable, "-m", "kiosk", "console", "--config", str(config_path),
                       "--device", "console-1", "--data", str(tmp_path / "console")],
                      tmp_path / "console.log", clock.env)
    try:
        wait_until(lambda: process.alive() and "console console-1 started" in process.log(),
                   PATIENCE_S, "the console to start")
        yield process
    finally:
        process.stop()


def escalated_at(process: Process, call_id: str, level: int) -> bool:
    return re.search(f"help call {call_id} at kiosk-1: escalated to level {level} "
                     r"\(this console's own timer\)", process.log()) is not None


@pytest.mark.parametrize("console", [("-1h", "from the start"), ("+1h", "from the start"),
                                     ("-1h", "while the call waits"),
                                     ("+1h", "while the call waits")],
                         indirect=True, ids=lambda p: f"{p[0]} {p[1]}")
def test_a_console_with_a_wrong_clock_escalates_on_schedule_with_the_hub_down(
        console: Process, clock: SteppedClock, config_path: Path, tmp_path: Path,
        request: pytest.FixtureRequest) -> None:
    offset, when = request.node.callspec.params["console"]
    kiosk = headless_kiosk(load_config(config_path), "kiosk-1", tmp_path / "kiosk").start()
    try:
        wait_until(lambda: kiosk.link.connected and bool(kiosk.client.reachability()
                                                         .consoles_online),
                   PATIENCE_S, "the kiosk to hear the console")
        call = kiosk.call(lambda: kiosk.client.raise_help())
        raised = time.monotonic()
        call_id = call.call_id  # type: ignore[attr-defined]
        if when == "while the call waits":
            wait_until(lambda: any(i.held_by == "console-1"
                                   for i in kiosk.store.unacked()),  # the console has it
                       PATIENCE_S, "the console to store the call")
            clock.step(offset)

        levels: dict[int, float] = {}
        for level in (1, 2):
            wait_until(lambda lv=level: console.alive() and escalated_at(console, call_id, lv),
                       PATIENCE_S, f"escalation to level {level}")
            levels[level] = time.monotonic() - raised
        # On schedule: no level before its time (a clock ahead must not rush it; a clock
        # behind must not stop it, which the waits above prove within their patience).
        assert levels[1] >= ESCALATE_S * 0.8, levels
        assert levels[2] >= 2 * ESCALATE_S * 0.8, levels
    finally:
        kiosk.stop()


@pytest.mark.parametrize("offset", ["-1h", "+1h"])
def test_a_kiosk_whose_clock_is_stepped_still_resends_an_unacknowledged_call(
        config_path: Path, clock: SteppedClock, mosquitto: MosquittoBroker, tmp_path: Path,
        offset: str) -> None:
    config = load_config(config_path)
    watcher = RawDevice("127.0.0.1", mosquitto.port, "watcher", branch=config.branch.id,
                        subscribe=[topics.kiosk_help(config.branch.id, "kiosk-1")])
    kiosk = Process([sys.executable, "-m", "tests.helpers.kiosk_call_process",
                     str(config_path), "kiosk-1", str(tmp_path / "kiosk")],
                    tmp_path / "kiosk.log", clock.env)
    try:
        def sends() -> int:
            return len(watcher.messages(HelpEventMessage))

        # No hub and no console: nobody acknowledges, so the call goes out again and again.
        wait_until(lambda: kiosk.alive() and sends() >= 3, PATIENCE_S, "the first re-sends")
        clock.step(offset)
        before = sends()
        wait_until(lambda: kiosk.alive() and sends() >= before + 3, PATIENCE_S,
                   "re-sends after the clock step")
        events = {m.event.id for m in watcher.messages(HelpEventMessage)}
        assert len(events) == 1  # the same call, re-sent: never a second one
    finally:
        kiosk.stop()
        watcher.close()
