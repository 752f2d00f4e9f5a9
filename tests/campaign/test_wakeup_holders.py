"""Which release workers hold an upcoming wake-up (campaign/releases/workers.py)."""

from collections import Counter

from django.test import override_settings

from campaign.releases import workers


def test_fewer_than_two_live_workers_leave_it_to_the_shared_queue():
    assert workers.holders(7, []) == []
    assert workers.holders(7, ["releases@a"]) == []


def test_two_distinct_workers_hold_each_wake_up_spread_by_release():
    live = ["releases@a", "releases@b", "releases@c"]
    held = [workers.holders(release_id, live) for release_id in range(30)]
    assert all(len(set(pair)) == workers.COPIES == 2 for pair in held)
    assert all(set(pair) <= set(live) for pair in held)
    assert Counter(name for pair in held for name in pair) == dict.fromkeys(live, 20)


@override_settings(RELEASE_QUEUE="releases")
def test_each_release_worker_has_a_queue_of_its_own():
    assert workers.queue_of("releases@a") == "releases:releases@a"
