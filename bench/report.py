"""What a benchmark hands back, and the two forms of the report: Markdown and JSON.

A figure carries its own target and decides itself whether it met it, so the runner and the
README never re-judge. A figure that could not be measured says why instead of carrying a
number: the report never shows an invented or carried-over value.

A run of ``--runs N`` measures every benchmark N times; :func:`combine_runs` then gives each
figure the median of the runs as its value, keeps every run's value, and judges the target
on the **worst** run (a figure meets its target only if every run met it).
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from bench.load import idle_warning, load_text
from bench.stats import Summary, median

_COMPARE: dict[str, Callable[[float, float], bool]] = {
    "<=": operator.le, ">=": operator.ge, "==": operator.eq}


@dataclass(frozen=True)
class Target:
    """``value <comparison> limit``, e.g. ``Target("<=", 50, "DESIGN.md")``."""

    comparison: str
    limit: float
    source: str = "DESIGN.md"

    def __post_init__(self) -> None:
        if self.comparison not in _COMPARE:
            raise ValueError(f"unknown comparison {self.comparison!r}")

    def met_by(self, value: float) -> bool:
        return _COMPARE[self.comparison](value, self.limit)


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: float | None
    unit: str
    target: Target | None = None
    baseline: float | None = None
    """The same figure for the baseline, measured in the same run."""
    baseline_label: str = ""
    note: str = ""
    """Why a figure is missing, or what a reader must know to read it."""
    runs: tuple[float | None, ...] = ()
    """Each run's value (None: not measured in that run); empty for a single measurement."""
    network: bool = False
    """A latency through the broker: reported as a ratio to the run's bare paho floor."""
    floor: float | None = None
    """The run's bare paho one-way floor at the same percentile (median over runs)."""

    @property
    def measured_runs(self) -> tuple[float, ...]:
        if not self.runs:
            return () if self.value is None else (self.value,)
        return tuple(v for v in self.runs if v is not None)

    @property
    def spread(self) -> tuple[float, float] | None:
        """(min, max) over the runs, when there was more than one."""
        values = self.measured_runs
        if len(self.runs) < 2 or not values:
            return None
        return min(values), max(values)

    @property
    def worst(self) -> float | None:
        """The run furthest from the target's side (the value itself for one run)."""
        values = self.measured_runs
        if not values:
            return None
        target = self.target
        if target is None or target.comparison == "<=":
            return max(values)
        if target.comparison == ">=":
            return min(values)
        return max(values, key=lambda v: abs(v - target.limit))

    @property
    def met(self) -> bool | None:
        """Judged on the worst run: every run must meet the target."""
        if self.target is None or self.value is None:
            return None
        return all(self.target.met_by(v) for v in self.measured_runs)

    @property
    def floor_ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["met"] = self.met
        data["ratio"] = None if self.ratio is None else round(self.ratio, 2)
        data["runs"] = list(self.runs)
        data["spread"] = None if self.spread is None else list(self.spread)
        data["worst"] = self.worst
        data["floor_ratio"] = None if self.floor_ratio is None else round(self.floor_ratio, 1)
        return data


def not_measured(key: str, label: str, unit: str, reason: str,
                 target: Target | None = None) -> Figure:
    return Figure(key, label, None, unit, target, note=f"not measured: {reason}")


@dataclass
class BenchResult:
    """One benchmark's outcome: its figures, notes for the reader, raw details for JSON."""

    bench: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    error: str | None = None
    load: list[dict[str, Any]] = field(default_factory=list)
    """The machine's load before and during each run (:mod:`bench.load`)."""
    profiles: list[dict[str, Any]] = field(default_factory=list)
    """Sampling profiles taken during the benchmark (:mod:`bench.profiling`), with "run"."""

    def add(self, figure: Figure) -> Figure:
        self.figures.append(figure)
        return figure

    def as_dict(self) -> dict[str, Any]:
        return {"bench": self.bench, "title": self.title, "seconds": round(self.seconds, 1),
                "error": self.error, "figures": [f.as_dict() for f in self.figures],
                "notes": self.notes, "details": self.details, "load": self.load,
                "profiles": self.profiles}


