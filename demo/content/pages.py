"""The demo's page tree: home, campaign index and campaign page per locale.

The English pages are the source; every other locale gets translations made
with Wagtail's ``copy_for_translation`` (so they share a translation key),
parents before children. Each page is written and published in its own
transaction: publishing a parent and its child inside one outer transaction
once corrupted ``numchild`` (docs/design.md, "Known traps").
"""

from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from campaign.models import CampaignIndexPage, CampaignPage, TranslationReview
from home.models import HomePage, StatementPage

from . import demo_uuid
from .body import campaign_body
from .regions import REGIONS, SOURCE_LOCALE
from .statements import REVIEWED, STATEMENTS
from .sync import Tally
from .text import language_of, text_for

INDEX_KEY = demo_uuid("page/campaign-index")
CAMPAIGN_KEY = demo_uuid("page/campaign")
TEXT_FIELDS = ("title", "seo_title", "search_description")
#: Rendered per locale when a campaign page is published; never copied.
NOT_COPIED = {CampaignPage: ["share_image", "share_image_square"]}


def page_locale_codes() -> list[str]:
    """The source locale first, then every other locale in region order."""
    rest = [code for spec in REGIONS for code in spec.locales if code != SOURCE_LOCALE]
    return [SOURCE_LOCALE, *rest]


def _values(kind: str, text: dict, image_id: int) -> dict:
    words = text[kind]
    values = {name: words[name] for name in TEXT_FIELDS}
    if kind != "home":
        # A home page keeps the slug Wagtail gives it (home, home-fr-be…).
        values["slug"] = words["slug"]
    if kind == "campaign":
        values["body"] = campaign_body(text, image_id)
    else:
        values["intro"] = words["intro"]
    return values


def _site_home() -> HomePage:
    site = Site.objects.filter(is_default_site=True).first()
    home = site and HomePage.objects.filter(pk=site.root_page_id).first()
    if home is None:
        raise CommandError(
            "The default site's root is not a HomePage: run the migrations first."
        )
    return home


def sync_pages(locales: dict, image, tally: Tally) -> None:
    source_home = _site_home()
    kinds = (
        ("home", HomePage, source_home.translation_key),
        ("index", CampaignIndexPage, INDEX_KEY),
        ("campaign", CampaignPage, CAMPAIGN_KEY),
    )
    sources: dict = {}
    for code in page_locale_codes():
        text = text_for(code)
        parent = home = None
        for kind, model, key in kinds:
            values = _values(kind, text, image.pk)
            page = _sync_page(
                model, key, locales[code], values, sources.get(kind), parent, tally
            )
            if code == SOURCE_LOCALE:
                sources[kind] = page
            parent = page
            if kind == "home":
                home = page
        for kind, (title, slug, body) in STATEMENTS[language_of(code)].items():
            values = {
                "title": title,
                "slug": slug,
                "body": body,
                "last_reviewed": REVIEWED,
            }
            key = demo_uuid(f"page/statement/{kind}")
            page = _sync_page(
                StatementPage,
                key,
                locales[code],
                values,
                sources.get(kind),
                home,
                tally,
            )
            if code == SOURCE_LOCALE:
                sources[kind] = page


def _stream(page_or_model):
    return page_or_model._meta.get_field("body").stream_block


def _is_stream(page, name: str) -> bool:
    return name == "body" and isinstance(page, CampaignPage)


def _prepared(stream_value) -> list:
    """A body as comparable data: every block's stored form, ids included."""
    return [child.get_prep_value() for child in stream_value]


def _differs(page, values: dict) -> bool:
    for name, value in values.items():
        if _is_stream(page, name):
            wanted = _prepared(_stream(page).to_python(value))
            if _prepared(page.body) != wanted:
                return True
        elif getattr(page, name) != value:
            return True
    return False


def _approve(page, revision) -> None:
    """Demo text counts as reviewed, so a release of the demo is not blocked."""
    TranslationReview.objects.get_or_create(
        page=page,
        revision=revision,
        status=TranslationReview.Status.APPROVED,
        defaults={"decided_at": timezone.now(), "comment": "Demo content (seed_demo)."},
    )


def _apply(page, values: dict) -> None:
    for name, value in values.items():
        if _is_stream(page, name):
            stream_block = _stream(page)
            body = stream_block.to_python(value)
            # The editor's form would refuse what this refuses: too long a
            # headline, an image without alt text...
            stream_block.clean(body)
            value = body
        setattr(page, name, value)


def _sync_page(model, key, locale, values, source, parent, tally: Tally):
    page = model.objects.filter(translation_key=key, locale=locale).first()
    if page is None:
        with transaction.atomic():
            if source is None:
                page = model(translation_key=key, locale=locale, live=False)
                _apply(page, values)
                parent.add_child(instance=page)
            else:
                page = source.copy_for_translation(
                    locale, exclude_fields=NOT_COPIED.get(model)
                )
                _apply(page, values)
            revision = page.save_revision()
            _approve(page, revision)
            revision.publish()
        tally.add("page", "created")
        return page

    # Compare with what editors see: the latest revision, published or not.
    current = page.get_latest_revision_as_object()
    if not _differs(current, values):
        _approve(page, page.get_latest_revision())
        tally.add("page", "unchanged")
        return page
    with transaction.atomic():
        _apply(current, values)
        revision = current.save_revision()
        _approve(page, revision)
        # A page someone unpublished (withdraw_campaign) stays unpublished.
        if page.live:
            revision.publish()
    tally.add("page", "updated")
    return model.objects.get(pk=page.pk)
