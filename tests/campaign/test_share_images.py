"""Share images: the headline of a campaign page drawn on two cards.

The drawing is checked without a database (sizes, wrapping, shrinking,
Arabic shaping and alignment, contrast); publishing a page is checked end to
end with Celery running eagerly (the test settings), including that a new
rendering reuses the same Image rows.
"""

import hashlib
import io
import logging
import uuid
from pathlib import Path

import pytest
from PIL import Image as PILImage
from PIL import ImageChops, ImageFont
from wagtail.images.models import Image
from wagtail.models import Collection

from campaign import publication
from campaign.models import CampaignPage
from campaign.share_images import render as share_images
from campaign.share_images import typesetting as share_text
from campaign.share_images.render import (
    ACCENT,
    BACKGROUND,
    FOOTER,
    FORMATS,
    HEADLINE,
    SHAPE,
    render_card,
)
from campaign.share_images.tasks import render_share_images
from campaign.share_images.typesetting import (
    FontNotFound,
    Script,
    codepoints,
    fit_headline,
    font_file,
    script_for,
    text_style,
    wrap_words,
)
from tests.campaign import builders

OG, SQUARE = FORMATS
ENGLISH = "Making abuse images with AI is a crime. Stop before you start."
ARABIC = "إنشاء صور الاعتداء بالذكاء الاصطناعي جريمة. توقّف قبل أن تبدأ."
LONG = " ".join(["Anyone who makes or shares such pictures commits a crime."] * 4)
HUGE_WORD = "Kinderpornografiebekämpfungsgesetzgebungsverfahrensbeschleunigung"


def ink_columns(card: PILImage.Image, colour, box) -> tuple[int, int]:
    """Leftmost and rightmost column inside ``box`` with a pixel of ``colour``."""
    left, top, right, bottom = box
    bands = card.crop((0, top, card.width, bottom)).split()
    masks = [
        band.point(lambda v, c=c: 255 if v == c else 0).convert("1")
        for band, c in zip(bands, colour, strict=True)
    ]
    found = ImageChops.logical_and(
        ImageChops.logical_and(masks[0], masks[1]), masks[2]
    ).getbbox()
    assert found is not None, "no ink found"
    return found[0], found[2]


