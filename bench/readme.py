"""``python -m bench.readme``: write the README's benchmark figures from the latest report.

The table between the markers in README.md is generated from ``bench/reports/latest.json``:
every figure that has a target, as the report gives it (the median of the runs and their
spread, the target, met or not on the worst run), with the run's date, command, machine,
load and floor. ``--check`` writes nothing and fails when the README and the report
disagree, so a figure is never typed by hand nor left behind by a new run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.load import idle_warning
from bench.report import Figure, Target, met_text, target_text, value_text, with_unit

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
REPORT = ROOT / "bench" / "reports" / "latest.json"
BEGIN = "<!-- bench:figures:begin (python -m bench.readme writes this part) -->"
END = "<!-- bench:figures:end -->"


class ReadmeError(Exception):
    """The README or the report cannot be used; the message says which and why."""


def figure_from(data: dict[str, Any]) -> Figure:
    target = data.get("target")
    return Figure(str(data["key"]), str(data["label"]), data.get("value"), str(data["unit"]),
                  None if target is None else Target(target["comparison"], target["limit"],
                                                     target.get("source", "DESIGN.md")),
                  note=str(data.get("note") or ""), runs=tuple(data.get("runs") or ()))


def _load_line(report: dict[str, Any]) -> str:
    loads = [load for result in report["results"] for load in result.get("load") or []]
    if not loads:
        return "Load: not sampled in this run."
    cores = int(report["machine"].get("cores") or 1)
    machines = [load["before"].get("machine_cpu_percent") for load in loads]
    others = max((load["during"]["others_cpu_percent_max"] or 0.0) for load in loads)
    warned = sum(1 for load in loads if idle_warning(load, cores) is not None)
    verdict = "the machine was idle" if not warned else \
        f"**not idle** for {warned} of {len(loads)} benchmark runs (see the report)"
    if None in machines:  # a report made before the machine's CPU was read
        before = max(load["before"]["load_1min"] for load in loads)
        start = f"1-minute load average before a benchmark up to {before:.2f} on {cores} cores"
    else:
        start = (f"the whole machine used up to {max(m for m in machines if m is not None):.0f}"
                 " % of a core in the second before a benchmark")
    return (f"Load: {start}, other programs up to {others:.0f} % of a core during one; "
            f"{verdict}.")


def render(report: dict[str, Any]) -> str:
    """The README's part between the markers (without them)."""
    run, machine = report["run"], report["machine"]
    runs = int(run.get("runs", 1))
    lines = [f"Latest run: {run['started']}, `{run['command']}` "
             f"({'one run' if runs == 1 else f'{runs} runs'} of every benchmark, "
             f"{run['seconds'] / 60:.0f} min); "
             f"{machine.get('CPU', '?')}, {machine.get('cores', '?')} cores, "
             f"{machine.get('RAM', '?')}, {machine.get('OS', '?')}, Python "
             f"{machine.get('Python', '?')}, Mosquitto {machine.get('Mosquitto', '?')}.",
             "", _load_line(report)]
    floor = run.get("floor_ms")
    if floor:
        lines += ["", f"Floor (bare paho one-way through Mosquitto, same run): p50 "
                  f"{with_unit(floor['p50'], 'ms')}, p99 {with_unit(floor['p99'], 'ms')}."]
    spread = "median (min–max of the runs)" if runs > 1 else "measured"
    met = "met (worst run)" if runs > 1 else "met"
    lines += ["", f"| figure | {spread} | target | {met} |", "| --- | --- | --- | --- |"]
    for result in report["results"]:
        if result.get("error"):
            lines.append(f"| {result['title']} | failed: {result['error']} | | |")
        for data in result["figures"]:
            figure = figure_from(data)
            if figure.target is None:
                continue
            value = value_text(figure) if figure.value is not None else figure.note
            lines.append(f"| {figure.label} | {value} | {target_text(figure)} | "
                         f"{met_text(figure.met)} |")
    return "\n".join(lines) + "\n"


def splice(readme: str, block: str) -> str:
    """``readme`` with the part between the markers replaced by ``block``."""
    begin, end = readme.find(BEGIN), readme.find(END)
    if begin < 0 or end < 0 or end < begin:
        raise ReadmeError(f"the README has no benchmark markers ({BEGIN} … {END})")
    return readme[:begin + len(BEGIN)] + "\n" + block + readme[end:]


def read_report(path: Path) -> dict[str, Any]:
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ReadmeError(f"cannot read the report {path}: {error}") from error
    if not isinstance(report, dict) or not {"run", "machine", "results"} <= report.keys():
        raise ReadmeError(f"{path} is not a benchmark report (run, machine, results)")
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.readme",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; fail if the README and the report disagree")
    parser.add_argument("--report", type=Path, default=REPORT, help="the report's JSON")
    parser.add_argument("--readme", type=Path, default=README, help="the README to write")
    args = parser.parse_args(argv)
    try:
        current = args.readme.read_text(encoding="utf-8")
        wanted = splice(current, render(read_report(args.report)))
    except (OSError, ReadmeError) as error:
        print(f"bench.readme: {error}", file=sys.stderr)
        return 2
    if wanted == current:
        return 0
    if args.check:
        print(f"bench.readme: the benchmark figures in {args.readme} differ from "
              f"{args.report}: run `python -m bench.readme`", file=sys.stderr)
        return 1
    args.readme.write_text(wanted, encoding="utf-8")
    print(f"wrote the benchmark figures of {args.report} into {args.readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
