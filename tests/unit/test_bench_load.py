"""The load warning: a report says when other programs shared the machine."""

from __future__ import annotations

from bench.load import LoadSample, idle_warning, load_text, summarise_load
from bench.report import BenchResult, Figure, markdown

IDLE = LoadSample(0.2, 3.0, (), 4.0)


def test_an_idle_machine_gets_no_warning() -> None:
    load = summarise_load(IDLE, [LoadSample(1.8, 4.0), LoadSample(1.9, 12.0)])
    # the run's own processes raise the load during a benchmark: that is not a warning
    assert idle_warning(load, cores=2) is None


def test_a_busy_machine_in_the_second_before_the_start_is_a_warning() -> None:
    warning = idle_warning(summarise_load(LoadSample(0.3, 3.0, (), 60.0), []), cores=2)
    assert warning is not None and "used 60 % of a core in the second before" in warning


def test_the_load_average_left_by_the_previous_benchmark_is_not_a_warning() -> None:
    # A minute's average still counting the last benchmark's own processes; the machine is
    # quiet now.
    assert idle_warning(summarise_load(LoadSample(2.6, 1.0, (), 3.0), []), cores=2) is None
    assert "machine 3 % of a core, load 2.60" in load_text(
        summarise_load(LoadSample(2.6, 1.0, (), 3.0), []))


def test_a_report_without_the_machines_reading_is_judged_on_its_load_average() -> None:
    warning = idle_warning(summarise_load(LoadSample(1.4, 3.0), []), cores=2)
    assert warning is not None and "load average 1.40 before the start" in warning
    assert idle_warning(summarise_load(LoadSample(1.4, 3.0), []), cores=4) is None


def test_other_processes_busy_before_or_during_is_a_warning() -> None:
    before = idle_warning(summarise_load(LoadSample(0.1, 35.0), []), cores=2)
    assert before is not None and "35 % of a core before" in before
    during = idle_warning(summarise_load(IDLE, [
        LoadSample(1.0, 5.0), LoadSample(1.0, 80.0, (("pytest", 75.0),))]), cores=2)
    assert during is not None and "up to 80 % of a core during it (pytest 75 %)" in during


def test_the_report_shows_the_load_and_the_warning() -> None:
    busy = summarise_load(LoadSample(3.0, 150.0, (), 170.0), [LoadSample(4.0, 160.0)])
    result = BenchResult("bench.x", "X", [Figure("a", "a", 1.0, "ms")], load=[busy])
    text = markdown([result], {"cores": "2"},
                    {"started": "now", "command": "python -m bench", "seconds": 1.0})
    assert "**Warning: the machine was not idle" in text
    assert "bench.x: the machine was not idle: the machine used 170 % of a core" in text
    assert f"Machine load: {load_text(busy)}." in text
    quiet = BenchResult("bench.x", "X", [], load=[summarise_load(IDLE, [])])
    assert "Warning" not in markdown([quiet], {"cores": "2"},
                                     {"started": "now", "command": "c", "seconds": 1.0})
