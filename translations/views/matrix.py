"""Translation status: campaign pages, helplines and legal texts by locale.

Each cell says where a translation stands: missing, in progress (with the
share of segments translated when wagtail-localize's editor is used),
submitted, approved, live, or outdated (its source changed after the
translation was made). ``page_state`` and ``matrix`` are plain functions
the tests call; ``StatusView`` renders them.
"""

from dataclasses import dataclass, field

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from campaign.models import (
    CampaignPage,
    Helpline,
    LegalText,
    Region,
    RegionLocale,
    TranslationReview,
)
from translations.drafts import EXISTING_TEXT_TOOL
from translations.permissions import (
    can_translate,
    translator_locales,
)
from translations.snippets import field_values

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


def last_string_edit(page):
    """When a translator last changed a string of ``page`` in the editor."""
    return (
        StringTranslation.objects.filter(
            context__object_id=page.translation_key, locale_id=page.locale_id
        )
        .exclude(tool_name=EXISTING_TEXT_TOOL)
        .aggregate(last=Max("updated_at"))["last"]
    )


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


def workspace_url(source, locale) -> str:
    return reverse(
        "campaign_translations:workspace", args=[source.pk, locale.language_code]
    )


def _columns(region: Region | None) -> list[Locale]:
    default = Locale.get_default()
    locales = Locale.objects.exclude(pk=default.pk)
    if region is not None:
        locales = locales.filter(region_locale__region=region)
    return list(
        locales.order_by(
            "region_locale__region__code", "region_locale__sort_order", "language_code"
        )
    )


def _page_rows(columns, user) -> list[Row]:
    sources = list(
        CampaignPage.objects.filter(locale=Locale.get_default()).order_by("title")
    )
    keys = [source.translation_key for source in sources]
    pages = {
        (page.translation_key, page.locale_id): page
        for page in CampaignPage.objects.filter(translation_key__in=keys)
    }
    translations = {
        (t.source.object_id, t.target_locale_id): t
        for t in Translation.objects.filter(
            source__object_id__in=keys, enabled=True
        ).select_related("source")
    }
    reviews: dict[int, list] = {}
    for review in TranslationReview.objects.filter(
        page_id__in=[page.pk for page in pages.values()]
    ).order_by("-submitted_at", "-pk"):
        reviews.setdefault(review.page_id, []).append(review)
    edits = _last_edits(keys)
    own = set(translator_locales(user).values_list("pk", flat=True))
    rows = []
    for source in sources:
        row = Row(
            title=source.title,
            kind="page",
            source_edit_url=reverse("wagtailadmin_pages:edit", args=[source.pk]),
        )
        for locale in columns:
            key = (source.translation_key, locale.pk)
            page, translation = pages.get(key), translations.get(key)
            state, note = page_state(
                source,
                page,
                translation,
                reviews.get(page.pk, []) if page else [],
                edits.get(key),
            )
            cell = Cell(state, locale, note=note)
            cell.percent = progress_percent(translation) if page else None
            if page is not None and page.permissions_for_user(user).can_edit():
                cell.edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            if (page is not None and can_translate(user, page)) or (
                page is None and locale.pk in own
            ):
                cell.workspace_url = workspace_url(source, locale)
            row.cells.append(cell)
        rows.append(row)
    return rows


def last_snippet_edit(source, locale):
    """When a translator last changed a text of the snippet ``source``."""
    return (
        StringTranslation.objects.filter(
            context__object_id=source.translation_key, locale=locale
        )
        .exclude(tool_name=EXISTING_TEXT_TOOL)
        .aggregate(last=Max("updated_at"))["last"]
    )


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


def snippet_workspace_url(source, locale) -> str:
    return reverse(
        "campaign_translations:snippet",
        args=[source._meta.model_name, source.pk, locale.language_code],
    )


