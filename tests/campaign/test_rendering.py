"""The public campaign page, rendered by the Django test client.

Every block type renders; stored hostile rich text never reaches the page;
the page costs the same number of queries however many blocks, helplines and
translations it has; the head carries the hreflang and Open Graph tags.
"""

import io
import re
import uuid
from datetime import date, time

import pytest
from django.core.files.images import ImageFile
from wagtail.images.models import Image
from wagtail.models import Page, PageViewRestriction, Site

from campaign.models import CampaignPage, LegalText, OpeningHours
from home.models import Organisation, SiteIdentity
from tests.campaign import builders

pytestmark = [pytest.mark.django_db]

HOSTILE = (
    "<p>Safe words.</p>"
    "<script>alert(1)</script>"
    '<p><a href="javascript:alert(1)">bad link</a></p>'
    '<p onclick="alert(1)">clickable</p>'
    '<img src=x onerror="alert(1)">'
)
#: What must never reach a page, whatever was stored.
FORBIDDEN = ("<script>alert", "javascript:", "onclick", "onerror", "<img src=x")


@pytest.fixture(autouse=True)
def fresh_caches(settings):
    """A private cache: image ids repeat between tests, and Wagtail keys its
    rendition cache by image id, so a shared cache would serve stale ones."""
    location = uuid.uuid4().hex
    settings.CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"{alias}-{location}",
        }
        for alias in ("default", "renditions")
    }


def raw(block_type: str, value) -> dict:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def every_block(media: dict, rich: str = "<p>You can stop.</p>") -> list[dict]:
    """One block of each type, as stored in the database."""
    return [
        raw(
            "hero",
            {
                "headline": "Stop before you start",
                "standfirst": "Making abuse images with AI is a crime.",
                "image": media["image"].pk,
                "alt_text": "Blue shapes",
            },
        ),
        raw("key_message", {"heading": "It is not harmless", "text": rich}),
        raw("legal_consequences", {"heading": "What the law says", "intro": "Law."}),
        raw("help_call_to_action", {"heading": "Talk to someone", "text": "Call."}),
        raw(
            "faq",
            {
                "heading": "Questions",
                "questions": [
                    raw("item", {"question": "Is it a crime?", "answer": rich}),
                    raw("item", {"question": "Who can I call?", "answer": rich}),
                ],
            },
        ),
        raw(
            "video",
            {
                "title": "Watch the film",
                "video": media["video"].pk,
                "captions": media["captions"].pk,
                "transcript": rich,
                "poster": media["image"].pk,
            },
        ),
        raw(
            "statistic",
            {
                "value": "1 in 5",
                "label": "people asked for help",
                "source": "Example Institute",
                "source_url": "https://research.example.org/report",
            },
        ),
        raw(
            "quote",
            {"quote": "I called.", "attribution": "Sam", "role": "Caller"},
        ),
    ]


def large_image(title: str = "Shapes") -> Image:
    return Image.objects.create(
        title=title,
        file=ImageFile(io.BytesIO(builders.png_bytes(1600, 900)), name="shapes.png"),
    )


@pytest.fixture
def media():
    return {
        "image": large_image(),
        "video": builders.document("film.mp4", b"\x00\x00\x00\x18ftypmp42"),
        "captions": builders.document("film.vtt", builders.WEBVTT),
    }


@pytest.fixture
def international():
    return builders.region("INT", "UTC", "en", "ar", name="International")


def add_helplines(region, count: int, locale_code: str = "en") -> list:
    helplines = []
    for number in range(count):
        helpline = builders.helpline(
            region,
            locale_code,
            f"Helpline {number}",
            phone=f"+44 20 7946 {number:04d}",
            chat_url="https://chat.example.org/",
            languages="English",
            is_example=True,
            sort_order=number,
        )
        for weekday in range(7):
            OpeningHours.objects.create(
                helpline=helpline, weekday=weekday, opens=time(9), closes=time(17)
            )
        helplines.append(helpline)
    return helplines


def make_page(body: list[dict], **fields) -> CampaignPage:
    index = builders.campaign_index()
    return builders.campaign_page(index, body=body, **fields)


def get(client, page: Page):
    response = client.get(page.url)
    assert response.status_code == 200, response.content[:500]
    return response.content.decode()


