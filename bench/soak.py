"""The soak: 50 kiosks raising and clearing help calls for 30 minutes while the broker is
restarted every 5 minutes; no call may be lost, and the hub's and the console's memory must
stay flat.

Not part of the default run, nor of CI (it takes 30 minutes and a few more to drain)::

    python -m bench --only soak --report-stem soak

``--soak-duration``, ``--soak-restart-every`` and ``--soak-kiosks`` change its shape; a short
run proves the benchmark itself works::

    python -m bench --only soak --soak-duration 120 --soak-restart-every 40 \\
        --report-stem soak-short

What runs: Mosquitto with persistence on a free loopback port below the kernel's ephemeral
range (the product's ``MosquittoBroker``, kept as one object so that every restart comes
back on the same port),
the hub as the real ``python -m kiosk hub`` process, the real staff console offscreen
(``bench.soak_console``: ``build_console``, a member of staff signed in through the hub) and
the kiosks in one process (``bench.soak_kiosks``: each the product's ``KioskClient`` with
its own durable store, as the kiosk program runs it). Each kiosk raises its first call in
the first 100 s, then one every 5 to 15 minutes (``bench.soak_kiosks``). Every
``--soak-restart-every`` seconds the broker is stopped, left down ``BROKER_DOWN_S`` seconds
and started again; a few kiosks raise calls just before the stop and while it is down, and
those wait in the kiosks' stores. Staff close two calls in three at the console; the third
is closed at the kiosk with a staff PIN after the customer said they are fine.

"Lost": once the load ends, new calls stop and the benchmark drains, waiting (up to
``DRAIN_S``) until every call raised is in the hub's ledger, at the console, and closed. A
call is lost if it was raised at a kiosk (in a kiosk's own store, or reported by the kiosk
process) and never reached the hub's ledger (read from the hub's SQLite, read-only) or never
reached the console (the console's ``calls_changed``, what its window is drawn from).

"Flat": the RSS of the hub and of the console is sampled every ``SAMPLE_S`` seconds; growth
is the sample at the end of the load minus the first sample after the warm-up (``WARM_UP_S``,
or a third of a shorter run), with a target of at most ``RSS_GROWTH_MIB``. The least-squares
slope over the same samples (MiB per hour) is reported beside it so a reader can judge a
short run, where one allocation weighs more than a trend.
"""

from __future__ import annotations

import contextlib
import json
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from bench.branch import HubRunner, console_ids, write_branch, write_hub_secrets
from bench.hub_scale import _log_lines
from bench.line_process import Event, LineProcess
from bench.procstat import ProcessMeter, Usage, rss_bytes
from bench.report import BenchResult, Figure, Target
from bench.stats import summarise
from kiosk.net.broker import BrokerError, MosquittoBroker

OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}
DURATION_S = 1800.0
RESTART_EVERY_S = 300.0
KIOSKS = 50
SAMPLE_S = 10.0
WARM_UP_S = 120.0
BROKER_DOWN_S = 5.0
"""How long the broker stays down at each restart: long enough for calls to be raised
while nobody can hear them."""
BURST_BEFORE = 2
BURST_DURING = 3
"""At each restart, kiosks with no open call raise this many calls just before the broker
stops and this many while it is down, so every restart is crossed by calls in flight."""
AROUND_S = 1.0
"""A call raised from this long before a stop until the restart counts as raised "around"
it."""
BACK_PATIENCE_S = 60.0
DRAIN_S = 300.0
DRAIN_POLL_S = 2.0
READY_PATIENCE_S = 120.0
RSS_GROWTH_MIB = 10.0
ROUTINE_WARNINGS = ("is OFFLINE (said it is going offline)", "connection lost or refused",
                    "not connected: ")
"""Warnings each broker restart causes by design; the report lists the others."""
SEED = 1729
MIB = 1024 * 1024


