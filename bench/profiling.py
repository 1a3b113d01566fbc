"""Where the time goes: a sampling profile (py-spy) of running programs during a benchmark.

``python -m bench --profile`` records the kiosk's and the console's GUI threads and the
whole hub while the help benchmark runs, and the report lists each one's top functions by
share of wall time: **own** (the function itself was running) and **cumulative** (it was
on the stack). py-spy reads the processes from outside (``--nonblocking``: it never pauses
them), so the programs measured are the programs shipped.

- A GUI thread is sampled with its idle time (``--idle``): every sample is a moment of wall
  time, and the event loop's own wait shows as the frame that called ``exec()``. Shares are
  of that thread's samples.
- The hub is sampled only while a thread runs (no ``--idle``, all threads): a share is that
  function's running time over the profile's wall time (elapsed × rate), so the hub's
  threads together may pass 100 %. Under load py-spy may sample less often than asked,
  which makes these shares lower bounds.
"""

from __future__ import annotations

import cProfile
import pstats
import shutil
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RATE_HZ = 100
TOP = 12
GUI_THREAD = "MainThread"


@dataclass(frozen=True)
class Stack:
    thread: str
    frames: tuple[str, ...]
    """Outermost first."""
    count: int


def parse_collapsed(text: str) -> Iterator[Stack]:
    """py-spy's ``--format raw`` with ``--threads``: one stack per line,
    ``thread (ID): NAME;outer (file:line);...;inner (file:line) COUNT``. A line that is
    not one is skipped."""
    for line in text.splitlines():
        stack, _, count = line.strip().rpartition(" ")
        if not stack or not count.isdigit():
            continue
        parts = stack.split(";")
        thread = ""
        if parts[0].startswith("process "):
            parts = parts[1:]
        if parts and parts[0].startswith("thread ("):
            thread = parts[0].split(": ", 1)[1].strip('"') if ": " in parts[0] else ""
            parts = parts[1:]
        if parts:
            yield Stack(thread, tuple(parts), int(count))


@dataclass(frozen=True)
class ProfileSummary:
    process: str
    samples: int
    """The samples the shares are of (a thread's own, or elapsed × rate)."""
    rows: list[tuple[str, float, float]]
    """(function, own share, cumulative share) of wall time, for the top functions by
    either share; largest cumulative first."""
    scope: str

    def top_own(self, count: int) -> list[tuple[str, float]]:
        return sorted(((f, own) for f, own, _ in self.rows), key=lambda r: -r[1])[:count]

    def top_cumulative(self, count: int) -> list[tuple[str, float]]:
        return [(f, cumulative) for f, _, cumulative in self.rows][:count]

    def as_dict(self) -> dict[str, Any]:
        return {"process": self.process, "samples": self.samples, "scope": self.scope,
                "rows": [[f, round(own, 4), round(cumulative, 4)]
                         for f, own, cumulative in self.rows]}


def summarise_stacks(process: str, stacks: Iterable[Stack], *, thread: str | None = None,
                     wall_samples: int | None = None, top: int = TOP) -> ProfileSummary:
    """Top functions by own and cumulative share. ``thread``: only that thread's stacks,
    shares of its samples; else every thread's, shares of ``wall_samples``."""
    own: Counter[str] = Counter()
    cumulative: Counter[str] = Counter()
    taken = 0
    for stack in stacks:
        if thread is not None and stack.thread != thread:
            continue
        taken += stack.count
        prefix = "" if thread is not None else f"[{stack.thread}] "
        own[prefix + stack.frames[-1]] += stack.count
        for frame in set(stack.frames):
            cumulative[prefix + frame] += stack.count
    total = taken if thread is not None else (wall_samples or taken)
    if total == 0:
        return ProfileSummary(process, 0, [], thread or "all threads")
    for frame in [f for f, count in cumulative.items() if count == taken and not own[f]]:
        del cumulative[frame]  # the thread's entry (runpy, main): on every sample, says nothing
    chosen = {f for f, _ in own.most_common(top)} | {f for f, _ in cumulative.most_common(top)}
    rows = sorted(((f, own[f] / total, cumulative[f] / total) for f in chosen),
                  key=lambda r: (-r[2], -r[1], r[0]))
    return ProfileSummary(process, total, rows,
                          f"thread {thread}, wall time" if thread is not None
                          else "all threads, running time over wall time")