def _snippet_rows(model, columns, region, user) -> list[Row]:
    """One row per helpline or legal text, a cell per locale of the matrix."""
    items = model.objects.select_related("region", "locale")
    if region is not None:
        items = items.filter(region=region)
    order = ("region__code", "sort_order", "pk") if model is Helpline else ("pk",)
    groups: dict = {}
    for item in items.order_by(*order):
        groups.setdefault(item.translation_key, []).append(item)
    keys = list(groups)
    translations = {
        (t.source.object_id, t.target_locale_id): t
        for t in Translation.objects.filter(source__object_id__in=keys).select_related(
            "source"
        )
    }
    reviews: dict = {}
    for review in TranslationReview.objects.filter(translation_key__in=keys):
        reviews.setdefault((review.translation_key, review.locale_id), []).append(
            review
        )
    edits = _last_edits(keys)
    may_edit = user.has_perm(f"campaign.change_{model._meta.model_name}")
    # What ``snippet_source`` and ``can_translate_snippet`` work out per row,
    # read once for the whole matrix.
    source_locales = dict(
        TranslationSource.objects.filter(object_id__in=keys).values_list(
            "object_id", "locale_id"
        )
    )
    region_locales: dict = {}
    for region_id, locale_id in RegionLocale.objects.order_by("sort_order").values_list(
        "region_id", "locale_id"
    ):
        region_locales.setdefault(region_id, []).append(locale_id)
    own = set(translator_locales(user).values_list("pk", flat=True))
    rows = []
    for key, group in groups.items():
        by_locale = {item.locale_id: item for item in group}
        served = region_locales.get(group[0].region_id, [])
        source = (
            by_locale.get(source_locales.get(key))
            or by_locale.get(served[0] if served else None)
            or min(group, key=lambda item: item.pk)
        )
        values = field_values(source)
        label = source.name if model is Helpline else source.title
        row = Row(title=f"{label} ({source.region.code})", kind=model._meta.model_name)
        for locale in columns:
            item = by_locale.get(locale.pk)
            translation = translations.get((key, locale.pk))
            if locale.pk == source.locale_id:
                cell = Cell("source", locale)
            elif locale.pk not in served:
                cell = Cell("na", locale)
            else:
                state, note = snippet_state(
                    values,
                    item,
                    translation,
                    reviews.get((key, locale.pk), []),
                    edits.get((key, locale.pk)),
                )
                cell = Cell(state, locale, note=note)
                cell.percent = progress_percent(translation)
                if user.is_active and (may_edit or locale.pk in own):
                    cell.workspace_url = snippet_workspace_url(source, locale)
            if item is not None and may_edit:
                cell.edit_url = reverse(
                    f"wagtailsnippets_campaign_{model._meta.model_name}:edit",
                    args=[item.pk],
                )
            row.cells.append(cell)
        rows.append(row)
    return rows


def matrix(user, region: Region | None = None) -> tuple[list[Locale], list[Row]]:
    columns = _columns(region)
    return columns, [
        *_page_rows(columns, user),
        *_snippet_rows(Helpline, columns, region, user),
        *_snippet_rows(LegalText, columns, region, user),
    ]


class StatusView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translations/status.html"
    page_title = gettext_lazy("Translation status")
    header_icon = "wagtail-localize-language"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        code = (self.request.GET.get("region") or "").upper()
        region = Region.objects.filter(code=code).first() if code else None
        columns, rows = matrix(self.request.user, region)
        context.update(
            regions=Region.objects.order_by("code"),
            region=region,
            columns=columns,
            rows=rows,
        )
        return context


def _last_edits(keys) -> dict:
    """{(translation key, locale id): when a translator last changed a string}.

    Text taken over from an earlier translation is no one's edit."""
    return {
        (row["context__object_id"], row["locale_id"]): row["last"]
        for row in StringTranslation.objects.filter(context__object_id__in=keys)
        .exclude(tool_name=EXISTING_TEXT_TOOL)
        .values("context__object_id", "locale_id")
        .annotate(last=Max("updated_at"))
    }
