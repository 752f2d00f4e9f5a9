"""What the page and snippet translation workspaces share: the screen's
title and breadcrumbs, and how a draft or submission is reported."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class WorkspaceBase(WagtailAdminTemplateMixin, TemplateView):
    """A translator's screen for one source (``self.source``, a page or a
    snippet) in one locale (``self.locale``), under the status matrix."""

    header_icon = "wagtail-localize-language"

    def get_page_title(self):
        return _("Translation of “%(title)s” into %(locale)s") % {
            "title": str(self.source),
            "locale": self.locale.get_display_name(),
        }

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("campaign_translations:status"),
                "label": _("Translation status"),
            },
            {"url": "", "label": self.get_page_title()},
        ]


def report(request, action, failed: str, done: str) -> bool:
    """Run ``action``; say ``done``, or ``failed`` with the ValidationError's
    messages (``failed`` has an ``%(errors)s`` placeholder). True if it ran."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, failed % {"errors": " ".join(error.messages)})
        return False
    messages.success(request, done)
    return True


def report_submission(request, locale, submit) -> bool:
    return report(
        request,
        submit,
        _("Not submitted: %(errors)s"),
        _("Submitted for review. A reviewer of %(locale)s decides next.")
        % {"locale": locale.get_display_name()},
    )
