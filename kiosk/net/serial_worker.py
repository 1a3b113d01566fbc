"""Run a program's message handling on one thread, in order, with a periodic tick.

paho calls back on its own network thread. Every program hands each message to a
``SerialWorker`` so its state is touched by exactly one thread and needs no locks: the hub,
and the kiosk, console and display clients, with or without a screen. How a client's news
then reaches a screen is described once, in :mod:`kiosk.net.qt_bridge`.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)


class SerialWorker:
    def __init__(self, name: str, tick: Callable[[], None] | None = None,
                 tick_s: float = 0.1) -> None:
        self._name = name
        self._tick = tick
        self._tick_s = tick_s
        self._jobs: queue.Queue[Callable[[], object] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._stopping = False

    def start(self) -> SerialWorker:
        self._thread.start()
        return self

    def submit(self, job: Callable[[], object]) -> None:
        if not self._stopping:
            self._jobs.put(job)

    def call(self, job: Callable[[], object], timeout_s: float = 5.0) -> object:
        """Run ``job`` on the worker thread and return its result (for tests and set-up)."""
        done = threading.Event()
        box: list[object] = []
        errors: list[BaseException] = []

        def run() -> None:
            try:
                box.append(job())
            except BaseException as error:
                errors.append(error)
            finally:
                done.set()

        self.submit(run)
        if not done.wait(timeout_s):
            raise TimeoutError(f"{self._name}: job did not finish in {timeout_s} s")
        if errors:
            raise errors[0]
        return box[0]

    def stop(self, timeout_s: float = 5.0) -> None:
        self._stopping = True
        self._jobs.put(None)
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout_s)

    def _run(self) -> None:
        next_tick = time.monotonic() + self._tick_s
        while True:
            timeout = max(0.0, next_tick - time.monotonic()) if self._tick else None
            try:
                job = self._jobs.get(timeout=timeout)
            except queue.Empty:
                job = self._tick
                next_tick = time.monotonic() + self._tick_s
            if job is None:
                if self._stopping:
                    return
                continue
            try:
                job()
            except Exception:  # one bad message must not stop the program
                log.exception("%s: a job failed", self._name)
            if self._tick and time.monotonic() >= next_tick:
                next_tick = time.monotonic() + self._tick_s
                try:
                    self._tick()
                except Exception:
                    log.exception("%s: tick failed", self._name)
