"""Bad input is refused in the admin with a clear message, and nothing is lost."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from campaign.models import CampaignPage, Helpline, Region
from tests.campaign import builders


def snippet_url(model, action: str, *args) -> str:
    return reverse(model.snippet_viewset.get_url_name(action), args=args)


def errors_of(response) -> str:
    """Every error message the admin shows on a re-rendered form."""
    text = response.content.decode()
    assert response.status_code == 200, response.status_code
    return text


class RegionInputTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dk = builders.region("DK", "Europe/Copenhagen", "da-dk", name="Denmark")

    def setUp(self):
        self.login()

    def region_form(self, **overrides) -> dict:
        data = {
            "code": "DK",
            "name": "Denmark",
            "time_zone": "Europe/Copenhagen",
            "region_locales": inline_formset(
                [{"locale": builders.locale("da-dk").pk, "id": ""}]
            ),
        }
        data.update(overrides)
        return nested_form_data(data)

    def test_unknown_time_zone_is_refused_and_the_saved_one_is_kept(self):
        response = self.client.post(
            snippet_url(Region, "edit", self.dk.pk),
            self.region_form(time_zone="Europe/Copenhagn"),
        )
        text = errors_of(response)
        assert "is not an IANA time zone" in text
        assert "Europe/Copenhagn" in text  # the editor's input is still there
        self.dk.refresh_from_db()
        assert self.dk.time_zone == "Europe/Copenhagen"

    def test_unknown_country_code_is_refused(self):
        response = self.client.post(
            snippet_url(Region, "add"),
            self.region_form(code="XQ", name="Nowhere", time_zone="UTC",
                             region_locales=inline_formset([])),
        )  # fmt: skip
        assert "is not an ISO 3166-1 alpha-2 country code" in errors_of(response)
        assert not Region.objects.filter(code="XQ").exists()

    def test_international_region_code_is_accepted(self):
        response = self.client.post(
            snippet_url(Region, "add"),
            self.region_form(
                code="INT",
                name="International",
                time_zone="UTC",
                region_locales=inline_formset([{"locale": builders.locale("en").pk}]),
            ),
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        assert Region.objects.get(code="INT").time_zone == "UTC"

    def test_a_locale_cannot_serve_two_regions(self):
        response = self.client.post(
            snippet_url(Region, "add"),
            self.region_form(code="SE", name="Sweden", time_zone="Europe/Stockholm"),
        )
        assert "already exists" in errors_of(response)
        assert not Region.objects.filter(code="SE").exists()


class HelplineInputTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.dk = builders.region("DK", "Europe/Copenhagen", "da-dk")

    def setUp(self):
        self.login()

    def helpline_form(self, **overrides) -> dict:
        data = {
            "region": self.dk.pk,
            "name": "Stoplinjen (eksempel)",
            "description": "",
            "phone": "",
            "web_url": "",
            "chat_url": "",
            "languages": "Dansk",
            "anonymity_note": "Anonym.",
            "sort_order": "0",
            "time_zone": "",
            "opening_hours": inline_formset([]),
            "closures": inline_formset([]),
        }
        data.update(overrides)
        return nested_form_data(data)

    def add_url(self) -> str:
        return snippet_url(Helpline, "add") + "?locale=da-dk"

    def test_helpline_without_any_contact_channel_is_refused(self):
        response = self.client.post(self.add_url(), self.helpline_form())
        assert "Give at least one way to reach the helpline" in errors_of(response)
        assert not Helpline.objects.exists()

    def test_phone_is_stored_in_e164_and_shown_in_national_format(self):
        response = self.client.post(
            self.add_url(), self.helpline_form(phone="33 12 34 56")
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        helpline = Helpline.objects.get()
        assert helpline.phone == "+4533123456"
        assert helpline.phone_display == "33 12 34 56"

    def test_a_phone_number_that_cannot_be_dialled_is_refused(self):
        response = self.client.post(self.add_url(), self.helpline_form(phone="12"))
        assert "is not a phone number we can dial" in errors_of(response)
        assert not Helpline.objects.exists()


class PageInputTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = builders.campaign_index()
        cls.image = builders.image()
        cls.video = builders.document("campaign.mp4", b"\x00\x00\x00\x18ftypmp42")
        cls.captions = builders.document("campaign.vtt", builders.WEBVTT)
        cls.page = builders.campaign_page(
            cls.index, body=[("quote", {"quote": "Saved.", "attribution": "Me"})]
        )

    def setUp(self):
        self.login()

    def edit(self, blocks) -> str:
        data = nested_form_data(
            {"title": "Stop", "slug": "stop", "body": streamfield(blocks)}
        )
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.page.pk]), data
        )
        return errors_of(response)

    def assert_nothing_lost(self):
        page = CampaignPage.objects.get(pk=self.page.pk)
        assert page.body[0].value["quote"] == "Saved."
        assert page.get_latest_revision().as_object().body[0].value["quote"] == "Saved."

    def test_hero_image_without_alt_text_is_refused(self):
        text = self.edit(
            [("hero", {"headline": "H", "standfirst": "", "image": self.image.pk,
                       "alt_text": ""})]
        )  # fmt: skip
        assert "An image needs alt text" in text
        self.assert_nothing_lost()

    def test_a_headline_over_its_block_limit_is_refused_in_the_editor(self):
        text = self.edit(
            [("hero", {"headline": "H" * 121, "standfirst": "", "image": "",
                       "alt_text": ""})]
        )  # fmt: skip
        assert "Ensure this value has at most 120 characters (it has 121)" in text
        self.assert_nothing_lost()

    def test_video_without_captions_is_refused(self):
        text = self.edit(
            [("video", {"title": "V", "video": self.video.pk, "captions": "",
                        "transcript": rich_text("<p>T</p>"), "poster": ""})]
        )  # fmt: skip
        assert "A video needs captions" in text
        self.assert_nothing_lost()

    def test_captions_that_are_not_webvtt_are_refused(self):
        srt = builders.document(
            "campaign.srt", b"1\n00:00:00,000 --> 00:00:02,000\nHi\n"
        )
        text = self.edit(
            [("video", {"title": "V", "video": self.video.pk, "captions": srt.pk,
                        "transcript": rich_text("<p>T</p>"), "poster": ""})]
        )  # fmt: skip
        assert "Captions must be a WebVTT file" in text
        self.assert_nothing_lost()


class ImageUploadTests(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def upload(self, name: str, content: bytes):
        return self.client.post(
            reverse("wagtailimages:add"),
            {"title": name, "file": SimpleUploadedFile(name, content), "tags": ""},
        )

    def test_a_file_that_is_not_an_image_is_refused(self):
        response = self.upload("notes.png", b"this is plain text, not a picture")
        assert "Upload a valid image" in errors_of(response)
        assert not Image.objects.exists()

    def test_a_decompression_bomb_is_refused(self):
        bomb = io.BytesIO()
        builders.PILImage.new("1", (10_000, 10_000)).save(bomb, "PNG")
        assert len(bomb.getvalue()) < 200_000  # small file, 100 megapixels
        response = self.upload("bomb.png", bomb.getvalue())
        assert "pixels" in errors_of(response)
        assert not Image.objects.exists()
