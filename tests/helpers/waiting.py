"""Wait until something a user would notice is true: a liveness timeout, never a speed test."""

from __future__ import annotations

import time
from collections.abc import Callable

PATIENCE_S = 5.0


def wait_until(condition: Callable[[], object], timeout_s: float = PATIENCE_S,
               what: str = "condition") -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        if condition():
            return
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout_s} s waiting for {what}")
        time.sleep(0.01)
