"""The publication engine: plain Python over the ORM, no Celery in here.

Celery tasks (campaign/releases/tasks.py) and management commands call these
functions; tests call them directly with an injected clock.

Exactly one effect: a release row is locked for the whole publish
(``select_for_update(skip_locked=True, of=("self",))`` on PostgreSQL; SQLite serialises
write transactions), its state is re-checked under the lock, and everything
it changes commits together. Running it twice, or again after a crash,
changes nothing more.
"""

import logging
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from campaign.models import CampaignPage, Region, Release, Rollout, source_page

from . import audit, batch, events, limits, readiness, rows, withdrawal

logger = logging.getLogger(__name__)
State = Release.State


@dataclass
class Outcome:
    release_id: int
    result: str  # published, blocked, skipped, locked, not_due, expired
    detail: str = ""
    pages: list[int] = field(default_factory=list)
    #: Other due releases of the region published in the same batch.
    companions: list[int] = field(default_factory=list)


# Scheduling --------------------------------------------------------------


def schedule(
    page: CampaignPage,
    region: Region,
    go_live_at: datetime,
    expire_at: datetime | None = None,
    user=None,
    rollout: Rollout | None = None,
    *,
    operator: str = "",
    now: datetime | None = None,
    allow_past: bool = False,
) -> Release:
    """Schedule (or reschedule) ``page`` in ``region`` at a UTC instant.

    Wall times are read in the region's zone before they get here
    (``campaign.timezones.wall_to_utc``). Every input is checked before
    anything is written, so a refused schedule leaves an existing release
    exactly as it was: both instants lie in ``limits``' window (a past
    go-live only with ``allow_past``, the command's ``--now``).
    ``operator`` names who scheduled it when no admin user did (a command).
    """
    limits.check(
        go_live_at,
        expire_at,
        now or timezone.now(),
        zone=region.zone,
        allow_past=allow_past,
    )
    with transaction.atomic():
        release, _created = Release.objects.select_for_update().get_or_create(
            page=source_page(page), region=region, defaults={"go_live_at": go_live_at}
        )
        release.go_live_at = go_live_at
        release.expire_at = expire_at
        release.state = State.SCHEDULED
        release.rollout = rollout
        release.scheduled_by = user
        release.operator = "" if user is not None else operator[:150]
        # An override was for the plan it was given on, never the next one.
        release.gate_overridden_by = None
        release.override_reason = ""
        release.attempts = 0
        release.last_error = release.blocked_reason = ""
        release.published_at = release.lateness = None
        release.save()
    return release


# Gates --------------------------------------------------------------------


def plan(
    release: Release, now: datetime | None = None, checklist=None
) -> tuple[list[tuple[CampaignPage, object]], list[str]]:
    """What the release would publish, and why it may not.

    Returns (page, revision) pairs for the region's locales, and the reasons
    of the readiness checklist that block it (``readiness``; ``checklist``
    when the caller worked it out already). An override (of this plan only)
    lets a locale with no approval publish its latest revision.
    """
    if checklist is None:
        checklist = readiness.region_readiness(release.page, release.region, now)
    pairs = list(checklist.pairs)
    if release.gate_overridden_by_id:
        done = {page.pk for page, _revision in pairs}
        for page in region_pages(release):
            if page.pk not in done and page.get_latest_revision() is not None:
                pairs.append((page, page.get_latest_revision()))
    return pairs, checklist.reasons


