"""``python -m bench``: run the benchmarks, write ``bench/reports/latest.md`` and ``.json``.

Every benchmark starts its own brokers, hub and programs on free loopback ports in a fresh
temporary folder, so a run never touches a branch's files or another run. One failing
benchmark is reported as failed and the others still run. ``--runs N`` (3) runs the whole
suite N times: each figure is the median of the runs with their spread, judged on the worst.
Each run starts by measuring the floor (bare paho one-way through a fresh Mosquitto), to which
every network figure of that run is compared, and each benchmark is watched for other
programs' load (:mod:`bench.load`). One run of the defaults takes about ten minutes on the
2-core reference machine; options lengthen (or shorten) parts.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import shlex
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import (
    help_latency,
    hub_scale,
    kiosk_cold_start,
    kiosk_restart,
    mqtt_baseline,
    soak,
    ui_help,
    ui_kiosk,
)
from bench.brokers import BenchBroker
from bench.load import LoadWatch
from bench.machine import describe_machine
from bench.profiling import py_spy
from bench.report import BenchResult, combine_runs, with_floor, write_reports
from bench.stats import Summary, median, summarise

REPORTS = Path(__file__).resolve().parent / "reports"
EMBEDDED_HELP_CALLS = 200
"""Help calls through the embedded broker: where it still works, for comparison."""
NAMES = ("mqtt", "help", "restart", "hub", "ui-help", "ui-kiosk", "cold-start")
FLOOR_SAMPLES = 500
"""Bare paho one-way samples for the run's floor."""
ON_REQUEST = ("soak",)
"""Run only when named in ``--only`` (the soak takes 30 minutes): never by default."""


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(NAMES),
                        help="comma-separated benchmarks to run, of: "
                             f"{', '.join(NAMES + ON_REQUEST)} (default: all but "
                             f"{', '.join(ON_REQUEST)})")
    parser.add_argument("--hub-duration", type=float, default=60.0,
                        help="seconds of load in the hub-scale benchmark, per broker (60)")
    parser.add_argument("--hub-brokers", default="mosquitto,embedded",
                        help="brokers for the hub-scale benchmark (mosquitto,embedded)")
    parser.add_argument("--hub-help-rate", type=float, default=hub_scale.HELP_PER_S,
                        help="help calls per second in the hub-scale benchmark (10)")
    parser.add_argument("--hub-ticket-rate", type=float, default=hub_scale.TICKETS_PER_S,
                        help="ticket requests per second in the hub-scale benchmark (50)")
    parser.add_argument("--help-calls", type=int, default=500,
                        help="help calls through the headless clients (500)")
    parser.add_argument("--ui-help-calls", type=int, default=500,
                        help="help calls through the kiosk and console windows (500)")
    parser.add_argument("--nagle-samples", type=int, default=100,
                        help="samples per case of the Nagle matrix (100)")
    parser.add_argument("--restarts", type=int, default=10, help="kiosk restarts (10)")
    parser.add_argument("--cold-starts", type=int, default=10, help="kiosk cold starts (10)")
    parser.add_argument("--tap-rounds", type=int, default=1,
                        help="times each control in each kiosk state is touched, per run (1)")
    parser.add_argument("--speech-runs", type=int, default=8,
                        help="screen readings timed per language (8)")
    parser.add_argument("--screen-changes", type=int, default=300,
                        help="kiosk screen changes for the memory figure (300; the target is "
                             "stated for 10000, which takes ~15 min here: run it on its own)")
    parser.add_argument("--soak-duration", type=float, default=soak.DURATION_S,
                        help="seconds of load in the soak (1800)")
    parser.add_argument("--soak-restart-every", type=float, default=soak.RESTART_EVERY_S,
                        help="seconds between broker restarts in the soak (300)")
    parser.add_argument("--soak-kiosks", type=int, default=soak.KIOSKS,
                        help="simulated kiosks in the soak (50)")
    parser.add_argument("--runs", type=int, default=3,
                        help="times the whole suite is run; each figure is the median of the "
                             "runs with their min–max, judged on the worst run (3)")
    parser.add_argument("--profile", action="store_true",
                        help="record the kiosk's and console's GUI threads and the hub with "
                             "py-spy during the ui-help benchmark, and the kiosk's GUI thread "
                             "from each release to its repaint (cProfile) in ui-kiosk; the "
                             "report lists their top functions by share of time")
    parser.add_argument("--report-stem", default="latest",
                        help="report file names: bench/reports/<stem>.md and .json")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if importlib.util.find_spec("psutil") is None:
        parser.error("the benchmarks sample the machine's load with psutil: pip install "
                     "psutil (or the bench extra)")
    if args.profile and not {"ui-help", "ui-kiosk"} & set(args.only.split(",")):
        parser.error("--profile records the ui-help and ui-kiosk benchmarks: add one to "
                     "--only")
    if args.profile and py_spy() is None:
        parser.error("--profile needs py-spy (pip install py-spy, or the bench extra)")
    unknown = set(args.only.split(",")) - set(NAMES + ON_REQUEST) - {""}
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    return args


