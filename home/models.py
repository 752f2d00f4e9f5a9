from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from campaign.models.pages import PAGE_TRANSLATABLE_FIELDS


class HomePage(Page):
    """The root of each locale's tree: what a reader sees at /<locale>/.

    Editors use it to introduce the campaigns running in that language.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences under the page title."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["campaign.CampaignIndexPage"]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
