"""What a benchmark hands back, and the two forms of the report: Markdown and JSON.

A figure carries its own target and decides itself whether it met it, so the runner and the
README never re-judge. A figure that could not be measured says why instead of carrying a
number: the report never shows an invented or carried-over value.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

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

    @property
    def met(self) -> bool | None:
        if self.target is None or self.value is None:
            return None
        return self.target.met_by(self.value)

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["met"] = self.met
        data["ratio"] = None if self.ratio is None else round(self.ratio, 2)
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

    def add(self, figure: Figure) -> Figure:
        self.figures.append(figure)
        return figure

    def as_dict(self) -> dict[str, Any]:
        return {"bench": self.bench, "title": self.title, "seconds": round(self.seconds, 1),
                "error": self.error, "figures": [f.as_dict() for f in self.figures],
                "notes": self.notes, "details": self.details}


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


def _with_unit(value: float | None, unit: str) -> str:
    text = _number(value, unit)
    return text if value is None or unit in ("count", "") else f"{text} {unit}"


def _target_text(figure: Figure) -> str:
    target = figure.target
    if target is None:
        return ""
    comparison = {"<=": "≤", ">=": "≥", "==": "="}[target.comparison]
    return f"{comparison} {_with_unit(target.limit, figure.unit)}"


def _met_text(met: bool | None) -> str:
    return {True: "yes", False: "**NO**", None: ""}[met]


def markdown(results: Sequence[BenchResult], machine: dict[str, Any],
             run: dict[str, Any]) -> str:
    lines = ["# Benchmark report", "",
             f"Run {run['started']} with `{run['command']}` in {run['seconds']:.0f} s.", ""]
    if "load_average_at_start" in run:
        lines += [f"Load average (1, 5, 15 min) at the start: {run['load_average_at_start']}, "
                  f"at the end: {run.get('load_average_at_end', '?')}. The benchmarks' own "
                  "processes are part of it; anything well above 2 on a 2-core machine means "
                  "other programs were competing for the CPU.", ""]
    lines += ["## Machine", ""]
    lines += [f"- {name}: {value}" for name, value in machine.items()]
    lines += ["", "## Targets at a glance", "",
              "| figure | value | target | met |", "| --- | --- | --- | --- |"]
    for result in results:
        for figure in result.figures:
            if figure.target is not None:
                value = _with_unit(figure.value, figure.unit) if figure.value is not None \
                    else figure.note
                lines.append(f"| {figure.label} | {value} | {_target_text(figure)} | "
                             f"{_met_text(figure.met)} |")
    for result in results:
        lines += ["", f"## {result.title}", "", f"`{result.bench}`, {result.seconds:.0f} s."]
        if result.error:
            lines += ["", f"**Failed:** {result.error}"]
        if result.figures:
            lines += ["", "| figure | value | target | met | baseline | ratio | note |",
                      "| --- | --- | --- | --- | --- | --- | --- |"]
            for f in result.figures:
                baseline = "" if f.baseline is None else \
                    f"{_with_unit(f.baseline, f.unit)} ({f.baseline_label})"
                ratio = "" if f.ratio is None else f"{f.ratio:.1f}×"
                lines.append(f"| {f.label} | {_with_unit(f.value, f.unit)} | "
                             f"{_target_text(f)} | {_met_text(f.met)} | {baseline} | {ratio} | "
                             f"{f.note} |")
        if result.notes:
            lines.append("")
            lines += [f"- {note}" for note in result.notes]
    return "\n".join(lines) + "\n"


def write_reports(results: Sequence[BenchResult], machine: dict[str, Any],
                  run: dict[str, Any], folder: Path, stem: str = "latest") -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    md_path, json_path = folder / f"{stem}.md", folder / f"{stem}.json"
    md_path.write_text(markdown(results, machine, run), encoding="utf-8")
    payload = {"run": run, "machine": machine, "results": [r.as_dict() for r in results]}
    json_path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n",
                         encoding="utf-8")
    return md_path, json_path
