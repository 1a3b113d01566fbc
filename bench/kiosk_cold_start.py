"""Kiosk cold start: a new ``kiosk run`` process until the home screen is painted.

Each run spawns ``bench.cold_start_probe`` (the product's ``run_kiosk`` with a paint probe)
offscreen against a running broker, and times from the spawn to the end of the home
screen's first repaint: Python start-up, imports, configuration, fonts, the speech worker's
warm-up, the window. The median of the runs is the figure. The machine's file cache is warm
after the first run, as it is on a kiosk that restarts; the first run is reported apart.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.branch import ROOT, write_branch
from bench.brokers import BenchBroker
from bench.report import BenchResult, Figure, Target
from bench.stats import median

COLD_START_S = 1.0


def _one_start(config: Path, data_dir: Path, log_path: Path) -> float:
    spawned_at = time.monotonic()
    with log_path.open("ab") as log:
        done = subprocess.run(
            [sys.executable, "-m", "bench.cold_start_probe", str(config), "kiosk-1",
             str(data_dir)], cwd=ROOT, stdout=subprocess.PIPE, stderr=log, timeout=60,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False)
    for line in done.stdout.decode(errors="replace").splitlines():
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if isinstance(event, dict) and event.get("event") == "home_painted":
            return float(event["at"]) - spawned_at
    raise RuntimeError(f"the kiosk never painted its home screen (exit {done.returncode}); "
                       f"see {log_path}")


def run(work_dir: Path, runs: int) -> BenchResult:
    result = BenchResult("bench.kiosk_cold_start", "Kiosk cold start → home screen painted")
    broker = BenchBroker("mosquitto", work_dir / "broker").start()
    try:
        config = write_branch(work_dir / "branch", broker.port, kiosks=2, consoles=2)
        seconds = [_one_start(config, work_dir / "kiosk", work_dir / "kiosk.log")
                   for _ in range(runs)]
    finally:
        broker.stop()
    result.add(Figure("cold_start_median", f"kiosk start → home screen painted, median of "
                      f"{runs}", median(seconds), "s", Target("<=", COLD_START_S)))
    result.add(Figure("cold_start_max", f"kiosk start → home screen painted, worst of {runs}",
                      max(seconds), "s"))
    result.add(Figure("cold_start_first", "the first start of the run", seconds[0], "s"))
    result.details["seconds"] = [round(s, 3) for s in seconds]
    result.notes.append("Offscreen Qt, the product's `run_kiosk` with its real speech service "
                        "(worker process warm-up included), connecting to a running broker.")
    return result
