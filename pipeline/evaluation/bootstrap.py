"""Bootstrap confidence intervals over units, and the paired bootstrap for comparing two systems.

Resampling units (not spans or characters) keeps the dependence between spans of one unit, which is what a
reader of the figures assumes."""
from __future__ import annotations

import random
from typing import Any, Callable, Sequence

Metric = Callable[[Sequence[int]], float]  # a metric of a resample, given as unit indices


def resamples(n: int, rounds: int = 1000, seed: int = 0) -> list[list[int]]:
    rnd = random.Random(seed)
    return [[rnd.randrange(n) for _ in range(n)] for _ in range(rounds)] if n else []


def interval(metric: Metric, n: int, *, rounds: int = 1000, seed: int = 0, level: float = 0.95) -> dict[str, Any]:
    """Point estimate on all units and the percentile interval of `metric` over bootstrap resamples."""
    point = metric(list(range(n)))
    vals = sorted(metric(idx) for idx in resamples(n, rounds, seed))
    if not vals:
        return {"value": point, "low": point, "high": point, "rounds": 0}
    lo = vals[int((1 - level) / 2 * len(vals))]
    hi = vals[min(len(vals) - 1, int((1 + level) / 2 * len(vals)))]
    return {"value": point, "low": lo, "high": hi, "rounds": len(vals)}


def paired(metric_a: Metric, metric_b: Metric, n: int, *, rounds: int = 1000, seed: int = 0,
           level: float = 0.95) -> dict[str, Any]:
    """Difference a - b on the same resamples; significant when the interval excludes zero. `p` is the
    two-sided bootstrap p-value (twice the share of resamples on the far side of zero)."""
    diff = metric_a(list(range(n))) - metric_b(list(range(n)))
    ds = sorted(metric_a(idx) - metric_b(idx) for idx in resamples(n, rounds, seed))
    if not ds:
        return {"difference": diff, "low": diff, "high": diff, "p": 1.0, "significant": False, "rounds": 0}
    lo = ds[int((1 - level) / 2 * len(ds))]
    hi = ds[min(len(ds) - 1, int((1 + level) / 2 * len(ds)))]
    far = sum(d <= 0 for d in ds) if diff > 0 else sum(d >= 0 for d in ds)
    p = min(1.0, 2 * far / len(ds))
    return {"difference": diff, "low": lo, "high": hi, "p": p, "significant": (lo > 0 or hi < 0),
            "rounds": len(ds)}
