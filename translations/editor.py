"""Where our review step meets wagtail-localize's editor and Wagtail's own.

wagtail-localize's editor has no save-draft or submit step and its footer
no hook can extend (wagtail-localize #299, #655): when a translator opens
it, a banner above the editor carries "Save draft" and "Submit for review"
(plain forms posting to our views). In Wagtail's own editor (translations
made with ``copy_for_translation``) "Submit for review" is an action menu
item that saves the draft, then submits it (``SUBMIT_FIELD``).
"""

import base64
import hashlib
import html
import json
import re

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.action_menu import ActionMenuItem

from translations.permissions import can_translate
from translations.views.pages import workspace_url_for

SUBMIT_FIELD = "campaign-submit-review"


def add_editor_banner(request, page):
    here = request.get_full_path()
    banner = render_to_string(
        "translations/editor_actions.html",
        {
            "page": page,
            "next": here,
            "draft_url": reverse("campaign_translations:draft", args=[page.pk]),
            "submit_url": reverse("campaign_translations:submit", args=[page.pk]),
            "workspace_url": workspace_url_for(page),
        },
        request=request,
    )
    messages.info(request, banner, extra_tags="campaign-translation-actions")


#: wagtail-localize's editor page carries one inline script (its chooser
#: URLs), and its React editor injects <style> elements (styled-components):
#: under the site's policy (home/security.py) the editor stays blank.
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
    directives = dict(settings.CONTENT_SECURITY_POLICY)
    directives["script-src"] = " ".join(["'self'", *hashes])
    directives["style-src"] = "'self' 'unsafe-inline'"
    response["Content-Security-Policy"] = "; ".join(
        f"{name} {value}" for name, value in directives.items()
    )
    return response


EDITOR_PROPS = re.compile(
    r'(<div class="js-translation-editor" data-props=")([^"]*)(")'
)


def without_delete(response):
    """wagtail-localize's editor offers "Delete" as its footer's main action
    to anyone Wagtail lets delete the page (a translator may delete an
    unpublished translation), and "Convert to alias page" to everyone.
    Translators never delete nor convert: the props that show those buttons
    are turned off; ``refuse_delete`` and ``convert_to_alias`` refuse the
    requests themselves."""
    if response is None or response.status_code != 200:
        return response
    content = response.content.decode()

    def patch(match):
        props = json.loads(html.unescape(match.group(2)))
        props.setdefault("perms", {})["canDelete"] = False
        # Publishers only (translations/views/pages.py refuses the rest).
        props.setdefault("links", {})["convertToAliasUrl"] = None
        escaped = html.escape(json.dumps(props), quote=True)
        return f"{match.group(1)}{escaped}{match.group(3)}"

    response.content = EDITOR_PROPS.sub(patch, content, count=1).encode()
    return response


class SubmitForReviewMenuItem(ActionMenuItem):
    label = gettext_lazy("Submit for review")
    name = SUBMIT_FIELD
    icon_name = "resubmit"

    def is_shown(self, context):
        if context["view"] != "edit" or context.get("locked_for_user"):
            return False
        return can_translate(context["request"].user, context["page"])
