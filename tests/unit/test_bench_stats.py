"""The benchmark report's arithmetic: percentiles, summaries, ratios, targets, Markdown.

A figure in the report is only as good as the statistics under it; these pin down the
definitions the report states (nearest-rank percentiles, a target judged by its own
comparison, a missing figure never shown as a number).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from bench.report import BenchResult, Figure, Target, markdown, not_measured, write_reports
from bench.sim_devices import channel_of
from bench.stats import median, percentile, rate_per_s, ratio, summarise


def test_nearest_rank_percentiles_are_samples_that_happened() -> None:
    samples = [float(n) for n in range(1, 101)]  # 1 .. 100
    random.Random(7).shuffle(samples)
    assert percentile(samples, 50) == 50.0
    assert percentile(samples, 95) == 95.0
    assert percentile(samples, 99) == 99.0
    assert percentile(samples, 100) == 100.0
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0


def test_with_fewer_than_a_hundred_samples_p99_is_the_worst() -> None:
    samples = [1.0] * 40 + [250.0]
    assert percentile(samples, 99) == 250.0
    assert percentile(samples, 95) == 1.0


def test_median_of_an_even_count_is_the_lower_middle() -> None:
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.0


@pytest.mark.parametrize("p", [0, -1, 100.5])
def test_a_percentile_outside_0_to_100_is_refused(p: float) -> None:
    with pytest.raises(ValueError, match="not in"):
        percentile([1.0], p)


def test_no_samples_is_an_error_not_a_zero() -> None:
    with pytest.raises(ValueError, match="no samples"):
        percentile([], 50)
    with pytest.raises(ValueError, match="no samples"):
        summarise([])


def test_summary_holds_count_mean_and_tail() -> None:
    summary = summarise([10.0, 20.0, 30.0, 40.0])
    assert summary.count == 4
    assert summary.mean == 25.0
    assert summary.max == 40.0
    assert summary.p50 == 20.0
    assert summary.as_dict(1)["mean"] == 25.0


def test_ratio_and_rate() -> None:
    assert ratio(50.0, 0.5) == 100.0
    assert ratio(1.0, 0.0) is None
    assert rate_per_s(600, 60.0) == 10.0
    with pytest.raises(ValueError):
        rate_per_s(1, 0.0)


def test_a_target_judges_its_own_comparison() -> None:
    at_most = Target("<=", 50.0)
    assert at_most.met_by(50.0) and not at_most.met_by(50.01)
    assert Target("==", 0).met_by(0.0) and not Target("==", 0).met_by(1.0)
    assert Target(">=", 2).met_by(3.0)
    with pytest.raises(ValueError, match="comparison"):
        Target("<", 1.0)


def test_a_figure_knows_if_it_met_its_target_and_its_ratio() -> None:
    figure = Figure("p99", "help p99", 60.0, "ms", Target("<=", 50.0), baseline=0.5,
                    baseline_label="bare paho")
    assert figure.met is False
    assert figure.ratio == pytest.approx(120.0)
    assert figure.as_dict()["ratio"] == 120.0
    assert Figure("x", "x", 10.0, "ms").met is None  # no target: nothing to judge


def test_a_missing_figure_has_no_value_and_says_why() -> None:
    figure = not_measured("alarm", "alarm painted", "ms", "the console is not built",
                          Target("<=", 50.0))
    assert figure.value is None and figure.met is None and figure.ratio is None
    text = markdown([BenchResult("b", "B", [figure])], {"CPU": "x"},
                    {"started": "now", "command": "python -m bench", "seconds": 1.0})
    assert "not measured: the console is not built" in text
    assert "| alarm painted | — |" in text


def test_reports_are_written_as_markdown_and_json(tmp_path: Path) -> None:
    result = BenchResult("bench.x", "X", [Figure("lost", "calls lost", 0.0, "count",
                                                 Target("==", 0))], notes=["a note"])
    md, js = write_reports([result], {"cores": "2"},
                           {"started": "now", "command": "python -m bench", "seconds": 3.0},
                           tmp_path, "trial")
    assert md.name == "trial.md" and "calls lost" in md.read_text(encoding="utf-8")
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["machine"] == {"cores": "2"}
    assert data["results"][0]["figures"][0]["met"] is True
    assert data["results"][0]["notes"] == ["a note"]


@pytest.mark.parametrize(("topic", "channel"), [
    ("bank/b1/hub/state/queue", "hub/state/queue"),
    ("bank/b1/hub/reply/kiosk-1", "hub/reply"),
    ("bank/b1/kiosk/kiosk-1/help", "kiosk/help"),
    ("bank/b1/console/console-1/help/kiosk-1", "console/help"),
    ("bank/b1/kiosk/kiosk-1/ticket/request", "kiosk/ticket/request"),
    ("odd", "odd"),
])
def test_received_traffic_is_counted_per_channel_without_device_ids(topic: str,
                                                                    channel: str) -> None:
    assert channel_of(topic) == channel
