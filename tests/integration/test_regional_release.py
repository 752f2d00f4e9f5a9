"""Three regions, three instants: each goes live on its own clock, alone.

A real worker and beat (tests/celery_stack.py) publish; the pages are read
through pytest-django's live server, as the public would read them.
"""

import datetime as dt
import time

import pytest
from django.utils import timezone

from campaign.models import Release
from tests.campaign import builders
from tests.integration import support

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_each_region_goes_live_at_its_own_instant_while_the_others_stay_404(
    celery_stack, live_server
):
    source = support.campaign(builders.campaign_index())
    regions = [
        support.rollout(source, "DK", "Europe/Copenhagen", "da-dk"),
        support.rollout(source, "BE", "Europe/Brussels", "fr-be", "nl-be"),
        support.rollout(source, "AU", "Australia/Sydney", "en-au"),
    ]
    celery_stack.start()
    start = timezone.now().replace(microsecond=0) + dt.timedelta(seconds=3)
    instants = [start + dt.timedelta(seconds=2 * n) for n in range(len(regions))]
    for item, instant in zip(regions, instants, strict=True):
        support.schedule_at(source, item, instant)
    paths = [path for item in regions for path in item.paths()]

    with support.Watcher(live_server.url, paths) as watcher:
        support.wait_until(
            lambda: support.released(*(item.release for item in regions)),
            timeout=instants[-1].timestamp()
            - time.time()
            + support.slack(celery_stack),
            what="every release published",
            logs=celery_stack.logs,
        )
        # Keep watching a moment: a page, once live, stays live.
        time.sleep(0.3)

    for item, instant in zip(regions, instants, strict=True):
        assert item.release.state == Release.State.PUBLISHED, celery_stack.logs()
        due = instant.timestamp()
        for path in item.paths():
            went_live = watcher.first(path)
            assert went_live is not None, (path, watcher.answers[path][-3:])
            answers = watcher.answers[path]
            assert {code for at, code in answers if at < due} <= {404}, path
            assert {code for at, code in answers if at >= went_live} == {200}, path
            # Never early; late only within sweeps of slack (the benchmark,
            # tests/bench/bench_publication.py, measures how late).
            assert due <= went_live, (path, went_live - due)
            assert went_live < due + support.slack(celery_stack), path
            # The regions due later were still 404 until their own instant.
            for later in regions[regions.index(item) + 1 :]:
                for other in later.paths():
                    seen = watcher.codes_between(
                        other, went_live, later.release.go_live_at.timestamp()
                    )
                    assert seen <= {404}, (path, other, seen)
        for page in item.pages:
            assert support.publish_entries(page) == 1, page
