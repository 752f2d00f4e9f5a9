"""Hooks of the translation screens: menus, URLs, the editor's actions.

The views live in ``translations.views``, the logic in ``translations.drafts``,
``translations.snippets``, ``translations.status`` and
``translations.permissions``; ``translations.editor`` explains how our review
step meets wagtail-localize's editor.
"""

from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.widgets.button import Button
from wagtail.models import Page
from wagtail_localize import wagtail_hooks as localize_hooks

from translations import drafts, guards, urls
from translations.editor import (
    SUBMIT_FIELD,
    SubmitForReviewMenuItem,
    add_editor_banner,
    with_editor_policy,
    without_delete,
)
from translations.permissions import (
    can_translate,
    is_source_locale,
    reviewer_locales,
    translation_without_publish,
    works_in_segments,
)
from translations.views.pages import workspace_url_for


# Before wagtail-localize's hook (order 0): Django takes the first match.
@hooks.register("register_admin_urls", order=-1)
def register_translation_urls():
    return [
        path(
            "translations/",
            include(urls),
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            guards.convert_to_alias,
            name="campaign_convert_to_alias",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            guards.update_translations,
            name="campaign_update_translations",
        ),
    ]


# One way to public (translations/guards.py): before every other hook.
hooks.register("before_create_page", guards.before_create, order=-10)
hooks.register("before_edit_page", guards.before_edit, order=-10)
hooks.register("before_copy_page", guards.before_copy, order=-10)
hooks.register("construct_page_action_menu", guards.hide_publishing_actions)


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


@hooks.register("before_edit_page", order=-20)
def keep_translators_in_the_segment_editor(request, page):
    """Translators edit a translation in wagtail-localize's segment editor
    only, whatever made the page (a synced translation, ``copy_for_translation``,
    an alias, a converted page): its structure follows the source's.

    - A POST to the page editor is refused whole, nothing saved: the segment
      editor writes through wagtail-localize's string endpoints and our
      Save draft / Submit views, never through this form.
    - A page without an enabled Translation is not shown in Wagtail's
      editor: the translator goes to the page's workspace, where "Translate
      segment by segment" starts one from the page's current text.
    """
    if not works_in_segments(request.user, page):
        return None
    if request.method not in ("GET", "HEAD"):
        return permission_denied(request)
    if drafts.synced_translation(page) is not None and not page.alias_of_id:
        return None  # translation_editor_actions opens the segment editor
    source = drafts.source_page(page)
    if not is_source_locale(source.locale_id):
        return permission_denied(request)  # nothing to translate it from
    messages.info(
        request,
        _(
            "Translations are made segment by segment, from the source page: "
            "start the translation here."
        ),
    )
    return redirect(workspace_url_for(page))


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
        if request.POST.get("action-submit") and translation_without_publish(
            request.user, page
        ):
            messages.error(
                request, _("Translations go to review: use “Submit for review”.")
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
        return None
    if drafts.synced_translation(page) is None:
        return None
    translator = can_translate(request.user, page)
    if translator:
        add_editor_banner(request, page)
    response = localize_hooks.before_edit_page(request, page)
    if translator and translation_without_publish(request.user, page):
        response = without_delete(response)
    return with_editor_policy(response)


@hooks.register("register_page_action_menu_item")
def register_submit_for_review_menu_item():
    return SubmitForReviewMenuItem(order=5)


@hooks.register("construct_page_action_menu")
def hide_workflow_submission_for_translators(menu_items, request, context):
    page = context.get("page")
    if context.get("view") != "edit" or page is None:
        return
    if translation_without_publish(request.user, page):
        hidden = ("action-submit", "action-delete")
        menu_items[:] = [item for item in menu_items if item.name not in hidden]


@hooks.register("before_delete_page")
def refuse_delete(request, page):
    """Translators never delete a translation (only its publishers may):
    refused here, whatever button or URL the request came from. (Campaign
    pages also say so in their permission tester, which hides Delete.)"""
    if works_in_segments(request.user, page):
        return permission_denied(request)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_delete(request, action_type, objects, action_class_instance):
    """The bulk "Delete" of pages, refused whole to a translator when any of
    the pages is one they translate."""
    if action_type != "delete" or not isinstance(objects, list | tuple):
        return None
    pages = [item for item in objects if isinstance(item, Page)]
    if any(works_in_segments(request.user, page) for page in pages):
        return permission_denied(request)
    return None


def _without_delete(buttons, delete_url: str) -> list:
    kept = []
    for button in buttons:
        if getattr(button, "url", None) and button.url.startswith(delete_url):
            continue
        children = getattr(button, "dropdown_buttons", None)
        if children is not None:
            button.dropdown_buttons = _without_delete(children, delete_url)
        kept.append(button)
    return kept


@hooks.register("construct_page_listing_buttons")
def hide_delete_from_translators(buttons, page, user, context=None):
    """No "Delete" among a page's listing actions for its translators, for
    every page type (campaign pages' tester already says no)."""
    if works_in_segments(user, page):
        url = reverse("wagtailadmin_pages:delete", args=[page.pk])
        buttons[:] = _without_delete(buttons, url)


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
            workspace_url_for(page),
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
