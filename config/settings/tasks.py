"""Celery: queues, the release sweep, beat, health and metrics, reach counting."""

import ipaddress

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from config import env
from config.broker import transport_for

from .core import *  # noqa: F403

# Celery: the database holds every schedule; Redis only delivers wake-ups.
CELERY_BROKER_URL = env.string("CELERY_BROKER_URL", REDIS_URL)
CELERY_RESULT_BACKEND = env.string("CELERY_RESULT_BACKEND", REDIS_URL)
#: kombu's Redis transport, kept from crashing the worker when Redis goes
#: away while it holds messages (config/broker.py).
CELERY_BROKER_TRANSPORT = transport_for(CELERY_BROKER_URL)
CELERY_BROKER_TRANSPORT_OPTIONS = {}
CELERY_RESULT_EXPIRES = 3600
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# Releases never wait behind other work: their wake-ups, publishes and
# expiries go to a queue of their own, consumed by worker processes of their
# own (deploy/systemd, run_all); share images and purges use the
# default queue.
CELERY_TASK_DEFAULT_QUEUE = env.string("CELERY_TASK_DEFAULT_QUEUE", "celery")
RELEASE_QUEUE = env.string("RELEASE_QUEUE", "releases")
RELEASE_TASKS = (
    "campaign.sweep_releases",
    "campaign.publish_release",
    "campaign.expire_release",
)
CELERY_TASK_ROUTES = {name: {"queue": RELEASE_QUEUE} for name in RELEASE_TASKS}
#: A worker that does not consume RELEASE_QUEUE lowers its processes'
#: priority by this much at start (os.nice), so that on a busy machine the
#: release workers and the web processes get the processor first
#: (campaign/releases/workers.py). 0 keeps the priority.
BACKGROUND_WORKER_NICE = env.integer("BACKGROUND_WORKER_NICE", 10)
#: The release sweep: publishes what is overdue and hands workers what falls
#: due within the next seconds (campaign/releases/engine.py, HORIZON).
RELEASE_SWEEP_SECONDS = float(env.string("RELEASE_SWEEP_SECONDS", "2"))
# /healthz (monitoring/health.py): the sweep and each worker's heartbeat
# (every 2 s) are stale past these ages, and the answer is 503 naming them.
HEALTH_SWEEP_STALE_SECONDS = float(
    env.string("HEALTH_SWEEP_STALE_SECONDS", str(max(30.0, 5 * RELEASE_SWEEP_SECONDS)))
)
HEALTH_WORKER_STALE_SECONDS = float(env.string("HEALTH_WORKER_STALE_SECONDS", "30"))
# /metrics (Prometheus) answers 404 unless one of these is set; then only a
# request with "Authorization: Bearer <token>", or from one of the networks
# (the peer gunicorn sees: behind nginx, that is nginx), gets the metrics.
METRICS_BEARER_TOKEN = env.string("METRICS_BEARER_TOKEN", "")
METRICS_ALLOWED_NETWORKS = env.strings("METRICS_ALLOWED_NETWORKS")
for _network in METRICS_ALLOWED_NETWORKS:
    try:
        ipaddress.ip_network(_network)
    except ValueError:
        raise ImproperlyConfigured(
            f"METRICS_ALLOWED_NETWORKS: {_network!r} is not a network (10.0.0.0/8)."
        ) from None
CELERY_BEAT_SCHEDULE = {
    "release-sweep": {
        "task": "campaign.sweep_releases",
        "schedule": RELEASE_SWEEP_SECONDS,
        # A sweep nobody picked up in time is useless: the next one replaces it.
        "options": {"expires": max(5.0, 3 * RELEASE_SWEEP_SECONDS)},
    },
}

# Outreach (outreach/): warnings for partner platforms. Reach is counted in
# Redis (one round trip per request) and folded into PostgreSQL by beat.
OUTREACH_REDIS_URL = env.string("OUTREACH_REDIS_URL", REDIS_URL)
OUTREACH_KEY_PREFIX = env.string("OUTREACH_KEY_PREFIX", "outreach")
OUTREACH_FOLD_SECONDS = float(env.string("OUTREACH_FOLD_SECONDS", "10"))
#: How long a web process answers partners from what it loaded (checked
#: against Redis on every request: outreach/snapshot.py) before reloading.
OUTREACH_SNAPSHOT_SECONDS = float(env.string("OUTREACH_SNAPSHOT_SECONDS", "60"))
#: Counts below this are shown as "<10" in every report and export.
OUTREACH_SUPPRESS_BELOW = env.integer("OUTREACH_SUPPRESS_BELOW", 10)
CELERY_BEAT_SCHEDULE["outreach-fold"] = {
    "task": "outreach.fold_counts",
    "schedule": OUTREACH_FOLD_SECONDS,
    "options": {"expires": max(5.0, OUTREACH_FOLD_SECONDS)},
}

# Notifications (notifications/): releases no worker published in time, and
# legal texts coming due, once a day at NOTIFICATIONS_LEGAL_DUE_HOUR (UTC).
NOTIFICATIONS_LATE_SECONDS = float(env.string("NOTIFICATIONS_LATE_SECONDS", "60"))
NOTIFICATIONS_LEGAL_DUE_HOUR = env.integer("NOTIFICATIONS_LEGAL_DUE_HOUR", 6)
CELERY_BEAT_SCHEDULE["notifications-late"] = {
    "task": "notifications.late_releases",
    "schedule": NOTIFICATIONS_LATE_SECONDS,
    "options": {"expires": max(5.0, NOTIFICATIONS_LATE_SECONDS)},
}
CELERY_BEAT_SCHEDULE["notifications-legal-due"] = {
    "task": "notifications.legal_due",
    "schedule": crontab(minute=0, hour=NOTIFICATIONS_LEGAL_DUE_HOUR),
}

#: Drawing a page's two share cards may take this long (checked while it
#: fits the headline); past it the old cards stay and the editor is told.
#: The task's Celery soft time limit is this plus a margin.
SHARE_IMAGE_RENDER_SECONDS = float(env.string("SHARE_IMAGE_RENDER_SECONDS", "30"))
