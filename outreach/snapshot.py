"""What partner requests read, kept in each process, exact through Redis.

A *snapshot* holds what the API and the card need from the database: the
partners by key digest and by slug, the regions with their locales, and per
(region, locale) the live warning made ready to answer (its wordings in that
locale, its links' targets, the region's helplines with their hours and
closures; ``open_now`` is computed per request from those). A warm request
makes no query.

Versions. A snapshot carries the *version* it was started under, a random
token in Redis (``PREFIX:version``), read before anything is loaded from the
database. Every change that can alter an answer (a page published,
unpublished, moved or deleted, a warning, wording, partner, region,
helpline, opening hours, closure, locale, site or view restriction saved or
deleted; outreach/changes.py) writes a new token: once at once, so later
reads in the same transaction see it, and once after the commit, so that a
snapshot filled from the database before the commit carries an old token.
Each request checks its snapshot's token in the round trip that also
applies its rate limit and counts it (outreach/trip.py); when the token has
changed, the request is answered again from the database under the new one
(and counted then), and the process keeps that new snapshot. So a withdrawal removes the
warning from the first request that follows its commit, in every process.

Without Redis nothing is kept: every request reads the database. A snapshot
is also dropped after ``OUTREACH_SNAPSHOT_SECONDS``: a change whose token
could not be written while Redis was away shows after that long at most,
and the totals that Thompson allocation reads are refreshed as often. Bulk
``QuerySet.update()`` sends no signal and so writes no token; nothing in the
project changes these models that way.
"""

import itertools
import logging
import os
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.signals import setting_changed
from django.db.models import Prefetch
from django.http import HttpResponse

from campaign.models import (
    Region,
    RegionLocale,
)

from . import allocation, counters, keys, live, present, ratelimit, trip
from .models import Partner
from .models.partners import origin_in, parse_origin

logger = logging.getLogger(__name__)

#: The version key outlives any snapshot by far; losing it costs one rebuild.
VERSION_TTL = 7 * 24 * 3600


def new_token() -> str:
    return secrets.token_hex(8)


#: Every round trip proposes a token, used only when Redis has none: made
#: without a system call, from a random part, the process id (forked
#: workers share the random part) and a counter.
_PROPOSAL = secrets.token_hex(8)
_numbers = itertools.count()


def proposal() -> str:
    return f"{_PROPOSAL}.{os.getpid()}.{next(_numbers)}"


@dataclass(frozen=True)
class Caller:
    """A partner as requests need it (no key, no contact)."""

    pk: int
    slug: str
    active: bool
    rate_limit: int
    origins: tuple[str, ...]

    def allows(self, origin: str | None) -> bool:
        return origin_in(origin, self.origins)


def _caller(partner: Partner) -> Caller:
    origins = []
    for line in filter(str.strip, partner.allowed_origins.splitlines()):
        try:
            origins.append(parse_origin(line))
        except ValueError:  # saved past the form's validation: allows nothing
            continue
    return Caller(partner.pk, partner.slug, partner.active, partner.rate_limit,
                  tuple(origins))  # fmt: skip


class Snapshot:
    """One process's view of the database under one version (None: not kept,
    read afresh for one request)."""

    def __init__(self, version: str | None):
        self.version = version
        self.born = time.monotonic()
        self._partners: tuple[dict, dict] | None = None
        self._regions: dict | None = None
        self._offers: dict = {}
        self._totals: dict = {}

    def fresh(self) -> bool:
        return time.monotonic() - self.born < settings.OUTREACH_SNAPSHOT_SECONDS

    # Partners ------------------------------------------------------------------

    def _partner_index(self) -> tuple[dict, dict]:
        found = self._partners
        if found is None:
            by_digest, by_slug = {}, {}
            for partner in Partner.objects.only(
                "pk", "slug", "active", "rate_limit", "allowed_origins", "key_digest"
            ):
                caller = _caller(partner)
                by_digest[partner.key_digest] = caller
                by_slug[partner.slug] = caller
            found = self._partners = (by_digest, by_slug)
        return found

    def by_key(self, key: str) -> Caller | None:
        return self._partner_index()[0].get(keys.digest(key))

    def by_slug(self, slug: str) -> Caller | None:
        return self._partner_index()[1].get(slug)

    def origin_allowed(self, origin: str | None) -> bool:
        """Some active partner may call from ``origin`` (a CORS preflight)."""
        return bool(origin) and any(
            caller.active and caller.allows(origin)
            for caller in self._partner_index()[0].values()
        )

    # Regions and offers --------------------------------------------------------

    def _region_index(self) -> dict:
        found = self._regions
        if found is None:
            links = RegionLocale.objects.select_related("locale").order_by(
                "sort_order", "pk"
            )
            found = {
                region.code: (
                    region,
                    {
                        link.locale.language_code: link.locale
                        for link in region.region_locales.all()
                    },
                )
                for region in Region.objects.prefetch_related(
                    Prefetch("region_locales", queryset=links)
                )
            }
            self._regions = found
        return found

    def offer(self, region_code: str | None, lang: str | None, request):
        """The prepared offer (present.Prepared); raises live.NotFound."""
        code = (region_code or "").strip().upper()
        area = self._region_index().get(code) if code else None
        if area is None:
            raise live.unknown_region(code)
        region, locales = area
        chosen = live.choose_locale(lang, list(locales))
        found = self._offers.get((code, chosen))
        if found is None:
            try:
                offer = live.offer_in(region, locales[chosen])
                found = present.prepare(offer, request)
            except live.NotFound as missing:
                # Kept as its kind and message: a new exception per request.
                found = (type(missing), str(missing))
            self._offers[(code, chosen)] = found
        if isinstance(found, tuple):
            kind, message = found
            raise kind(message)
        return found

    def totals(self, prepared) -> dict | None:
        """Clicks and impressions per wording, for Thompson allocation only."""
        warning = prepared.warning
        if not allocation.follows_evidence(warning, prepared.variant_ids):
            return None
        found = self._totals.get(warning.pk)
        if found is None:
            found = self._totals[warning.pk] = allocation.totals(warning)
        return found


