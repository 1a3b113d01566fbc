"""How busy the machine was before and during a benchmark, so a reader can tell a slow
program from a busy machine.

Three readings, all from psutil: the CPU the whole machine used in the second before a
benchmark (every process, this run's leftovers included), the CPU used by every process that
is not this run (the runner and its descendants: brokers, hub, kiosks, consoles, simulated
devices), both as a share of one core, and the 1-minute load average. The machine is judged
on the first two. The load average is shown but not judged: it averages the last minute, so
right after one benchmark it still counts that benchmark's own processes (load 1.5–2.6
before the next stage on an otherwise idle machine), and says little about the present.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import asdict, dataclass
from typing import Any

LOAD_PER_CORE = 0.5
"""For reports made before the machine's CPU was read: a machine was not idle when its
1-minute load before a benchmark exceeded this per core (1.0 on 2 cores)."""
MACHINE_CPU_PERCENT = 25.0
"""A machine is not idle when, in the second before a benchmark, all its processes together
used more than this share of one core..."""
OTHERS_CPU_PERCENT = 20.0
"""... or when other processes use more than this share of one core, before or during."""
PRIME_S = 1.0
"""The window the "before" reading's CPU shares are measured over."""
EVERY_S = 2.0
"""Readings during a benchmark: each one walks every process, so not too often."""
BUSIEST = 3


@dataclass(frozen=True)
class LoadSample:
    load_1min: float
    others_cpu_percent: float
    """CPU used by processes outside this run since the previous reading, % of one core."""
    busiest: tuple[tuple[str, float], ...] = ()
    """The other processes that used the most, (name, % of one core)."""
    machine_cpu_percent: float | None = None
    """CPU used by every process since the previous reading, % of one core."""


def _psutil() -> Any:
    """psutil, imported only where the load is sampled: reading a report needs none."""
    import psutil  # type: ignore[import-untyped]  # no stubs installed

    return psutil


def _own_tree() -> set[int]:
    me = _psutil().Process()
    return {me.pid} | {child.pid for child in me.children(recursive=True)}


class OthersCpu:
    """CPU used by other processes between one :meth:`sample` and the next."""

    def __init__(self) -> None:
        self._at = time.monotonic()
        self._wall = time.time()
        self._totals = self._read()
        _psutil().cpu_percent()  # starts the machine's reading: the next is since now

    def _read(self) -> dict[tuple[int, float], tuple[str, float]]:
        own = _own_tree()
        totals = {}
        for process in _psutil().process_iter(["pid", "name", "create_time", "cpu_times"]):
            info = process.info
            if info["pid"] in own or info["cpu_times"] is None:
                continue
            times = info["cpu_times"]
            totals[(info["pid"], info["create_time"] or 0.0)] = (
                str(info["name"]), float(times.user + times.system))
        return totals

    def sample(self) -> LoadSample:
        # First, so that walking the processes below is not counted as the machine's use.
        machine = float(_psutil().cpu_percent()) * (os.cpu_count() or 1)
        now = time.monotonic()
        totals = self._read()
        elapsed = max(now - self._at, 1e-3)
        used: dict[str, float] = {}
        for key, (name, total) in totals.items():
            if key in self._totals:
                spent = total - self._totals[key][1]
            elif key[1] >= self._wall:  # started since the last reading: all of it since
                spent = total
            else:  # not readable last time: nothing known about when it ran
                continue
            used[name] = used.get(name, 0.0) + max(spent, 0.0)
        self._totals, self._at, self._wall = totals, now, time.time()
        shares = {name: seconds / elapsed * 100 for name, seconds in used.items()}
        busiest = tuple(sorted(((n, round(s, 1)) for n, s in shares.items() if s >= 0.5),
                               key=lambda item: -item[1])[:BUSIEST])
        return LoadSample(os.getloadavg()[0], sum(shares.values()), busiest, machine)


def summarise_load(before: LoadSample, during: list[LoadSample]) -> dict[str, Any]:
    """What the report keeps of one benchmark's readings."""
    return {
        "before": asdict(before),
        "during": {
            "samples": len(during),
            "load_1min_max": max((s.load_1min for s in during), default=None),
            "others_cpu_percent_mean": (sum(s.others_cpu_percent for s in during)
                                        / len(during)) if during else None,
            "others_cpu_percent_max": max((s.others_cpu_percent for s in during),
                                          default=None),
            "busiest": max(during, key=lambda s: s.others_cpu_percent).busiest
            if during else (),
        },
    }


def idle_warning(load: dict[str, Any], cores: int) -> str | None:
    """Why the machine was not idle for a benchmark (None: it was)."""
    reasons = []
    before = load["before"]
    machine = before.get("machine_cpu_percent")
    if machine is not None:
        if machine > MACHINE_CPU_PERCENT:
            reasons.append(f"the machine used {machine:.0f} % of a core in the second before "
                           "the start")
    elif before["load_1min"] > LOAD_PER_CORE * cores:
        reasons.append(f"load average {before['load_1min']:.2f} before the start "
                       f"(> {LOAD_PER_CORE * cores:.1f} on {cores} cores)")
    if before["others_cpu_percent"] > OTHERS_CPU_PERCENT:
        reasons.append(f"other processes used {before['others_cpu_percent']:.0f} % of a core "
                       "before the start")
    during = load["during"]
    worst = during.get("others_cpu_percent_max")
    if worst is not None and worst > OTHERS_CPU_PERCENT:
        busiest = ", ".join(f"{name} {share:.0f} %" for name, share in during["busiest"])
        reasons.append(f"other processes used up to {worst:.0f} % of a core during it"
                       + (f" ({busiest})" if busiest else ""))
    if not reasons:
        return None
    return "the machine was not idle: " + "; ".join(reasons)


def load_text(load: dict[str, Any]) -> str:
    """One line for the report."""
    before, during = load["before"], load["during"]
    machine = before.get("machine_cpu_percent")
    text = "before: " + ("" if machine is None else f"machine {machine:.0f} % of a core, ")
    text += (f"load {before['load_1min']:.2f}, others {before['others_cpu_percent']:.0f} "
             "% of a core")
    if during["samples"]:
        text += (f"; during: load up to {during['load_1min_max']:.2f}, others "
                 f"{during['others_cpu_percent_mean']:.0f} % on average, up to "
                 f"{during['others_cpu_percent_max']:.0f} %")
    return text


class LoadWatch:
    """``with LoadWatch() as watch:`` around a benchmark; then ``watch.summary``."""

    def __init__(self, every_s: float = EVERY_S, prime_s: float = PRIME_S) -> None:
        self._every_s = every_s
        self._prime_s = prime_s
        self._stop = threading.Event()
        self._during: list[LoadSample] = []
        self._thread: threading.Thread | None = None
        self.summary: dict[str, Any] = {}

    def __enter__(self) -> LoadWatch:
        self._cpu = OthersCpu()
        time.sleep(self._prime_s)
        self._before = self._cpu.sample()
        self._thread = threading.Thread(target=self._watch, name="load-watch", daemon=True)
        self._thread.start()
        return self

    def _watch(self) -> None:
        while not self._stop.wait(self._every_s):
            self._during.append(self._cpu.sample())

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.summary = summarise_load(self._before, self._during)
