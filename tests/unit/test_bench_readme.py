"""The README's benchmark table: written from the report, and checked against it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.load import LoadSample, summarise_load
from bench.readme import BEGIN, END, main, render
from bench.report import BenchResult, Figure, Target, combine_runs

README = f"# Kiosk\n\n## Benchmarks\n\nText.\n\n{BEGIN}\nold figures\n{END}\n\n## Next\n"


def _report(p99s: tuple[float, ...] = (30.0, 20.0, 60.0), load_before: float = 0.3
            ) -> dict[str, Any]:
    runs = [[BenchResult("bench.ui_help", "Help", [
        Figure("alarm_p99", "touch help → alarm painted, p99", p99, "ms", Target("<=", 50.0)),
        Figure("alarm_p50", "touch help → alarm painted, p50", p99 / 2, "ms"),
    ], load=[summarise_load(LoadSample(load_before, 2.0), [LoadSample(1.5, 4.0)])])]
        for p99 in p99s]
    return {"run": {"started": "2026-12-07 06:00 UTC", "command": "python -m bench",
                    "seconds": 1500.0, "runs": len(p99s),
                    "floor_ms": {"p50": 0.3, "p99": 0.9}},
            "machine": {"CPU": "AMD EPYC", "cores": "2", "RAM": "23.5 GiB", "OS": "Debian 12",
                        "Python": "3.11.7", "Mosquitto": "2.0.11"},
            "results": [r.as_dict() for r in combine_runs(runs)]}


def _files(tmp_path: Path, report: dict[str, Any], readme: str = README) -> list[str]:
    (tmp_path / "latest.json").write_text(json.dumps(report), encoding="utf-8")
    (tmp_path / "README.md").write_text(readme, encoding="utf-8")
    return ["--report", str(tmp_path / "latest.json"), "--readme", str(tmp_path / "README.md")]


def test_the_table_gives_every_targeted_figure_with_its_spread_and_the_run() -> None:
    text = render(_report())
    assert "| touch help → alarm painted, p99 | 30 ms (20–60) | ≤ 50 ms | **NO** |" in text
    assert "p50" not in text.split("| figure")[1]  # no target: not in the table
    assert "2026-12-07 06:00 UTC" in text and "AMD EPYC, 2 cores" in text
    assert "3 runs of every benchmark" in text and "met (worst run)" in text
    assert "Floor (bare paho one-way through Mosquitto, same run): p50 0.30 ms" in text
    assert "the machine was idle" in text


def test_a_busy_machine_is_said_in_the_readme() -> None:
    text = render(_report(load_before=1.5))
    assert "**not idle** for 3 of 3 benchmark runs (see the report)" in text
    assert "load average before a benchmark up to 1.50 on 2 cores" in text


def test_writing_then_checking_agrees_and_leaves_the_rest_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = _files(tmp_path, _report())
    assert main([*args, "--check"]) == 1
    assert "differ from" in capsys.readouterr().err
    assert main(args) == 0
    written = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "old figures" not in written and "30 ms (20–60)" in written
    assert written.startswith("# Kiosk\n\n## Benchmarks\n\nText.\n\n") and \
        written.endswith(f"{END}\n\n## Next\n")
    assert main([*args, "--check"]) == 0


def test_a_new_report_makes_the_check_fail(tmp_path: Path) -> None:
    args = _files(tmp_path, _report())
    assert main(args) == 0
    (tmp_path / "latest.json").write_text(json.dumps(_report((30.0, 25.0, 40.0))),
                                          encoding="utf-8")
    assert main([*args, "--check"]) == 1


def test_a_readme_without_markers_or_a_bad_report_is_a_clear_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(_files(tmp_path, _report(), "# Kiosk\n")) == 2
    assert "no benchmark markers" in capsys.readouterr().err
    args = _files(tmp_path, _report())
    (tmp_path / "latest.json").write_text("{not json", encoding="utf-8")
    assert main(args) == 2
    assert "cannot read the report" in capsys.readouterr().err


def test_a_single_run_report_without_load_is_still_rendered() -> None:
    report = _report((30.0,))
    for result in report["results"]:
        result.pop("load")
        for figure in result["figures"]:
            figure.pop("runs")
    text = render(report)
    assert "| touch help → alarm painted, p99 | 30 ms | ≤ 50 ms | yes |" in text
    assert "Load: not sampled in this run." in text
