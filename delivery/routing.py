"""A public page found in two queries, not two per level of the tree.

Wagtail's serve view routes from the site's root: the active locale (one
query), the localized root's specific row (one), then for each URL segment
the child by slug and its specific row (two per level), and the served
page's locale later (one): seven queries for /da-dk/campaigns/stop/. When no
page type overrides ``route`` (no routable pages: every URL is a page's own
``url_path``), ``RouteOnceMiddleware`` finds the page by its ``url_path``
under the localized root in one query and its specific row, with its locale,
in a second, and leaves the result where Wagtail's serve view looks for it
(``request._wagtail_route_for_request``). The second query also says whether
any view restriction could apply (``delivery/restrictions.py``: a public page
then asks for none) and brings the page's own images (its share image).
Anything it cannot decide (no site, no such page, a routable page type) is
left to Wagtail as before; a page that is not live is a 404, as Wagtail's own
``route`` has it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Subquery, Value
from django.db.models.functions import Concat
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Page, Site, get_page_models
from wagtail.url_routing import RouteResult

from delivery import fragments
from delivery.restrictions import FLAG, with_restriction_flag

ROUTE_ATTR = "_wagtail_route_for_request"


def routes_by_url_path() -> bool:
    """No page type routes itself: a URL is exactly a page's url_path."""
    return all(model.route is Page.route for model in get_page_models())


def _language() -> str | None:
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return None


def find(request, path: str):
    """(RouteResult or None) for ``path`` under the site's localized root, or
    ``NotImplemented`` when Wagtail must decide."""
    site = _site(request)
    language = _language()
    if site is None or language is None:
        return NotImplemented
    components = [component for component in path.split("/") if component]
    suffix = "".join(f"{component}/" for component in components)
    found = fragments.remember(
        request,
        ("route", site.pk, language, suffix),
        lambda: _by_url_path(site, language, suffix),
    )
    if found is None:
        return NotImplemented  # no such page here: Wagtail answers (a 404)
    if not found["live"]:
        return None
    model = ContentType.objects.get_for_id(found["content_type_id"]).model_class()
    if model is None:
        return NotImplemented
    page = model.objects.select_related("locale", *_own_images(model)).get(
        pk=found["pk"]
    )
    setattr(page, FLAG, found[FLAG])
    return RouteResult(page)


def _site(request):
    """Wagtail's ``Site.find_for_request``, kept (delivery/fragments.py)."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = fragments.remember(
            request,
            ("site", hostname, request.get_port()),
            lambda: Site._find_for_request(request),
        )
    return request._wagtail_site


def url_path(site, language: str, suffix: str):
    """The ``url_path`` of ``suffix`` under the site's root in ``language``,
    as an SQL expression (the root's live translation is a subquery).

    Page.localized: the root's live translation in the active language (none:
    Wagtail falls back to the root itself, and decides)."""
    home = Page.objects.filter(
        translation_key=site.root_page.translation_key,
        locale__language_code=language,
        live=True,
    ).values("url_path")[:1]
    return Concat(Subquery(home), Value(suffix))


def _by_url_path(site, language: str, suffix: str) -> dict | None:
    """The page at ``suffix`` under the site's root in ``language``: its id,
    its type, whether it is live and whether a view restriction may apply
    (one query)."""
    return (
        with_restriction_flag(
            Page.objects.filter(url_path=url_path(site, language, suffix))
        )
        .values("pk", "content_type_id", "live", FLAG)
        .first()
    )


def _own_images(model) -> list[str]:
    """The page type's own image fields (a share image): read with the row."""
    image_model = get_image_model()
    return [
        field.name
        for field in model._meta.concrete_fields
        if field.is_relation
        and field.related_model is image_model
        and field.model is model
    ]


class RouteOnceMiddleware:
    """Routes Wagtail's serve view in two queries (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or hasattr(request, ROUTE_ATTR):
            return None
        if not routes_by_url_path():
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        result = find(request, path)
        if result is not NotImplemented:
            setattr(request, ROUTE_ATTR, result)
        return None