class Sampler:
    """RSS of each watched process every ``SAMPLE_S`` seconds: (seconds since start, MiB)."""

    def __init__(self, pids: dict[str, Callable[[], int | None]], start: float) -> None:
        self._pids = pids
        self._start = start
        self._lock = threading.Lock()
        self.series: dict[str, list[tuple[float, float]]] = {name: [] for name in pids}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def start(self) -> Sampler:
        self.sample()
        self._thread.start()
        return self

    def sample(self) -> None:
        at = time.monotonic() - self._start
        for name, pid_of in self._pids.items():
            pid = pid_of()
            if pid is None:
                continue
            try:
                mib = rss_bytes(pid) / MIB
            except Exception:  # the process is between lives (the broker restarting)
                continue
            with self._lock:
                self.series[name].append((round(at, 1), round(mib, 2)))

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_S):
            self.sample()

    def stop(self) -> dict[str, list[tuple[float, float]]]:
        self._stop.set()
        self._thread.join(5)
        with self._lock:
            return {name: list(points) for name, points in self.series.items()}


def slope_per_hour(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of (seconds, MiB) points, in MiB per hour."""
    if len(points) < 3:
        return None
    n = len(points)
    mean_t = sum(t for t, _ in points) / n
    mean_m = sum(m for _, m in points) / n
    spread = sum((t - mean_t) ** 2 for t, _ in points)
    if spread == 0:
        return None
    return sum((t - mean_t) * (m - mean_m) for t, m in points) / spread * 3600


def _ledger(db_path: Path) -> tuple[dict[str, float], dict[str, float]]:
    """(call id -> when the hub stored its raise, call id -> when it stored the first close),
    read-only: the hub keeps writing."""
    raised: dict[str, float] = {}
    resolved: dict[str, float] = {}
    with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)) as db:
        for call_id, kind, stored_at in db.execute(
                "SELECT call_id, kind, MIN(stored_at) FROM help_events "
                "WHERE kind IN ('raised', 'resolved') GROUP BY call_id, kind"):
            (raised if kind == "raised" else resolved)[call_id] = stored_at
    return raised, resolved


def _stored_raises(folder: Path) -> dict[str, tuple[str, float]]:
    """Call id -> (kiosk, raised at) of every raise kept in the kiosks' own stores."""
    found: dict[str, tuple[str, float]] = {}
    for path in sorted(folder.glob("*.sqlite")):
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)) as db:
            for call_id, body in db.execute("SELECT call_id, body FROM help_events"):
                event = json.loads(body)
                if event.get("kind") == "raised":
                    found[call_id] = (event.get("kiosk_id", path.stem), float(event["at"]))
    return found


def _unusual(log_path: Path, limit: int = 40) -> dict[str, Any]:
    """The warnings and errors of a log, less those every broker restart causes."""
    lines = _log_lines(log_path, 1_000_000) if log_path.exists() else []
    unusual = [line for line in lines if not any(r in line for r in ROUTINE_WARNINGS)]
    return {"routine": len(lines) - len(unusual), "unusual": unusual[:limit],
            "unusual_count": len(unusual)}


def _events(process: LineProcess, name: str) -> list[Event]:
    return [e for e in list(process.events) if e.get("event") == name]


def _first(events: list[Event]) -> dict[str, Event]:
    first: dict[str, Event] = {}
    for event in events:
        first.setdefault(event["call_id"], event)
    return first


