"""Every release across campaigns: a month or week calendar, CSV and iCalendar.

One query (``releases_for``) serves the three: the calendar groups releases
by day on the viewer's clock (their Wagtail time zone) or each region's own;
the CSV has a row and the ``.ics`` file an event per release, with the UTC
instant and the region's local time. iCalendar is written by the
``icalendar`` library (RFC 5545 escaping, folding, UTC ``DTSTART``).
"""

import csv
import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from icalendar import Calendar, Event
from wagtail.models import Locale

from campaign.models import CampaignPage, Region, Release
from campaign.timezones import label, utc_label

from . import access, limits
from .views import ReleaseAdminMixin

State = Release.State
UTC = dt.UTC
#: The calendar shows nothing before this day (no release can be earlier).
EARLIEST_DAY = dt.date(2000, 1, 1)


@dataclass
class Filters:
    region: Region | None = None
    campaign: CampaignPage | None = None
    state: str = ""
    clock: str = "viewer"  # or "region"
    view: str = "month"  # or "week"
    day: dt.date = field(default_factory=dt.date.today)

    @classmethod
    def from_query(cls, query) -> "Filters":
        code = (query.get("region") or "").upper()
        region = Region.objects.filter(code=code).first() if code else None
        page_id = query.get("campaign") or ""
        campaign = (
            CampaignPage.objects.filter(pk=page_id).first()
            if page_id.isdigit()
            else None
        )
        state = query.get("state") or ""
        today = timezone.localdate()
        try:
            day = dt.date.fromisoformat(query.get("date") or "")
        except ValueError:
            day = today
        if not EARLIEST_DAY <= day <= today + 2 * limits.HORIZON:
            day = today  # year 9999 or 1 would run off the calendar (a 500)
        return cls(
            region=region,
            campaign=campaign,
            state=state if state in State.values else "",
            clock="region" if query.get("clock") == "region" else "viewer",
            view="week" if query.get("view") == "week" else "month",
            day=day,
        )


def releases_for(filters: Filters, start=None, end=None):
    releases = Release.objects.select_related("page", "region").order_by(
        "go_live_at", "region__code"
    )
    if filters.region is not None:
        releases = releases.filter(region=filters.region)
    if filters.campaign is not None:
        releases = releases.filter(page=filters.campaign)
    if filters.state:
        releases = releases.filter(state=filters.state)
    if start is not None:
        releases = releases.filter(go_live_at__gte=start, go_live_at__lt=end)
    return releases


def period(filters: Filters) -> tuple[dt.date, dt.date]:
    """First and last day shown: whole weeks, Monday first."""
    if filters.view == "week":
        first = filters.day - dt.timedelta(days=filters.day.weekday())
        return first, first + dt.timedelta(days=6)
    month = filters.day.replace(day=1)
    following = (month + dt.timedelta(days=32)).replace(day=1)
    first = month - dt.timedelta(days=month.weekday())
    last = following - dt.timedelta(days=1)
    last += dt.timedelta(days=6 - last.weekday())
    return first, last


def calendar_weeks(filters: Filters, viewer_zone: ZoneInfo):
    """Weeks of days, each day with the releases that go live on it (on the
    chosen clock), each release with its time on that clock."""
    first, last = period(filters)
    # A day on any clock lies within a day and a half of UTC.
    start = dt.datetime.combine(first, dt.time(), UTC) - dt.timedelta(days=2)
    end = dt.datetime.combine(last, dt.time(), UTC) + dt.timedelta(days=3)
    days: dict[dt.date, list] = {}
    for release in releases_for(filters, start, end):
        zone = release.region.zone if filters.clock == "region" else viewer_zone
        local = release.go_live_at.astimezone(zone)
        days.setdefault(local.date(), []).append((local, release))
    weeks, day = [], first
    while day <= last:
        week = []
        for _offset in range(7):
            week.append((day, days.get(day, []), day.month == filters.day.month))
            day += dt.timedelta(days=1)
        weeks.append(week)
    return weeks


def viewer_zone(user) -> ZoneInfo:
    profile = getattr(user, "wagtail_userprofile", None)
    name = (
        getattr(profile, "current_time_zone", "")
        or timezone.get_current_timezone_name()
    )
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError):
        return ZoneInfo("UTC")


def local_description(release: Release) -> str:
    return _("%(campaign)s in %(region)s: goes live at %(local)s (%(utc)s).") % {
        "campaign": release.page.title,
        "region": release.region.name,
        "local": label(release.go_live_at, release.region.zone),
        "utc": utc_label(release.go_live_at),
    }


def ics(releases, host: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//campaign manager//releases//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", str(_("Releases")))
    now = timezone.now()
    for release in releases:
        event = Event()
        event.add("uid", f"release-{release.pk}@{host}")
        event.add("dtstamp", now)
        event.add("dtstart", release.go_live_at.astimezone(UTC))
        event.add("duration", dt.timedelta(minutes=15))
        event.add(
            "summary",
            f"{release.page.title} · {release.region.code} "
            f"({release.get_state_display()})",
        )
        event.add("description", local_description(release))
        event.add("location", f"{release.region.name} ({release.region.zone.key})")
        calendar.add_component(event)
    return calendar.to_ical()


class CalendarView(ReleaseAdminMixin, TemplateView):
    """Month or week calendar of every release; its exports share its filters."""

    template_name = "campaign/admin/calendar.html"
    page_title = gettext_lazy("Release calendar")

    def dispatch(self, request, *args, **kwargs):
        access.require(access.can_view_releases(request.user))
        self.filters = Filters.from_query(request.GET)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            self.releases_crumb(),
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.filters
        step = dt.timedelta(days=7 if filters.view == "week" else 31)
        base = filters.day if filters.view == "week" else filters.day.replace(day=1)
        query = self.request.GET.copy()
        links = {}
        for name, day in (("previous", base - step), ("next", base + step)):
            query["date"] = (
                day.replace(day=1).isoformat()
                if filters.view == "month"
                else day.isoformat()
            )
            links[name] = "?" + query.urlencode()
        export = self.request.GET.copy()
        export.pop("date", None)
        export.pop("view", None)
        zone = viewer_zone(self.request.user)
        context.update(
            filters=filters,
            weeks=calendar_weeks(filters, zone),
            zone=zone,
            regions=Region.objects.order_by("code"),
            campaigns=CampaignPage.objects.filter(locale=Locale.get_default()).order_by(
                "title"
            ),
            states=State.choices,
            previous_url=links["previous"],
            next_url=links["next"],
            csv_url=reverse("campaign_releases:calendar_csv")
            + "?"
            + export.urlencode(),
            ics_url=reverse("campaign_releases:calendar_ics")
            + "?"
            + export.urlencode(),
        )
        return context


def export_csv(request):
    access.require(access.can_view_releases(request.user))
    filters = Filters.from_query(request.GET)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="releases.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "campaign",
            "region",
            "time_zone",
            "state",
            "go_live_utc",
            "go_live_local",
            "expire_utc",
        ]
    )
    for release in releases_for(filters):
        writer.writerow(
            [
                release.page.title,
                release.region.code,
                release.region.zone.key,
                release.state,
                release.go_live_at.astimezone(UTC).isoformat(),
                release.go_live_at.astimezone(release.region.zone).isoformat(),
                release.expire_at.astimezone(UTC).isoformat()
                if release.expire_at
                else "",
            ]
        )
    return response


def export_ics(request):
    access.require(access.can_view_releases(request.user))
    filters = Filters.from_query(request.GET)
    body = ics(releases_for(filters), request.get_host().split(":")[0])
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="releases.ics"'
    return response
