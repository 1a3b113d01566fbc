"""The CUPS command-line tools (`lp`, `lpstat`, `cancel`), run and understood.

The kiosk talks to CUPS only through its standard commands: they are on every Linux that
has CUPS, need no library binding, and each call has a time limit, so a hung print service
costs a few seconds on the printer's thread, never a frozen screen. Output is parsed with
the C locale, so the words below are CUPS's own English whatever the machine's language.

What the tools can tell, and how it is read:

- `lp -d QUEUE FILE` answers "request id is QUEUE-12 (1 file(s))": the job id.
- `lpstat -W not-completed -o QUEUE` lists the jobs still waiting or printing.
- A job that left that list has finished, but `lpstat` does not say how. `cancel` does:
  on a finished job it fails with "already completed" (printed), "already canceled" or
  "already aborted" (not printed). It cannot change a finished job, so asking is safe.
- `lpstat -l -p QUEUE` says whether the queue is enabled and accepting, and its alerts
  (printer-state-reasons such as media-empty-error).
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kiosk.printing.printer import PrinterState

_REQUEST_ID = re.compile(r"request id is (\S+)")
TROUBLE_REASONS = ("media-empty", "media-needed", "media-jam", "jam", "paused", "offline",
                   "door-open", "cover-open", "shutdown", "stopped", "marker-supply-empty")
"""printer-state-reasons (IPP) that mean no ticket will come out."""

Runner = Callable[..., subprocess.CompletedProcess[str]]


class CupsError(RuntimeError):
    """A CUPS command failed; the message is CUPS's own (for the log and the staff)."""


class JobEnd(StrEnum):
    PRINTED = "printed"
    CANCELLED = "cancelled"
    """Cancelled now, or earlier by someone else, or aborted by CUPS: it will not print."""
    UNKNOWN = "unknown"
    """CUPS could not be asked (not running, no answer in time)."""
    FORGOTTEN = "forgotten"
    """CUPS keeps no record of the job any more (job history switched off)."""


@dataclass(frozen=True)
class QueueCheck:
    state: PrinterState
    detail: str


def request_id_of(output: str) -> str | None:
    match = _REQUEST_ID.search(output)
    return match.group(1) if match else None


def job_ids_of(output: str, queue: str) -> set[str]:
    """Job ids in `lpstat -o` output: the first word of each unindented line."""
    prefix = f"{queue}-".lower()
    ids = set()
    for line in output.splitlines():
        if line and not line[0].isspace():
            word = line.split()[0]
            if word.lower().startswith(prefix):
                ids.add(word)
    return ids


def queue_check_of(output: str) -> QueueCheck:
    """The state of a queue from `lpstat -l -p QUEUE` output that CUPS gave."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    if not lines:
        return QueueCheck(PrinterState.ABSENT, "CUPS said nothing about the queue")
    first = lines[0]
    alerts = next((line.partition(":")[2].strip() for line in lines
                   if line.lower().startswith("alerts:")), "")
    reasons = [r for r in re.split(r"[\s,]+", alerts) if r and r != "none"]
    trouble = [r for r in reasons if r.endswith("-error")
               or r.removesuffix("-error") in TROUBLE_REASONS]
    if " disabled since " in first or first.endswith(" disabled"):
        return QueueCheck(PrinterState.FAILED, "queue disabled: " + (alerts or first))
    if any(line.lower() == "rejecting jobs" for line in lines[1:]):
        return QueueCheck(PrinterState.FAILED, "queue is rejecting jobs")
    if trouble:
        return QueueCheck(PrinterState.FAILED, "printer reports " + ", ".join(trouble))
    return QueueCheck(PrinterState.OK, first)


def job_end_of_cancel(returncode: int, output: str) -> JobEnd:
    """What `cancel JOB` said about a job: cancelled now, or already finished how."""
    text = output.lower()
    if returncode == 0:
        return JobEnd.CANCELLED
    if "already completed" in text:
        return JobEnd.PRINTED
    if "already canceled" in text or "already cancelled" in text or "already aborted" in text:
        return JobEnd.CANCELLED
    if "does not exist" in text:
        return JobEnd.FORGOTTEN
    return JobEnd.UNKNOWN


class CupsCommands:
    """One queue's commands. `server`: the CUPS server (host[:port] or a socket path) when
    it is not the machine's default, passed as CUPS_SERVER."""

    def __init__(self, queue: str, *, server: str | None = None, timeout_s: float = 5.0,
                 run: Runner = subprocess.run) -> None:
        self.queue = queue
        self._timeout_s = timeout_s
        self._run = run
        self._env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
        if server is not None:
            self._env["CUPS_SERVER"] = server

    def _call(self, command: Sequence[str]) -> subprocess.CompletedProcess[str]:
        try:
            return self._run(list(command), capture_output=True, text=True,
                             timeout=self._timeout_s, env=self._env, check=False,
                             stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return subprocess.CompletedProcess(list(command), 124, "",
                                               f"{command[0]}: no answer in "
                                               f"{self._timeout_s:g} s")
        except OSError as error:
            return subprocess.CompletedProcess(list(command), 127, "",
                                               f"{command[0]}: {error.strerror or error}")

    def submit(self, path: Path, title: str) -> str:
        """Queue `path`; the job id. Raises CupsError with CUPS's reason."""
        done = self._call(["lp", "-d", self.queue, "-t", title, "--", str(path)])
        job_id = request_id_of(done.stdout)
        if done.returncode != 0 or job_id is None:
            raise CupsError(_said(done) or "lp gave no job id")
        return job_id

    def pending_jobs(self) -> set[str] | None:
        """Jobs of the queue still waiting or printing; None if CUPS could not be asked."""
        done = self._call(["lpstat", "-W", "not-completed", "-o", self.queue])
        return job_ids_of(done.stdout, self.queue) if done.returncode == 0 else None

    def cancel(self, job_id: str) -> JobEnd:
        """Cancel `job_id` if it has not finished; either way, how it ended."""
        done = self._call(["cancel", job_id])
        return job_end_of_cancel(done.returncode, _said(done))

    def cancel_all(self) -> bool:
        """Cancel every job left in the queue (jobs of an earlier run of the kiosk)."""
        return self._call(["cancel", "-a", self.queue]).returncode == 0

    def check_queue(self) -> QueueCheck:
        done = self._call(["lpstat", "-l", "-p", self.queue])
        if done.returncode != 0:
            running = self._call(["lpstat", "-r"])
            why = _said(running) if "not running" in _said(running) else _said(done)
            return QueueCheck(PrinterState.ABSENT, why or "lpstat failed")
        return queue_check_of(done.stdout)

    @property
    def environment(self) -> Mapping[str, str]:
        return self._env


def _said(done: subprocess.CompletedProcess[str]) -> str:
    return " ".join(f"{done.stdout} {done.stderr}".split())
