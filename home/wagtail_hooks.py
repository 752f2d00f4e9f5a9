from django.http import Http404
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import format_html
from wagtail import hooks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.snippets.models import register_snippet

from home.models import Organisation


@hooks.register("insert_global_admin_js")
def date_choosers_without_inline_script():
    return format_html(
        '<script src="{}"></script>', static("js/admin-date-choosers.js")
    )


@hooks.register("before_serve_page")
def only_pages_of_the_active_locale(page, request, serve_args, serve_kwargs):
    """Answer 404 when the routed page is not in the URL's locale.

    ``Page.localized`` falls back to the source page: /fr-ca/… with no fr-ca
    tree, or with a fr-ca home page that is not live, would serve the English
    page under ``lang="fr-ca"`` (docs/design.md, "Known traps"). Campaign pages
    read ``page.locale`` anyway, so this costs them no query.
    """
    try:
        active = get_supported_content_language_variant(
            translation.get_language(), strict=True
        )
    except LookupError:
        raise Http404 from None
    if page.locale.language_code != active:
        raise Http404("This page does not exist in this locale.")


# The organisation's words are a translatable snippet (home/models/identity.py):
# wagtail-localize adds its translate actions to the snippet's admin.
register_snippet(Organisation)
