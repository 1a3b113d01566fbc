"""The few statistics the report needs, written out so they can be tested and trusted.

Percentiles are nearest-rank (the smallest sample with at least p % of the samples at or
below it): no interpolation, so a reported p99 is always a latency that really happened,
and with fewer than 100 samples p99 is simply the maximum. That is the conservative reading
a target like "p99 ≤ 50 ms" deserves.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass


def percentile(samples: Sequence[float], p: float) -> float:
    """Nearest-rank percentile of ``samples`` (any order); ``p`` from 0 (exclusive) to 100."""
    if not samples:
        raise ValueError("no samples")
    if not 0 < p <= 100:
        raise ValueError(f"percentile {p} is not in (0, 100]")
    ordered = sorted(samples)
    rank = math.ceil(p / 100 * len(ordered))
    return ordered[max(rank, 1) - 1]


def median(samples: Sequence[float]) -> float:
    """The middle sample (the lower of the two middle ones for an even count)."""
    return percentile(samples, 50)


@dataclass(frozen=True)
class Summary:
    """Latency-like samples summarised; every value in the samples' own unit."""

    count: int
    p50: float
    p95: float
    p99: float
    max: float
    mean: float

    def as_dict(self, digits: int = 3) -> dict[str, float | int]:
        return {k: (round(v, digits) if isinstance(v, float) else v)
                for k, v in asdict(self).items()}


def summarise(samples: Sequence[float]) -> Summary:
    if not samples:
        raise ValueError("no samples")
    return Summary(count=len(samples), p50=percentile(samples, 50),
                   p95=percentile(samples, 95), p99=percentile(samples, 99),
                   max=max(samples), mean=sum(samples) / len(samples))


def ratio(value: float, baseline: float) -> float | None:
    """How many times the baseline ``value`` is; None when the baseline is zero."""
    if baseline == 0:
        return None
    return value / baseline


def rate_per_s(count: int, seconds: float) -> float:
    if seconds <= 0:
        raise ValueError("the duration must be positive")
    return count / seconds
