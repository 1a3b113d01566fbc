"""The hub at branch scale and beyond: 200 kiosks, 20 consoles, 10 help calls and 50 tickets
a second, against Mosquitto and against the embedded broker.

The hub is the real ``python -m kiosk hub`` process; the devices are simulated
(``bench.sim_fleet``: raw paho with the product's codec and subscriptions) in three
processes: two of 100 kiosks, one of 20 consoles. Consoles behave as staffed ones: each
confirms every raise (``received``), and the console a call falls to answers it after 1 s and
closes it after 3 s. Measured: calls lost (a raise that did not reach every console or the
hub's ledger), help latency (raise → the last console has it), ticket latency (request →
reply), hub ack latency (raise → the hub's "stored"), CPU and memory of the hub and of the
broker, and the CPU the simulation itself used (if the machine was saturated, it says so).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from bench.branch import (
    ROOT,
    HubRunner,
    console_ids,
    kiosk_ids,
    write_branch,
    write_hub_secrets,
)
from bench.brokers import BenchBroker
from bench.procstat import ProcessMeter, Usage
from bench.report import BenchResult, Figure, Target
from bench.stats import summarise

SERVICES = ("cash", "pension", "cards", "other")
KIOSKS, CONSOLES = 200, 20
HELP_PER_S, TICKETS_PER_S = 10, 50
HELP_P99_MS = 100.0
KIOSK_PROCESSES = 2
DRAIN_S = 15.0
READY_PATIENCE_S = 90.0


def load_plan(duration_s: float, kiosks: list[str], help_per_s: float = HELP_PER_S,
              tickets_per_s: float = TICKETS_PER_S) -> list[list[Any]]:
    """Every help raise and ticket request: [offset s, kiosk, "help"] or
    [offset s, kiosk, "ticket", request id, service, priority]; spread evenly over kiosks."""
    jobs: list[list[Any]] = []
    for n in range(int(duration_s * help_per_s)):
        jobs.append([n / help_per_s, kiosks[(n * 37) % len(kiosks)], "help"])
    for n in range(int(duration_s * tickets_per_s)):
        jobs.append([n / tickets_per_s + 0.003, kiosks[n % len(kiosks)], "ticket",
                     f"{n + 1:08x}{time.time_ns():024x}"[:32], SERVICES[(n // 7) % 4],
                     n % 3 == 0])
    return sorted(jobs, key=lambda job: job[0])


class FleetProcess:
    def __init__(self, name: str, plan: dict[str, Any], folder: Path) -> None:
        self.name = name
        self.plan_path = folder / f"{name}.plan.json"
        self.results_path = folder / f"{name}.results.json"
        self.plan_path.write_text(json.dumps(plan), encoding="utf-8")
        log = (folder / f"{name}.log").open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.sim_fleet", str(self.plan_path),
             str(self.results_path)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=log, text=True, bufsize=1)
        log.close()

    @property
    def stdin(self) -> IO[str]:
        assert self.process.stdin is not None
        return self.process.stdin

    def expect(self, word: str, timeout_s: float) -> None:
        """Wait for a line starting with ``word`` (other lines are the fleet's complaints)."""
        assert self.process.stdout is not None
        box: list[str] = []

        def read() -> None:
            assert self.process.stdout is not None
            for line in self.process.stdout:
                if line.startswith(word):
                    box.append(line)
                    return
                print(f"{self.name}: {line.rstrip()}", file=sys.stderr)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(timeout_s)
        if not box:
            raise RuntimeError(f"{self.name}: no '{word}' within {timeout_s:.0f} s")

    def send(self, line: str) -> None:
        self.stdin.write(line + "\n")
        self.stdin.flush()

    def results(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.results_path.read_text(encoding="utf-8"))
        return data

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                self.send("stop")
                self.process.wait(20)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait(5)


def _ledger_raises(db_path: Path) -> dict[str, float]:
    """Raise id -> seconds from the raise (kiosk's clock) to the hub's commit (hub's clock);
    both are this machine's wall clock."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as db:
        return {row[0]: row[1] for row in db.execute(
            "SELECT id, stored_at - at FROM help_events WHERE kind = 'raised'")}


def _machine_cpu() -> tuple[float, float]:
    """(busy, steal) CPU seconds of the whole machine so far, all cores."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    ticks = [int(f) for f in fields]
    hz = os.sysconf("SC_CLK_TCK")
    idle = ticks[3] + ticks[4]
    steal = ticks[7] if len(ticks) > 7 else 0
    return (sum(ticks[:8]) - idle) / hz, steal / hz


def run_one(kind: str, work_dir: Path, duration_s: float, help_per_s: float = HELP_PER_S,
            tickets_per_s: float = TICKETS_PER_S) -> dict[str, Any]:
    """One full run against the ``kind`` broker; raw numbers for the report."""
    broker = BenchBroker(kind, work_dir / "broker").start()
    stops: list[Callable[[], None]] = [broker.stop]
    try:
        kiosks, consoles = kiosk_ids(KIOSKS), console_ids(CONSOLES)
        config_path = write_branch(work_dir, broker.port, kiosks=KIOSKS, consoles=CONSOLES)
        hub = HubRunner(config_path, work_dir / "hub-data", write_hub_secrets(work_dir)).start()
        stops.append(hub.stop)
        heartbeat_s = hub.config.presence.heartbeat_interval_s
        common = {"host": broker.host, "port": broker.port, "branch": hub.config.branch.id,
                  "heartbeat_s": heartbeat_s, "duration_s": duration_s, "drain_s": DRAIN_S}
        jobs = load_plan(duration_s, kiosks, help_per_s, tickets_per_s)
        fleets = []
        share = (len(kiosks) + KIOSK_PROCESSES - 1) // KIOSK_PROCESSES
        for index in range(KIOSK_PROCESSES):
            mine = set(kiosks[index * share:(index + 1) * share])
            fleets.append(FleetProcess(f"kiosks-{index + 1}", {
                **common, "role": "kiosk", "devices": sorted(mine),
                "jobs": [job for job in jobs if job[1] in mine]}, work_dir))
        console_fleet = FleetProcess("consoles", {
            **common, "role": "console", "devices": consoles, "acknowledge_after_s": 1.0,
            "resolve_after_s": 3.0}, work_dir)
        fleets.append(console_fleet)
        for fleet in fleets:
            stops.append(fleet.stop)
        for fleet in fleets:
            fleet.expect("ready", READY_PATIENCE_S)
        meters = {"hub": ProcessMeter(hub.pid), "broker": ProcessMeter(broker.pid),
                  **{f.name: ProcessMeter(f.process.pid) for f in fleets}}
        start = time.monotonic() + 1.0
        for fleet in fleets:
            fleet.send(f"go {start}")
        time.sleep(max(0.0, start - time.monotonic()))
        for meter in meters.values():
            meter.start(time.monotonic())
        machine_before, began = _machine_cpu(), time.monotonic()
        time.sleep(max(0.0, start + duration_s - time.monotonic()))
        usage = {name: meter.stop(time.monotonic()) for name, meter in meters.items()}
        machine_after, elapsed = _machine_cpu(), time.monotonic() - began
        machine = {"busy_cores": (machine_after[0] - machine_before[0]) / elapsed,
                   "steal_cores": (machine_after[1] - machine_before[1]) / elapsed}
        kiosk_results = []
        for fleet in fleets[:-1]:
            fleet.expect("done", duration_s + DRAIN_S + 30)
            kiosk_results.append(fleet.results())
        raised = [cid for r in kiosk_results for cid in r["raises"]]
        ids_path = work_dir / "raised.json"
        ids_path.write_text(json.dumps(raised), encoding="utf-8")
        console_fleet.send(f"finish {ids_path} {time.monotonic() + DRAIN_S}")
        console_fleet.expect("done", DRAIN_S + 30)
        console_results = console_fleet.results()
        health = hub.health()
        for fleet in fleets:
            fleet.stop()
        hub.stop()
        in_ledger = _ledger_raises(hub.db_path)
        return {"kiosks": kiosk_results, "consoles": console_results, "usage": usage,
                "ledger_raises": in_ledger, "hub_health": health, "machine": machine,
                "hub_log_warnings": _log_lines(hub.log_path)}
    finally:
        for stop in reversed(stops):
            stop()


def _log_lines(path: Path, limit: int = 20) -> list[str]:
    lines = [line for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
             if '"level": "WARNING"' in line or '"level": "ERROR"' in line
             or " WARNING " in line or " ERROR " in line]
    return lines[:limit] + ([f"... {len(lines) - limit} more"] if len(lines) > limit else [])


def analyse(kind: str, raw: dict[str, Any], duration_s: float) -> tuple[list[Figure],
                                                                         dict[str, Any]]:
    raises: dict[str, list[Any]] = {}
    acked: dict[str, float] = {}
    requests: dict[str, list[Any]] = {}
    replies: dict[str, list[Any]] = {}
    received: dict[str, list[int]] = {}
    for part in raw["kiosks"]:
        raises.update(part["raises"])
        acked.update(part["acked"])
        requests.update(part["requests"])
        replies.update(part["replies"])
        for channel, (count, size) in part["received"].items():
            have = received.setdefault(f"kiosks: {channel}", [0, 0])
            have[0] += count
            have[1] += size
    seen: dict[str, dict[str, float]] = raw["consoles"]["seen"]
    for channel, (count, size) in raw["consoles"]["received"].items():
        received[f"consoles: {channel}"] = [count, size]
    help_ms, first_ms, missing = [], [], 0
    for call_id, (_kiosk, sent_at) in raises.items():
        times = [held.get(call_id) for held in seen.values()]
        if any(t is None for t in times):
            missing += 1
            continue
        known = [t for t in times if t is not None]
        help_ms.append((max(known) - sent_at) * 1000)
        first_ms.append((min(known) - sent_at) * 1000)
    not_in_ledger = len(set(raises) - set(raw["ledger_raises"]))
    lost = len({cid for cid in raises if any(cid not in held for held in seen.values())}
               | (set(raises) - set(raw["ledger_raises"])))
    stored_ms = [seconds * 1000 for seconds in raw["ledger_raises"].values()]
    ack_ms = [(acked[cid] - sent) * 1000 for cid, (_k, sent) in raises.items() if cid in acked]
    ticket_ms = [(replies[rid][0] - sent) * 1000 for rid, (_k, sent) in requests.items()
                 if rid in replies]
    issued_ms = [(replies[rid][0] - sent) * 1000 for rid, (_k, sent) in requests.items()
                 if rid in replies and replies[rid][1] is None]
    refusals: dict[str, int] = {}
    for _at, refusal in replies.values():
        if refusal is not None:
            refusals[refusal] = refusals.get(refusal, 0) + 1
    usage: dict[str, Usage] = raw["usage"]
    hub, broker = usage["hub"], usage["broker"]
    sim_cpu = sum(u.cpu_share for name, u in usage.items() if name not in ("hub", "broker"))
    tag = f"[{kind}]"
    help_s = summarise(help_ms) if help_ms else None
    figures = [
        Figure(f"{kind}_calls_lost", f"{tag} help calls lost (of {len(raises)})", float(lost),
               "count", Target("==", 0)),
        Figure(f"{kind}_help_p99", f"{tag} help raise → every console has it, p99",
               help_s.p99 if help_s else None, "ms", Target("<=", HELP_P99_MS),
               note="" if help_s else "no call reached every console"),
        Figure(f"{kind}_help_p50", f"{tag} help raise → every console has it, p50",
               help_s.p50 if help_s else None, "ms"),
        Figure(f"{kind}_help_first_p50", f"{tag} help raise → the first console has it, p50 "
               "(the rest is the 20 simulated consoles taking turns in one process)",
               summarise(first_ms).p50 if first_ms else None, "ms"),
        Figure(f"{kind}_ticket_p99", f"{tag} ticket request → reply, p99",
               summarise(ticket_ms).p99 if ticket_ms else None, "ms",
               Target("<=", 5000, "the kiosk's queue.reply_timeout_s (no target in DESIGN.md)")),
        Figure(f"{kind}_ticket_p50", f"{tag} ticket request → reply, p50",
               summarise(ticket_ms).p50 if ticket_ms else None, "ms"),
        Figure(f"{kind}_tickets_unanswered", f"{tag} ticket requests never answered "
               f"(of {len(requests)})", float(len(requests) - len(ticket_ms)), "count",
               Target("==", 0, "every request gets an answer")),
        Figure(f"{kind}_hub_ack_p99", f"{tag} help raise → hub's \"stored\" ack, p99",
               summarise(ack_ms).p99 if ack_ms else None, "ms"),
        Figure(f"{kind}_hub_stored_p99", f"{tag} help raise → committed to the hub's ledger, p99",
               summarise(stored_ms).p99 if stored_ms else None, "ms"),
        Figure(f"{kind}_hub_cpu", f"{tag} hub CPU (share of one core)", hub.cpu_share * 100,
               "%"),
        Figure(f"{kind}_hub_rss_end", f"{tag} hub RSS at the end of the load "
               f"(start {hub.rss_start_mib:.0f} MiB)", hub.rss_end_mib, "MiB"),
        Figure(f"{kind}_broker_cpu", f"{tag} broker CPU (share of one core)",
               broker.cpu_share * 100, "%"),
        Figure(f"{kind}_broker_rss_peak", f"{tag} broker RSS, peak", broker.rss_peak_mib,
               "MiB"),
        Figure(f"{kind}_sim_cpu", f"{tag} simulated devices' CPU (all three processes)",
               sim_cpu * 100, "%"),
    ]
    details = {
        "raised": len(raises), "missing_at_some_console": missing,
        "not_in_ledger": not_in_ledger, "hub_acked": len(ack_ms),
        "help_ms": help_s.as_dict() if help_s else None,
        "help_first_console_ms": summarise(first_ms).as_dict() if first_ms else None,
        "ticket_ms": summarise(ticket_ms).as_dict() if ticket_ms else None,
        "ticket_issued_ms": summarise(issued_ms).as_dict() if issued_ms else None,
        "hub_ack_ms": summarise(ack_ms).as_dict() if ack_ms else None,
        "hub_stored_ms": summarise(stored_ms).as_dict() if stored_ms else None,
        "machine_cpu": {k: round(v, 2) for k, v in raw["machine"].items()},
        "requests": len(requests), "replies": len(replies), "refusals": refusals,
        "answered_by_consoles": raw["consoles"]["answered"],
        "usage": {name: {"cpu_share": round(u.cpu_share, 3),
                         "rss_start_mib": round(u.rss_start_mib, 1),
                         "rss_end_mib": round(u.rss_end_mib, 1),
                         "rss_peak_mib": round(u.rss_peak_mib, 1)} for name, u in usage.items()},
        "received_per_s": {name: {"messages": round(c / duration_s),
                                  "kib": round(b / 1024 / duration_s)}
                           for name, (c, b) in sorted(received.items())},
        "schedule_late_max_s": max([p["late_s"] for p in raw["kiosks"]] +
                                   [raw["consoles"]["late_s"]]),
        "hub_health": raw["hub_health"], "hub_log_warnings": raw["hub_log_warnings"],
    }
    return figures, details


def run(work_dir: Path, duration_s: float, brokers: tuple[str, ...] = ("mosquitto",
                                                                       "embedded"),
        help_per_s: float = HELP_PER_S, tickets_per_s: float = TICKETS_PER_S) -> BenchResult:
    result = BenchResult("bench.hub_scale", f"Hub scale: {KIOSKS} kiosks, {CONSOLES} consoles, "
                         f"{help_per_s:g} help calls/s and {tickets_per_s:g} tickets/s for "
                         f"{duration_s:g} s")
    for kind in brokers:
        try:
            raw = run_one(kind, work_dir / kind, duration_s, help_per_s, tickets_per_s)
        except Exception as error:  # one broker failing must not hide the other's figures
            result.notes.append(f"{kind}: the run failed: {error}")
            result.details[kind] = {"error": repr(error)}
            continue
        figures, details = analyse(kind, raw, duration_s)
        result.figures.extend(figures)
        result.details[kind] = details
    result.notes.append(
        f"Simulated devices in {KIOSK_PROCESSES + 1} processes on the same 2-core machine as the "
        "hub and the broker; their CPU is reported so a saturated machine is visible. Times "
        "are taken on the system-wide monotonic clock in each process.")
    return result
