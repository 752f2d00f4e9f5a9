"""One way to public: a campaign page goes live only through a release.

Every Wagtail and wagtail-localize path that publishes a page ends in
``Page.save()`` of the live row: the edit view's "Publish", bulk publish,
workflow approval, wagtail-localize's "Sync translated pages" with
"Publish immediately" and its editor's "Publish", scheduled publishing, a
revision revert, copying with "publish copies". ``CampaignPage.save``
refuses all of them (``PublicationRefused``, a ``PermissionDenied``:
Django answers 403) unless the caller runs inside ``permitted()``: the
release engine, which publishes exactly the approved revisions, and data
loaders (``seed_demo``), which record approvals for what they publish.

The admin also hides and refuses these actions up front with a message
(``CampaignPagePermissionTester``, ``translations.wagtail_hooks``); this
module is the invariant behind them.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import PermissionDenied

_permitted: ContextVar[str | None] = ContextVar("campaign_publication", default=None)


class PublicationRefused(PermissionDenied):
    """A campaign page was about to change on the public site outside a release."""


@contextmanager
def permitted(why: str) -> Iterator[None]:
    """Let campaign pages go live in this block: ``why`` names who does it
    (a release, a data loader)."""
    token = _permitted.set(why)
    try:
        yield
    finally:
        _permitted.reset(token)


def permitted_by() -> str | None:
    """Who may publish campaign pages right now, or None: nobody."""
    return _permitted.get()
