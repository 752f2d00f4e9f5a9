"""410 Gone for a campaign that was public and no longer is, with help.

People follow posters, ads and shared links long after a campaign is
withdrawn or expires. Such a URL answers 410 with the region's helplines and
a link to the live campaigns, in the URL's locale, and names nothing of the
withdrawn page (not its title, not its translations). A URL that never
served a public page stays 404.

"Was public" is read from the page itself: withdrawal and expiry unpublish
the page (campaign/releases/) but keep the row, its URL path and its
``first_published_at``. A page that exists, is not live and was published
once is gone; a draft never published was never public. The page row is the
one record every way of taking a page down leaves behind, where a redirect or
a history table would need every path (admin unpublish included) to write it.

Cheap, because a withdrawal sends every reader of hundreds of URLs here at
once (Varnish keeps no 410). The URL is looked up in one query when Wagtail
raises its 404 (``process_exception``: Django's 404 page is never rendered
for it), and since the body names nothing of the page it is the same for
every gone URL of a locale: rendered once per host and language and kept in
the default cache for ``PAGE_CACHE_TTL`` seconds (its "open now" is computed
while rendering, as a cached page's is) under a version that any change of
what the help block shows (helplines, their hours and closures, regions and
their locales) replaces once it commits.
"""

from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import Http404, HttpResponse, HttpResponseNotFound
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from wagtail.models import Site

from campaign.models import (
    CampaignPage,
    Helpline,
    HelplineClosure,
    OpeningHours,
    Region,
    RegionLocale,
)
from delivery import routing
from home.identity import STYLE_HASHES

#: Set on the request once the URL has been looked up: the gone page or None.
GONE_ATTR = "_gone_campaign"
VERSION_KEY = "gone:v"
#: What the 410's help block reads: a change of any replaces the version.
HELP_MODELS = (Helpline, OpeningHours, HelplineClosure, Region, RegionLocale)


def gone_campaign(request) -> CampaignPage | None:
    """The withdrawn or expired campaign page at this URL, if it is one: one
    query (the locale's live home page is a subquery)."""
    site = Site.find_for_request(request)
    language = translation.get_language()
    prefix = f"/{language}/"
    if site is None or not language or not request.path.startswith(prefix):
        return None
    suffix = request.path.removeprefix(prefix)
    if not suffix.endswith("/"):
        suffix += "/"
    return (
        CampaignPage.objects.filter(
            url_path=routing.url_path(site, language, suffix),
            locale__language_code=language,
            live=False,
            first_published_at__isnull=False,
        )
        .select_related("locale")
        .first()
    )


def render_gone(request, page: CampaignPage) -> HttpResponse:
    """The 410 page: the region's help and the way to the live campaigns.

    ``page`` gives the region and locale only; the template gets neither its
    title nor its body.
    """
    context = {
        "helplines": page.helplines(),
        "checked_at": timezone.now(),
        "home_url": page.get_parent().get_parent().get_url(request),
        # The help block marks text in another language against this.
        "page": SimpleNamespace(locale=page.locale),
        "help": {
            "heading": _("Talk to someone, confidentially"),
            "text": _(
                "If you are worried about your own thoughts or behaviour, you can "
                "talk to a trained counsellor without giving your name."
            ),
        },
    }
    return render(request, "410.html", context, status=410)


def gone_response(request, page: CampaignPage) -> HttpResponse:
    """The locale's 410, rendered at most once per version and TTL."""
    body_key = f"gone:{request.get_host().lower()}:{page.locale.language_code}"
    found = cache.get_many([VERSION_KEY, body_key])
    version = found.get(VERSION_KEY) or _ensure_version()
    stored = found.get(body_key)
    if stored is not None and stored[0] == version:
        _version, content, hashes = stored
        if hashes:
            setattr(request, STYLE_HASHES, set(hashes))
        return HttpResponse(content, status=410)
    response = render_gone(request, page)
    hashes = tuple(sorted(getattr(request, STYLE_HASHES, ())))
    entry = (version, response.content, hashes)
    cache.set(body_key, entry, settings.PAGE_CACHE_TTL)
    return response


def _ensure_version() -> str:
    token = get_random_string(16)
    if cache.add(VERSION_KEY, token, None):
        return token
    return cache.get(VERSION_KEY) or token


def new_help_version(**kwargs) -> None:
    """Every locale's 410 renders afresh, once the change has committed."""
    transaction.on_commit(
        lambda: cache.set(VERSION_KEY, get_random_string(16), None), robust=True
    )


def connect() -> None:
    for model in HELP_MODELS:
        uid = f"home.gone.{model._meta.label_lower}"
        post_save.connect(new_help_version, sender=model, dispatch_uid=uid + ".save")
        post_delete.connect(
            new_help_version, sender=model, dispatch_uid=uid + ".delete"
        )


class GoneMiddleware:
    """Turn the 404 of a withdrawn or expired campaign's URL into the 410.

    A middleware rather than ``handler404``, so that ``make run`` (DEBUG)
    answers as production does. It sits inside the locale middleware, so the
    URL's language is active, and costs nothing on other answers.

    Wagtail's 404 is caught as it is raised (``process_exception``): a gone
    URL gets a bare 404, which the middlewares inside this one see as any
    404 (a redirect an editor set up for the URL still wins), and the 410
    replaces it here. A 404 that was not raised is looked up on its way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            if hasattr(request, GONE_ATTR):
                page = getattr(request, GONE_ATTR)
            else:
                page = gone_campaign(request)
            if page is not None:
                return gone_response(request, page)
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, Http404) or request.method not in (
            "GET",
            "HEAD",
        ):
            return None
        page = gone_campaign(request)
        setattr(request, GONE_ATTR, page)
        # None: Django renders its 404 page (or DEBUG's), as for any 404.
        return None if page is None else HttpResponseNotFound()
