"""A kiosk killed with a call unsent, restarted: how soon does every console have the call?

Each run commits a help call to the kiosk's outbox in a process that then kills itself with
SIGKILL before publishing (``bench.unsent_call``), checks no console has heard of it, then
starts the kiosk again on the same store and times from the restart (the moment the new
process is spawned, Python start-up and imports included) until every console's client
holds the call. The kiosk is the product's network side run as its own process
(``bench.kiosk_process``); the hub and Mosquitto are real, the consoles are the product's
console clients.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.branch import ROOT, HubRunner, console_ids, write_branch
from bench.brokers import BenchBroker
from bench.help_latency import Moments, probe_console, wait_for
from bench.report import BenchResult, Figure, Target
from bench.stats import median
from kiosk.core.config import load_config
from kiosk.core.help.events import Outcome
from kiosk.net.console_client import ConsoleClient
from kiosk.net.headless import HeadlessDevice, headless_console

DELIVERED_S = 3.0
KIOSK = "kiosk-1"


def _crash_with_unsent_call(config: Path, data_dir: Path) -> str:
    crashed = subprocess.run([sys.executable, "-m", "bench.unsent_call", str(config), KIOSK,
                              str(data_dir)], cwd=ROOT, capture_output=True, text=True,
                             timeout=60, check=False)
    if crashed.returncode != -9:
        raise RuntimeError(f"the crashing kiosk did not die by SIGKILL: {crashed.stderr}")
    return crashed.stdout.strip()


def _stamps(lines: list[str]) -> dict[str, float]:
    stamps = {}
    for line in lines:
        name, _, value = line.partition(" ")
        try:
            stamps[name] = float(value)
        except ValueError:
            continue
    return stamps


def _one_restart(config: Path, data_dir: Path, consoles: list[HeadlessDevice[ConsoleClient]],
                 probes: list[tuple[Moments, Moments]]) -> dict[str, float]:
    call_id = _crash_with_unsent_call(config, data_dir)
    if any(call_id in c.client.calls for c in consoles):
        raise RuntimeError("a console had the call before the kiosk was restarted")
    restarted_at = time.monotonic()
    kiosk = subprocess.Popen([sys.executable, "-m", "bench.kiosk_process", str(config), KIOSK,
                              str(data_dir)], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)
    try:
        held = max(held.wait(call_id, timeout_s=30) for _, held in probes)
    finally:
        kiosk.terminate()
        output, _ = kiosk.communicate(timeout=15)
    stamps = _stamps(output.splitlines())
    lobby = consoles[0]
    lobby.call(lambda: lobby.client.resolve(call_id, "wang-fang", Outcome.HELPED))
    return {"delivered_s": held - restarted_at,
            "imported_s": stamps.get("imported", float("nan")) - restarted_at,
            "connected_s": stamps.get("connected", float("nan")) - restarted_at}


def run(work_dir: Path, runs: int) -> BenchResult:
    result = BenchResult("bench.kiosk_restart", "Kiosk killed with a call unsent → restart → "
                         "every console has the call")
    broker = BenchBroker("mosquitto", work_dir / "broker").start()
    stops: list[Callable[[], None]] = [broker.stop]
    try:
        config_path = write_branch(work_dir / "branch", broker.port, kiosks=2, consoles=2)
        hub = HubRunner(config_path, work_dir / "branch" / "hub-data").start()
        stops.append(hub.stop)
        config = load_config(config_path)
        consoles = [headless_console(config, cid, work_dir / cid) for cid in console_ids(2)]
        probes = [probe_console(c) for c in consoles]
        for device in consoles:
            device.start()
            stops.append(device.stop)
        wait_for(lambda: all(c.link.connected for c in consoles), "consoles connected")
        samples = [_one_restart(config_path, work_dir / "kiosk", consoles, probes)
                   for _ in range(runs)]
    finally:
        for stop in reversed(stops):
            stop()
    delivered = [s["delivered_s"] for s in samples]
    result.add(Figure("restart_delivered_median", f"restart → every console has the call, "
                      f"median of {runs}", median(delivered), "s",
                      Target("<=", DELIVERED_S)))
    result.add(Figure("restart_delivered_max", f"restart → every console has the call, "
                      f"worst of {runs}", max(delivered), "s", Target("<=", DELIVERED_S)))
    result.add(Figure("restart_imported_median", "of which: process start and imports, median",
                      median([s["imported_s"] for s in samples]), "s"))
    result.add(Figure("restart_connected_median", "of which: until the broker accepted it "
                      "(from the restart), median", median([s["connected_s"] for s in samples]),
                      "s"))
    result.details["runs"] = [{k: round(v, 4) for k, v in s.items()} for s in samples]
    result.notes.append(
        "The restarted kiosk is the product's headless kiosk (the network side the Qt kiosk "
        "builds); the Qt kiosk's own start-up is measured by the cold-start benchmark.")
    return result