def _combine_figures(runs: Sequence[Figure | None]) -> Figure:
    present = [f for f in runs if f is not None]
    first = present[0]
    values = tuple(None if f is None else f.value for f in runs)
    measured = [v for v in values if v is not None]
    baselines = [f.baseline for f in present if f.baseline is not None]
    floors = [f.floor for f in present if f.floor is not None]
    notes = [f.note for f in present if f.note]
    return replace(first, value=median(measured) if measured else None, runs=values,
                   baseline=median(baselines) if baselines else None,
                   floor=median(floors) if floors else None,
                   note=notes[0] if notes else "")


def combine_runs(runs: Sequence[Sequence[BenchResult]]) -> list[BenchResult]:
    """One result per benchmark from N runs of all of them: each figure's value is the
    median of its runs (a value that happened), every run's value kept, and the target
    judged on the worst run. A figure or benchmark missing from a run counts as not
    measured in that run."""
    order: list[str] = []
    by_bench: dict[str, list[BenchResult | None]] = {}
    for index, results in enumerate(runs):
        for result in results:
            if result.bench not in by_bench:
                order.append(result.bench)
                by_bench[result.bench] = [None] * len(runs)
            by_bench[result.bench][index] = result
    combined = []
    for bench in order:
        present = [r for r in by_bench[bench] if r is not None]
        first = present[0]
        keys: list[str] = []
        for result in present:
            keys += [f.key for f in result.figures if f.key not in keys]
        figures = [_combine_figures([None if r is None else
                                     next((f for f in r.figures if f.key == key), None)
                                     for r in by_bench[bench]]) for key in keys]
        errors = [f"run {n + 1}: {r.error}" for n, r in enumerate(by_bench[bench])
                  if r is not None and r.error]
        notes: list[str] = []
        for result in present:
            notes += [note for note in result.notes if note not in notes]
        combined.append(BenchResult(
            bench, first.title, figures, notes,
            first.details if len(runs) == 1 else {"runs": [
                None if r is None else r.details for r in by_bench[bench]]},
            sum(r.seconds for r in present), "; ".join(errors) or None,
            [load for r in present for load in r.load],
            [{**profile, "run": n + 1} for n, r in enumerate(by_bench[bench]) if r is not None
             for profile in r.profiles]))
    return combined


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "count" or float(value).is_integer() and abs(value) >= 10:
        return f"{value:,.0f}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def with_unit(value: float | None, unit: str) -> str:
    text = _number(value, unit)
    return text if value is None or unit in ("count", "") else f"{text} {unit}"


def target_text(figure: Figure) -> str:
    target = figure.target
    if target is None:
        return ""
    comparison = {"<=": "≤", ">=": "≥", "==": "="}[target.comparison]
    return f"{comparison} {with_unit(target.limit, figure.unit)}"


def met_text(met: bool | None) -> str:
    return {True: "yes", False: "**NO**", None: ""}[met]


def value_text(figure: Figure) -> str:
    """The median, and the spread over the runs when there were several."""
    text = with_unit(figure.value, figure.unit)
    spread = figure.spread
    if spread is not None and figure.value is not None:
        text += f" ({_number(spread[0], figure.unit)}–{_number(spread[1], figure.unit)})"
    return text


def load_warnings(results: Sequence[BenchResult], cores: int) -> list[str]:
    warnings = []
    for result in results:
        for n, load in enumerate(result.load):
            warning = idle_warning(load, cores)
            if warning is not None:
                run = f", run {n + 1}" if len(result.load) > 1 else ""
                warnings.append(f"{result.bench}{run}: {warning}")
    return warnings


def _cores(machine: dict[str, Any]) -> int:
    try:
        return int(machine.get("cores", 0)) or 1
    except (TypeError, ValueError):
        return 1