# This process's snapshot ---------------------------------------------------------

_lock = threading.Lock()
_current: Snapshot | None = None


def forget(**kwargs) -> None:
    global _current
    with _lock:
        _current = None


def _kept() -> Snapshot | None:
    snapshot = _current
    return snapshot if snapshot is not None and snapshot.fresh() else None


def _start(version: str) -> Snapshot:
    """The snapshot of ``version``: this process's if it has one, else new."""
    global _current
    with _lock:
        if _current is None or _current.version != version or not _current.fresh():
            _current = Snapshot(version)
        return _current


def _on_setting_changed(setting, **kwargs):
    if setting.startswith("OUTREACH_"):
        forget()


setting_changed.connect(_on_setting_changed, dispatch_uid="outreach.snapshot.forget")


# Serving one request ----------------------------------------------------------------

#: What a request's partner lookup gives: the partner to serve, or the
#: answer that refuses it (no rate limit, nothing counted).
Lookup = Callable[[Snapshot], "Caller | HttpResponse"]


@dataclass
class Result:
    """What to answer: ``refusal``, else 429 (``retry_after``), else 404
    (``missing``), else ``answer`` made from ``prepared``."""

    caller: Caller | None = None
    refusal: HttpResponse | None = None
    retry_after: int = 0
    missing: live.NotFound | None = None
    prepared: object = None
    answer: present.Answer | None = None
    counted_as: str | None = None  # the impression's counter field

    @property
    def body(self) -> dict | None:
        """The answer's body (shared with other requests: read only)."""
        return self.answer.body if self.answer is not None else None


def _decide(snapshot: Snapshot, request, lookup: Lookup, region, lang) -> Result:
    found = lookup(snapshot)
    if not isinstance(found, Caller):
        return Result(refusal=found)
    result = Result(caller=found)
    try:
        result.prepared = snapshot.offer(region, lang, request)
    except live.NotFound as missing:
        result.missing = missing
        return result
    result.answer, result.counted_as = present.answer(
        request, found.pk, result.prepared, snapshot.totals(result.prepared)
    )
    return result


def _limited(result: Result, retry_after: int) -> Result:
    result.retry_after = retry_after
    result.answer = result.counted_as = None
    return result


def _uncached(request, lookup: Lookup, region, lang) -> Result:
    """Redis is away: the database for this request, counts kept in the process."""
    result = _decide(Snapshot(None), request, lookup, region, lang)
    if result.caller is not None:
        retry_after = ratelimit.hit(result.caller.pk, result.caller.rate_limit)
        if retry_after:
            return _limited(result, retry_after)
        if result.counted_as:
            counters.add(result.counted_as)
    return result


def serve(request, lookup: Lookup, region: str | None, lang: str | None) -> Result:
    """Answer one partner request: from this process's snapshot, checked,
    limited and counted in one Redis round trip (two after a change)."""
    snapshot = _kept()
    if snapshot is None:
        try:
            snapshot = _start(trip.read_version(proposal(), VERSION_TTL))
        except trip.Unavailable:
            return _uncached(request, lookup, region, lang)
    result = _decide(snapshot, request, lookup, region, lang)
    caller = result.caller
    window, retry_after = ratelimit.window(caller.pk) if caller else (None, 0)
    try:
        outcome = trip.run(
            snapshot.version,
            proposal(),
            VERSION_TTL,
            window=window,
            limit=caller.rate_limit if caller else -1,
            window_ttl=ratelimit.WINDOW + 1,
            field=result.counted_as,
        )
    except trip.Unavailable:
        return _uncached(request, lookup, region, lang)
    if outcome.version == snapshot.version:
        if caller is not None and outcome.used > caller.rate_limit:
            return _limited(result, retry_after)
        return result
    # Something changed since this snapshot began: answer from the database.
    again = _decide(_start(outcome.version), request, lookup, region, lang)
    if again.caller is None:
        return again
    if caller is not None and caller.pk == again.caller.pk:
        over = outcome.used > again.caller.rate_limit
    else:  # the first answer had no window of this partner's
        retry_after = ratelimit.hit(again.caller.pk, again.caller.rate_limit)
        over = bool(retry_after)
    if over:
        return _limited(again, retry_after)
    if again.counted_as:
        counters.add(again.counted_as)
    return again


def current_snapshot() -> Snapshot:
    """A snapshot checked against Redis now, for answers that count nothing
    (a CORS preflight); read afresh when Redis is away."""
    snapshot = _kept()
    try:
        version = trip.read_version(proposal(), VERSION_TTL)
    except trip.Unavailable:
        return Snapshot(None)
    if snapshot is not None and snapshot.version == version:
        return snapshot
    return _start(version)
