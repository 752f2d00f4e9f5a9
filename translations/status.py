"""Where a translation stands: the rules behind every state the admin shows.

A translation is missing, in progress (with the share of segments
translated when wagtail-localize's editor is used), submitted, approved,
live, or outdated (its source changed after the translation was made).
Plain functions over the ORM: the status matrix, the workspaces and the
tests call them.
"""

from dataclasses import dataclass, field

from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from campaign.models import TranslationReview
from translations.drafts import EXISTING_TEXT_TOOL

Status = TranslationReview.Status


LABELS = {
    "missing": gettext_lazy("missing"),
    "in_progress": gettext_lazy("in progress"),
    "submitted": gettext_lazy("submitted"),
    "approved": gettext_lazy("approved"),
    "live": gettext_lazy("live"),
    "outdated": gettext_lazy("outdated"),
    "source": gettext_lazy("source"),
    "na": "",
}


@dataclass
class Cell:
    state: str
    locale: Locale
    percent: int | None = None
    note: str = ""
    edit_url: str | None = None
    workspace_url: str | None = None

    @property
    def label(self) -> str:
        return str(LABELS[self.state])


@dataclass
class Row:
    title: str
    kind: str
    cells: list[Cell] = field(default_factory=list)
    source_edit_url: str | None = None


def progress_percent(translation: Translation | None) -> int | None:
    if translation is None:
        return None
    total, done = translation.get_progress()
    return 100 if not total else done * 100 // total


def last_edit(translation_key, locale_id):
    """When a translator last changed a string of the object with this
    translation key (a page, a helpline, a legal text) in this locale.

    Text taken over from an earlier translation is no one's edit."""
    return (
        StringTranslation.objects.filter(
            context__object_id=translation_key, locale_id=locale_id
        )
        .exclude(tool_name=EXISTING_TEXT_TOOL)
        .aggregate(last=Max("updated_at"))["last"]
    )


def last_string_edit(page):
    """When a translator last changed a string of ``page`` in the editor."""
    return last_edit(page.translation_key, page.locale_id)


def is_outdated(source, page, translation, reviews) -> bool:
    """Has the source changed since this translation was made?

    Exact for a translation submitted for review: the submission records
    the source revision it was made from. Before any submission (pages
    translated as the demo makes them), the timestamps decide: the page's
    latest revision and, for a synced translation, the source snapshot.
    """
    made_from = next(
        (
            r
            for r in reviews
            if r.status in (Status.SUBMITTED, Status.APPROVED) and r.source_revision_id
        ),
        None,
    )
    if made_from is not None:
        return source.latest_revision_id != made_from.source_revision_id
    basis = page.latest_revision_created_at
    if translation is not None:
        snapshot = translation.source.last_updated_at
        basis = min(basis, snapshot) if basis else snapshot
    changed = source.latest_revision_created_at
    return bool(basis and changed and changed > basis)


def page_state(source, page, translation=None, reviews=(), last_string_edit=None):
    """The state of ``page`` (a translation of ``source``) and a note.

    ``reviews`` are the page's reviews, newest submission first;
    ``last_string_edit`` the latest change to its string translations.
    """
    if page is None:
        return "missing", ""
    latest = reviews[0] if reviews else None
    approved = next(
        iter(
            sorted(
                (r for r in reviews if r.status == Status.APPROVED),
                key=lambda r: (r.decided_at, r.pk),
                reverse=True,
            )
        ),
        None,
    )
    if is_outdated(source, page, translation, reviews):
        return "outdated", _("The source changed after this translation.")
    if latest is not None and latest.status == Status.SUBMITTED:
        return "submitted", ""
    approved_id = approved.revision_id if approved else None
    live_id = page.live_revision_id if page.live else None
    unsaved = bool(
        last_string_edit
        and (
            page.latest_revision_created_at is None
            or last_string_edit > page.latest_revision_created_at
        )
    )
    draft = page.has_unpublished_changes and page.latest_revision_id not in (
        approved_id,
        live_id,
    )
    if latest is not None and latest.status == Status.REJECTED and not unsaved:
        return "in_progress", _("Changes requested: %(comment)s") % {
            "comment": latest.comment
        }
    if unsaved or draft:
        return "in_progress", ""
    if approved_id and approved_id != live_id:
        return "approved", ""
    if page.live:
        return "live", ""
    return "in_progress", ""


def last_snippet_edit(source, locale):
    """When a translator last changed a text of the snippet ``source``."""
    return last_edit(source.translation_key, locale.pk)


def snippet_state(source_values, target, translation, reviews, last_edit=None):
    """The state of a helpline's or legal text's translation, and a note.

    ``source_values`` are the source's translated fields now; ``target``
    the live row in the locale (or None); ``reviews`` newest first. An
    approved snippet translation is live at once, so there is no
    "approved" state; "outdated" compares the source's text with the text
    the latest submission was made from.
    """
    basis = next(
        (r for r in reviews if r.status in (Status.SUBMITTED, Status.APPROVED)), None
    )
    if target is not None and basis is not None:
        if basis.content.get("source") != source_values:
            return "outdated", _("The source changed after this translation.")
    latest = reviews[0] if reviews else None
    if latest is not None and latest.status == Status.SUBMITTED:
        return "submitted", ""
    unsaved = bool(last_edit and (latest is None or last_edit > latest.submitted_at))
    if latest is not None and latest.status == Status.REJECTED and not unsaved:
        return "in_progress", _("Changes requested: %(comment)s") % {
            "comment": latest.comment
        }
    if unsaved:
        return "in_progress", ""
    if target is not None:
        return "live", ""
    if translation is not None:
        return "in_progress", ""
    return "missing", ""


def last_edits(keys) -> dict:
    """{(translation key, locale id): when a translator last changed a string}.

    Text taken over from an earlier translation is no one's edit."""
    return {
        (row["context__object_id"], row["locale_id"]): row["last"]
        for row in StringTranslation.objects.filter(context__object_id__in=keys)
        .exclude(tool_name=EXISTING_TEXT_TOOL)
        .values("context__object_id", "locale_id")
        .annotate(last=Max("updated_at"))
    }
