"""A child process that answers in JSON lines: start it, send it commands, wait for events."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.branch import ROOT

Event = dict[str, Any]


class LineProcess:
    def __init__(self, name: str, args: Sequence[str], log_path: Path,
                 env: dict[str, str] | None = None) -> None:
        self.name = name
        log = log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", *args], cwd=ROOT, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=log, text=True, bufsize=1,
            env={**os.environ, **(env or {})})
        log.close()
        self.events: list[Event] = []
        self._changed = threading.Condition()
        threading.Thread(target=self._read, name=f"{name}-reader", daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if isinstance(event, dict):
                with self._changed:
                    self.events.append(event)
                    self._changed.notify_all()
        with self._changed:
            self.events.append({"event": "exited"})
            self._changed.notify_all()

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def wait_for(self, where: Callable[[Event], bool], timeout_s: float, what: str) -> Event:
        """The first event (old or new) for which ``where`` holds."""
        deadline = time.monotonic() + timeout_s
        with self._changed:
            while True:
                for event in self.events:
                    if where(event):
                        return event
                    if event.get("event") == "exited":
                        raise RuntimeError(f"{self.name} exited while waiting for {what}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{self.name}: no {what} within {timeout_s} s")
                self._changed.wait(left)

    def ask(self, command: str, event: str, timeout_s: float) -> Event:
        """Send ``command`` and wait for the next ``event`` it causes."""
        with self._changed:
            start = len(self.events)
        self.send(command)
        deadline = time.monotonic() + timeout_s
        with self._changed:
            while True:
                for found in self.events[start:]:
                    if found.get("event") == event:
                        return found
                    if found.get("event") == "exited":
                        raise RuntimeError(f"{self.name} exited during {command!r}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{self.name}: no {event} after {command!r}")
                self._changed.wait(left)

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                self.send("quit")
                self.process.wait(20)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait(5)
