"""The profile summaries: py-spy's collapsed stacks, and cProfile's records, turned into shares of
time."""

from __future__ import annotations

import cProfile
import time

import pytest

from bench.profiling import Stack, parse_collapsed, summarise_cprofile, summarise_stacks
from bench.report import BenchResult, markdown

RAW = """\
thread (7247): MainThread;<module> (app.py:1);main (app.py:10) 60
thread (7247): MainThread;<module> (app.py:1);main (app.py:10);paint (ui.py:5) 30
thread (7247): MainThread;<module> (app.py:1);main (app.py:10);paint (ui.py:5);text (ui.py:20) 10
thread (7267): worker;Thread.run (threading.py:971);decode (codec.py:3) 25
not a stack line
process 12:"python -m kiosk hub";thread (9): "paho";Client._loop (client.py:1627) 5
"""


def test_collapsed_stacks_are_read_with_their_thread_and_count() -> None:
    stacks = list(parse_collapsed(RAW))
    assert len(stacks) == 5
    assert stacks[0] == Stack("MainThread", ("<module> (app.py:1)", "main (app.py:10)"), 60)
    assert stacks[3].thread == "worker" and stacks[3].frames[-1] == "decode (codec.py:3)"
    assert stacks[4].thread == "paho" and stacks[4].count == 5


def test_a_gui_thread_is_summarised_as_shares_of_its_own_samples() -> None:
    summary = summarise_stacks("kiosk", parse_collapsed(RAW), thread="MainThread")
    assert summary.samples == 100
    rows = {frame: (own, cumulative) for frame, own, cumulative in summary.rows}
    assert rows["main (app.py:10)"] == pytest.approx((0.6, 1.0))
    assert rows["paint (ui.py:5)"] == pytest.approx((0.3, 0.4))
    assert rows["text (ui.py:20)"] == pytest.approx((0.1, 0.1))
    assert "<module> (app.py:1)" not in rows  # on every sample, running nothing itself
    [(busiest, share)] = summary.top_own(1)
    assert busiest == "main (app.py:10)" and share == pytest.approx(0.6)
    assert [f for f, _ in summary.top_cumulative(2)] == ["main (app.py:10)", "paint (ui.py:5)"]


def test_all_threads_are_shares_of_wall_time_and_name_their_thread() -> None:
    summary = summarise_stacks("hub", parse_collapsed(RAW), wall_samples=200)
    rows = {frame: own for frame, own, _ in summary.rows}
    assert rows["[worker] decode (codec.py:3)"] == pytest.approx(25 / 200)
    assert rows["[paho] Client._loop (client.py:1627)"] == pytest.approx(5 / 200)


def test_no_samples_is_an_empty_summary_not_a_division_by_zero() -> None:
    summary = summarise_stacks("console", parse_collapsed(""), thread="MainThread")
    assert summary.samples == 0 and summary.rows == []


def test_the_report_shows_each_profile_as_a_table() -> None:
    profile = summarise_stacks("kiosk", parse_collapsed(RAW), thread="MainThread").as_dict()
    result = BenchResult("bench.ui_help", "Help", profiles=[{**profile, "run": 2}])
    text = markdown([result], {"cores": "2"},
                    {"started": "now", "command": "python -m bench", "seconds": 1.0})
    assert "### Profile: kiosk (thread MainThread, wall time, 100 samples, run 2)" in text
    assert "| `paint (ui.py:5)` | 30.0% | 40.0% |" in text


def _busy(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def _probe() -> None:
    _busy(0.02)


def _work() -> None:
    _busy(0.06)
    _probe()


def test_a_cprofile_summary_gives_shares_of_the_recorded_time_without_the_probe() -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    _work()
    profiler.disable()
    summary = summarise_cprofile("kiosk, settings screen taps", profiler, samples=3,
                                 scope="GUI thread", hide=("_probe",))
    rows = {frame.split(" (")[0]: (own, cumulative) for frame, own, cumulative in summary.rows}
    assert "_probe" not in rows
    assert rows["_work"][1] > 0.9  # on the stack the whole time
    assert 0.5 < rows["_busy"][1] <= 1.0
    assert summary.samples == 3 and summary.scope == "GUI thread"
    frame = next(f for f, _, _ in summary.rows if f.startswith("_work "))
    assert frame.endswith(f"(tests/unit/test_bench_profiling.py:{_work.__code__.co_firstlineno})")
