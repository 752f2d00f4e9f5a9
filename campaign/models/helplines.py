"""Helplines: where a reader of a region can get help, anonymously."""

import datetime
import zoneinfo

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from delivery.rows import arrays_supported, from_json, json_rows, set_prefetched

from .regions import Region, validate_time_zone

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
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_(
            "Where its opening hours are read, e.g. Europe/London. Empty: the "
            "region's time zone."
        ),
    )
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
        FieldPanel("time_zone"),
        InlinePanel("opening_hours", label=_("Opening hours (local time)")),
        InlinePanel("closures", label=_("Closures (public holidays, other days)")),
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
        SynchronizedField("time_zone"),
        SynchronizedField("closures"),
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

    @property
    def zone_key(self) -> str:
        """The IANA zone its hours are read in: its own, else its region's."""
        return self.time_zone or self.region.time_zone

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.zone_key)

    def closure_on(self, day: datetime.date) -> "HelplineClosure | None":
        """The closure covering ``day`` (local date), from prefetched rows."""
        for closure in self.closures.all():
            if closure.covers(day):
                return closure
        return None

    def upcoming_closures(self, today: datetime.date, limit: int = 3) -> list:
        """The next closures from ``today`` on (local date), soonest first."""
        rows = [c for c in self.closures.all() if c.last_day >= today]
        return sorted(rows, key=lambda closure: closure.starts)[:limit]

    def is_open(self, at: datetime.datetime | None = None) -> bool:
        """Open at ``at`` (now by default), on its own clock, closures honoured.

        A closure takes the whole local day, even for a line open 24 hours.
        """
        return self.open_with(at, self.opening_hours.all(), self.closures.all())

    def open_with(self, at, opening_hours, closures) -> bool:
        """``is_open`` over hours and closures the caller holds as lists (a
        cache of them: reading the related managers costs more than the rule)."""
        local = (at or timezone.now()).astimezone(self.zone)
        day = local.date()
        if any(closure.covers(day) for closure in closures):
            return False
        if self.always_open:
            return True
        now_time = local.time()
        yesterday = (local.weekday() - 1) % 7
        for hours in opening_hours:
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


class HelplineClosure(Orderable):
    """A day or run of days the helpline does not answer, in its local dates.

    Public holidays and one-off closures: "open now" is false on them and
    the page lists the next ones.
    """

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("Public holiday")
        CLOSURE = "closure", _("Closed")

    helpline = ParentalKey(Helpline, on_delete=models.CASCADE, related_name="closures")
    starts = models.DateField(_("from"))
    ends = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Empty: one day only.")
    )
    kind = models.CharField(
        _("reason"), max_length=10, choices=Kind.choices, default=Kind.HOLIDAY
    )

    panels = [
        FieldRowPanel([FieldPanel("starts"), FieldPanel("ends"), FieldPanel("kind")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("closure")
        verbose_name_plural = _("closures")

    def clean(self):
        super().clean()
        if self.ends and self.starts and self.ends < self.starts:
            raise ValidationError(
                {"ends": _("A closure cannot end before it starts.")},
                code="closure_ends_before_start",
            )

    @property
    def last_day(self) -> datetime.date:
        return self.ends or self.starts

    def covers(self, day: datetime.date) -> bool:
        return self.starts <= day <= self.last_day


#: The rows a page shows with each helpline, by their relation's name.
SCHEDULE = {"opening_hours": OpeningHours, "closures": HelplineClosure}


def with_schedule(helplines: models.QuerySet) -> models.QuerySet:
    """``helplines`` with their opening hours and closures in the same query
    (``delivery.rows``), where ``prefetch_related`` adds a query for each;
    ``attach_schedule`` turns them into rows. Without PostgreSQL's arrays,
    prefetched as usual."""
    if not arrays_supported():
        return helplines.prefetch_related(*SCHEDULE)
    return helplines.annotate(
        **{
            f"{name}_rows": json_rows(
                model.objects.filter(helpline=OuterRef("pk")).order_by(
                    "sort_order", "pk"
                ),
                leave_out=("helpline",),
            )
            for name, model in SCHEDULE.items()
        }
    )


def attach_schedule(helpline: "Helpline") -> "Helpline":
    """The rows ``with_schedule`` read, as the helpline's prefetched
    relations: ``helpline.opening_hours.all()`` then asks for nothing."""
    for name, model in SCHEDULE.items():
        found = getattr(helpline, f"{name}_rows", None)
        if found is None:  # prefetched (no arrays), or read one by one
            continue
        rows = [
            from_json(model, row, leave_out=("helpline",), helpline=helpline)
            for row in found
        ]
        set_prefetched(helpline, name, model, rows)
    return helpline