def test_campaign_page_renders_every_block_type(client, media, international):
    builders.legal_text(international, "en", title="The law in brief")
    add_helplines(international, 2)
    page = make_page(every_block(media))

    html = get(client, page)

    assert re.search(r"<h1 class=\"hero__headline\">Stop before you start</h1>", html)
    assert "Making abuse images with AI is a crime." in html
    assert re.search(r'srcset="[^"]+\.webp 400w, [^"]+\.webp 800w', html)
    assert 'alt="Blue shapes"' in html
    assert "It is not harmless" in html
    assert "The law in brief" in html
    assert '<time datetime="2026-10-01">' in html
    assert "Last legally reviewed" in html
    assert html.count('class="helpline"') == 2
    assert 'href="tel:+442079460000"' in html
    assert "020 7946 0000" in html or "+44 20 7946 0000" in html
    assert 'class="badge">Example<' in html
    assert re.search(r"(Open|Closed) now", html)
    assert html.count('<details class="faq__item">') == 2
    assert "<summary>Who can I call?</summary>" in html
    assert re.search(r"<video[^>]* controls", html)
    source = r'<source src="/documents/\d+/film\S*\.mp4" type="video/mp4"'
    assert re.search(source, html)
    assert re.search(r'<track kind="captions" src="/documents/\d+/film\S*\.vtt"', html)
    assert 'srclang="en"' in html
    assert "poster=" in html
    assert "Transcript" in html
    assert "1 in 5" in html
    assert '<a href="https://research.example.org/report"' in html
    assert re.search(r"<blockquote[^>]*><p>I called\.</p></blockquote>", html)
    assert "<figcaption" in html


def test_hostile_rich_text_never_reaches_the_page(client, media, international):
    LegalText.objects.create(
        region=international,
        locale=builders.locale("en"),
        title="The law",
        body=HOSTILE,
        last_reviewed=date(2026, 1, 5),
    )
    add_helplines(international, 1)
    page = make_page(every_block(media, rich=HOSTILE))

    html = get(client, page)

    assert html.count("Safe words.") == 5  # key message, legal, 2 answers, transcript
    for forbidden in FORBIDDEN:
        assert forbidden not in html, forbidden
    # The one script is the quick exit's own file; nothing inline.
    assert re.findall(r"<script[^>]*>", html) == [
        '<script src="/static/js/quick-exit.js" defer>'
    ]


def test_help_block_shows_the_page_regions_helplines_in_its_language(client, media):
    belgium = builders.region("BE", "Europe/Brussels", "fr-be", "nl-be")
    denmark = builders.region("DK", "Europe/Copenhagen", "da-dk")
    builders.region("INT", "UTC", "en")
    builders.helpline(belgium, "fr-be", "Aide Belgique", phone="02 123 45 67")
    source = builders.helpline(denmark, "da-dk", "Hjælp Danmark", phone="70 20 30 40")
    only_en = builders.helpline(belgium, "en", "Belgian line", phone="02 765 43 21")
    page = make_page(every_block(media))
    french = builders.translation(page, "fr-be")

    html = get(client, french)

    assert "Aide Belgique" in html
    assert source.name not in html
    # Not yet translated: shown in English, marked as such for screen readers.
    assert f'<span lang="en" dir="ltr">{only_en.name}</span>' in html
    assert '<html lang="fr-be" dir="ltr">' in html


def test_legal_text_in_another_language_is_marked_with_its_language(
    client, media, international
):
    builders.legal_text(international, "en", title="English law text")
    arabic = builders.translation(make_page(every_block(media)), "ar")

    html = get(client, arabic)

    assert '<html lang="ar" dir="rtl">' in html
    assert re.search(r'<div class="legal__text" lang="en" dir="ltr">', html)
    assert "English law text" in html


def add_identity(logo: Image, *locale_codes: str) -> None:
    """The site's organisation (translated into ``locale_codes``) and logo, as
    every real site has them: the header and footer show both."""
    source = Organisation.objects.create(
        locale=builders.locale("en"),
        name="Example Agency",
        short_name="EA",
        introduction="We are invented.",
        legal_notice="Published by nobody.",
    )
    for code in locale_codes:
        translated = source.copy_for_translation(builders.locale(code))
        translated.name = f"Example Agency ({code})"
        translated.save()
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.organisation, identity.logo = source, logo
    identity.save()


