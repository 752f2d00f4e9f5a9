"""Translation drafts, review and status (issue: translators).

Hooks only; the views live in ``translations_views``, ``review`` and
``translations_status``, the logic in ``campaign.drafts`` and
``campaign.translation``.

How it meets wagtail-localize's editor, which has no save-draft or submit
step and whose footer no hook can extend (wagtail-localize #299, #655):
when a translator opens it, a banner above the editor carries "Save draft"
and "Submit for review" (plain forms posting to our views). In Wagtail's
own editor (translations made with ``copy_for_translation``) "Submit for
review" is an action menu item that saves the draft, then submits it.
"""

import base64
import hashlib
import re

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.widgets.button import Button
from wagtail.models import Page
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.views import convert

from campaign import drafts
from campaign.translation import can_translate, is_source_locale, reviewer_locales
from home.middleware import CONTENT_SECURITY_POLICY

from . import (
    review,
    translations_snippets,
    translations_status,
    translations_views,
)

SUBMIT_FIELD = "campaign-submit-review"

urlpatterns = [
    path("", translations_status.StatusView.as_view(), name="status"),
    path(
        "<int:source_id>/<str:locale_code>/",
        translations_views.WorkspaceView.as_view(),
        name="workspace",
    ),
    path(
        "<int:source_id>/<str:locale_code>/start/",
        translations_views.start,
        name="start",
    ),
    path("page/<int:page_id>/draft/", translations_views.save_draft, name="draft"),
    path("page/<int:page_id>/submit/", translations_views.submit, name="submit"),
    path(
        "snippet/<str:model_name>/<int:source_id>/<str:locale_code>/",
        translations_snippets.SnippetWorkspaceView.as_view(),
        name="snippet",
    ),
    path("reviews/", review.QueueView.as_view(), name="review_queue"),
    path("reviews/<int:review_id>/", review.DecisionView.as_view(), name="review"),
]


