"""Allocation: even by default; following the evidence, with a floor."""

import datetime as dt

import pytest

from outreach import allocation
from outreach.models import ReachCount, Warning

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_even_allocation_shares_alike(world):
    ids = [row.pk for row in world.variants]
    assert allocation.shares(world.warning, ids) == {ids[0]: 0.5, ids[1]: 0.5}


def test_following_the_evidence_favours_the_better_wording_but_keeps_a_floor(world):
    a, b = world.variants
    for variant, followed in ((a, 150), (b, 50)):
        ReachCount.objects.create(
            day=dt.date(2026, 12, 1), partner=world.partner, campaign=world.source,
            region="BE", locale="nl-be", variant=variant, impressions=1000,
            clicks=followed,
        )  # fmt: skip
    world.warning.allocation = Warning.Allocation.THOMPSON
    world.warning.floor = 0.1
    shares = allocation.shares(world.warning, [a.pk, b.pk])
    assert shares[a.pk] > 0.85
    assert shares[b.pk] == pytest.approx(0.1, abs=0.01)
    chosen = [allocation.choose(world.warning, [a.pk, b.pk]) for _ in range(400)]
    assert 0.02 < chosen.count(b.pk) / 400 < 0.25
