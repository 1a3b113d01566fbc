"""Figures over several runs: the median as the value, the spread kept, the target judged on
the worst run, and network figures compared with the run's own floor."""

from __future__ import annotations

import json
from pathlib import Path

from bench.report import (
    BenchResult,
    Figure,
    Target,
    combine_runs,
    markdown,
    with_floor,
    write_reports,
)
from bench.stats import summarise

RUN = {"started": "now", "command": "python -m bench --runs 3", "seconds": 1.0, "runs": 3}


def _run(p99: float, lost: float) -> list[BenchResult]:
    return [BenchResult("bench.help", "Help", [
        Figure("help_p99", "help p99", p99, "ms", Target("<=", 50.0), network=True),
        Figure("lost", "calls lost", lost, "count", Target("==", 0)),
    ])]


def test_the_value_is_the_median_of_the_runs_and_the_spread_is_kept() -> None:
    [result] = combine_runs([_run(30.0, 0), _run(20.0, 0), _run(40.0, 0)])
    figure = result.figures[0]
    assert figure.value == 30.0
    assert figure.runs == (30.0, 20.0, 40.0)
    assert figure.spread == (20.0, 40.0)
    assert figure.as_dict()["runs"] == [30.0, 20.0, 40.0]


def test_a_target_is_judged_on_the_worst_run() -> None:
    [result] = combine_runs([_run(30.0, 0), _run(20.0, 1), _run(60.0, 0)])
    help_p99, lost = result.figures
    assert help_p99.value == 30.0 and help_p99.worst == 60.0
    assert help_p99.met is False  # the median meets 50 ms, one run did not
    assert lost.value == 0 and lost.worst == 1 and lost.met is False
    [calm] = combine_runs([_run(30.0, 0), _run(49.0, 0)])
    assert calm.figures[0].met is True


def test_a_figure_missing_from_a_run_is_not_measured_there() -> None:
    partial = [BenchResult("bench.help", "Help", [], error="RuntimeError('no broker')")]
    [result] = combine_runs([_run(30.0, 0), partial, _run(40.0, 0)])
    assert result.figures[0].runs == (30.0, None, 40.0)
    assert result.figures[0].value == 30.0
    assert result.error == "run 2: RuntimeError('no broker')"


def test_network_figures_are_compared_with_the_runs_floor() -> None:
    floor = summarise([0.5] * 98 + [2.0, 2.0])
    [result] = with_floor(_run(30.0, 0), floor)
    help_p99, lost = result.figures
    assert help_p99.floor == 2.0  # the floor's p99 for a p99
    assert help_p99.floor_ratio == 15.0
    assert lost.floor is None  # not a network latency


def test_the_report_shows_the_spread_and_says_how_met_is_judged(tmp_path: Path) -> None:
    combined = combine_runs([_run(30.0, 0), _run(20.0, 0), _run(60.0, 0)])
    text = markdown(combined, {"cores": "2"}, RUN)
    assert "| help p99 | 30 ms (20–60) | ≤ 50 ms | **NO** |" in text
    assert "judged on the worst run" in text
    _md, js = write_reports(combined, {"cores": "2"}, RUN, tmp_path, "trial")
    figure = json.loads(js.read_text(encoding="utf-8"))["results"][0]["figures"][0]
    assert figure["runs"] == [30.0, 20.0, 60.0] and figure["spread"] == [20.0, 60.0]
    assert figure["met"] is False and figure["worst"] == 60.0