def port_outside_ephemeral_range(host: str = "127.0.0.1") -> int:
    """A free port below the kernel's ephemeral range.

    The broker is restarted on the same port many times; while it is down, any other
    program on the machine that asks the kernel for a free port (port 0) may be given it,
    and the restart then fails. Ports below the ephemeral range are never handed out that
    way, so only a program that names the port can take it."""
    low = 32768
    with contextlib.suppress(OSError, ValueError):
        low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    candidates = list(range(max(1024, low - 8000), low))
    random.Random().shuffle(candidates)
    for port in candidates:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((host, port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port between {max(1024, low - 8000)} and {low}")


class Soak:
    def __init__(self, work_dir: Path, duration_s: float, restart_every_s: float,
                 kiosks: int) -> None:
        self.work_dir = work_dir
        self.duration_s = duration_s
        self.restart_every_s = restart_every_s
        self.kiosks = kiosks
        self.broker = MosquittoBroker(work_dir / "broker", port=port_outside_ephemeral_range())
        self.restarts: list[dict[str, Any]] = []
        self.start_wall = 0.0

    def _broker_pid(self) -> int | None:
        process = self.broker.process
        return process.pid if process is not None and process.poll() is None else None

    def restart_broker(self, hub: HubRunner, fleet: LineProcess, console: LineProcess) -> None:
        fleet.send(f"burst {BURST_BEFORE}")  # calls on the wire as the broker goes down
        down_at = time.time()
        self.broker.stop()  # SIGTERM: Mosquitto saves its persistence file, as on a restart
        # The outage itself (these sleeps shape the load; they wait for nothing).
        time.sleep(1.0)
        fleet.send(f"burst {BURST_DURING}")  # calls raised while nobody can hear them
        time.sleep(max(0.0, BROKER_DOWN_S - 1.0))
        refusals = self._start_again()
        up_at = time.time()
        entry: dict[str, Any] = {"down_at_s": round(down_at - self.start_wall, 1),
                                 "down_s": round(up_at - down_at, 1)}
        if refusals:
            entry["start_refused"] = refusals
        deadline = time.monotonic() + BACK_PATIENCE_S
        while time.monotonic() < deadline:
            health = hub.health()
            if health is not None and health.get("broker", {}).get("connected"):
                entry["hub_back_s"] = round(time.time() - up_at, 2)
                break
            time.sleep(0.1)
        for name, process, back in (
                ("kiosks_back_s", fleet, lambda e: e.get("event") == "links"
                 and e["connected"] == e["of"] and e["at"] >= up_at),
                ("console_back_s", console, lambda e: e.get("event") == "link"
                 and e["connected"] and e["at"] >= up_at)):
            try:
                found = process.wait_for(back, max(1.0, deadline - time.monotonic()), name)
                entry[name] = round(found["at"] - up_at, 2)
            except TimeoutError:
                entry[name] = None
        self.restarts.append(entry)

    def _start_again(self) -> list[dict[str, Any]]:
        """Start the broker on its port again (the MosquittoBroker object keeps it).

        If the port is still taken (a socket of the old broker's connections that the
        kernel has not let go of yet), say who holds it and try again each second: the
        outage is then longer, and the report says so."""
        refusals: list[dict[str, Any]] = []
        deadline = time.monotonic() + BACK_PATIENCE_S
        while True:
            try:
                self.broker.start()
                return refusals
            except BrokerError as error:
                holders = subprocess.run(
                    ["ss", "-tanpo", "state", "all", f"( sport = :{self.broker.port} )"],
                    capture_output=True, text=True, check=False).stdout.splitlines()
                refusals.append({"at_s": round(time.time() - self.start_wall, 1),
                                 "error": str(error).splitlines()[-1],
                                 "port_holders": holders[:20]})
                if time.monotonic() > deadline:
                    raise
                time.sleep(1.0)  # the kernel's hold on the port ends by itself

    def run(self, result: BenchResult) -> dict[str, Any]:
        stops: list[Callable[[], None]] = []
        try:
            self.broker.start()
            stops.append(self.broker.stop)
            branch_dir = self.work_dir / "branch"
            config_path = write_branch(branch_dir, self.broker.port, kiosks=self.kiosks,
                                       consoles=1)
            hub = HubRunner(config_path, branch_dir / "hub-data",
                            write_hub_secrets(branch_dir)).start()
            stops.append(hub.stop)
            console_id = console_ids(1)[0]
            console = LineProcess("console", ["bench.soak_console", str(config_path),
                                              console_id, str(self.work_dir / "console")],
                                  self.work_dir / "console.log", OFFSCREEN)
            stops.append(console.stop)
            kiosk_dir = self.work_dir / "kiosks"
            fleet = LineProcess("kiosks", ["bench.soak_kiosks", str(config_path),
                                           str(kiosk_dir), str(self.kiosks), str(SEED)],
                                self.work_dir / "kiosks.log")
            stops.append(fleet.stop)
            ready = console.wait_for(lambda e: e.get("event") == "ready", READY_PATIENCE_S,
                                     "the console ready")
            if not ready.get("signed_in"):
                result.notes.append("The console could not sign staff in: it ran unstaffed.")
            linked = fleet.wait_for(lambda e: e.get("event") == "ready", READY_PATIENCE_S,
                                    "the kiosks ready")
            if linked["connected"] != self.kiosks:
                raise RuntimeError(f"only {linked['connected']} of {self.kiosks} kiosks "
                                   "connected")

            start = time.monotonic()
            self.start_wall = time.time()
            meters = {name: ProcessMeter(pid, sample_s=1.0).start(start) for name, pid in
                      (("hub", hub.pid), ("console", console.process.pid),
                       ("kiosks", fleet.process.pid))}
            sampler = Sampler({"hub": lambda: hub.pid,
                               "console": lambda: console.process.pid,
                               "kiosks": lambda: fleet.process.pid,
                               "broker": self._broker_pid}, start).start()
            fleet.send("go")
            end = start + self.duration_s
            next_restart = start + self.restart_every_s
            while True:
                now = time.monotonic()
                if now >= end:
                    break
                if now >= next_restart:
                    self.restart_broker(hub, fleet, console)
                    next_restart += self.restart_every_s
                    continue
                time.sleep(min(next_restart, end) - now)
            fleet.send("calm")
            sampler.sample()  # the end of the load: the memory figures' end point
            load_end_s = time.monotonic() - start
            usage = {name: meter.stop(time.monotonic()) for name, meter in meters.items()}
            drained_s = self._drain(fleet, console, hub.db_path)
            series = sampler.stop()
            fleet.stop()  # the kiosks close their stores; they are read next
            console.stop()
            hub.stop()
            ledger_raised, ledger_resolved = _ledger(hub.db_path)
            raw = {"fleet": list(fleet.events), "console": list(console.events),
                   "ledger_raised": ledger_raised, "ledger_resolved": ledger_resolved,
                   "stored_raises": _stored_raises(kiosk_dir), "series": series,
                   "usage": usage, "load_end_s": load_end_s, "drained_s": drained_s,
                   "hub_log": _unusual(hub.log_path),
                   "kiosks_log": _unusual(self.work_dir / "kiosks.log"),
                   "console_log": _unusual(self.work_dir / "console.log")}
            self.broker.stop()
            return raw
        finally:
            for stop in reversed(stops):
                stop()

    def _drain(self, fleet: LineProcess, console: LineProcess, db_path: Path) -> float | None:
        """Seconds until every raised call is in the ledger, at the console and closed (at
        the kiosk and in the ledger); None if the deadline came first."""
        began = time.monotonic()
        deadline = began + DRAIN_S
        while time.monotonic() < deadline:
            raised = set(_first(_events(fleet, "raised")))
            closed = set(_first(_events(fleet, "closed")))
            held = set(_first(_events(console, "held")))
            try:
                in_ledger, resolved = _ledger(db_path)
            except sqlite3.Error:
                in_ledger, resolved = {}, {}
            if raised <= closed & held & set(in_ledger) & set(resolved):
                return time.monotonic() - began
            time.sleep(DRAIN_POLL_S)
        return None


def _warm_up_s(duration_s: float) -> float:
    return min(WARM_UP_S, duration_s / 3)


def _memory(name: str, who: str, points: list[tuple[float, float]], warm_up_s: float,
            load_end_s: float, target: bool) -> tuple[list[Figure], dict[str, Any]]:
    window = [(t, m) for t, m in points if warm_up_s <= t <= load_end_s + 1]
    if len(window) < 2:
        return [Figure(f"soak_{name}_rss_growth", f"{who} RSS growth after warm-up", None, "MiB",
                       Target("<=", RSS_GROWTH_MIB, "the soak's flat-memory target")
                       if target else None, note="not measured: too few samples")], {}
    (t0, first), (t1, last) = window[0], window[-1]
    slope = slope_per_hour(window)
    peak = max(m for _, m in points)
    figures = [
        Figure(f"soak_{name}_rss_growth", f"{who} RSS growth, {t0:.0f} s → {t1:.0f} s "
               f"({first:.1f} → {last:.1f} MiB)", last - first, "MiB",
               Target("<=", RSS_GROWTH_MIB, "the soak's flat-memory target") if target
               else None),
        Figure(f"soak_{name}_rss_slope", f"{who} RSS trend after warm-up (least squares "
               f"over {len(window)} samples)", slope, "MiB/h",
               note="" if slope is not None else "not measured: too few samples"),
    ]
    details = {"first_mib": first, "last_mib": last, "peak_mib": peak, "samples": len(window),
               "slope_mib_per_h": None if slope is None else round(slope, 2)}
    return figures, details


def _during_outage(at: float, outages: list[tuple[float, float]]) -> bool:
    return any(down <= at <= up for down, up in outages)


def analyse(raw: dict[str, Any], soak: Soak) -> tuple[list[Figure], list[str], dict[str, Any]]:
    start = soak.start_wall
    reported = _first([e for e in raw["fleet"] if e.get("event") == "raised"])
    closed = _first([e for e in raw["fleet"] if e.get("event") == "closed"])
    held = _first([e for e in raw["console"] if e.get("event") == "held"])
    stored: dict[str, tuple[str, float]] = raw["stored_raises"]
    ledger: dict[str, float] = raw["ledger_raised"]
    resolved: dict[str, float] = raw["ledger_resolved"]
    raised_at = {cid: e["at"] for cid, e in reported.items()}
    for cid, (_kiosk, at) in stored.items():
        raised_at.setdefault(cid, at)
    kiosk_of = {cid: e["kiosk"] for cid, e in reported.items()}
    for cid, (kiosk, _at) in stored.items():
        kiosk_of.setdefault(cid, kiosk)
    calls = set(raised_at)
    not_in_ledger = calls - set(ledger)
    not_at_console = calls - set(held)
    lost = not_in_ledger | not_at_console
    not_closed = calls - set(closed)
    not_resolved = calls - set(resolved)
    outages = [(start + r["down_at_s"] - AROUND_S, start + r["down_at_s"] + r["down_s"])
               for r in soak.restarts]
    while_down = {cid for cid, at in raised_at.items() if _during_outage(at, outages)}
    to_ledger = [ledger[c] - raised_at[c] for c in calls if c in ledger]
    to_console = [held[c]["at"] - raised_at[c] for c in calls if c in held]
    to_close = [closed[c]["at"] - raised_at[c] for c in calls if c in closed]
    down_to_ledger = [ledger[c] - raised_at[c] for c in while_down if c in ledger]
    at_kiosk = sum(1 for c in closed if reported.get(c, {}).get("closes_at_kiosk"))
    pin_retries = [e for e in raw["fleet"] if e.get("event") == "pin_retry"]
    refused = sum(len(r.get("start_refused", [])) for r in soak.restarts)
    console_refused = [e for e in raw["console"] if e.get("event") == "refused"]

    def summary(values: list[float]) -> dict[str, Any] | None:
        return summarise(values).as_dict() if values else None

    def seconds(values: list[float], p: str) -> float | None:
        if not values:
            return None
        return float(getattr(summarise(values), p))

    figures = [
        Figure("soak_calls_raised", "help calls raised at the kiosks", float(len(calls)),
               "count"),
        Figure("soak_calls_raised_broker_down", f"of which raised around a broker restart "
               f"({AROUND_S:g} s before the stop → listening again)", float(len(while_down)),
               "count"),
        Figure("soak_broker_restarts", "broker restarts", float(len(soak.restarts)), "count"),
        Figure("soak_broker_down_max", "longest broker outage (stop → listening again)",
               max((r["down_s"] for r in soak.restarts), default=None), "s",
               note=f"{refused} start(s) refused: port still held (details: restarts)"
               if refused else ""),
        Figure("soak_calls_lost", f"help calls lost (of {len(calls)}): never in the hub's "
               "ledger or never at the console", float(len(lost)), "count",
               Target("==", 0, "the soak requirement: zero lost calls")),
        Figure("soak_calls_not_closed", "help calls not closed at their kiosk by the end of "
               "the drain", float(len(not_closed)), "count",
               Target("==", 0, "every call is cleared")),
        Figure("soak_calls_not_resolved_in_ledger", "help calls with no close in the hub's "
               "ledger", float(len(not_resolved)), "count"),
        Figure("soak_raise_to_ledger_p99", "raise → stored in the hub's ledger, p99",
               seconds(to_ledger, "p99"), "s"),
        Figure("soak_raise_to_ledger_max", "raise → stored in the hub's ledger, max",
               seconds(to_ledger, "max"), "s"),
        Figure("soak_raise_to_console_p99", "raise → at the console, p99",
               seconds(to_console, "p99"), "s"),
        Figure("soak_raise_to_console_max", "raise → at the console, max",
               seconds(to_console, "max"), "s"),
        Figure("soak_down_raise_to_ledger_max", "raised around a restart → stored in the "
               "ledger, max", seconds(down_to_ledger, "max"), "s"),
        Figure("soak_drain", "drain: load end → every call in the ledger, at the console "
               "and closed", raw["drained_s"], "s",
               note="" if raw["drained_s"] is not None
               else f"not reached within {DRAIN_S:.0f} s"),
    ]
    warm_up = _warm_up_s(soak.duration_s)
    memory: dict[str, Any] = {}
    for name, who, target in (("hub", "hub", True), ("console", "console", True),
                              ("kiosks", f"kiosks' process ({soak.kiosks} kiosks)", False)):
        found, memory[name] = _memory(name, who, raw["series"].get(name, []), warm_up,
                                      raw["load_end_s"], target)
        figures.extend(found)
    last_start = (soak.restarts[-1]["down_at_s"] + soak.restarts[-1]["down_s"]
                  if soak.restarts else 0.0)
    broker = [m for t, m in raw["series"].get("broker", []) if t >= last_start]
    memory["broker"] = {"last_start_s": last_start, "end_mib": broker[-1] if broker else None,
                        "peak_mib": max(broker, default=None)}
    figures.append(Figure("soak_broker_rss_end", f"broker RSS at the end of the load (started "
                          f"last at {last_start:.0f} s)", broker[-1] if broker else None, "MiB"))
    usage: dict[str, Usage] = raw["usage"]
    for name in ("hub", "console", "kiosks"):
        figures.append(Figure(f"soak_{name}_cpu", f"{name} CPU over the load (share of one "
                              "core)", usage[name].cpu_share * 100, "%"))
    backs = {key: [r[key] for r in soak.restarts if r.get(key) is not None]
             for key in ("hub_back_s", "kiosks_back_s", "console_back_s")}
    figures.append(Figure("soak_all_kiosks_back_max", "broker up again → every kiosk "
                          "reconnected, worst restart", max(backs["kiosks_back_s"], default=None),
                          "s", note="" if len(backs["kiosks_back_s"]) == len(soak.restarts)
                          else "some restarts: not every kiosk back within "
                          f"{BACK_PATIENCE_S:.0f} s"))

    def row(cid: str) -> str:
        base = raised_at[cid]

        def since(at: float | None) -> str:
            return "-" if at is None else f"{at - base:+.2f}"

        close = closed.get(cid)
        return (f"{cid} {kiosk_of.get(cid, '?')} {base - start:.2f} "
                f"{since(ledger.get(cid))} {since(held[cid]['at'] if cid in held else None)} "
                f"{since(close['at'] if close else None)} "
                f"{(close or {}).get('resolved_by') or '-'}"
                f"{' down' if cid in while_down else ''}")

    ordered = sorted(calls, key=lambda c: raised_at[c])
    details = {
        "duration_s": soak.duration_s, "restart_every_s": soak.restart_every_s,
        "kiosks": soak.kiosks, "warm_up_s": warm_up, "sample_s": SAMPLE_S,
        "broker_down_s": BROKER_DOWN_S, "restarts": soak.restarts,
        "lost": [row(c) for c in sorted(lost, key=lambda c: raised_at[c])],
        "not_in_ledger": sorted(not_in_ledger), "not_at_console": sorted(not_at_console),
        "not_closed": [row(c) for c in sorted(not_closed, key=lambda c: raised_at[c])],
        "reported_not_stored": sorted(set(reported) - set(stored)),
        "stored_not_reported": sorted(set(stored) - set(reported)),
        "closed_at_kiosk": at_kiosk, "closed_elsewhere": len(closed) - at_kiosk,
        "kiosk_pin_retries": len(pin_retries),
        "kiosk_pin_retry_reasons": sorted({f"{e.get('problem')}/{e.get('refusal')}"
                                          for e in pin_retries}),
        "console_refusals": [f"{e['call_id']}: {e['reason']}" for e in console_refused[:20]],
        "raise_to_ledger_s": summary(to_ledger), "raise_to_console_s": summary(to_console),
        "raise_to_closed_s": summary(to_close),
        "down_raise_to_ledger_s": summary(down_to_ledger),
        "memory": memory,
        "usage": {name: {"cpu_share": round(u.cpu_share, 3),
                         "rss_start_mib": round(u.rss_start_mib, 1),
                         "rss_end_mib": round(u.rss_end_mib, 1),
                         "rss_peak_mib": round(u.rss_peak_mib, 1)} for name, u in usage.items()},
        "rss_series_mib": {name: [[t, m] for t, m in points]
                           for name, points in raw["series"].items()},
        "calls_columns": "call_id kiosk raised_s(from start) ledger console closed (s after "
                         "the raise) closed_by [down: raised around a broker restart]",
        "calls": [row(c) for c in ordered],
        "hub_log_warnings": raw["hub_log"], "kiosks_log_warnings": raw["kiosks_log"],
        "console_log_warnings": raw["console_log"],
    }
    notes = [
        f"{soak.kiosks} kiosks (the product's KioskClient with its own store, one process), "
        "the real staff console offscreen (build_console, staff signed in through the hub), "
        "the real hub process and Mosquitto with persistence, all on this 2-core machine.",
        f"The broker was stopped (SIGTERM) every {soak.restart_every_s:g} s, kept down "
        f"{BROKER_DOWN_S:g} s and started again on the same port; {len(soak.restarts)} "
        f"restarts. At each, {BURST_BEFORE} kiosks raise a call just before the stop and "
        f"{BURST_DURING} while the broker is down; {len(while_down)} calls were raised around "
        "a restart in all.",
        f"Closing: {len(closed) - at_kiosk} calls closed by staff at the console (\"I'm "
        f"coming\", then closed), {at_kiosk} at the kiosk (customer says they are fine, staff "
        f"close with a PIN checked by the hub; {len(pin_retries)} PIN attempts retried).",
        "Lost = raised at a kiosk (its store or its process's report) but never in the hub's "
        "ledger or never at the console, after the drain. Memory: growth from the first "
        f"sample after {warm_up:.0f} s of warm-up to the end of the load; target "
        f"≤ {RSS_GROWTH_MIB:g} MiB, with the least-squares slope beside it.",
    ]
    return figures, notes, details


def run(work_dir: Path, duration_s: float = DURATION_S,
        restart_every_s: float = RESTART_EVERY_S, kiosks: int = KIOSKS) -> BenchResult:
    result = BenchResult("bench.soak", f"Soak: {kiosks} kiosks raising and clearing help "
                         f"calls for {duration_s:g} s, the broker restarted every "
                         f"{restart_every_s:g} s (real hub, real console, Mosquitto)")
    soak = Soak(work_dir, duration_s, restart_every_s, kiosks)
    try:
        raw = soak.run(result)
    except Exception:
        print(f"soak failed: its logs, stores and ledger are kept in {_keep(work_dir)}",
              file=sys.stderr, flush=True)
        raise
    figures, notes, details = analyse(raw, soak)
    result.figures.extend(figures)
    result.notes.extend(notes)
    result.details.update(details)
    if any(f.met is False for f in figures):
        result.notes.append(f"A target was missed: the run's logs, stores and ledger are "
                            f"kept in {_keep(work_dir)}.")
    return result


def _keep(work_dir: Path) -> Path:
    """Copy the run's folder out of the temporary one the runner deletes: the evidence."""
    kept = Path(tempfile.mkdtemp(prefix="kiosk-soak-kept-"))
    shutil.copytree(work_dir, kept, dirs_exist_ok=True)
    return kept
