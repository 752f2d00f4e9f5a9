"""Reach counters: one Redis round trip per request, folded by beat.

A request adds to one Redis hash with HINCRBY, sent at once on the
process's own connection (one round trip, store.round_trip; a partner
request's count goes in the script that also checks its answer and its
rate limit, outreach/trip.py). Its fields name only aggregates:

- ``i|DAY|PARTNER|CAMPAIGN|REGION|LOCALE|VARIANT``: an impression;
- ``c|DAY|PARTNER|CAMPAIGN|REGION|LOCALE|VARIANT``: a click-through;
- ``v|DAY|PATH``: a view of a public page (the path, without its query).

When Redis does not answer, the increments wait in the process and go out
with the next request's pipeline once it answers again.

Folding (``fold()``, beat's ``outreach.fold_counts``): the live hash is
renamed to ``fold:ID`` (atomic: increments after that start a new hash);
then, in one database transaction, a ``FoldRecord(ID)`` row is inserted and
every field added to the tables; after the commit the fold key is deleted.
A crash before the commit rolls everything back and leaves the fold key to
the next run; a crash after it leaves a key whose record exists, which the
next run deletes without adding it again. Nothing is lost or doubled.
"""

import atexit
import logging
import threading
import uuid
from collections import Counter
from datetime import date, timedelta

import redis
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from campaign.models import CampaignPage

from . import store
from .models import FoldRecord, PageViewCount, Partner, ReachCount, WarningVariant

logger = logging.getLogger(__name__)

_pending: Counter = Counter()
_pending_lock = threading.Lock()


def today() -> str:
    return timezone.now().date().isoformat()


def reach_field(kind: str, partner, campaign, region, locale, variant) -> str:
    return "|".join(
        [kind, today(), str(partner), str(campaign), region, locale, str(variant)]
    )


def view_field(path: str) -> str:
    return f"v|{today()}|{path}"


def take_pending() -> Counter:
    """What waits in this process, handed to the caller's round trip."""
    if not _pending:  # nearly always: no lock, no copy
        return Counter()
    with _pending_lock:
        waiting = Counter(_pending)
        _pending.clear()
    return waiting


def keep(increments: Counter) -> None:
    """Increments that could not be sent: they wait for the next round trip."""
    with _pending_lock:
        _pending.update(increments)


def add(*fields: str) -> None:
    """Count each field once: one round trip, or kept in the process."""
    increments = take_pending()
    increments.update(fields)
    client = store.client()
    if client is not None:
        name = store.key("counts")

        def busy():
            pipe = client.pipeline(transaction=False)
            for field, amount in increments.items():
                pipe.hincrby(name, field, amount)
            return pipe.execute()

        commands = [
            store.pack("HINCRBY", name, field, amount)
            for field, amount in increments.items()
        ]
        try:
            store.round_trip(client, commands, busy)
            return
        except redis.RedisError:
            store.failed()
            logger.warning("Redis does not answer: counts kept in the process")
    keep(increments)


#: A fold's record is needed only until its key is deleted, seconds later.
KEEP_FOLD_RECORDS = timedelta(days=1)


def pending() -> int:
    with _pending_lock:
        return sum(_pending.values())


def flush_pending() -> None:
    """Send what waits in this process (at fold time and at exit)."""
    if pending():
        add()


# A web process that stops while Redis is away loses what waits in it unless
# Redis is back by then: try once more on the way out.
atexit.register(flush_pending)


# Folding ---------------------------------------------------------------------


def _rename_live(client: redis.Redis) -> str | None:
    fold_id = uuid.uuid4().hex
    try:
        client.rename(store.key("counts"), store.key("fold", fold_id))
    except redis.ResponseError:  # no such key: nothing counted since last time
        return None
    return fold_id


