"""Page types: where they may go, and a full admin form round trip."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    nested_form_data,
    rich_text,
    streamfield,
)

from campaign.models import CampaignIndexPage, CampaignPage
from home.models import HomePage, StatementPage
from tests.campaign import builders


def listblock(items: list) -> dict:
    """Form data of a ListBlock, as the admin's editor posts it."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index), "id": ""}
        for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


class PageTreeTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_and_holds_only_campaign_indexes_and_statements(
        self,
    ):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {CampaignIndexPage, StatementPage})

    def test_campaign_index_goes_under_a_home_page_and_holds_campaign_pages(self):
        self.assertAllowedParentPageTypes(CampaignIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CampaignIndexPage, {CampaignPage})

    def test_campaign_page_goes_under_an_index_and_has_no_children(self):
        self.assertAllowedParentPageTypes(CampaignPage, {CampaignIndexPage})
        self.assertAllowedSubpageTypes(CampaignPage, set())
        self.assertCanCreateAt(CampaignIndexPage, CampaignPage)
        self.assertCanNotCreateAt(HomePage, CampaignPage)


class AdminRoundTripTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.region = builders.region("BE", "Europe/Brussels", "en")
        builders.helpline(cls.region, "en", "Stop line (example)", phone="+3225550101")
        builders.legal_text(cls.region, "en")
        cls.index = builders.campaign_index()
        cls.image = builders.image()
        cls.video = builders.document("campaign.mp4", b"\x00\x00\x00\x18ftypmp42")
        cls.captions = builders.document("campaign.vtt", builders.WEBVTT)

    def setUp(self):
        self.login()

    def every_block(self) -> dict:
        text = rich_text("<p>Help is <b>anonymous</b>.</p>", features=["bold"])
        return streamfield(
            [
                (
                    "hero",
                    {
                        "headline": "AI-made abuse images are a crime",
                        "standfirst": "Consequences are real.",
                        "image": self.image.pk,
                        "alt_text": "Blue and orange circles",
                    },
                ),
                ("key_message", {"heading": "No excuse", "text": text}),
                ("legal_consequences", {"heading": "The law", "intro": "In short:"}),
                (
                    "help_call_to_action",
                    {"heading": "Talk to someone", "text": "Free."},
                ),
                (
                    "faq",
                    {
                        "heading": "Questions",
                        "questions": listblock(
                            [{"question": "Is it anonymous?", "answer": text}]
                        ),
                    },
                ),
                (
                    "video",
                    {
                        "title": "Why it matters",
                        "video": self.video.pk,
                        "captions": self.captions.pk,
                        "transcript": text,
                        "poster": "",
                    },
                ),
                (
                    "statistic",
                    {
                        "value": "1 in 5",
                        "label": "example figure",
                        "source": "Example source",
                        "source_url": "https://example.org/",
                    },
                ),
                (
                    "quote",
                    {
                        "quote": "Reach out early.",
                        "attribution": "Example counsellor",
                        "role": "Helpline",
                    },
                ),
            ]
        )

    def test_admin_creates_a_campaign_page_with_every_block_and_it_renders(self):
        data = nested_form_data(
            {
                "title": "Stop before you start",
                "slug": "stop",
                "body": self.every_block(),
                "seo_title": "",
                "search_description": "",
            }
        )
        # Saved as a draft: campaign pages go live only through a release.
        self.assertCanCreate(self.index, CampaignPage, data, publish=False)
        page = CampaignPage.objects.get(slug="stop")
        types = [block.block_type for block in page.body]
        assert types == [
            "hero",
            "key_message",
            "legal_consequences",
            "help_call_to_action",
            "faq",
            "video",
            "statistic",
            "quote",
        ]
        assert page.body[0].value["image"] == self.image
        assert page.body[4].value["questions"][0]["question"] == "Is it anonymous?"
        assert page.body[5].value["captions"] == self.captions
        builders.publish_revision(page.save_revision())
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page, post_data=data)