def contrast(first, second) -> float:
    """WCAG 2 contrast ratio of two sRGB colours."""

    def luminance(rgb):
        linear = [
            c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
            for c in (v / 255 for v in rgb)
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Drawing, without a database.


@pytest.mark.parametrize("language", ["en", "ar"])
def test_cards_are_exactly_1200x630_and_1080x1080(language):
    text = ENGLISH if language == "en" else ARABIC
    cards = [render_card(text, language, fmt, "Campaign manager") for fmt in FORMATS]

    assert [card.size for card in cards] == [(1200, 630), (1080, 1080)]
    stored = PILImage.open(io.BytesIO(share_images.encode_png(cards[0])))
    assert (stored.format, stored.size) == ("PNG", (1200, 630))


def test_text_and_shapes_meet_wcag_aa_contrast():
    for text_colour in (HEADLINE, FOOTER):
        for ground in (BACKGROUND, SHAPE):
            assert contrast(text_colour, ground) >= 4.5
    # Non-text contrast (WCAG 1.4.11) for the accent bar.
    assert contrast(ACCENT, BACKGROUND) >= 3


@pytest.mark.parametrize("width", [200, 450, 900])
@pytest.mark.parametrize("language,text", [("en", LONG), ("ar", ARABIC * 3)])
def test_wrapping_never_splits_a_word_and_keeps_every_word_in_order(
    language, text, width
):
    style = text_style(language, 48)
    lines = wrap_words(text, style, width, style.direction)

    assert len(lines) > 1
    assert [word for line in lines for word in line.split()] == text.split()
    for line in lines:
        assert style.getlength(line) <= width or " " not in line


def test_wrapping_works_with_a_plain_pillow_font():
    font = ImageFont.truetype(str(font_file(share_text.LATIN)), 40)
    lines = wrap_words(ENGLISH, font, 300)

    assert " ".join(lines) == ENGLISH
    assert all(font.getlength(line) <= 300 for line in lines)


def test_a_word_wider_than_the_box_gets_a_line_of_its_own_unsplit():
    style = text_style("de-de", 48)
    lines = wrap_words(f"Das {HUGE_WORD} gilt", style, 300)

    assert lines == ["Das", HUGE_WORD, "gilt"]


def test_no_break_spaces_keep_their_words_on_one_line():
    style = text_style("fr-be", 48)
    text = "Vous pouvez arrêter\u00a0! Appelez\u00a0maintenant"
    lines = wrap_words(text, style, 250)

    assert len(lines) > 2
    assert any("arrêter\u00a0!" in line for line in lines)
    assert any("Appelez\u00a0maintenant" in line for line in lines)
    assert " ".join(lines) == text


@pytest.mark.parametrize("fmt", FORMATS, ids=["og", "square"])
def test_an_over_long_headline_shrinks_the_font_and_still_fits(fmt):
    left, top, right, bottom = fmt.text_box()
    short, _ = fit_headline("Stop", "en", right - left, bottom - top, 200)
    style, lines = fit_headline(LONG, "en", right - left, bottom - top, 200)

    assert style.size < short.size
    assert style.block_height(len(lines)) <= bottom - top
    assert all(style.getlength(line) <= right - left for line in lines)
    assert " ".join(lines) == LONG


def test_a_single_word_wider_than_the_box_forces_a_smaller_size():
    left, top, right, bottom = OG.text_box()
    width, height = right - left, bottom - top
    short, _ = fit_headline("Verboten", "de-de", width, height, OG.headline_size)
    style, lines = fit_headline(HUGE_WORD, "de-de", width, height, OG.headline_size)

    assert lines == [HUGE_WORD]
    assert style.size < short.size
    assert style.getlength(HUGE_WORD) <= width


def test_arabic_is_shaped_by_raqm():
    path = str(font_file(share_text.ARABIC))
    shaped = ImageFont.truetype(path, 60, layout_engine=ImageFont.Layout.RAQM)
    unshaped = ImageFont.truetype(path, 60, layout_engine=ImageFont.Layout.BASIC)

    assert shaped.getlength(ARABIC, direction="rtl", language="ar") != pytest.approx(
        unshaped.getlength(ARABIC)
    )
    style = text_style("ar", 60)
    assert style.direction == "rtl"
    assert style.faces[0][0].layout_engine == ImageFont.Layout.RAQM
    assert {run.direction for run in style.runs(ARABIC)} == {"rtl"}


def test_arabic_is_right_aligned_and_english_left_aligned():
    arabic = render_card("توقّف", "ar", OG)
    english = render_card("Stop", "en", OG)
    arabic_box, english_box = OG.text_box(rtl=True), OG.text_box()

    ink_left, ink_right = ink_columns(arabic, HEADLINE, arabic_box)
    assert arabic_box[2] - 12 <= ink_right <= arabic_box[2] + 2
    assert ink_left > OG.width / 2
    ink_left, ink_right = ink_columns(english, HEADLINE, english_box)
    assert english_box[0] - 2 <= ink_left <= english_box[0] + 12
    assert ink_right < OG.width / 2


def test_latin_words_in_arabic_use_the_latin_font_in_their_own_order():
    style = text_style("ar", 60)
    runs = style.runs("الذكاء الاصطناعي (AI) جريمة")

    latin = [run for run in runs if run.direction == "ltr"]
    assert [run.text for run in latin] == ["AI"]
    # Drawn with a font that has Latin letters (Noto Sans Arabic from the
    # fontpkg package carries them; otherwise Noto Sans).
    assert {ord(char) for char in "AI"} <= codepoints(Path(latin[0].font.path))
    # The brackets belong to the Arabic sentence, so they are mirrored with it.
    assert all(run.direction == "rtl" for run in runs if "(" in run.text)


def test_a_missing_font_names_its_script_and_python_package():
    script = Script(
        "Test", "ltr", (f"NoSuchFont-{uuid.uuid4().hex}.ttf",), 1.2, "fontpkg_no_such"
    )

    with pytest.raises(FontNotFound, match="Test script.*fontpkg-no-such"):
        font_file(script)


def test_the_fonts_of_every_demo_script_come_from_python_packages(settings):
    settings.SHARE_IMAGE_FONT_DIRS = []
    font_file.cache_clear()
    try:
        for language in ("en", "da", "de", "es", "fr", "nl", "pl", "ar"):
            path = font_file(script_for(language))
            assert "site-packages" in str(path), (language, path)
            assert (path.parent.parent / "LICENSE").is_file()  # OFL-1.1
    finally:
        font_file.cache_clear()


# Publishing, with a database.


@pytest.fixture
def media(settings, tmp_path):
    """Files in a folder of this test, renditions in a cache of this test."""
    settings.MEDIA_ROOT = tmp_path
    local = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    settings.CACHES = {"default": local, "renditions": {**local, "LOCATION": "r"}}
    return tmp_path


def hero(headline: str) -> list[dict]:
    value = {"headline": headline, "standfirst": "", "image": None, "alt_text": ""}
    return [{"type": "hero", "value": value, "id": str(uuid.uuid4())}]


def publish(page, django_capture_on_commit_callbacks, caplog):
    """Publish as the admin does: a revision of the latest revision's content."""
    with (
        caplog.at_level(logging.ERROR),
        django_capture_on_commit_callbacks(execute=True),
        publication.permitted("test"),
    ):
        page.save_revision().publish()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    return CampaignPage.objects.get(pk=page.pk)


@pytest.fixture
def campaign(media, django_capture_on_commit_callbacks, caplog):
    index = builders.campaign_index()
    page = CampaignPage(
        title="Stop before you start", slug="stop", body=hero(ENGLISH), live=False
    )
    index.add_child(instance=page)
    return publish(page, django_capture_on_commit_callbacks, caplog)


def sha1(path) -> str:
    return hashlib.sha1(path.read_bytes(), usedforsecurity=False).hexdigest()


@pytest.mark.django_db
def test_publishing_a_campaign_page_stores_both_share_images(campaign, media):
    og, square = campaign.share_image, campaign.share_image_square

    assert (og.width, og.height) == (1200, 630)
    assert (square.width, square.height) == (1080, 1080)
    assert og.title == "Share image · Stop before you start · en · 1200×630"
    assert og.description == ENGLISH
    collection = Collection.objects.get(name="Share images")
    assert collection.get_parent() == Collection.get_first_root_node()
    for image in (og, square):
        assert image.collection == collection
        path = media / image.file.name
        assert PILImage.open(path).size == (image.width, image.height)
        assert (image.file_size, image.file_hash) == (path.stat().st_size, sha1(path))


@pytest.mark.django_db
def test_publishing_again_reuses_the_same_images(
    campaign, media, django_capture_on_commit_callbacks, caplog
):
    ids = (campaign.share_image_id, campaign.share_image_square_id)
    old_file = media / campaign.share_image.file.name
    campaign.share_image.get_rendition("fill-120x60")
    count = Image.objects.count()

    # A revision saved before the images existed (here the first) has empty
    # share image fields; publishing one must still find the page's images.
    page = campaign.latest_revision.as_object()
    assert page.share_image_id is None
    page.body = hero("A new message: you can still stop.")
    page = publish(page, django_capture_on_commit_callbacks, caplog)

    assert (page.share_image_id, page.share_image_square_id) == ids
    assert Image.objects.count() == count
    image = page.share_image
    assert image.file_hash != campaign.share_image.file_hash
    assert image.description == "A new message: you can still stop."
    assert image.renditions.count() == 0
    assert not old_file.exists()
    assert sha1(media / image.file.name) == image.file_hash

    # Republishing unchanged content writes nothing new.
    same = publish(page, django_capture_on_commit_callbacks, caplog)
    assert same.share_image.file.name == image.file.name
    assert Image.objects.count() == count


@pytest.mark.django_db
def test_publishing_an_old_revision_never_points_at_a_deleted_image(
    campaign, django_capture_on_commit_callbacks, caplog
):
    first = campaign.latest_revision
    campaign.body = hero("Second message")
    publish(campaign, django_capture_on_commit_callbacks, caplog)
    count = Image.objects.count()

    with (
        django_capture_on_commit_callbacks(execute=True),
        publication.permitted("test"),
    ):
        first.publish()
    page = CampaignPage.objects.get(pk=campaign.pk)

    assert page.share_image.description == ENGLISH
    assert Image.objects.count() == count
    for revision in page.revisions.all():
        for field in ("share_image", "share_image_square"):
            image_id = revision.content.get(f"{field}")
            assert image_id is None or Image.objects.filter(pk=image_id).exists()


@pytest.mark.django_db
def test_a_page_without_a_hero_uses_its_title(
    media, django_capture_on_commit_callbacks, caplog
):
    index = builders.campaign_index()
    body = [
        {
            "type": "key_message",
            "value": {"heading": "Not harmless", "text": "<p>It is a crime.</p>"},
            "id": str(uuid.uuid4()),
        }
    ]
    page = CampaignPage(title="You can stop", slug="stop", body=body, live=False)
    index.add_child(instance=page)
    page = publish(page, django_capture_on_commit_callbacks, caplog)

    expected = render_card("You can stop", "en", OG, share_images.site_name(page))
    stored = (media / page.share_image.file.name).read_bytes()
    assert stored == share_images.encode_png(expected)
    assert page.share_image.description == "You can stop"


@pytest.mark.django_db
def test_a_translation_gets_images_of_its_own(
    campaign, django_capture_on_commit_callbacks, caplog
):
    english = (campaign.share_image.pk, campaign.share_image.file_hash)
    arabic = campaign.copy_for_translation(builders.locale("ar"), copy_parents=True)
    # Wagtail copies the share image fields into the translation.
    assert arabic.share_image_id == campaign.share_image_id
    arabic.body = hero(ARABIC)
    arabic = publish(arabic, django_capture_on_commit_callbacks, caplog)

    assert arabic.share_image_id not in (english[0], campaign.share_image_square_id)
    assert " · ar · " in arabic.share_image.title
    campaign.share_image.refresh_from_db()
    assert (campaign.share_image.pk, campaign.share_image.file_hash) == english


@pytest.mark.django_db
def test_images_are_rendered_once_the_publication_is_committed(
    media, django_capture_on_commit_callbacks
):
    index = builders.campaign_index()
    page = CampaignPage(title="Stop", slug="stop", body=hero("Stop"), live=False)
    index.add_child(instance=page)

    with (
        django_capture_on_commit_callbacks() as callbacks,
        publication.permitted("test"),
    ):
        page.save_revision().publish()
    assert CampaignPage.objects.get(pk=page.pk).share_image_id is None

    for callback in callbacks:
        callback()
    assert CampaignPage.objects.get(pk=page.pk).share_image_id is not None


@pytest.mark.django_db
def test_a_deleted_page_is_logged_and_ignored(campaign, caplog):
    page_id = campaign.pk
    campaign.delete()
    count = Image.objects.count()

    with caplog.at_level(logging.INFO, logger="campaign.share_images.tasks"):
        assert render_share_images.delay(page_id).get() is None

    assert f"campaign page {page_id}" in caplog.text
    assert Image.objects.count() == count