def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page", for publishers only.

    Converting mirrors the source page's content and live state into the
    translation at once, so a translator who may only edit would publish
    the source text in their locale. Same path as wagtail-localize's view,
    registered before it, so this check runs first.
    """
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


# Before wagtail-localize's hook (order 0): Django takes the first match.
@hooks.register("register_admin_urls", order=-1)
def register_translation_urls():
    return [
        path(
            "translations/",
            include((urlpatterns, "campaign_translations")),
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            convert_to_alias,
            name="campaign_convert_to_alias",
        ),
    ]


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return reviewer_locales(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_translation_menu():
    menu = Menu(
        items=[
            MenuItem(
                gettext_lazy("Status"),
                reverse("campaign_translations:status"),
                icon_name="wagtail-localize-language",
                order=100,
            ),
            ReviewMenuItem(
                gettext_lazy("Review"),
                reverse("campaign_translations:review_queue"),
                icon_name="tasks",
                order=200,
            ),
        ]
    )
    return SubmenuMenuItem(
        gettext_lazy("Translation"),
        menu,
        icon_name="wagtail-localize-language",
        name="campaign-translation",
        order=260,
    )


def _is_translation_without_publish(request, page) -> bool:
    if is_source_locale(page.locale_id):
        return False
    return not page.permissions_for_user(request.user).can_publish()


@hooks.register("before_edit_page", order=-1)
def translation_editor_actions(request, page):
    """Add Save draft / Submit for review above wagtail-localize's editor,
    and let the editor run under the site's Content-Security-Policy.

    wagtail-localize's own hook (order 0) renders the editor; this one runs
    first, calls it, and returns its response with the policy the editor
    needs (``with_editor_policy``); wagtail-localize's logic is unchanged.

    Also refuses Wagtail's own "Submit for moderation" on translations for
    those who may not publish: the default workflow publishes on approval,
    which would bypass the review and the regional release.
    """
    if request.method == "POST":
        if request.POST.get("action-submit") and _is_translation_without_publish(
            request, page
        ):
            messages.error(
                request, _("Translations go to review: use “Submit for review”.")
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
        return None
    if drafts.synced_translation(page) is None:
        return None
    if can_translate(request.user, page):
        _add_editor_banner(request, page)
    return with_editor_policy(localize_hooks.before_edit_page(request, page))


def _add_editor_banner(request, page):
    here = request.get_full_path()
    banner = render_to_string(
        "campaign/translations/editor_actions.html",
        {
            "page": page,
            "next": here,
            "draft_url": reverse("campaign_translations:draft", args=[page.pk]),
            "submit_url": reverse("campaign_translations:submit", args=[page.pk]),
            "workspace_url": translations_views.workspace_url_for(page),
        },
        request=request,
    )
    messages.info(request, banner, extra_tags="campaign-translation-actions")


#: wagtail-localize's editor page carries one inline script (its chooser
#: URLs), and its React editor injects <style> elements (styled-components):
#: under the site's policy (home/middleware.py) the editor stays blank.
CHOOSER_SCRIPT = re.compile(
    r"<script>(\s*if \(typeof window\.chooserUrls.*?)</script>", re.S
)


def _digest(script: str) -> str:
    return base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()


def with_editor_policy(response):
    """Allow the editor's own inline script (by hash) and inline styles, on
    that page only; the middleware keeps a policy a view has set."""
    if response is None or response.status_code != 200:
        return response
    if b"js-translation-editor" not in getattr(response, "content", b""):
        return response
    hashes = [
        f"'sha256-{_digest(script)}'"
        for script in CHOOSER_SCRIPT.findall(response.content.decode())
    ]
    directives = dict(
        item.split(" ", 1) for item in CONTENT_SECURITY_POLICY.split("; ")
    )
    directives["script-src"] = " ".join(["'self'", *hashes])
    directives["style-src"] = "'self' 'unsafe-inline'"
    response["Content-Security-Policy"] = "; ".join(
        f"{name} {value}" for name, value in directives.items()
    )
    return response


class SubmitForReviewMenuItem(ActionMenuItem):
    label = gettext_lazy("Submit for review")
    name = SUBMIT_FIELD
    icon_name = "resubmit"

    def is_shown(self, context):
        if context["view"] != "edit" or context.get("locked_for_user"):
            return False
        return can_translate(context["request"].user, context["page"])


@hooks.register("register_page_action_menu_item")
def register_submit_for_review_menu_item():
    return SubmitForReviewMenuItem(order=5)


@hooks.register("construct_page_action_menu")
def hide_workflow_submission_for_translators(menu_items, request, context):
    page = context.get("page")
    if context.get("view") != "edit" or page is None:
        return
    if _is_translation_without_publish(request, page):
        menu_items[:] = [item for item in menu_items if item.name != "action-submit"]


@hooks.register("after_edit_page")
def submit_after_save(request, page):
    """Wagtail saved the form as a draft; submit that revision for review."""
    if SUBMIT_FIELD not in request.POST or not can_translate(request.user, page):
        return None
    page = Page.objects.get(pk=page.pk).specific
    drafts.submit_for_review(page, request.user, revision=page.get_latest_revision())
    messages.success(
        request,
        _("Submitted for review. A reviewer of %(locale)s decides next.")
        % {"locale": page.locale.get_display_name()},
    )
    return None


@hooks.register("register_page_header_buttons")
def translation_header_button(page, user, view_name=None, next_url=None):
    if page.is_root() or not can_translate(user, page):
        return []
    return [
        Button(
            _("Translation and review"),
            translations_views.workspace_url_for(page),
            icon_name="wagtail-localize-language",
            priority=70,
        )
    ]


@hooks.register("register_log_actions")
def register_translation_log_actions(actions):
    actions.register_action(
        "campaign.translation.submit",
        gettext_lazy("Translation submitted for review"),
        gettext_lazy("Submitted a translation for review"),
    )
    actions.register_action(
        "campaign.translation.approve",
        gettext_lazy("Translation approved"),
        gettext_lazy("Approved a translation for release"),
    )
    actions.register_action(
        "campaign.translation.reject",
        gettext_lazy("Translation rejected"),
        gettext_lazy("Rejected a translation"),
    )
