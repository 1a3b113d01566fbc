"""CPU time and resident memory of another process, from psutil when installed, else /proc.

A benchmark opens a ``ProcessMeter`` on the hub's (or broker's) pid, marks the start of the
load and the end, and reads: CPU used in between as a share of one core, RSS at both marks
and the highest RSS seen by a background sampler in between.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

try:
    import psutil
except ImportError:  # psutil is optional: /proc gives the same numbers on Linux
    psutil = None

_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far."""
    if psutil is not None:
        times = psutil.Process(pid).cpu_times()
        return float(times.user + times.system)
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


def rss_bytes(pid: int) -> int:
    if psutil is not None:
        return int(psutil.Process(pid).memory_info().rss)
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE


@dataclass(frozen=True)
class Usage:
    cpu_share: float
    """CPU seconds per wall second over the window: 1.0 is one core fully busy."""
    cpu_seconds: float
    rss_start_mib: float
    rss_end_mib: float
    rss_peak_mib: float


class ProcessMeter:
    def __init__(self, pid: int, sample_s: float = 0.25) -> None:
        self.pid = pid
        self._sample_s = sample_s
        self._stop = threading.Event()
        self._peak = 0
        self._thread: threading.Thread | None = None
        self._start_cpu = 0.0
        self._start_rss = 0
        self._start_wall = 0.0

    def start(self, wall_now: float) -> ProcessMeter:
        self._start_cpu = cpu_seconds(self.pid)
        self._start_rss = self._peak = rss_bytes(self.pid)
        self._start_wall = wall_now
        self._thread = threading.Thread(target=self._sample, name=f"meter-{self.pid}",
                                        daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(self._sample_s):
            try:
                self._peak = max(self._peak, rss_bytes(self.pid))
            except (OSError, ValueError):
                return  # the process ended
            except Exception as error:  # psutil.NoSuchProcess and friends
                if psutil is not None and isinstance(error, psutil.Error):
                    return
                raise

    def stop(self, wall_now: float) -> Usage:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2)
        cpu = cpu_seconds(self.pid) - self._start_cpu
        rss = rss_bytes(self.pid)
        self._peak = max(self._peak, rss)
        wall = max(wall_now - self._start_wall, 1e-9)
        mib = 1024 * 1024
        return Usage(cpu_share=cpu / wall, cpu_seconds=cpu, rss_start_mib=self._start_rss / mib,
                     rss_end_mib=rss / mib, rss_peak_mib=self._peak / mib)
