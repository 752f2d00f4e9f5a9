"""The translation status matrix: campaign pages, helplines and legal texts
by locale. The state of each cell comes from ``translations.status``;
``matrix`` is a plain function the tests call; ``overview`` arranges it for
the status screen.
"""

from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from campaign.models import (
    CampaignPage,
    Helpline,
    LegalText,
    Region,
    RegionLocale,
    TranslationReview,
)
from translations.permissions import (
    can_translate,
    translator_locales,
)
from translations.snippets import field_values
from translations.status import (
    Cell,
    Row,
    last_edits,
    page_state,
    progress_percent,
    snippet_state,
)

Status = TranslationReview.Status


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
    edits = last_edits(keys)
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
    edits = last_edits(keys)
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


def matrix(
    user, region: Region | None = None, columns: list[Locale] | None = None
) -> tuple[list[Locale], list[Row]]:
    """Rows for ``columns`` (by default the locales other than the source)."""
    columns = _columns(region) if columns is None else columns
    return columns, [
        *_page_rows(columns, user),
        *_snippet_rows(Helpline, columns, region, user),
        *_snippet_rows(LegalText, columns, region, user),
    ]
