"""Prometheus metrics of the publication engine, read at scrape time.

Everything comes from the database (the source of truth) and Redis, so any
web process answers for all of them, whichever processes published: no
per-process counters to add up across gunicorn workers and hosts.
"""

import datetime as dt

import redis
from django.conf import settings
from django.db.models import Count, Q, Sum
from django.utils import timezone
from prometheus_client.core import (
    CollectorRegistry,
    GaugeMetricFamily,
    HistogramMetricFamily,
)

from campaign.models import Release
from monitoring import heartbeats

#: Upper bounds (seconds) of the lateness histogram's buckets.
LATENESS_BUCKETS = (0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300)
#: kombu's Redis lists of one queue: the name, then one per priority step.
PRIORITY_STEPS = ("", "\x06\x163", "\x06\x166", "\x06\x169")


def lateness_histogram() -> HistogramMetricFamily:
    bounds = {
        f"le_{index}": Count("pk", filter=Q(lateness__lte=dt.timedelta(seconds=bound)))
        for index, bound in enumerate(LATENESS_BUCKETS)
    }
    row = Release.objects.filter(lateness__isnull=False).aggregate(
        total=Count("pk"), sum=Sum("lateness"), **bounds
    )
    buckets = [
        (str(float(bound)), row[f"le_{index}"])
        for index, bound in enumerate(LATENESS_BUCKETS)
    ]
    buckets.append(("+Inf", row["total"]))
    total = row["sum"].total_seconds() if row["sum"] else 0.0
    return HistogramMetricFamily(
        "campaign_release_lateness_seconds",
        "How late releases went live after their instant.",
        buckets=buckets,
        sum_value=total,
    )


def release_gauges(now: dt.datetime) -> list[GaugeMetricFamily]:
    by_state = GaugeMetricFamily(
        "campaign_releases",
        "Releases by state (published, failed, blocked...).",
        labels=["state"],
    )
    counts = dict(
        Release.objects.values_list("state").annotate(n=Count("pk")).order_by()
    )
    for state in Release.State.values:
        by_state.add_metric([state], counts.get(state, 0))
    overdue = Release.objects.filter(
        state=Release.State.SCHEDULED, go_live_at__lt=now
    ).order_by("go_live_at")
    oldest = overdue.values_list("go_live_at", flat=True).first()
    return [
        by_state,
        GaugeMetricFamily(
            "campaign_releases_overdue",
            "Scheduled releases whose instant has passed.",
            value=overdue.count(),
        ),
        GaugeMetricFamily(
            "campaign_release_overdue_seconds",
            "How long the oldest overdue release has been waiting (0: none).",
            value=(now - oldest).total_seconds() if oldest else 0.0,
        ),
        GaugeMetricFamily(
            "campaign_releases_blocked",
            "Releases blocked by a missing approval or gate.",
            value=counts.get(Release.State.BLOCKED, 0),
        ),
        GaugeMetricFamily(
            "campaign_releases_failed",
            "Releases that failed for good.",
            value=counts.get(Release.State.FAILED, 0),
        ),
    ]


def queue_depths() -> GaugeMetricFamily:
    gauge = GaugeMetricFamily(
        "campaign_queue_depth",
        "Messages waiting in each Celery queue (Redis broker).",
        labels=["queue"],
    )
    url = settings.CELERY_BROKER_URL
    if not url.startswith(("redis://", "rediss://")):
        return gauge
    queues = (settings.RELEASE_QUEUE, settings.CELERY_TASK_DEFAULT_QUEUE)
    with redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=1) as r:
        with r.pipeline(transaction=False) as pipe:
            for queue in queues:
                for step in PRIORITY_STEPS:
                    pipe.llen(f"{queue}{step}")
            lengths = pipe.execute()
    for index, queue in enumerate(queues):
        steps = len(PRIORITY_STEPS)
        gauge.add_metric([queue], sum(lengths[index * steps : (index + 1) * steps]))
    return gauge


def heartbeat_gauges() -> list[GaugeMetricFamily]:
    sweep_age, workers = heartbeats.read()
    sweep = GaugeMetricFamily(
        "campaign_release_sweep_age_seconds",
        "Seconds since the release sweep last finished (-1: never seen).",
        value=-1 if sweep_age is None else sweep_age,
    )
    worker = GaugeMetricFamily(
        "campaign_worker_heartbeat_age_seconds",
        "Seconds since each Celery worker's last heartbeat.",
        labels=["worker"],
    )
    for name, age in sorted(workers.items()):
        worker.add_metric([name], age)
    return [sweep, worker]


class EngineCollector:
    def collect(self):
        now = timezone.now()
        yield lateness_histogram()
        yield from release_gauges(now)
        try:
            yield queue_depths()
            yield from heartbeat_gauges()
        except redis.RedisError:
            # Redis away: the database's metrics still go out; the missing
            # series are what alerts on absent() notice.
            yield GaugeMetricFamily(
                "campaign_redis_up", "Whether Redis answered this scrape.", value=0
            )
        else:
            yield GaugeMetricFamily(
                "campaign_redis_up", "Whether Redis answered this scrape.", value=1
            )


def registry() -> CollectorRegistry:
    """A registry of these metrics only (no process metrics of one worker)."""
    found = CollectorRegistry(auto_describe=False)
    found.register(EngineCollector())
    return found
