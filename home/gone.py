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
"""

from types import SimpleNamespace

from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from campaign.models import CampaignPage


def gone_campaign(request) -> CampaignPage | None:
    """The withdrawn or expired campaign page at this URL, if it is one."""
    site = Site.find_for_request(request)
    language = translation.get_language()
    prefix = f"/{language}/"
    if site is None or not language or not request.path.startswith(prefix):
        return None
    locale = Locale.objects.filter(language_code=language).first()
    home = locale and site.root_page.get_translation_or_none(locale)
    if home is None or not home.live:
        return None
    url_path = home.url_path + request.path.removeprefix(prefix)
    if not url_path.endswith("/"):
        url_path += "/"
    return (
        CampaignPage.objects.filter(
            url_path=url_path,
            locale=locale,
            live=False,
            first_published_at__isnull=False,
        )
        .select_related("locale")
        .first()
    )


def gone_response(request, page: CampaignPage):
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


class GoneMiddleware:
    """Turn the 404 of a withdrawn or expired campaign's URL into the 410.

    A middleware rather than ``handler404``, so that ``make run`` (DEBUG)
    answers as production does. It sits inside the locale middleware, so the
    URL's language is active, and costs nothing on other answers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            page = gone_campaign(request)
            if page is not None:
                return gone_response(request, page)
        return response