def summarise_cprofile(process: str, profiler: cProfile.Profile, *, scope: str, samples: int,
                       top: int = TOP, hide: tuple[str, ...] = ()) -> ProfileSummary:
    """Top functions of a deterministic profile (``cProfile``, wall time) by own and
    cumulative share of the time it recorded; functions named in ``hide`` (the probe's own)
    are left out. ``samples``: what the time was taken over (taps, calls)."""
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    entries = {_cprofile_frame(key): (own, cumulative)
               for key, (_, _, own, cumulative, _) in stats.items()}
    total = sum(own for own, _ in entries.values())
    entries = {frame: times for frame, times in entries.items()
               if not any(name in frame for name in hide)}
    if total <= 0:
        return ProfileSummary(process, samples, [], scope)
    by_own = sorted(entries, key=lambda f: -entries[f][0])[:top]
    by_cumulative = sorted(entries, key=lambda f: -entries[f][1])[:top]
    rows = sorted(((f, entries[f][0] / total, min(1.0, entries[f][1] / total))
                   for f in {*by_own, *by_cumulative}), key=lambda r: (-r[2], -r[1], r[0]))
    return ProfileSummary(process, samples, rows, scope)


def _cprofile_frame(key: tuple[str, int, str]) -> str:
    """``function (file:line)`` as py-spy writes it, the file relative to the checkout."""
    file, line, function = key
    if file == "~":  # a built-in: cProfile names it "<built-in method ...>"
        return function
    root = str(Path(__file__).resolve().parent.parent) + "/"
    return f"{function} ({file.removeprefix(root)}:{line})"


def py_spy() -> str | None:
    return shutil.which("py-spy")


class Recording:
    """``py-spy record`` of one process, from :meth:`start` until :meth:`stop`."""

    def __init__(self, name: str, pid: int, folder: Path, *, gui_thread: bool,
                 rate_hz: int = RATE_HZ) -> None:
        self.name = name
        self.pid = pid
        self.output = folder / f"profile-{name}.txt"
        self.log = folder / f"profile-{name}.log"
        self.gui_thread = gui_thread
        self.rate_hz = rate_hz
        self._process: subprocess.Popen[bytes] | None = None
        self._started = 0.0

    def start(self) -> Recording:
        binary = py_spy()
        if binary is None:
            raise RuntimeError("py-spy is not installed (pip install py-spy)")
        command = [binary, "record", "--pid", str(self.pid), "--rate", str(self.rate_hz),
                   "--format", "raw", "--threads", "--function", "--nonblocking",
                   "--output", str(self.output)]
        if self.gui_thread:
            command.append("--idle")
        with self.log.open("ab") as log:
            self._process = subprocess.Popen(command, stdout=log, stderr=log,
                                             stdin=subprocess.DEVNULL)
        self._started = time.monotonic()
        return self

    def _end(self) -> None:
        process = self._process
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def abandon(self) -> None:
        """Stop recording without reading it (a benchmark that failed)."""
        self._end()

    def stop(self) -> ProfileSummary:
        """Stop recording (py-spy writes its file on SIGINT) and summarise it."""
        elapsed = time.monotonic() - self._started
        if self._process is None:
            raise RuntimeError(f"the {self.name} profile was never started")
        self._end()
        if not self.output.exists():
            raise RuntimeError(f"py-spy wrote no profile of the {self.name}: "
                               f"{self.log.read_text(errors='replace')[-500:]}")
        stacks = list(parse_collapsed(self.output.read_text(errors="replace")))
        if self.gui_thread:
            return summarise_stacks(self.name, stacks, thread=GUI_THREAD)
        return summarise_stacks(self.name, stacks, wall_samples=round(elapsed * self.rate_hz))
