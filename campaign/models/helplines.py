"""Helplines: where a reader of a region can get help, anonymously."""

import datetime

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .regions import Region

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


def to_e164(raw: str, country: str) -> str:
    """Parse a number as people type it; return E.164 or raise ValidationError."""
    region = None if country == "INT" else country
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_possible_number(number):
        raise ValidationError(
            _(
                "“%(number)s” is not a phone number we can dial. Write it as it is "
                "dialled in the country, or in international form (+45 …)."
            ),
            code="invalid_phone",
            params={"number": raw},
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class Helpline(TranslatableMixin, ClusterableModel):
    """A help service shown on every campaign page of its region.

    Name, hours note and anonymity note are translated into the region's
    locales; phone and URLs are the same in every language.
    """

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="helplines"
    )
    name = models.CharField(_("name"), max_length=150)
    description = models.CharField(
        _("what it offers"),
        max_length=300,
        blank=True,
        help_text=_("One sentence: who it is for and what happens when they call."),
    )
    phone = models.CharField(
        _("phone"),
        max_length=20,
        blank=True,
        help_text=_("Typed as dialled in the country; stored in international form."),
    )
    web_url = models.URLField(_("website"), blank=True)
    chat_url = models.URLField(_("chat"), blank=True)
    languages = models.CharField(
        _("languages"),
        max_length=200,
        blank=True,
        help_text=_("Languages it answers in, written for readers: “Dansk, English”."),
    )
    anonymity_note = models.CharField(
        _("confidentiality"),
        max_length=300,
        help_text=_(
            "What the caller can rely on, e.g. “Anonymous. Calls are not recorded.”"
        ),
    )
    always_open = models.BooleanField(_("open 24 hours, every day"), default=False)
    is_example = models.BooleanField(
        _("example only"),
        default=False,
        help_text=_("Demo data: the page marks this helpline as an example."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("region"),
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("web_url"), FieldPanel("chat_url")],
            heading=_("Contact (at least one)"),
        ),
        FieldPanel("languages"),
        FieldPanel("anonymity_note"),
        FieldPanel("always_open"),
        InlinePanel("opening_hours", label=_("Opening hours (local time)")),
        FieldRowPanel([FieldPanel("sort_order"), FieldPanel("is_example")]),
    ]

    #: What a region's translators translate; numbers, links and hours are the
    #: same in every language (wagtail-localize would otherwise treat the
    #: phone number, a CharField, as text to translate).
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("languages"),
        TranslatableField("anonymity_note"),
        SynchronizedField("region"),
        SynchronizedField("phone"),
        SynchronizedField("web_url"),
        SynchronizedField("chat_url"),
        SynchronizedField("always_open"),
        SynchronizedField("is_example"),
        SynchronizedField("sort_order"),
        SynchronizedField("opening_hours"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("helpline")
        verbose_name_plural = _("helplines")

    def __str__(self):
        return f"{self.name} ({self.region.code}, {self.locale.language_code})"

    def clean(self):
        super().clean()
        if not (self.phone or self.web_url or self.chat_url):
            raise ValidationError(
                _(
                    "Give at least one way to reach the helpline: phone, website "
                    "or chat."
                ),
                code="no_contact_channel",
            )
        if self.phone and self.region_id:
            try:
                self.phone = to_e164(self.phone, self.region.code)
            except ValidationError as error:
                raise ValidationError({"phone": error}) from None

    @property
    def phone_display(self) -> str:
        """The number as people in the region write it."""
        if not self.phone:
            return ""
        number = phonenumbers.parse(self.phone)
        if self.region.code == "INT":
            fmt = phonenumbers.PhoneNumberFormat.INTERNATIONAL
        else:
            fmt = phonenumbers.PhoneNumberFormat.NATIONAL
        return phonenumbers.format_number(number, fmt)

    def is_open(self, at: datetime.datetime | None = None) -> bool:
        """Open at ``at`` (now by default), read on the region's clock."""
        if self.always_open:
            return True
        local = (at or timezone.now()).astimezone(self.region.zone)
        now_time = local.time()
        yesterday = (local.weekday() - 1) % 7
        for hours in self.opening_hours.all():
            if hours.weekday == local.weekday() and hours.covers_same_day(now_time):
                return True
            if hours.weekday == yesterday and hours.covers_after_midnight(now_time):
                return True
        return False


class OpeningHours(Orderable):
    """One weekday's opening hours, in the helpline region's local time.

    A closing time at or before the opening time runs past midnight.
    """

    helpline = ParentalKey(
        Helpline, on_delete=models.CASCADE, related_name="opening_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=WEEKDAYS)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [
        FieldRowPanel(
            [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    @property
    def overnight(self) -> bool:
        return self.closes <= self.opens

    def covers_same_day(self, moment: datetime.time) -> bool:
        if self.overnight:
            return moment >= self.opens
        return self.opens <= moment < self.closes

    def covers_after_midnight(self, moment: datetime.time) -> bool:
        return self.overnight and moment < self.closes
