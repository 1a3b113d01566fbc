"""Supervising the speech worker process: start it when first needed, give it one job at a
time, and replace it when it crashes or hangs.

Called from the speech service's own thread only (never the GUI thread), so waiting for a
job here blocks nobody a customer can see. A job not answered within `job_timeout_s` means
the worker hung (libespeak stuck in a loop): it is killed and a new one started at once, so
the next sentence has a worker again. A worker that cannot start is not retried for
`restart_backoff_s`: meanwhile every job fails at once, which the service reports promptly
instead of making each sentence wait for a doomed start.

State changes go to `on_state` (from this same thread) so the health can follow them:
starting -> ready, or -> missing (no engine on this machine), or -> failed.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

log = logging.getLogger(__name__)

_EOF = object()
_PACKAGE_PARENT = str(Path(__file__).resolve().parents[2])


class WorkerState(StrEnum):
    NOT_STARTED = "not_started"
    STARTING = "starting"
    READY = "ready"
    MISSING = "missing"
    FAILED = "failed"


class SynthesisFailed(Exception):
    """A sentence could not be synthesised; `reason` is for the log and the listeners."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _WorkerDied(SynthesisFailed):
    """The worker process ended while it had a job."""


StateCallback = Callable[[WorkerState, str], None]


class SupervisedWorker:
    def __init__(self, command: Sequence[str], *, job_timeout_s: float, start_timeout_s: float,
                 restart_backoff_s: float, on_state: StateCallback | None = None,
                 env: Mapping[str, str] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._command = list(command)
        self._job_timeout_s = job_timeout_s
        self._start_timeout_s = start_timeout_s
        self._restart_backoff_s = restart_backoff_s
        self._on_state = on_state
        self._env = dict(env if env is not None else os.environ)
        self._env["PYTHONPATH"] = os.pathsep.join(
            p for p in (_PACKAGE_PARENT, self._env.get("PYTHONPATH", "")) if p)
        self._clock = clock
        self._lock = threading.Lock()
        self._state = WorkerState.NOT_STARTED
        self._detail = ""
        self._voices: frozenset[str] = frozenset()
        self._process: subprocess.Popen[bytes] | None = None
        self._messages: queue.Queue[Any] = queue.Queue()
        self._reader: threading.Thread | None = None
        self._next_start_at = 0.0
        self._job_id = 0
        self.restarts = 0

    @property
    def state(self) -> WorkerState:
        with self._lock:
            return self._state

    @property
    def detail(self) -> str:
        with self._lock:
            return self._detail

    @property
    def voices(self) -> frozenset[str]:
        """Voice ids the engine offers, lower-cased; empty until the worker started once."""
        with self._lock:
            return self._voices

    @property
    def pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None and process.returncode is None else None

    def ensure_ready(self) -> bool:
        """Start the worker if it is not running and a start is allowed now."""
        if self._process is not None and self._process.poll() is None:
            return True
        if self._process is not None:
            self._crashed(f"the speech worker exited with code {self._process.returncode}")
        if self._clock() < self._next_start_at:
            return False
        return self._start()

    def synthesise(self, text: str, voice: str, wpm: int, path: Path) -> int:
        """Synthesise `text` into the WAV `path`; return its frames or raise SynthesisFailed.

        A worker that dies under a job may have died before the job reached it (killed, out
        of memory), so the job is tried once more on the fresh worker; a job that kills two
        workers fails. A hung worker is not given the job again: that would double the wait.
        """
        try:
            return self._run_job(text, voice, wpm, path)
        except _WorkerDied:
            return self._run_job(text, voice, wpm, path)

    def _run_job(self, text: str, voice: str, wpm: int, path: Path) -> int:
        if not self.ensure_ready():
            raise SynthesisFailed(self.detail or "the speech engine is not available")
        assert self._process is not None and self._process.stdin is not None
        self._job_id += 1
        request = {"id": self._job_id, "text": text, "voice": voice, "rate": wpm,
                   "path": str(path)}
        try:
            self._process.stdin.write(json.dumps(request).encode("ascii") + b"\n")
            self._process.stdin.flush()
        except OSError:
            reason = self._crashed("the speech worker stopped accepting jobs")
            self._start()
            raise _WorkerDied(reason) from None
        deadline = self._clock() + self._job_timeout_s
        while True:
            message = self._next_message(deadline)
            if message is None:
                reason = self._crashed(
                    f"the speech worker hung (no answer in {self._job_timeout_s:g} s); restarted")
                self._start()
                raise SynthesisFailed(reason)
            if message is _EOF:
                reason = self._crashed(
                    f"the speech worker crashed (exit code {self._reap()}); restarted")
                self._start()
                raise _WorkerDied(reason)
            if message.get("type") == "result" and message.get("id") in (self._job_id, None):
                if message.get("ok") is True:
                    return int(message.get("frames", 0))
                raise SynthesisFailed(str(message.get("error", "synthesis failed")))

    def close(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            _end_process(process)
        self._join_reader()
        if process is not None:
            _close_pipes(process)

    def _start(self) -> bool:
        self._set_state(WorkerState.STARTING, "starting the speech worker")
        self._join_reader()
        self._messages = queue.Queue()
        try:
            process = subprocess.Popen(self._command, stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, env=self._env)
        except OSError as error:
            return self._start_failed(WorkerState.FAILED, f"cannot run the speech worker: {error}")
        self._process = process
        assert process.stdout is not None
        self._reader = threading.Thread(target=_read_messages, name="speech-worker-reader",
                                        args=(process.stdout, self._messages), daemon=True)
        self._reader.start()
        hello = self._next_message(self._clock() + self._start_timeout_s)
        if hello is None:
            self._kill()
            return self._start_failed(WorkerState.FAILED, "the speech worker did not start "
                                      f"within {self._start_timeout_s:g} s")
        if hello is _EOF:
            return self._start_failed(WorkerState.FAILED, "the speech worker exited at start "
                                      f"with code {self._reap()}")
        if hello.get("type") == "unavailable":
            self._reap()
            return self._start_failed(WorkerState.MISSING,
                                      f"no speech engine: {hello.get('error', '')}")
        voices = frozenset(str(v).lower() for v in hello.get("voices", []))
        with self._lock:
            self._voices = voices
        self._set_state(WorkerState.READY, f"speech worker {process.pid} ready")
        return True

    def _start_failed(self, state: WorkerState, reason: str) -> bool:
        self._process = None
        self._next_start_at = self._clock() + self._restart_backoff_s
        self._set_state(state, reason)
        log.warning("%s", reason)
        return False

    def _crashed(self, reason: str) -> str:
        self._kill()
        self.restarts += 1
        self._set_state(WorkerState.FAILED, reason)
        log.error("%s", reason)
        return reason

    def _next_message(self, deadline: float) -> Any:
        """The next message, `_EOF`, or None at the deadline."""
        while True:
            remaining = deadline - self._clock()
            if remaining <= 0:
                return None
            try:
                return self._messages.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                continue

    def _kill(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.kill()
        if process is not None:
            process.wait()
        self._join_reader()
        if process is not None:
            _close_pipes(process)

    def _reap(self) -> int | None:
        process, self._process = self._process, None
        if process is None:
            return None
        try:
            code = process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            code = process.wait()
        self._join_reader()
        _close_pipes(process)
        return code

    def _join_reader(self) -> None:
        reader, self._reader = self._reader, None
        if reader is not None:
            reader.join(timeout=5)

    def _set_state(self, state: WorkerState, detail: str) -> None:
        with self._lock:
            self._state, self._detail = state, detail
        if self._on_state is not None:
            self._on_state(state, detail)


def _read_messages(stream: IO[bytes], messages: queue.Queue[Any]) -> None:
    for line in stream:
        try:
            message = json.loads(line)
        except ValueError:
            log.warning("speech worker wrote a line that is not JSON: %r", line[:80])
            continue
        if isinstance(message, dict):
            messages.put(message)
    messages.put(_EOF)


def _end_process(process: subprocess.Popen[bytes]) -> None:
    """End of input asks the worker to finish; one that does not is killed."""
    try:
        if process.stdin is not None:
            process.stdin.close()
        process.wait(timeout=2)
    except (OSError, subprocess.TimeoutExpired):
        process.kill()
        process.wait()


def _close_pipes(process: subprocess.Popen[bytes]) -> None:
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            try:
                stream.close()
            except OSError:
                pass
