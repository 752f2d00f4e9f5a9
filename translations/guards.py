"""The admin's side of "one way to public" (campaign/publication.py).

Campaign pages go live only through a region's release. Wagtail and
wagtail-localize offer other ways; each is turned into a draft save or a
refusal here, with a message saying why, before the model's own guard
(``CampaignPage.save``) would have to answer 403:

- the page editor's and the create view's "Publish" and "Submit for
  moderation" (Wagtail's workflow publishes on approval): hidden; sent
  anyway, the create view saves a draft and the edit view refuses;
- "Submit for moderation" on any page, at creation, by someone who may not
  publish there (translators, reviewers, regional editors);
- copying a campaign page with "Publish copies" or as an alias (an alias
  mirrors the live state of its original);
- wagtail-localize's "Sync translated pages" with "Publish immediately",
  and its "Convert to alias page".
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.views import convert as localize_convert
from wagtail_localize.views import update_translations as localize_update

from campaign.models import CampaignPage

PUBLISHING_ACTIONS = ("action-publish", "action-submit")


def is_campaign_class(model) -> bool:
    return model is not None and issubclass(model, CampaignPage)


def _drop(request, names) -> list[str]:
    """Remove ``names`` from the POST data the view is about to read."""
    present = [name for name in names if request.POST.get(name)]
    if present:
        data = request.POST.copy()
        for name in present:
            data.pop(name, None)
        request.POST = data
    return present


def _warn_draft(request) -> None:
    messages.warning(
        request,
        _(
            "Saved as a draft. Campaign pages go live only through a release: "
            "submit the text for review, then plan a rollout."
        ),
    )


def before_create(request, parent_page, page_class):
    if request.method != "POST":
        return None
    if is_campaign_class(page_class):
        if _drop(request, PUBLISHING_ACTIONS):
            _warn_draft(request)
        return None
    may_publish = parent_page.permissions_for_user(request.user).can_publish_subpage()
    if not may_publish and _drop(request, ["action-submit"]):
        messages.warning(
            request,
            _("Saved as a draft: you may not send pages to moderation here."),
        )
    return None


def before_edit(request, page):
    """The editor of a campaign page shows neither action (its permission
    tester says no); a request that sends one anyway is turned away whole."""
    if request.method != "POST" or not is_campaign_class(page.specific_class):
        return None
    if any(request.POST.get(name) for name in PUBLISHING_ACTIONS):
        messages.error(
            request,
            _(
                "Campaign pages go live only through a release: submit the text "
                "for review, then plan a rollout. Nothing was saved."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


def hide_publishing_actions(menu_items, request, context) -> None:
    """No "Publish" or "Submit for moderation" in a campaign page's action
    menu, at creation too (where the parent's permissions would show them)."""
    if is_campaign_class(_menu_page_class(request, context)):
        menu_items[:] = [
            item for item in menu_items if item.name not in PUBLISHING_ACTIONS
        ]


def before_copy(request, page):
    if request.method == "POST" and is_campaign_class(page.specific_class):
        if _drop(request, ["publish_copies", "alias"]):
            messages.warning(
                request,
                _(
                    "Copied as a draft: a copy of a campaign page goes live only "
                    "through a release."
                ),
            )
    return None


def _menu_page_class(request, context):
    page = context.get("page")
    if page is not None:
        return type(page)
    match = request.resolver_match
    if context.get("view") != "create" or match is None:
        return None
    try:
        return apps.get_model(
            match.kwargs["content_type_app_name"],
            match.kwargs["content_type_model_name"],
        )
    except (KeyError, LookupError):
        return None


def update_translations(request, translation_source_id):
    """wagtail-localize's "Sync translated pages", without "Publish
    immediately" for campaign pages: it would write and publish every
    locale's page at once, reviewed or not."""
    if not request.user.has_perms(["wagtail_localize.submit_translation"]):
        raise PermissionDenied
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    model = source.specific_content_type.model_class()
    if request.method == "POST" and is_campaign_class(model):
        if _drop(request, ["publish_translations"]):
            messages.error(
                request,
                _(
                    "Translations of a campaign page are not published from here: "
                    "they go to review, and a release publishes them."
                ),
            )
            return redirect(request.path)
    return localize_update.UpdateTranslationsView.as_view()(
        request, translation_source_id=translation_source_id
    )


def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page", for publishers only, and
    never for a campaign page: converting mirrors the source's content and
    live state into the translation at once."""
    page = get_object_or_404(Page, pk=page_id)
    if is_campaign_class(page.specific_class):
        raise PermissionDenied
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return localize_convert.convert_to_alias(request, page_id)
