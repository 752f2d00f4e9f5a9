from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaign.models.pages import PAGE_TRANSLATABLE_FIELDS

#: Rich text of a statement: headings, lists and links, nothing embedded.
STATEMENT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class HomePage(Page):
    """The root of each locale's tree: what a reader sees at /<locale>/.

    It introduces the organisation (Settings › Site identity) and lists the
    live campaigns of its locale; editors may add a sentence of their own.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences under the page title."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["campaign.CampaignIndexPage", "home.StatementPage"]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class StatementPage(Page):
    """A statement the public may look for: accessibility, privacy, legal.

    Every footer links to the live statements of its locale.
    """

    body = RichTextField(_("text"), features=STATEMENT_FEATURES)
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("Shown under the statement: when it was last checked."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("body"),
        SynchronizedField("last_reviewed"),
    ]

    class Meta:
        verbose_name = _("statement page")
