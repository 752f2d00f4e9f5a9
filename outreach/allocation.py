"""Which wording a request gets: evenly, or following the evidence.

Thompson sampling draws a click-through rate for each wording from its
Beta(1 + clicks, 1 + impressions - clicks) posterior and shows the highest;
the floor keeps every wording in the draw a minimum share of the time, so
the report keeps measuring each. The choice depends on no visitor.
"""

import random

from django.db.models import Sum

from .models import ReachCount, Warning

_random = random.SystemRandom()


def totals(warning: Warning) -> dict[int, tuple[int, int]]:
    rows = (
        ReachCount.objects.filter(campaign=warning.campaign_id)
        .values("variant")
        .annotate(shown=Sum("impressions"), followed=Sum("clicks"))
    )
    return {row["variant"]: (row["shown"], row["followed"]) for row in rows}


def shares(warning: Warning, variant_ids: list[int], draws: int = 2000,
           seed: int = 11) -> dict[int, float]:  # fmt: skip
    """The share of requests each wording gets now (shown in the report)."""
    if not follows_evidence(warning, variant_ids):
        return {pk: 1 / len(variant_ids) for pk in variant_ids} if variant_ids else {}
    counts = totals(warning)
    rng = random.Random(seed)  # noqa: S311 (a fixed seed: the report is stable)
    wins = dict.fromkeys(variant_ids, 0)
    for _ in range(draws):
        wins[_draw(rng, counts, variant_ids)] += 1
    floor = min(warning.floor, 1 / len(variant_ids))
    rest = 1 - floor * len(variant_ids)
    return {pk: floor + rest * wins[pk] / draws for pk in variant_ids}


def _draw(rng, counts, variant_ids) -> int:
    best, best_value = variant_ids[0], -1.0
    for pk in variant_ids:
        shown, followed = counts.get(pk, (0, 0))
        value = rng.betavariate(1 + followed, 1 + max(shown - followed, 0))
        if value > best_value:
            best, best_value = pk, value
    return best


def follows_evidence(warning: Warning, variant_ids: list[int]) -> bool:
    return warning.allocation == Warning.Allocation.THOMPSON and len(variant_ids) > 1


def choose(warning: Warning, variant_ids: list[int], counts: dict | None = None) -> int:
    """A wording for one request; ``counts`` are ``totals(warning)`` when the
    caller keeps them (read from the database when not given)."""
    if not follows_evidence(warning, variant_ids):
        return _random.choice(variant_ids)
    floor = min(warning.floor, 1 / len(variant_ids))
    if _random.random() < floor * len(variant_ids):
        return _random.choice(variant_ids)
    return _draw(_random, totals(warning) if counts is None else counts, variant_ids)
