"""A translator's screen for one page in one locale, and its actions.

Every action checks on the server that the user translates the page's
locale (``translations.permissions.can_translate``): the buttons a template
hides are a convenience, never the control.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import Locale, Page

from campaign.models import TranslationReview
from translations import drafts
from translations.labels import missing_segments
from translations.permissions import (
    can_translate,
    is_source_locale,
    translator_locales,
    works_in_segments,
)
from translations.status import (
    Cell,
    last_string_edit,
    page_state,
    progress_percent,
)

from .workspace import WorkspaceBase, report, report_submission


def _next_or(request, fallback: str) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return fallback


def _translation_page(page_id: int, user) -> Page:
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_translate(user, page):
        raise PermissionDenied
    return page


def workspace_url_for(page: Page) -> str:
    """A translation's workspace; the source is submitted from its editor."""
    if is_source_locale(page.locale_id):
        return reverse("wagtailadmin_pages:edit", args=[page.pk])
    source = drafts.source_page(page)
    return reverse(
        "campaign_translations:workspace",
        args=[source.pk, page.locale.language_code],
    )


class WorkspaceView(WorkspaceBase):
    """Where a translation stands, with its actions and review history."""

    template_name = "translations/workspace.html"

    def dispatch(self, request, source_id, locale_code):
        self.source = get_object_or_404(Page, pk=source_id).specific
        self.locale = get_object_or_404(Locale, language_code=locale_code)
        if not is_source_locale(self.source.locale_id) or is_source_locale(
            self.locale.pk
        ):
            raise Http404
        self.page = self.source.get_translation_or_none(self.locale)
        if self.page is not None:
            self.page = self.page.specific
            allowed = can_translate(request.user, self.page)
        else:
            allowed = translator_locales(request.user).filter(pk=self.locale.pk)
            allowed = allowed.exists()
        if not allowed:
            raise PermissionDenied
        return super().dispatch(request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.page
        translation = drafts.synced_translation(page) if page else None
        reviews = list(
            TranslationReview.objects.filter(page=page)
            .select_related("submitted_by", "decided_by", "revision")
            .order_by("-submitted_at", "-pk")
            if page
            else []
        )
        edited = last_string_edit(page) if page else None
        state, note = page_state(self.source, page, translation, reviews, edited)
        cell = Cell(state, self.locale, note=note)
        cell.percent = progress_percent(translation)
        context.update(
            source=self.source,
            locale=self.locale,
            target=page,
            translation=translation,
            cell=cell,
            reviews=reviews,
            here=self.request.get_full_path(),
            missing=missing_segments(translation, self.source),
            segments_only=page is not None
            and works_in_segments(self.request.user, page),
        )
        if page is not None:
            context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[page.pk])
        if translation is not None:
            context["preview_url"] = reverse(
                "wagtail_localize:preview_translation", args=[translation.pk]
            )
        return context


@require_POST
def start(request, source_id, locale_code):
    source = get_object_or_404(Page, pk=source_id).specific
    locale = get_object_or_404(Locale, language_code=locale_code)
    if not is_source_locale(source.locale_id) or is_source_locale(locale.pk):
        raise Http404
    target = source.get_translation_or_none(locale)
    if target is not None:
        allowed = can_translate(request.user, target)
    else:
        allowed = translator_locales(request.user).filter(pk=locale.pk).exists()
    if not allowed:
        raise PermissionDenied
    fallback = reverse("campaign_translations:workspace", args=[source_id, locale_code])
    try:
        translation = drafts.start_translation(source, locale, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(fallback)
    messages.success(
        request,
        _("Translate “%(title)s” here; save a draft or submit it when ready.")
        % {"title": source.title},
    )
    target = translation.get_target_instance()
    return redirect("wagtailadmin_pages:edit", target.pk)


@require_POST
def save_draft(request, page_id):
    page = _translation_page(page_id, request.user)
    report(
        request,
        lambda: drafts.save_draft(page, request.user),
        _("The draft was not saved: %(errors)s"),
        _("Draft saved. The live page has not changed."),
    )
    return redirect(_next_or(request, workspace_url_for(page)))


@require_POST
def submit(request, page_id):
    page = _translation_page(page_id, request.user)
    report_submission(
        request, page.locale, lambda: drafts.submit_for_review(page, request.user)
    )
    return redirect(_next_or(request, workspace_url_for(page)))
