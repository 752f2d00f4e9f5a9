"""A campaign made from nothing through the admin's own views goes live in
all 11 demo regions (INT, the source's region, included) through a real
worker and beat, with no override.

Every step is an HTTP request of the person whose job it is: an editor
creates the source page and submits it, a reviewer of ``en`` approves it;
a translator starts, translates, saves and submits each of the 14 other
locales and a reviewer approves each; a legal reviewer signs off every
region's legal text; a regional editor plans the rollout a few seconds
ahead, one local time per region. The demo provides only the regions,
their locale trees, legal texts and helplines.
"""

import datetime as dt
import io
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import constants, get_messages
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import StringSegment, Translation

from campaign.models import (
    CampaignIndexPage,
    CampaignPage,
    LegalSignOff,
    Region,
    Release,
    TranslationReview,
    source_legal_text,
)
from tests.demo_copy import load_demo
from tests.integration import support

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SLUG = "think-first"
#: How far ahead the rollout is planned: long enough for the plan's own
#: request, short enough to call it "a few seconds".
AHEAD = dt.timedelta(seconds=6)


def person(django_user_model, username: str, *group_prefixes: str) -> Client:
    user = django_user_model.objects.create_user(
        username, f"{username}@example.invalid", "pw-123456"
    )
    for prefix in group_prefixes:
        user.groups.add(*Group.objects.filter(name__startswith=prefix))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def ok(response, what: str) -> None:
    """Answered, and with no error message (the translation views report
    a refusal as a message and a redirect)."""
    assert response.status_code in (200, 302), (what, response.status_code)
    errors = [
        str(message)
        for message in get_messages(response.wsgi_request)
        if message.level >= constants.WARNING
    ]
    assert not errors, (what, errors)


def submitted(page) -> TranslationReview:
    review = TranslationReview.objects.filter(
        page=page, status=TranslationReview.Status.SUBMITTED
    ).first()
    assert review is not None, f"no submission of {page.locale.language_code}"
    return review


def approve(reviewer: Client, page) -> None:
    review = submitted(page)
    url = reverse("campaign_translations:review", args=[review.pk])
    ok(reviewer.post(url, {"approve": "1", "comment": ""}), "approve")
    review.refresh_from_db()
    assert review.status == TranslationReview.Status.APPROVED, page.locale


def create_source(editor: Client) -> CampaignPage:
    index = CampaignIndexPage.objects.get(locale__language_code="en")
    url = reverse("wagtailadmin_pages:add", args=["campaign", "campaignpage", index.pk])
    data = nested_form_data(
        {
            "title": "Think first",
            "slug": SLUG,
            "body": streamfield(
                [
                    (
                        "hero",
                        {
                            "headline": "Think before you make it",
                            "standfirst": "",
                            "image": "",
                            "alt_text": "",
                        },
                    ),
                    (
                        "legal_consequences",
                        {"heading": "The law", "intro": "In short:"},
                    ),
                    (
                        "help_call_to_action",
                        {"heading": "Talk to someone", "text": "Free."},
                    ),
                ]
            ),
            "seo_title": "",
            "search_description": "",
        }
    )
    ok(editor.post(url, data), "create")
    source = CampaignPage.objects.get(locale__language_code="en", slug=SLUG)
    assert not source.live and source.owner == editor.user
    return source


def translate(translator: Client, source: CampaignPage, code: str) -> CampaignPage:
    start = reverse("campaign_translations:start", args=[source.pk, code])
    ok(translator.post(start), f"start {code}")
    translation = Translation.objects.get(
        source__object_id=source.translation_key,
        target_locale__language_code=code,
    )
    for segment in StringSegment.objects.filter(source=translation.source):
        path = segment.context.path
        text = segment.string.data
        value = slugify(f"{text}-{code}") if path == "slug" else f"{text} ({code})"
        url = reverse(
            "wagtail_localize:edit_string_translation",
            kwargs={
                "translation_id": translation.pk,
                "string_segment_id": segment.pk,
            },
        )
        response = translator.put(
            url,
            urlencode({"value": value}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), (code, path, response.content)
    page = CampaignPage.objects.get(
        translation_key=source.translation_key, locale__language_code=code
    )
    ok(translator.post(reverse("campaign_translations:draft", args=[page.pk])), code)
    ok(translator.post(reverse("campaign_translations:submit", args=[page.pk])), code)
    return page


def test_a_campaign_made_in_the_admin_goes_live_everywhere_with_no_override(
    celery_stack, django_user_model
):
    load_demo()  # tests/demo_copy.py
    call_command("sync_translator_groups", stdout=io.StringIO())
    call_command("sync_regional_groups", stdout=io.StringIO())
    regions = list(Region.objects.order_by("code"))
    assert len(regions) == 11
    editor = person(django_user_model, "olga", "Editors")
    reviewer = person(django_user_model, "remi", "Reviewers · ")
    translator = person(django_user_model, "tina", "Translators · ")
    legal = person(django_user_model, "lena", "Legal reviewers · ")
    planner = person(django_user_model, "paul", "Regional editors · ")

    # The source: written by its editor, submitted, approved by "Reviewers · en".
    source = create_source(editor)
    submit = reverse("campaign_translations:submit", args=[source.pk])
    ok(editor.post(submit), "submit the source")
    approve(reviewer, source)

    # Every other locale: drafted, submitted and approved.
    codes = sorted(
        Locale.objects.exclude(pk=source.locale_id).values_list(
            "language_code", flat=True
        )
    )
    assert len(codes) == 14
    pages = [source]
    for code in codes:
        page = translate(translator, source, code)
        approve(reviewer, page)
        pages.append(page)

    # Every region's legal text signed off by its legal reviewer, here.
    LegalSignOff.objects.all().delete()
    for region in regions:
        text = source_legal_text(region)
        url = reverse("campaign_releases:legal_sign_off", args=[text.pk])
        ok(legal.post(url, {"comment": "Checked against the law."}), region.code)
    assert LegalSignOff.objects.count() == len(regions)
    assert not CampaignPage.objects.filter(pk__in=[p.pk for p in pages], live=True)

    celery_stack.start()
    instant = timezone.now().replace(microsecond=0) + AHEAD
    data = {"regions": [region.pk for region in regions], "mode": "per_region"}
    for region in regions:
        wall = instant.astimezone(region.zone).replace(tzinfo=None)
        data[f"go_live_{region.code.lower()}"] = wall.isoformat(sep=" ")
    response = planner.post(reverse("campaign_releases:plan", args=[source.pk]), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    releases = list(Release.objects.filter(page=source).order_by("region__code"))
    assert [release.region.code for release in releases] == [r.code for r in regions]
    assert {release.go_live_at for release in releases} == {instant}

    support.published_with_no_override(
        releases, instant, celery_stack, "every release published"
    )
    live = CampaignPage.objects.filter(translation_key=source.translation_key).live()
    assert live.count() == len(pages) == 15
    for page in live:
        assert page.live_revision == TranslationReview.approved_revision(page)
