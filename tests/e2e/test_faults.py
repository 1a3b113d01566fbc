"""Faults a branch will meet: the kiosk's link cut, a console killed while alarming, the
hub's disk full. No call the kiosk showed as "calling staff" is lost: it reaches a console,
or the kiosk tells the customer it could not."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from kiosk.core.config import load_config
from kiosk.core.help.events import Category
from kiosk.core.help.view import HelpPhase, help_view
from kiosk.net.broker import MosquittoBroker
from kiosk.net.headless import headless_console, headless_kiosk
from tests.helpers.hub_process import prepare_hub
from tests.helpers.tcp_proxy import TcpProxy
from tests.helpers.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]


def customer_sees(kiosk) -> HelpPhase:  # type: ignore[no-untyped-def]
    reach = kiosk.client.reachability()
    return help_view(kiosk.client.call, now=time.time(), connected=reach.connected,
                     consoles_online=len(reach.consoles_online)).phase


def test_kiosk_link_cut_customer_told_then_call_delivered_once(mosquitto: MosquittoBroker,
                                                               tmp_path: Path) -> None:
    hub = prepare_hub(tmp_path / "hub", mosquitto.port).start()
    proxy = TcpProxy(mosquitto.port)
    config = load_config(hub.config_path)
    kiosk_config = load_config(_with_broker(hub.config_path, tmp_path / "kiosk.toml",
                                            proxy.port))
    kiosk = headless_kiosk(kiosk_config, "kiosk-1", tmp_path / "kiosk").start()
    console = headless_console(config, "console-1", tmp_path / "console").start()
    try:
        wait_until(lambda: kiosk.link.connected and console.link.connected, what="connected")
        proxy.cut()
        wait_until(lambda: not kiosk.link.connected, what="the kiosk notices the cut")
        call_id = kiosk.call(lambda: kiosk.client.raise_help(Category.MEDICAL).call_id)
        assert customer_sees(kiosk) is HelpPhase.NO_STAFF  # "go to the counter", at once
        assert call_id not in console.client.calls

        proxy.restore()
        wait_until(lambda: call_id in console.client.calls, timeout_s=10,
                   what="the call arrives once the link is back")
        wait_until(lambda: customer_sees(kiosk) is HelpPhase.NOTIFIED, what="staff notified")
        wait_until(lambda: kiosk.client.sender.pending() == 0, what="the hub stored it")
        assert list(console.client.calls) == [call_id]
    finally:
        kiosk.stop()
        console.stop()
        proxy.close()
        hub.stop()


def _with_broker(source: Path, target: Path, port: int) -> Path:
    text = source.read_text(encoding="utf-8")
    lines = [f'url = "mqtt://127.0.0.1:{port}"' if line.startswith("url = ") else line
             for line in text.splitlines()]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def test_console_killed_while_alarming_comes_back_with_the_call(mosquitto: MosquittoBroker,
                                                                tmp_path: Path) -> None:
    hub = prepare_hub(tmp_path / "hub", mosquitto.port).start()
    config = load_config(hub.config_path)
    kiosk = headless_kiosk(config, "kiosk-1", tmp_path / "kiosk").start()
    other = headless_console(config, "console-lobby", tmp_path / "lobby").start()
    console_dir = tmp_path / "console"
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.console_process", str(hub.config_path),
         "console-1", str(console_dir)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        wait_until(lambda: kiosk.link.connected, what="kiosk connected")
        wait_until(lambda: {"console-1", "console-lobby"} <= kiosk.client.reachability()
                   .consoles_online, what="both consoles online")
        call_id = kiosk.call(lambda: kiosk.client.raise_help(Category.MEDICAL).call_id)
        wait_until(lambda: kiosk.client.call.received_by == {"console-1", "console-lobby"},
                   what="both consoles alarming")
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        assert call_id in other.client.calls  # the other console still has it

        restarted = headless_console(config, "console-1", console_dir).start()
        try:
            call = restarted.client.calls.get(call_id)  # from its own store, before any network
            assert call is not None and call.is_open
        finally:
            restarted.stop()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
        if process.stdout is not None:
            process.stdout.close()
        kiosk.stop()
        other.stop()
        hub.stop()
