"""What /healthz checks: the services, the sweep and the workers.

A service check raises when the service does not answer. The sweep and each
worker are *stale* when they were last seen longer ago than the settings
allow (HEALTH_SWEEP_STALE_SECONDS, HEALTH_WORKER_STALE_SECONDS).
"""

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from monitoring import heartbeats


def database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def cache_answers() -> None:
    # The default cache shrugs Redis errors off (config/cache.py), so a
    # value that does not come back is how an outage shows here.
    cache.set("healthz", "ok", timeout=10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("the cache did not return what was just stored")


def broker() -> None:
    from config.celery_app import app

    # Read the URL from settings on each call, not from the app's cached
    # configuration, so the check reports what the settings say now.
    with app.connection_for_write(
        settings.CELERY_BROKER_URL,
        transport_options=settings.CELERY_BROKER_TRANSPORT_OPTIONS,
        connect_timeout=2,
    ) as conn:
        conn.ensure_connection(max_retries=0)


SERVICES = {"database": database, "cache": cache_answers, "broker": broker}


def report() -> dict:
    """Every check by name ("ok" or what is wrong), and the ages seen."""
    checks = {}
    for name, check in SERVICES.items():
        try:
            check()
        except Exception as error:  # a health check reports, it does not raise
            checks[name] = f"error: {type(error).__name__}"
        else:
            checks[name] = "ok"
    try:
        sweep_age, workers = heartbeats.read()
    except Exception as error:
        checks["sweep"] = checks["workers"] = f"unknown: {type(error).__name__}"
        return {"checks": checks, "sweep_age": None, "workers": {}}
    sweep_limit = settings.HEALTH_SWEEP_STALE_SECONDS
    if sweep_age is None:
        checks["sweep"] = "stale: never seen"
    elif sweep_age > sweep_limit:
        checks["sweep"] = f"stale: {sweep_age:.0f} s ago (limit {sweep_limit:g} s)"
    else:
        checks["sweep"] = "ok"
    worker_limit = settings.HEALTH_WORKER_STALE_SECONDS
    stale = sorted(name for name, age in workers.items() if age > worker_limit)
    if not workers:
        checks["workers"] = "stale: no worker seen"
    elif stale:
        checks["workers"] = f"stale: {', '.join(stale)} (limit {worker_limit:g} s)"
    else:
        checks["workers"] = "ok"
    return {
        "checks": checks,
        "sweep_age": None if sweep_age is None else round(sweep_age, 1),
        "workers": {name: round(age, 1) for name, age in sorted(workers.items())},
    }
