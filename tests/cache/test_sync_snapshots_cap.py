"""A snapshot rewrite steps aside for releases a bounded number of times."""

from datetime import timedelta

from config import workload
from delivery import snapshots, tasks


def test_a_rewrite_steps_aside_for_releases_at_most_a_few_times(settings, monkeypatch):
    settings.SNAPSHOT_ENABLED = True
    queued, written = [], []
    monkeypatch.setattr(workload, "step_aside", lambda task: timedelta(seconds=5))
    monkeypatch.setattr(snapshots, "sync", lambda urls: written.append(urls) or {})
    monkeypatch.setattr(
        tasks.sync_snapshots,
        "apply_async",
        lambda args, kwargs, **options: queued.append(kwargs["postponed"]),
    )
    urls = ["http://localhost/da-dk/"]
    for postponed in range(tasks.SNAPSHOT_MAX_POSTPONEMENTS + 1):
        tasks.sync_snapshots(urls, postponed=postponed)
    # Each postponement re-queued it once, counting; the last one wrote.
    assert queued == list(range(1, tasks.SNAPSHOT_MAX_POSTPONEMENTS + 1))
    assert written == [urls]
