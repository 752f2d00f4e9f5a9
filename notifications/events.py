"""Who is told of each event, and in which words.

Each function takes the object of an event (a review, a release, a legal
text) and returns an ``Event``: its recipients, its key (the same event
twice writes nothing), the admin screen to open, and its subject and text
as functions, called once per recipient inside ``translation.override`` of
their language (``notifications.delivery``).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _

from campaign.models import LEGAL_REVIEWERS, LegalText, Release, TranslationReview
from campaign.timezones import label
from notifications.models import Notification
from translations.permissions import reviewers_group_name
from translations.views.pages import workspace_url_for

Kind = Notification.Kind
Status = TranslationReview.Status


@dataclass
class Event:
    kind: str
    key: str
    link: str
    subject: Callable[[], str]
    text: Callable[[], str]
    recipients: list = field(default_factory=list)


def _people(queryset) -> list:
    return list(queryset.filter(is_active=True).distinct().order_by("pk"))


def _name(user) -> str:
    if user is None:
        return _("Someone")
    return user.get_full_name() or user.get_username()


# Translations ------------------------------------------------------------------


def _review_words(review: TranslationReview) -> dict:
    return {
        "title": review.title,
        "locale": review.target_locale.language_code,
        "who": _name(review.submitted_by),
        "reviewer": _name(review.decided_by),
        "comment": review.comment,
    }


def submitted(review: TranslationReview) -> Event | None:
    """A submission goes to the reviewers of its locale (not the submitter)."""
    if review.status != Status.SUBMITTED:
        return None  # decided or replaced before anyone was told
    users = get_user_model().objects.filter(
        groups__name=reviewers_group_name(review.target_locale)
    )
    words = _review_words(review)
    return Event(
        kind=Kind.SUBMITTED,
        key=f"submitted:{review.pk}",
        link=reverse("campaign_translations:review", args=[review.pk]),
        subject=lambda: _("To review: %(title)s (%(locale)s)") % words,
        text=lambda: (
            _(
                "%(who)s submitted the %(locale)s translation of “%(title)s” "
                "for your review."
            )
            % words
        ),
        recipients=_people(users.exclude(pk=review.submitted_by_id)),
    )


def decided(review: TranslationReview) -> Event | None:
    """A decision goes to the person who submitted the translation."""
    if review.status not in (Status.APPROVED, Status.REJECTED):
        return None
    submitter = review.submitted_by
    if submitter is None or submitter.pk == review.decided_by_id:
        return None
    words = _review_words(review)
    if review.is_snippet:
        link = reverse("campaign_translations:status")
    else:
        link = workspace_url_for(review.page)
    if review.status == Status.APPROVED:
        subject = lambda: _("Approved: %(title)s (%(locale)s)") % words  # noqa: E731
        text = lambda: (  # noqa: E731
            _("%(reviewer)s approved your %(locale)s translation of “%(title)s”.")
            % words
        )
    else:
        subject = lambda: _("Sent back: %(title)s (%(locale)s)") % words  # noqa: E731
        text = lambda: (  # noqa: E731
            _(
                "%(reviewer)s sent back your %(locale)s translation of "
                "“%(title)s”: %(comment)s"
            )
            % words
        )
    return Event(
        kind=Kind.APPROVED if review.status == Status.APPROVED else Kind.REJECTED,
        key=f"decided:{review.pk}",
        link=link,
        subject=subject,
        text=text,
        recipients=_people(get_user_model().objects.filter(pk=submitter.pk)),
    )


# Releases ----------------------------------------------------------------------


def release_recipients(release: Release) -> list:
    """The campaign page's owner, who planned the release, and the region's
    editors."""
    ids = {release.page.owner_id, release.scheduled_by_id} - {None}
    users = get_user_model().objects.filter(
        groups__in=release.region.editor_groups.all()
    ) | get_user_model().objects.filter(pk__in=ids)
    return _people(users)


def _release_words(release: Release) -> dict:
    return {
        "page": release.page.title,
        "region": release.region.name,
        "code": release.region.code,
        "when": label(release.go_live_at, release.region.zone),
        "reason": release.blocked_reason,
        "error": release.last_error,
        "attempts": release.attempts,
    }


def _release_link(release: Release) -> str:
    return (
        reverse("campaign_releases:page", args=[release.page_id])
        + f"#release-{release.pk}"
    )


def _at(release: Release) -> int:
    return int(release.go_live_at.timestamp())


def _release_event(release, state, kind, key, subject, text) -> Event | None:
    """An event of ``release`` while it is still in ``state`` (else None: it
    moved on, unblocked or planned again, before anyone was told);
    ``subject`` and ``text`` are given the release's words."""
    if release.state != state:
        return None
    words = _release_words(release)
    return Event(
        kind=kind,
        key=key,
        link=_release_link(release),
        subject=lambda: subject(words),
        text=lambda: text(words),
        recipients=release_recipients(release),
    )


def blocked(release: Release) -> Event | None:
    return _release_event(
        release,
        Release.State.BLOCKED,
        Kind.BLOCKED,
        f"blocked:{release.pk}:{_at(release)}:{release.attempts}",
        lambda words: _("Release blocked: %(page)s in %(code)s") % words,
        lambda words: (
            _(
                "The release of “%(page)s” in %(region)s, due at %(when)s, is "
                "blocked: %(reason)s"
            )
            % words
        ),
    )


def late(release: Release) -> Event | None:
    return _release_event(
        release,
        Release.State.SCHEDULED,
        Kind.LATE,
        f"late:{release.pk}:{_at(release)}",
        lambda words: _("Release late: %(page)s in %(code)s") % words,
        lambda words: (
            _(
                "The release of “%(page)s” in %(region)s was due at %(when)s and "
                "is not live yet: are the workers running?"
            )
            % words
        ),
    )


def failed(release: Release) -> Event | None:
    return _release_event(
        release,
        Release.State.FAILED,
        Kind.FAILED,
        f"failed:{release.pk}:{_at(release)}",
        lambda words: _("Release failed: %(page)s in %(code)s") % words,
        lambda words: (
            _(
                "The release of “%(page)s” in %(region)s, due at %(when)s, failed "
                "after %(attempts)s attempts. Last error: %(error)s"
            )
            % words
        ),
    )


# Legal review ------------------------------------------------------------------


def legal_due(text: LegalText) -> Event | None:
    """A region's legal text whose review-by date is near (or past) goes to
    the region's legal reviewers, once per text and date."""
    if text.review_by is None:
        return None
    words = {
        "title": text.title,
        "region": text.region.name,
        "date": text.review_by.isoformat(),
    }
    users = get_user_model().objects.filter(
        groups__name=LEGAL_REVIEWERS % {"code": text.region.code}
    )
    return Event(
        kind=Kind.LEGAL_DUE,
        key=f"legal_due:{text.pk}:{text.review_by.isoformat()}",
        link=reverse("campaign_releases:legal"),
        subject=lambda: _("Legal review due: %(region)s by %(date)s") % words,
        text=lambda: (
            _(
                "The legal text “%(title)s” of %(region)s must be reviewed by "
                "%(date)s; until it is signed off again, releases in %(region)s "
                "will be blocked from that day."
            )
            % words
        ),
        recipients=_people(users),
    )
