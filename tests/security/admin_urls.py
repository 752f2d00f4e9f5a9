"""Every admin URL the site exposes, filled with the demo's objects.

Found by walking Django's URL resolver (nothing listed by hand), so a view
added anywhere under /admin/ appears here by itself. A URL is known by its
name; where one name serves several patterns, by its name and its parameter
names, e.g. ``wagtailadmin_workflows:remove(pk,task_pk)``.
"""

import re
import uuid
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.http import urlsafe_base64_encode

ADMIN_PREFIX = "admin/"
_PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>|\(\?P<(?P<regex>\w+)>")


@dataclass(frozen=True)
class AdminURL:
    key: str
    route: str
    params: tuple[str, ...]
    model: type | None


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = (
                    f"{namespace}:{pattern.namespace}"
                    if namespace
                    else pattern.namespace
                )
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern, namespace


def _model_of(callback):
    model = getattr(callback, "view_initkwargs", {}).get("model")
    if model is None:
        model = getattr(getattr(callback, "view_class", None), "model", None)
    return model if isinstance(model, type) else None


def admin_urls() -> list[AdminURL]:
    """Named URL patterns under /admin/ (the unnamed catch-all 404s are not)."""
    found = []
    for route, pattern, namespace in _walk(get_resolver().url_patterns):
        if not route.startswith(ADMIN_PREFIX) or not pattern.name:
            continue
        name = f"{namespace}:{pattern.name}" if namespace else pattern.name
        params = tuple(
            match["name"] or match["regex"] for match in _PARAM.finditer(route)
        )
        found.append(AdminURL(name, route, params, _model_of(pattern.callback)))
    counts = {}
    for url in found:
        counts[url.key] = counts.get(url.key, 0) + 1
    return [
        AdminURL(f"{url.key}({','.join(url.params)})", *list(vars(url).values())[1:])
        if counts[url.key] > 1
        else url
        for url in found
    ]


def demo_values() -> dict:
    """A value for each URL parameter name, taken from the seeded demo.

    The page is the fr-be campaign page: translators and reviewers of fr-be
    and Belgium's regional editors have rights on it, others do not.
    """
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, Task, Workflow
    from wagtail_localize.models import (
        OverridableSegment,
        StringSegment,
        Translation,
        TranslationSource,
    )

    from campaign.models import (
        CampaignPage,
        Region,
        Release,
        Rollout,
        TranslationReview,
        source_legal_text,
    )
    from outreach.models import Warning

    page = CampaignPage.objects.get(locale__language_code="fr-be")
    revisions = list(page.revisions.order_by("pk").values_list("pk", flat=True))
    translation = Translation.objects.filter(target_locale=page.locale).first()
    source = TranslationSource.objects.order_by("pk").first()
    # Belgium's legal text: Belgium's legal reviewers may sign it off.
    legal_text = source_legal_text(Region.objects.get(code="BE"))
    warning = Warning.objects.order_by("pk").first()

    def first_pk(model):
        row = model.objects.order_by("pk").first()
        return row.pk if row else 0

    return {
        "page_id": page.pk,
        "parent_page_id": page.get_parent().pk,
        "page_to_move_id": page.pk,
        "destination_id": page.get_parent().pk,
        "page_pk": page.pk,
        "revision_id": revisions[-1],
        "revision_id_a": revisions[0],
        "revision_id_b": revisions[-1],
        "image_id": first_pk(get_image_model()),
        "document_id": first_pk(get_document_model()),
        "doc_id": first_pk(get_document_model()),
        "collection_id": first_pk(Collection),
        "translation_id": translation.pk if translation else 0,
        "source_id": source.pk if source else 0,
        "translation_source_id": source.pk if source else 0,
        "string_segment_id": first_pk(StringSegment),
        "overridable_segment_id": first_pk(OverridableSegment),
        "locale_code": "fr-be",
        "task_id": first_pk(Task),
        "workflow_pk": first_pk(Workflow),
        "release_id": first_pk(Release),
        "rollout_id": first_pk(Rollout),
        "review_id": first_pk(TranslationReview),
        "group_id": first_pk(Group),
        "text_id": legal_text.pk if legal_text else 0,
        "campaign_id": warning.campaign_id if warning else 0,
        "app_label": "campaign",
        "model_name": "helpline",
        "app_name": "campaign",
        "content_type_app_name": "campaign",
        "content_type_model_name": "campaignpage",
        "action_name": "approve",
        "action": "approve",
        "mode": "",
        "filter_spec": "original",
        "uidb64": urlsafe_base64_encode(b"1"),
        "token": "set-password",
        "session_id": 1,
        "notification_id": 1,
        "uploaded_file_id": 1,
        "redirect_id": 1,
        "task_state_id": 1,
        "workflow_state_id": 1,
        "object_id": 1,
    }


#: The one site setting, the site's identity, for wagtailsettings' views.
SETTING = {"app_name": "home", "model_name": "siteidentity"}

#: Values for one URL only, where the shared ones would not reach its view.
VALUES_FOR = {
    "wagtailsettings:edit(app_name,model_name)": SETTING,
    "wagtailsettings:edit(app_name,model_name,pk)": SETTING,
    "wagtailsettings:preview_on_edit": SETTING,
}

#: The model whose first row fills ``pk`` where the view names no model.
PK_MODELS = {
    "outreach_issue_key": "outreach.Partner",
    "wagtailsettings:edit(app_name,model_name,pk)": "wagtailcore.Site",
    "wagtailsettings:preview_on_edit": "wagtailcore.Site",
}


def fill(url: AdminURL, values: dict) -> str:
    """The URL's path with each parameter replaced by its demo value."""
    path = "/" + url.route
    values = {**values, **VALUES_FOR.get(url.key, {})}
    model = url.model
    if model is None and url.key in PK_MODELS:
        model = apps.get_model(PK_MODELS[url.key])
    for name in url.params:
        if name == "pk" or (name == "object_id" and model is not None):
            value = (
                model.objects.order_by("pk").first().pk
                if (model is not None and model.objects.exists())
                else 0
            )
        else:
            value = values.get(name, uuid.uuid4().hex[:8])
        path = re.sub(
            rf"<(?:\w+:)?{name}>|\(\?P<{name}>[^)]*\)", str(value), path, count=1
        )
    return path.replace("^", "").replace("$", "")
