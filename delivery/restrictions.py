"""A page's view restrictions in one query, for every render that checks them.

Most pages have none: the routing query (delivery/routing.py) annotates the
page with ``may_be_restricted``, and a page it clears asks for nothing more.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce, Length, Substr
from wagtail.models import Page, PageViewRestriction

#: Set on a page by ``with_restriction_flag``: False when no restriction can
#: apply to it, True when one might (the exact query then decides).
FLAG = "may_be_restricted"


def with_restriction_flag(pages):
    """``pages`` annotated with ``may_be_restricted``, in the same query.

    True when a restriction sits on the page or an ancestor, or on the source
    of an alias among them: never False for a page with a restriction (a
    True too many only costs ``view_restrictions``'s query).
    """
    on_path = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    on_alias_source = PageViewRestriction.objects.filter(
        page__aliases__path=Substr(OuterRef("path"), 1, Length("page__aliases__path"))
    )
    return pages.annotate(**{FLAG: Exists(on_path) | Exists(on_alias_source)})


def view_restrictions(page):
    """``Page.get_view_restrictions()`` in one query instead of two, none when
    the routing query found that no restriction can apply.

    The restrictions on the page and its ancestors, an alias (the page or an
    ancestor) answering for its source page as Wagtail has it; the ancestors
    are read inside the same query.
    """
    if getattr(page, FLAG, True) is False:
        return PageViewRestriction.objects.none()
    steplen = page.steplen
    ancestors = [page.path[:end] for end in range(steplen, len(page.path), steplen)]
    sources = (
        Page.objects.filter(path__in=ancestors)
        .annotate(source=Coalesce("alias_of_id", "id"))
        .values("source")
    )
    own = page.alias_of_id or page.pk
    return PageViewRestriction.objects.filter(Q(page_id=own) | Q(page_id__in=sources))
