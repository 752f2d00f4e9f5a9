"""The numbers of the reach report: suppression, Wilson intervals, and how
sure we are which wording leads.

Every count below ``OUTREACH_SUPPRESS_BELOW`` (10) is shown as "<10", and a
rate is shown only when both of its counts are shown: a rate from a small
count would give the count away.
"""

import math
import random
from dataclasses import dataclass

from django.conf import settings

Z95 = 1.959963984540054


def threshold() -> int:
    return settings.OUTREACH_SUPPRESS_BELOW


def shown(count: int) -> str:
    """The count as every report and export shows it."""
    return f"<{threshold()}" if count < threshold() else str(count)


def wilson(successes: int, trials: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a proportion (95% by default)."""
    if trials <= 0:
        return 0.0, 1.0
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    half /= denominator
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass
class Rate:
    impressions: int
    clicks: int

    @property
    def suppressed(self) -> bool:
        return self.impressions < threshold() or self.clicks < threshold()

    @property
    def ctr(self) -> float | None:
        if self.suppressed or not self.impressions:
            return None
        return self.clicks / self.impressions

    @property
    def interval(self) -> tuple[float, float] | None:
        if self.ctr is None:
            return None
        return wilson(self.clicks, self.impressions)

    def cells(self) -> dict:
        interval = self.interval
        return {
            "impressions": shown(self.impressions),
            "clicks": shown(self.clicks),
            "ctr": "" if self.ctr is None else f"{self.ctr:.2%}",
            "interval": "" if interval is None
            else f"{interval[0]:.2%} – {interval[1]:.2%}",
        }  # fmt: skip


def chance_best(rates: dict, draws: int = 4000, seed: int = 2026) -> dict | None:
    """P(each wording has the highest click-through rate), from Beta(1+c,
    1+n-c) posteriors, sampled with a fixed seed so the report is stable.
    None when any wording's counts are suppressed."""
    if len(rates) < 2 or any(rate.suppressed for rate in rates.values()):
        return None
    rng = random.Random(seed)  # noqa: S311 (a statistic, not a secret)
    wins = dict.fromkeys(rates, 0)
    for _ in range(draws):
        drawn = {
            key: rng.betavariate(1 + rate.clicks, 1 + rate.impressions - rate.clicks)
            for key, rate in rates.items()
        }
        wins[max(drawn, key=drawn.get)] += 1
    return {key: wins[key] / draws for key in rates}
