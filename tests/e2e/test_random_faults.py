"""The seeded random fault run, short enough for CI (``bench.random_faults`` is the long one).

The seed comes from ``KIOSK_FAULT_SEED`` (a failing seed, rerun) or is drawn at random; it
is printed first, with the counts at the end (``pytest -s`` shows them; a failure names the
seed in its message).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from bench.random_faults import FAULTS, FaultRun, schedule

DURATION_S = 45.0
"""Seconds of faults; with start-up and draining the test stays well under three minutes."""


def test_the_same_seed_gives_the_same_schedule_with_every_kind_of_fault() -> None:
    kiosks, consoles = ["kiosk-001", "kiosk-002"], ["console-lobby", "console-1"]
    first = schedule(11, 30.0, kiosks, consoles)
    assert first == schedule(11, 30.0, kiosks, consoles)
    assert first != schedule(12, 30.0, kiosks, consoles)
    assert set(FAULTS) <= {step.action for step in first}


def test_random_faults_lose_nothing_and_double_nothing(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    seed = int(os.environ.get("KIOSK_FAULT_SEED") or random.SystemRandom().randrange(10**6))
    with capsys.disabled():
        print()
        counts = FaultRun(seed, DURATION_S, tmp_path).run()
    assert counts["calls"] > 0 and counts["audit verified"] == 1