def plan(args: argparse.Namespace, work: Path) -> list[tuple[str, Callable[[], list[BenchResult]]]]:
    brokers = tuple(b for b in args.hub_brokers.split(",") if b)
    steps: dict[str, Callable[[], list[BenchResult]]] = {
        "mqtt": lambda: [mqtt_baseline.run_nagle(work / "mqtt", args.nagle_samples)],
        "help": lambda: [help_latency.run(work / "help", args.help_calls),
                         help_latency.run(work / "help-embedded",
                                          min(args.help_calls, EMBEDDED_HELP_CALLS),
                                          "embedded")],
        "restart": lambda: [kiosk_restart.run(work / "restart", args.restarts)],
        "hub": lambda: [hub_scale.run(work / "hub", args.hub_duration, brokers,
                                      args.hub_help_rate, args.hub_ticket_rate)],
        "ui-help": lambda: [ui_help.run(work / "ui-help", args.ui_help_calls, args.profile)],
        "ui-kiosk": lambda: ui_kiosk.run(work / "ui-kiosk", args.tap_rounds, args.speech_runs,
                                         args.screen_changes, args.profile),
        "cold-start": lambda: [kiosk_cold_start.run(work / "cold-start", args.cold_starts)],
        "soak": lambda: [soak.run(work / "soak", args.soak_duration, args.soak_restart_every,
                                  args.soak_kiosks)],
    }
    chosen = [name for name in args.only.split(",") if name]
    return [(name, steps[name]) for name in NAMES + ON_REQUEST if name in chosen]


def _load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def measure_floor(work: Path) -> Summary:
    """Bare paho one-way through a fresh Mosquitto: the run's floor under network figures."""
    broker = BenchBroker("mosquitto", work).start()
    try:
        return summarise(mqtt_baseline.measure(broker.host, broker.port, FLOOR_SAMPLES))
    finally:
        broker.stop()


def run_once(args: argparse.Namespace, work: Path, number: int) -> tuple[list[BenchResult],
                                                                         Summary]:
    """Every chosen benchmark once, each watched for load, compared with this run's floor."""
    floor = measure_floor(work / "floor")
    print(f"== run {number}: floor p50 {floor.p50:.2f} ms, p99 {floor.p99:.2f} ms", flush=True)
    results: list[BenchResult] = []
    for name, step in plan(args, work):
        print(f"== {name} (load average {_load_average()})", flush=True)
        began = time.monotonic()
        with LoadWatch() as watch:
            try:
                produced = step()
            except Exception as error:  # report it and go on with the next benchmark
                traceback.print_exc()
                produced = [BenchResult(f"bench.{name}", name, error=repr(error))]
        for result in produced:
            result.seconds = (time.monotonic() - began) / len(produced)
            result.load = [watch.summary]
            for figure in result.figures:
                print(f"   {figure.label}: {figure.value} {figure.unit}"
                      + ("" if figure.met is None else f" (met: {figure.met})"), flush=True)
        results.extend(produced)
    return with_floor(results, floor), floor


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    # The product's clients log every clean disconnect as a warning; a run stops dozens.
    logging.getLogger("kiosk").setLevel(logging.ERROR)
    started = time.monotonic()
    run_info: dict[str, Any] = {
        "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": " ".join(["python -m bench", *(shlex.quote(a) for a in (
            sys.argv[1:] if argv is None else argv))]),
        "runs": args.runs, "load_average_at_start": _load_average(), "seconds": 0.0}
    runs: list[list[BenchResult]] = []
    floors: list[Summary] = []
    for number in range(1, args.runs + 1):
        with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as folder:
            results, floor = run_once(args, Path(folder), number)
        runs.append(results)
        floors.append(floor)
    run_info["seconds"] = time.monotonic() - started
    run_info["load_average_at_end"] = _load_average()
    run_info["floor_ms"] = {"p50": median([f.p50 for f in floors]),
                            "p99": median([f.p99 for f in floors]),
                            "runs": [f.as_dict() for f in floors]}
    combined = combine_runs(runs)
    machine = describe_machine()
    md, js = write_reports(combined, machine, run_info, REPORTS, args.report_stem)
    print(f"wrote {md} and {js} in {run_info['seconds']:.0f} s", flush=True)
    return 1 if any(r.error for r in combined) else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