def markdown(results: Sequence[BenchResult], machine: dict[str, Any],
             run: dict[str, Any]) -> str:
    runs = int(run.get("runs", 1))
    lines = ["# Benchmark report", "",
             f"Run {run['started']} with `{run['command']}` in {run['seconds']:.0f} s.", ""]
    if runs > 1:
        lines += [f"Every benchmark ran {runs} times: a value is the median of the runs, "
                  "with the lowest and highest run in brackets; \"met\" is judged on the "
                  "worst run (every run must meet the target).", ""]
    if run.get("floor_ms"):
        floor = run["floor_ms"]
        lines += [f"Floor (bare paho one-way through Mosquitto, measured in this run): p50 "
                  f"{with_unit(floor['p50'], 'ms')}, p99 {with_unit(floor['p99'], 'ms')}. "
                  "Network figures are also given as a multiple of it (× floor).", ""]
    if "load_average_at_start" in run:
        lines += [f"Load average (1, 5, 15 min) at the start: {run['load_average_at_start']}, "
                  f"at the end: {run.get('load_average_at_end', '?')}.", ""]
    warnings = load_warnings(results, _cores(machine))
    if warnings:
        lines += ["**Warning: the machine was not idle; these figures are not the "
                  "programs' alone.**", ""] + [f"- {w}" for w in warnings] + [""]
    lines += ["## Machine", ""]
    lines += [f"- {name}: {value}" for name, value in machine.items()]
    met_head = "met (worst run)" if runs > 1 else "met"
    lines += ["", "## Targets at a glance", "",
              f"| figure | value | target | {met_head} |", "| --- | --- | --- | --- |"]
    for result in results:
        for figure in result.figures:
            if figure.target is not None:
                value = value_text(figure) if figure.value is not None else figure.note
                lines.append(f"| {figure.label} | {value} | {target_text(figure)} | "
                             f"{met_text(figure.met)} |")
    for result in results:
        lines += ["", f"## {result.title}", "", f"`{result.bench}`, {result.seconds:.0f} s."]
        for n, load in enumerate(result.load):
            run_name = f" (run {n + 1})" if len(result.load) > 1 else ""
            lines += ["", f"Machine load{run_name}: {load_text(load)}."]
        if result.error:
            lines += ["", f"**Failed:** {result.error}"]
        if result.figures:
            lines += ["", f"| figure | value | target | {met_head} | baseline | ratio | "
                      "× floor | note |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
            for f in result.figures:
                baseline = "" if f.baseline is None else \
                    f"{with_unit(f.baseline, f.unit)} ({f.baseline_label})"
                ratio = "" if f.ratio is None else f"{f.ratio:.1f}×"
                floor_ratio = "" if f.floor_ratio is None else f"{f.floor_ratio:.0f}×"
                lines.append(f"| {f.label} | {value_text(f)} | {target_text(f)} | "
                             f"{met_text(f.met)} | {baseline} | {ratio} | {floor_ratio} | "
                             f"{f.note} |")
        if result.notes:
            lines.append("")
            lines += [f"- {note}" for note in result.notes]
        lines += profile_tables(result.profiles)
    return "\n".join(lines) + "\n"


def profile_tables(profiles: Sequence[dict[str, Any]]) -> list[str]:
    """Each profile's top functions: share of wall time running in it (own) and with it on
    the stack (cumulative)."""
    lines: list[str] = []
    for profile in profiles:
        run = f", run {profile['run']}" if "run" in profile else ""
        lines += ["", f"### Profile: {profile['process']} ({profile['scope']}, "
                  f"{profile['samples']:,} samples{run})", ""]
        if not profile["rows"]:
            lines.append("No samples.")
            continue
        lines += ["| function | own | cumulative |", "| --- | --- | --- |"]
        lines += [f"| `{frame}` | {own:.1%} | {cumulative:.1%} |"
                  for frame, own, cumulative in profile["rows"]]
    return lines


def with_floor(results: Sequence[BenchResult], floor: Summary) -> list[BenchResult]:
    """Each network figure given the run's floor at its percentile (p99 for a p99, else
    the p50)."""
    for result in results:
        result.figures = [
            replace(f, floor=floor.p99 if f.key.endswith("p99") else floor.p50)
            if f.network and f.unit == "ms" else f for f in result.figures]
    return list(results)


def write_reports(results: Sequence[BenchResult], machine: dict[str, Any],
                  run: dict[str, Any], folder: Path, stem: str = "latest") -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    md_path, json_path = folder / f"{stem}.md", folder / f"{stem}.json"
    md_path.write_text(markdown(results, machine, run), encoding="utf-8")
    payload = {"run": run, "machine": machine, "results": [r.as_dict() for r in results]}
    json_path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n",
                         encoding="utf-8")
    return md_path, json_path
