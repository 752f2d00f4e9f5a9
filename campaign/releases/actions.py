"""Confirmation pages for overriding a gate and withdrawing a campaign.

GET only shows what would happen; POST (CSRF-checked by Django's
middleware) does it, through the engine in ``campaign.releases.engine``.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from campaign.models import CampaignPage, Release
from campaign.releases import engine
from campaign.timezones import region_label, viewer_label

from . import access
from .views import ReleaseAdminMixin

State = Release.State
PENDING = [State.SCHEDULED, State.BLOCKED, State.FAILED, State.PUBLISHED]


def timeline_url(release: Release) -> str:
    if release.rollout_id:
        return reverse("campaign_releases:rollout", args=[release.rollout_id])
    return reverse("campaign_releases:page", args=[release.page_id])


class ConfirmView(ReleaseAdminMixin, TemplateView):
    template_name = "campaign/admin/confirm.html"
    http_method_names = ["get", "post"]

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            *self.page_crumbs(self.page),
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page=self.page, action_url=self.request.path)
        return context


class ReleaseConfirmView(ConfirmView):
    @cached_property
    def release(self) -> Release:
        return get_object_or_404(
            Release.objects.select_related("region", "page", "rollout"),
            pk=self.kwargs["release_id"],
        )

    @cached_property
    def page(self):
        return self.release.page

    def get_page_subtitle(self):
        region = self.release.region
        return f"{self.page.title}, {region.name} ({region.code})"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        release = self.release
        context.update(
            release=release,
            go_live_local=region_label(release.go_live_at, release.region.zone),
            go_live_viewer=viewer_label(release.go_live_at),
            cancel_url=timeline_url(release),
        )
        return context


class OverrideGateView(ReleaseConfirmView):
    """Let a blocked release publish what exists; the engine logs who did."""

    page_title = gettext_lazy("Override the approval gate")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        access.require(access.can_override(request.user, self.release))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(kind="override", confirm_label=_("Yes, publish anyway"))
        return context

    def not_blocked(self):
        messages.error(
            self.request,
            _("This release is %(state)s, not blocked: nothing to override.")
            % {"state": self.release.get_state_display()},
        )
        return redirect(timeline_url(self.release))

    def get(self, request, *args, **kwargs):
        if self.release.state != State.BLOCKED:
            return self.not_blocked()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        release = self.release
        if release.state != State.BLOCKED:
            return self.not_blocked()
        try:
            engine.override_gate(release, request.user, request.POST.get("reason", ""))
        except ValidationError as error:
            context = self.get_context_data(reason_error=" ".join(error.messages))
            return self.render_to_response(context, status=400)
        messages.success(
            request,
            _(
                "Gate overridden in %(region)s: the release publishes at the next "
                "sweep, within seconds. Your decision is in the page history."
            )
            % {"region": release.region.name},
        )
        return redirect(timeline_url(release))


class WithdrawRegionView(ReleaseConfirmView):
    """Unpublish one region's translations now and cancel its release."""

    header_icon = "warning"

    def get_page_title(self):
        return _("Withdraw in %(region)s") % {"region": self.release.region.name}

    def dispatch(self, request, *args, **kwargs):
        access.require(access.can_edit_region(request.user, self.release.region))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pages = engine.region_pages(self.release)
        context.update(
            kind="withdraw_region",
            live_pages=[page for page in pages if page.live],
            confirm_label=_("Yes, withdraw in %(region)s")
            % {"region": self.release.region.name},
        )
        return context

    def post(self, request, *args, **kwargs):
        outcome = engine.withdraw_region(self.release.pk, request.user)
        messages.success(
            request,
            _("Withdrawn in %(region)s: %(count)s page(s) unpublished.")
            % {"region": self.release.region.name, "count": len(outcome.pages)},
        )
        return redirect(timeline_url(self.release))


class WithdrawCampaignView(ConfirmView):
    """Unpublish every translation in every region and cancel what is pending."""

    page_title = gettext_lazy("Withdraw everywhere")
    header_icon = "warning"

    @cached_property
    def page(self):
        return access.campaign_or_404(self.kwargs["page_id"])

    def get_page_subtitle(self):
        return self.page.title

    def dispatch(self, request, *args, **kwargs):
        access.require(access.can_withdraw_campaign(request.user))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            kind="withdraw_campaign",
            live_pages=CampaignPage.objects.live()
            .filter(translation_key=self.page.translation_key)
            .select_related("locale")
            .order_by("locale__language_code"),
            pending=list(
                self.page.releases.filter(state__in=PENDING).select_related("region")
            ),
            confirm_label=_("Yes, withdraw everywhere now"),
            cancel_url=reverse("campaign_releases:page", args=[self.page.pk]),
        )
        return context

    def post(self, request, *args, **kwargs):
        unpublished, cancelled = engine.withdraw_campaign(self.page, request.user)
        messages.success(
            request,
            _(
                "“%(page)s” withdrawn everywhere: %(pages)s page(s) unpublished, "
                "%(releases)s release(s) cancelled."
            )
            % {
                "page": self.page.title,
                "pages": len(unpublished),
                "releases": cancelled,
            },
        )
        return redirect("campaign_releases:page", self.page.pk)
