"""Issue a partner a new API key in the admin: shown on this one page only."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from outreach.models import Partner


def can_issue(user) -> bool:
    return user.is_superuser or user.has_perm("outreach.change_partner")


@never_cache
def issue_key(request, pk: int):
    if not can_issue(request.user):
        raise PermissionDenied
    partner = get_object_or_404(Partner, pk=pk)
    key = None
    if request.method == "POST":
        key = partner.new_key()
        partner.save(update_fields=["key_digest"])
    return TemplateResponse(
        request,
        "outreach/admin/issue_key.html",
        {
            "partner": partner,
            "key": key,
            "page_title": _("New API key for %(name)s") % {"name": partner.name},
        },
    )
