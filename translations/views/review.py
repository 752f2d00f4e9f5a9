"""Reviewers' screens: the queue of submitted translations, and a decision.

A reviewer sees the submissions of the locales they review only, and the
decision view checks that again on the server.
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale
from wagtail_localize.segments.extract import extract_segments

from campaign.models import TranslationReview
from translations import decisions, drafts
from translations import snippets as snippet_drafts
from translations.labels import Namer, field_labels
from translations.permissions import can_review, can_review_snippet, reviewer_locales

from .snippets import snippet_changes

Status = TranslationReview.Status


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Required to reject: say what the translator should change."
        ),
    )


class QueueView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translations/review_queue.html"
    page_title = gettext_lazy("Translations to review")
    header_icon = "tasks"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        self.locales = reviewer_locales(request.user)
        if not self.locales.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reviews = TranslationReview.for_locales(self.locales).select_related(
            "page", "page__locale", "locale"
        )
        context["reviews"] = (
            reviews.filter(status=Status.SUBMITTED)
            .select_related("submitted_by")
            .order_by("submitted_at", "pk")
        )
        context["recent"] = (
            reviews.exclude(status=Status.SUBMITTED)
            .select_related("decided_by")
            .order_by("-decided_at", "-pk")[:20]
        )
        return context


def changes(review: TranslationReview) -> list[dict]:
    """Each translated string of the submitted revision beside the source's
    and the live page's, in page order, then every overridable value (link
    URLs, images, documents: what wagtail-localize lets a translator
    replace); ``changed`` marks what differs from the live page, ``unsafe``
    a link a reader must never follow."""
    page = review.page.specific
    submitted = review.revision.as_object()
    source = drafts.source_page(page)
    submitted_segments = extract_segments(submitted)
    live_segments = extract_segments(page) if page.live else []
    source_segments = extract_segments(source)
    name = Namer(field_labels(submitted))
    rows = _string_rows(name, submitted_segments, live_segments, source_segments)
    new = drafts.overrides_by_path(submitted_segments)
    old = drafts.overrides_by_path(live_segments)
    src = drafts.overrides_by_path(source_segments)
    for path, value in new.items():
        rows.append(
            {
                "label": name(path) + " · " + _("link or media"),
                "source": src.get(path, ""),
                "live": old.get(path, ""),
                "submitted": value,
                "changed": value != old.get(path, ""),
                "overridden": value != src.get(path, ""),
                "unsafe": not drafts.safe_override(value),
            }
        )
    return rows


def _string_rows(name, submitted_segments, live_segments, source_segments):
    new = drafts.strings_by_path(submitted_segments)
    old = drafts.strings_by_path(live_segments)
    src = drafts.strings_by_path(source_segments)
    rows = []
    for path, texts in new.items():
        for index, text in enumerate(texts):
            before = old.get(path, [])
            original = src.get(path, [])
            live = before[index] if len(before) == len(texts) else ""
            rows.append(
                {
                    "label": name(path),
                    "source": original[index] if len(original) == len(texts) else "",
                    "live": live,
                    "submitted": text,
                    "changed": text != live,
                }
            )
    return rows


class DecisionView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translations/review_detail.html"
    header_icon = "tasks"

    def dispatch(self, request, review_id):
        self.review = get_object_or_404(
            TranslationReview.objects.select_related(
                "page",
                "page__locale",
                "revision",
                "locale",
                "snippet_type",
                "submitted_by",
                "decided_by",
            ),
            pk=review_id,
        )
        review = self.review
        if review.is_snippet:
            allowed = can_review_snippet(request.user, review)
        else:
            allowed = can_review(request.user, review.page)
        if not allowed:
            raise PermissionDenied
        return super().dispatch(request)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("campaign_translations:review_queue"),
                "label": QueueView.page_title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_page_title(self):
        return _("Review: %(title)s (%(locale)s)") % {
            "title": self.review.title,
            "locale": self.review.target_locale.get_display_name(),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        review, page = self.review, self.review.page
        form = kwargs.get("form") or DecisionForm()
        if review.is_snippet:
            rows = snippet_changes(review)
            context.update(
                review=review,
                rows=rows,
                changed_count=sum(1 for row in rows if row["changed"]),
                form=form,
                pending=review.status == Status.SUBMITTED,
                queue_url=reverse("campaign_translations:review_queue"),
                source_language=snippet_drafts.snippet_reviewed(
                    review
                ).locale.language_code,
            )
            return context
        rows = changes(review)
        context.update(
            review=review,
            page=page,
            rows=rows,
            changed_count=sum(1 for row in rows if row["changed"]),
            form=form,
            pending=review.status == Status.SUBMITTED,
            preview_url=reverse(
                "wagtailadmin_pages:revisions_view", args=[page.pk, review.revision_id]
            ),
            compare_url=reverse(
                "wagtailadmin_pages:revisions_compare",
                args=[page.pk, "live" if page.live else "earliest", review.revision_id],
            ),
            queue_url=reverse("campaign_translations:review_queue"),
            source_language=Locale.get_default().language_code,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = DecisionForm(request.POST)
        approve = "approve" in request.POST
        if not form.is_valid() or not (approve or "reject" in request.POST):
            return self.render_to_response(self.get_context_data(form=form))
        try:
            decisions.decide(
                self.review.pk, request.user, approve, form.cleaned_data["comment"]
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.render_to_response(self.get_context_data(form=form))
        if approve and self.review.is_snippet:
            message = _("Approved and published: readers now see “%(title)s”.")
        elif approve:
            message = _(
                "Approved. The region's release will publish this revision "
                "of “%(title)s”."
            )
        else:
            message = _("Rejected. The translator of “%(title)s” sees your comment.")
        messages.success(request, message % {"title": self.review.title})
        return redirect("campaign_translations:review_queue")
