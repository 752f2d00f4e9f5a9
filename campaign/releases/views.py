"""Rollout form, timelines and the list of campaigns with their releases."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Locale

from campaign.models import CampaignPage, Release, Rollout

from . import access, readiness, timeline
from .forms import RolloutForm

State = Release.State


class ReleaseAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "time"

    def releases_crumb(self):
        return {
            "url": reverse("campaign_releases:index"),
            "label": _("Releases"),
        }

    def page_crumbs(self, page):
        return [
            self.releases_crumb(),
            {
                "url": reverse("campaign_releases:page", args=[page.pk]),
                "label": page.get_admin_display_title(),
            },
        ]


def timeline_rows(request, built: timeline.Timeline) -> timeline.Timeline:
    """Mark the actions this user may take on each row, and what would
    block each scheduled release if its instant were now."""
    user = request.user
    editable = set(access.editable_regions(user).values_list("pk", flat=True))
    may_override = user.has_perm("campaign.override_gate")
    for row in built.rows:
        release = row.release
        mine = release.region_id in editable
        row.can_override = may_override and mine and release.state == State.BLOCKED
        row.will_block = (
            readiness.will_block(release) if release.state == State.SCHEDULED else []
        )
        row.can_withdraw = mine and release.state not in (
            State.WITHDRAWN,
            State.EXPIRED,
        )
    return built


def releases_of(queryset):
    return list(
        queryset.select_related(
            "region", "page", "rollout", "gate_overridden_by", "scheduled_by"
        )
    )


def zone_presets(regions) -> list[tuple[str, list[str]]]:
    """Regions grouped by their UTC offset now ("UTC+01:00": BE, DK, ...),
    for the rollout form's presets; only groups of two or more."""
    now = timezone.now()
    groups: dict = {}
    for region in regions:
        offset = now.astimezone(region.zone).strftime("%z")
        groups.setdefault(offset, []).append(region.code)
    return [
        (f"UTC{offset[:3]}:{offset[3:]}", codes)
        for offset, codes in sorted(groups.items())
        if len(codes) > 1
    ]


class ReleaseIndexView(ReleaseAdminMixin, TemplateView):
    """The campaigns (source pages) with their releases counted by state."""

    template_name = "campaign/admin/release_index.html"
    page_title = gettext_lazy("Releases")

    def dispatch(self, request, *args, **kwargs):
        access.require(access.can_view_releases(request.user))
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, self.releases_crumb()]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = {
            f"n_{state}": Count("releases", filter=Q(releases__state=state))
            for state in State.values
        }
        campaigns = (
            CampaignPage.objects.filter(locale=Locale.get_default())
            .annotate(**counts)
            .order_by("title")
        )
        query = (self.request.GET.get("q") or "").strip()
        if query:
            campaigns = campaigns.filter(
                Q(title__icontains=query)
                | Q(releases__region__name__icontains=query)
                | Q(releases__region__code__iexact=query)
            ).distinct()
        context["query"] = query
        context["campaigns"] = [
            (campaign, [getattr(campaign, f"n_{state}") for state in State.values])
            for campaign in campaigns
        ]
        context["states"] = State.choices
        context["legal_url"] = reverse("campaign_releases:legal")
        context["can_schedule"] = access.can_schedule(self.request.user)
        return context


class RolloutView(ReleaseAdminMixin, FormView):
    """Schedule many regions of one campaign at once."""

    template_name = "campaign/admin/rollout_form.html"
    form_class = RolloutForm
    page_title = gettext_lazy("Plan a rollout")

    def dispatch(self, request, page_id, *args, **kwargs):
        self.page = access.campaign_or_404(page_id)
        access.require(access.can_schedule(request.user))
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            *self.page_crumbs(self.page),
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "user": self.request.user,
            "page": self.page,
        }

    def form_valid(self, form):
        try:
            rollout = form.save()
        except ValidationError as error:  # a region changed under us: nothing saved
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Rollout planned: %(count)s region(s) of “%(page)s”.")
            % {"count": len(form.planned), "page": self.page.title},
        )
        regions = [item.region for item in form.planned]
        not_ready = [
            checklist.region.code
            for checklist in readiness.for_page(self.page, regions)
            if not checklist.ready
        ]
        if not_ready:
            messages.warning(
                self.request,
                _(
                    "Not ready yet: %(regions)s. These releases will be blocked "
                    "at their instant unless the timeline's reasons are resolved."
                )
                % {"regions": ", ".join(not_ready)},
            )
        return redirect("campaign_releases:rollout", rollout.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.page
        context["existing"] = releases_of(self.page.releases.all())
        context["zone_presets"] = zone_presets(context["form"].region_list)
        context["checklists"] = readiness.for_page(
            self.page, context["form"].region_list
        )
        return context


class TimelineView(ReleaseAdminMixin, TemplateView):
    template_name = "campaign/admin/timeline.html"
    page_title = gettext_lazy("Timeline")

    def dispatch(self, request, *args, **kwargs):
        access.require(access.can_view_releases(request.user))
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            *self.page_crumbs(self.page),
            {"url": "", "label": self.heading},
        ]

    def get_header_buttons(self):
        user = self.request.user
        buttons = []
        if access.can_schedule(user):
            buttons.append(
                HeaderButton(
                    _("Plan a rollout"),
                    reverse("campaign_releases:plan", args=[self.page.pk]),
                    icon_name="time",
                    priority=10,
                )
            )
        if access.can_withdraw_campaign(user):
            buttons.append(
                HeaderButton(
                    _("Withdraw everywhere"),
                    reverse("campaign_releases:withdraw_campaign", args=[self.page.pk]),
                    icon_name="warning",
                    priority=20,
                )
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        built = timeline.build(self.releases, title=self.heading)
        context.update(
            page=self.page,
            heading=self.heading,
            timeline=timeline_rows(self.request, built),
            prefix="cm-timeline",
        )
        return context


class RolloutTimelineView(TimelineView):
    """When each region of one rollout goes live."""

    @cached_property
    def rollout(self):
        return get_object_or_404(
            Rollout.objects.select_related("page", "created_by"),
            pk=self.kwargs["rollout_id"],
        )

    @cached_property
    def page(self):
        return self.rollout.page

    @cached_property
    def releases(self):
        return releases_of(self.rollout.releases.all())

    @property
    def heading(self):
        return _("Rollout of “%(page)s”: when each region goes live") % {
            "page": self.page.title
        }


class PageTimelineView(TimelineView):
    """Every release of one campaign, whichever rollout made it."""

    @cached_property
    def page(self):
        return access.campaign_or_404(self.kwargs["page_id"])

    @cached_property
    def releases(self):
        return releases_of(self.page.releases.all())

    @property
    def heading(self):
        return _("Releases of “%(page)s”") % {"page": self.page.title}