# The budget counts PostgreSQL's queries: helplines bring their hours and
# closures as arrays (delivery/rows.py); SQLite prefetches them (2 more).
@pytest.mark.postgres
@pytest.mark.parametrize(
    "size, shown", [("small", "en"), ("large", "en"), ("large", "fr-be")]
)
def test_query_count_does_not_grow_with_blocks_helplines_or_locales(
    client, django_assert_max_num_queries, media, international, size, shown
):
    blocks, helplines, locales = {"small": (8, 2, 2), "large": (40, 8, 8)}[size]
    extra = ["fr-be", "nl-be", "de-be", "fr-fr", "de-de", "pl-pl", "es-es"]
    belgium = builders.region("BE", "Europe/Brussels", "fr-be")
    builders.legal_text(belgium, "fr-be")
    add_helplines(belgium, helplines, "fr-be")
    builders.legal_text(international, "en")
    add_helplines(international, helplines)
    add_identity(media["image"], "fr-be")
    every = every_block(media)
    body = [dict(every[n % len(every)], id=str(uuid.uuid4())) for n in range(blocks)]
    page = make_page(body)
    page.share_image = media["image"]
    builders.publish_revision(page.save_revision())
    codes = extra[: locales - 1]
    translated = {code: builders.translation(page, code) for code in codes}
    page = translated.get(shown, page)
    first = get(client, page)  # the first view renders the image renditions

    with django_assert_max_num_queries(QUERY_BUDGET):
        html = get(client, page)

    assert html == first
    assert html.count('rel="alternate" hreflang=') == locales + 1
    assert 'property="og:image"' in html and 'class="site-name__logo"' in html
    organisation = "Example Agency" if shown == "en" else f"Example Agency ({shown})"
    assert f'id="footer-organisation">{organisation}</h2>' in html
    if shown == "en":
        assert html.count('class="helpline"') == helplines * sum(
            block["type"] == "help_call_to_action" for block in body
        )


#: The same ceiling for one block of each type, 2 helplines and 2 locales as
#: for five of each, 8 helplines and 8 locales, in the source language or a
#: translation: the site (1), the page by its url_path, then its specific row
#: with its locale, share image and whether any view restriction applies (2,
#: delivery/routing.py), images and documents (2, one per model for every
#: chooser of the page), helplines with their hours and closures, legal text
#: (2), the live public translations (1); the site identity with its
#: organisation and logo (1), the organisation's translation (1, none in its
#: own language), the footer's public statements (1).
QUERY_BUDGET = 10


def test_a_private_translation_is_not_listed(client, media, international):
    page = make_page(every_block(media))
    french = builders.translation(page, "fr-be")
    builders.translation(page, "da-dk")
    PageViewRestriction.objects.create(
        page=french, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    html = get(client, page)
    assert 'hreflang="da-dk"' in html
    assert 'hreflang="fr-be"' not in html


def test_hreflang_lists_exactly_the_live_translations(client, media, international):
    page = make_page(every_block(media))
    builders.translation(page, "fr-be")
    builders.translation(page, "da-dk")
    builders.translation(page, "nl-be", publish=False)

    html = get(client, page)

    links = dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)
    )
    assert set(links) == {"en", "fr-be", "da-dk", "x-default"}
    assert links["x-default"] == links["en"]
    assert links["fr-be"].startswith("http") and links["fr-be"].endswith(
        "/fr-be/campaigns/stop/"
    )
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    assert canonical == links["en"]
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert '<meta property="og:locale" content="en">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_og_image_is_absolute_with_its_size_when_a_share_image_is_set(
    client, media, international
):
    page = make_page(every_block(media))
    assert 'property="og:image"' not in get(client, page)

    share = builders.image("Share")
    page.share_image = share
    builders.publish_revision(page.save_revision())
    html = get(client, page)

    match = re.search(r'<meta property="og:image" content="([^"]+)">', html)
    assert match and re.match(r"https?://[^/]+/", match.group(1))
    assert match.group(1).endswith(share.file.url)
    assert f'<meta property="og:image:width" content="{share.width}">' in html
    assert f'<meta property="og:image:height" content="{share.height}">' in html
    assert '<meta property="og:image:alt" content="Stop before you start">' in html


def test_public_pages_set_no_cookie(client, media, international):
    page = make_page(every_block(media))
    for url in (page.url, "/en/", "/en/campaigns/", "/en/no-such-page/"):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert "Set-Cookie" not in response, url
        assert not response.cookies, url


def test_home_and_index_list_the_live_campaigns(client, media, international):
    page = make_page(every_block(media), title="Stop now")

    for url in ("/en/", "/en/campaigns/"):
        html = client.get(url).content.decode()
        assert f'href="{page.url}">Stop now</a>' in html, url


def test_missing_page_is_a_friendly_translated_404(client):
    response = client.get("/fr-be/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr-be"' in html
    assert 'href="/fr-be/"' in html
    assert 'class="skip-link"' in html
