"""Legal review in the admin: texts coming due, and a reviewer's sign-off.

A member of "Legal reviewers · CODE" (``sync_regional_groups``) signs off
region CODE's legal text as it reads now; the sign-off records the text
signed (``LegalSignOff``). Releases in a region whose text is unsigned or
past its review-by date are blocked (``readiness``).
"""

import datetime as dt

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from campaign.models import (
    LEGAL_REVIEWERS,
    LegalSignOff,
    LegalText,
    Region,
    source_legal_text,
)
from campaign.timezones import admin_date

from . import access
from .views import ReleaseAdminMixin

#: Texts whose review-by date falls within this many days are listed as due.
DUE_WITHIN = dt.timedelta(days=30)


def signable_regions(user):
    if user.is_active and user.is_superuser:
        return Region.objects.all()
    names = [LEGAL_REVIEWERS % {"code": code} for code in _codes()]
    groups = user.groups.filter(name__in=names).values_list("name", flat=True)
    codes = [name.rsplit(" ", 1)[-1] for name in groups]
    return Region.objects.filter(code__in=codes)


def _codes():
    return Region.objects.values_list("code", flat=True)


def can_sign_off(user, region: Region) -> bool:
    return signable_regions(user).filter(pk=region.pk).exists()


class Due:
    def __init__(self, text: LegalText, today: dt.date, user):
        self.text = text
        self.region = text.region
        self.sign_off = LegalSignOff.current(text)
        self.overdue = bool(text.review_by and text.review_by < today)
        self.due_soon = bool(
            text.review_by and today <= text.review_by <= today + DUE_WITHIN
        )
        self.can_sign = can_sign_off(user, text.region)
        self.sign_url = reverse("campaign_releases:legal_sign_off", args=[text.pk])


class LegalDueView(ReleaseAdminMixin, TemplateView):
    """Every region's legal text: signed or not, and when it is due."""

    template_name = "campaign/admin/legal_due.html"
    page_title = gettext_lazy("Legal review")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        access.require(
            signable_regions(request.user).exists()
            or access.can_view_releases(request.user)
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        texts = [
            source_legal_text(region) for region in Region.objects.order_by("code")
        ]
        rows = [Due(text, today, self.request.user) for text in texts if text]
        context["due"] = [row for row in rows if row.overdue or row.due_soon]
        context["rows"] = rows
        context["within_days"] = DUE_WITHIN.days
        return context


class SignOffView(ReleaseAdminMixin, TemplateView):
    template_name = "campaign/admin/legal_sign_off.html"
    page_title = gettext_lazy("Sign off a legal text")
    header_icon = "warning"

    def dispatch(self, request, text_id):
        self.text = get_object_or_404(
            LegalText.objects.select_related("region"), pk=text_id
        )
        access.require(can_sign_off(request.user, self.text.region))
        if source_legal_text(self.text.region).pk != self.text.pk:
            self.text = source_legal_text(self.text.region)
        return super().dispatch(request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            text=self.text,
            current=LegalSignOff.current(self.text),
            history=self.text.sign_offs.select_related("signed_by")[:10],
            cancel_url=reverse("campaign_releases:legal"),
        )
        return context

    def post(self, request, *args, **kwargs):
        sign_off = LegalSignOff.sign(
            self.text, request.user, request.POST.get("comment", "").strip()
        )
        messages.success(
            request,
            _("Signed off: “%(title)s” for %(region)s, review by %(date)s.")
            % {
                "title": self.text.title,
                "region": self.text.region.name,
                "date": admin_date(sign_off.review_by) if sign_off.review_by else "—",
            },
        )
        return redirect("campaign_releases:legal")