def override_gate(release: Release, user, reason: str) -> Release:
    """Let this plan of a blocked release publish what exists; log who
    allowed it and why. Planning the release again cancels the override."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            _("Say why the release may publish anyway: an override needs a reason."),
            code="reason_required",
        )
    release.gate_overridden_by = user
    release.override_reason = reason
    if release.state == State.BLOCKED:
        release.state = State.SCHEDULED
    release.save(
        update_fields=["gate_overridden_by", "override_reason", "state", "updated_at"]
    )
    log(
        instance=release.page,
        action="campaign.release.override",
        user=user,
        data={
            "region": release.region.code,
            "blocked_because": release.blocked_reason,
            "reason": reason,
        },
    )
    return release


def recheck_blocked(now: datetime | None = None) -> list[int]:
    """Return to scheduled every blocked release whose reasons went away.

    The sweep calls this every tick, so an approval, a sign-off or a new
    helpline unblocks a release by itself; one whose instant has passed is
    published at the next sweep and its lateness recorded.
    """
    now = now or timezone.now()
    unblocked = []
    blocked = Release.objects.filter(
        state=State.BLOCKED, gate_overridden_by__isnull=True
    ).select_related("page", "region")
    for release in blocked:
        if readiness.region_readiness(release.page, release.region, now).reasons:
            continue
        updated = Release.objects.filter(pk=release.pk, state=State.BLOCKED).update(
            state=State.SCHEDULED, blocked_reason="", updated_at=now
        )
        if updated:
            unblocked.append(release.pk)
            logger.info("release %s unblocked: its checklist passes", release.pk)
    return unblocked


# Publishing -----------------------------------------------------------------


def _claim(release_id: int) -> Release | None:
    """The release row, locked for this transaction; None if another worker
    holds it (skip_locked: a second delivery steps aside, never waits)."""
    return (
        Release.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("region", "page", "scheduled_by")
        .filter(pk=release_id)
        .first()
    )


def _settled(release_id: int) -> str:
    """The state of a release no longer scheduled, read without a lock; ""
    otherwise. In a wave most deliveries find their release published by
    its region's batch: one plain query tells them, where claiming the row
    took a transaction and a locking read of four tables."""
    state = Release.objects.filter(pk=release_id).values_list("state", flat=True)
    state = state.first()
    return state if state not in (None, State.SCHEDULED) else ""


#: At most this many due releases of one region publish in one transaction.
BATCH_SIZE = 100


def _claim_companions(release: Release, now: datetime) -> list[Release]:
    """The region's other due releases that no worker holds, locked for this
    transaction: a wave publishes a region's pages in one batch, while the
    other worker process takes another region (skip_locked)."""
    return list(
        Release.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("region", "page", "scheduled_by")
        .filter(region=release.region_id, state=State.SCHEDULED, go_live_at__lte=now)
        .exclude(pk=release.pk)
        .order_by("go_live_at", "pk")[: BATCH_SIZE - 1]
    )


#: What publishing changes on a release row (``attempts`` counted by _gate).
DONE = [
    "state", "published_at", "updated_at", "lateness", "last_error",
    "blocked_reason", "attempts",
]  # fmt: skip


def _checklists(releases: list[Release], now: datetime) -> dict:
    """Per release, its readiness checklist, worked out for all of them at
    once (they share a region): a few queries per batch, not ~15 per
    release. Empty if that fails: each release is then planned alone, and
    one that fails to plan is left to its own delivery."""
    if not releases:
        return {}
    try:
        with transaction.atomic():
            checklists = readiness.campaigns_readiness(
                [release.page for release in releases], releases[0].region, now
            )
    except Exception:
        logger.exception("readiness of %s releases at once failed", len(releases))
        return {}
    return {
        release.pk: checklist
        for release, checklist in zip(releases, checklists, strict=True)
    }


def _savepoint_if_it_queries(release: Release, checklist):
    """A savepoint around gating ``release``, so that a query that fails
    there leaves the batch's transaction usable; none when the gate only
    reads a checklist worked out already (one round trip less a release)."""
    if checklist is None or checklist.reasons or release.gate_overridden_by_id:
        return transaction.atomic()
    return nullcontext()


def _gate(release: Release, now: datetime, checklist=None):
    """(pairs, reasons) of a claimed release, or None once it is blocked."""
    release.attempts += 1
    pairs, reasons = plan(release, now, checklist)
    if reasons and not release.gate_overridden_by_id:
        release.state = State.BLOCKED
        release.blocked_reason = " ".join(reasons)
        release.save()
        logger.warning("release %s blocked: %s", release.pk, release.blocked_reason)
        events.release_blocked.send(sender=Release, release=release)
        return None
    return pairs, reasons


def _publish_pages(planned) -> dict[int, list[int]]:
    """Publish the pages of planned releases in one batch; per release, the
    pages it published."""
    items = []
    for release, (pairs, _reasons) in planned:
        data = audit.entry_data(release, "publish")
        items += [(page, rev, release.scheduled_by, data) for page, rev in pairs]
    done = set(batch.publish(items))
    return {
        release.pk: [page.pk for page, _rev in pairs if page.pk in done]
        for release, (pairs, _reasons) in planned
    }


def publish_release(release_id: int, now: datetime | None = None) -> Outcome:
    """Publish a due release, exactly once. Safe to call any number of times.

    The region's other due releases that no worker holds are claimed and
    published with it, in the same transaction and one batch (``batch``);
    their own deliveries then find them published (or held: "locked").
    One that fails to plan is left to its own delivery; if the batch fails,
    this release alone is tried again as a batch of one.

    ``now`` is injected by tests; in production the wall clock is read.
    """
    clock = (lambda: now) if now else timezone.now
    now = clock()
    settled = _settled(release_id)
    if settled:
        return Outcome(release_id, "skipped", settled)
    try:
        with transaction.atomic():
            release = _claim(release_id)
            if release is None:
                return Outcome(release_id, "locked", "held by another worker, or gone")
            if release.state != State.SCHEDULED:
                return Outcome(release_id, "skipped", release.state)
            if release.go_live_at > now:
                return Outcome(release_id, "not_due")
            gated = _gate(release, now)
            if gated is None:
                return Outcome(release_id, "blocked", release.blocked_reason)
            planned = [(release, gated)]
            companions = _claim_companions(release, now)
            checklists = _checklists(companions, now)
            for companion in companions:
                checklist = checklists.get(companion.pk)
                try:
                    with _savepoint_if_it_queries(companion, checklist):
                        gated = _gate(companion, now, checklist)
                except Exception:
                    logger.exception("release %s left to its own task", companion.pk)
                    continue
                if gated is not None:
                    planned.append((companion, gated))
            try:
                with transaction.atomic():
                    published = _publish_pages(planned)
            except Exception:
                if len(planned) == 1:
                    raise
                logger.exception("batch of %s releases failed", len(planned))
                planned = planned[:1]
                published = _publish_pages(planned)
            at, written = clock(), timezone.now()
            for member, (_pairs, reasons) in planned:
                member.state = State.PUBLISHED
                member.published_at, member.updated_at = at, written
                member.lateness = at - member.go_live_at
                member.last_error = ""
                member.blocked_reason = " ".join(reasons)  # kept when overridden
            rows.update(Release, [member for member, _gated in planned], DONE)
    except Exception as error:
        record_error(release_id, error)
        raise
    for member, _gated in planned:
        logger.info(
            "release %s published %s page(s), %.3f s after its instant",
            member.pk,
            len(published[member.pk]),
            member.lateness.total_seconds(),
        )
    return Outcome(
        release_id,
        "published",
        pages=published[release_id],
        companions=[member.pk for member, _gated in planned[1:]],
    )


def publish_next_due(now: datetime | None = None) -> Outcome | None:
    """Publish the next due release no worker holds and none has tried yet,
    with its region's batch; None when there is none.

    A delivery that finds its own release published (or held) by its
    region's batch calls this: in a wave, the deliveries of the regions not
    yet begun wait behind hundreds of such, and a worker process that
    spends them this way reaches those regions at once. A release that has
    failed or been blocked before (``attempts``) is left to its own
    delivery, which retries it with backoff. Never raises: that release's
    own delivery meets any error again and counts it.
    """
    try:
        with transaction.atomic():
            release_id = (
                Release.objects.select_for_update(skip_locked=True)
                .filter(
                    state=State.SCHEDULED,
                    go_live_at__lte=now or timezone.now(),
                    attempts=0,
                )
                .order_by("go_live_at", "pk")
                .values_list("pk", flat=True)
                .first()
            )
        return None if release_id is None else publish_release(release_id, now)
    except Exception:
        logger.exception("the next due release is left to its own delivery")
        return None


def record_error(release_id: int, error: Exception) -> None:
    """Count a failed attempt outside the rolled-back transaction."""
    try:
        Release.objects.filter(pk=release_id, state=State.SCHEDULED).update(
            attempts=F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"
        )
    except Exception:  # the database itself may be what failed
        logger.exception("could not record the error of release %s", release_id)


def mark_failed(release_id: int, error: str) -> None:
    """A release that failed for good: show it in the admin and tell the
    people who must act (``events.release_failed``)."""
    updated = Release.objects.filter(pk=release_id, state=State.SCHEDULED).update(
        state=State.FAILED, last_error=error[:2000]
    )
    if not updated:
        return
    release = Release.objects.select_related("page", "region", "scheduled_by").get(
        pk=release_id
    )
    events.release_failed.send(sender=Release, release=release, error=error)


# Expiry and withdrawal --------------------------------------------------------


def _unpublish(pages, user, data=None, log_action=True) -> list[int]:
    # Permission was checked where the request came in (admin view or
    # command); the engine acts for the release's owner. All pages in one go
    # (withdrawal.py): a few queries and one purge, not a save per page.
    return withdrawal.unpublish_pages(
        pages,
        user,
        data,
        log_action="wagtail.unpublish" if log_action is True else log_action,
    )


def region_pages(release: Release) -> list[CampaignPage]:
    return list(
        CampaignPage.objects.filter(
            translation_key=release.page.translation_key,
            locale__region_locale__region=release.region,
        )
    )


def expire_release(release_id: int, now: datetime | None = None) -> Outcome:
    now = now or timezone.now()
    with transaction.atomic():
        release = _claim(release_id)
        if release is None:
            return Outcome(release_id, "locked")
        if release.state != State.PUBLISHED or not release.expire_at:
            return Outcome(release_id, "skipped", release.state)
        if release.expire_at > now:
            return Outcome(release_id, "not_due")
        pages = _unpublish(
            region_pages(release),
            release.scheduled_by,
            audit.entry_data(release, "expiry"),
            log_action="wagtail.unpublish.scheduled",
        )
        release.state = State.EXPIRED
        release.save()
    return Outcome(release_id, "expired", pages=pages)


def withdraw_region(release_id: int, user=None) -> Outcome:
    """Unpublish a campaign in one region now and cancel that region's release."""
    with transaction.atomic():
        release = (
            Release.objects.select_for_update(of=("self",))
            .select_related("region", "page", "scheduled_by")
            .get(pk=release_id)
        )
        pages = _unpublish(
            region_pages(release), user, audit.entry_data(release, "withdrawal")
        )
        release.state = State.WITHDRAWN
        release.save(update_fields=["state", "updated_at"])
    logger.warning(
        "release %s withdrawn in %s: %s page(s) unpublished",
        release_id,
        release.region.code,
        len(pages),
    )
    return Outcome(release_id, "withdrawn", pages=pages)


def withdraw_campaign(page: CampaignPage, user=None) -> tuple[list[int], int]:
    """Unpublish every translation everywhere and cancel pending releases, at once."""
    source = source_page(page)
    unpublished, cancelled = withdrawal.withdraw_campaigns([source], user)
    logger.warning(
        "campaign %s withdrawn: %s page(s) unpublished, %s release(s) cancelled",
        source.pk,
        len(unpublished),
        cancelled,
    )
    return unpublished, cancelled