def _parse(values: dict) -> tuple[dict, dict]:
    reach: dict = {}
    views: dict = {}
    for field, amount in values.items():
        amount = int(amount)
        kind, _sep, rest = field.partition("|")
        if kind == "v":
            day, _sep, path = rest.partition("|")
            views[(day, path)] = views.get((day, path), 0) + amount
        elif kind in ("i", "c"):
            parts = rest.split("|")
            if len(parts) != 6:
                continue
            key = tuple(parts)
            row = reach.setdefault(key, [0, 0])
            row[0 if kind == "i" else 1] += amount
    return reach, views


def _upsert_reach(reach: dict) -> None:
    ids = {
        "partner": set(Partner.objects.values_list("pk", flat=True)),
        "variant": set(WarningVariant.objects.values_list("pk", flat=True)),
        "campaign": set(CampaignPage.objects.values_list("pk", flat=True)),
    }
    rows = []
    for (day, partner, campaign, region, locale, variant), counts in reach.items():
        try:
            partner, campaign, variant = int(partner), int(campaign), int(variant)
        except ValueError:
            continue
        if (
            partner in ids["partner"]
            and campaign in ids["campaign"]
            and variant in ids["variant"]
        ):
            row = (date.fromisoformat(day), partner, campaign, region, locale, variant)
            rows.append((*row, *counts))
    if not rows:
        return
    table = ReachCount._meta.db_table
    sql = (
        f"INSERT INTO {table} (day, partner_id, campaign_id, region, locale, "  # noqa: S608
        "variant_id, impressions, clicks) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) "
        "ON CONFLICT (day, partner_id, campaign_id, region, locale, variant_id) "
        f"DO UPDATE SET impressions = {table}.impressions + EXCLUDED.impressions, "
        f"clicks = {table}.clicks + EXCLUDED.clicks"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _page_paths() -> dict[str, tuple[int, str]]:
    """Every campaign page's path (as served) -> (page id, locale code)."""
    paths = {}
    for page in CampaignPage.objects.select_related("locale").only(
        "pk", "url_path", "path", "depth", "locale__language_code"
    ):
        parts = page.get_url_parts()
        if parts:
            paths[parts[2]] = (page.pk, page.locale.language_code)
    return paths


def _upsert_views(views: dict) -> None:
    if not views:
        return
    paths = _page_paths()
    rows: dict = {}
    for (day, path), amount in views.items():
        page = paths.get(path)
        if page is None:  # not a campaign page (home, index, a withdrawn path)
            continue
        key = (date.fromisoformat(day), *page)
        rows[key] = rows.get(key, 0) + amount
    if not rows:
        return
    table = PageViewCount._meta.db_table
    sql = (
        f"INSERT INTO {table} (day, page_id, locale, views) "  # noqa: S608
        "VALUES (%s, %s, %s, %s) ON CONFLICT (day, page_id, locale) "
        f"DO UPDATE SET views = {table}.views + EXCLUDED.views"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(*key, amount) for key, amount in rows.items()])


#: Test hook: called between adding the counts and the commit (a crash there
#: must roll everything back).
before_commit = None


def fold_one(client: redis.Redis, fold_id: str) -> int:
    """Add one renamed hash to the tables, exactly once; returns its fields."""
    name = store.key("fold", fold_id)
    values = client.hgetall(name)
    try:
        with transaction.atomic():
            FoldRecord.objects.create(fold_id=fold_id, fields=len(values))
            reach, views = _parse(values)
            _upsert_reach(reach)
            _upsert_views(views)
            if before_commit is not None:
                before_commit(fold_id)
    except IntegrityError:
        # Folded before (a crash came between the commit and the delete).
        logger.info("fold %s was already added; removing its key", fold_id)
        values = {}
    client.delete(name)
    return len(values)


def fold() -> int:
    """Fold what was counted since last time, and any fold left by a crash."""
    flush_pending()
    client = store.client()
    if client is None:
        return 0
    _rename_live(client)
    total = 0
    for name in client.scan_iter(match=store.key("fold", "*"), count=100):
        total += fold_one(client, name.rsplit(":", 1)[1])
    FoldRecord.objects.filter(folded_at__lt=timezone.now() - KEEP_FOLD_RECORDS).delete()
    return total
