"""Failed sign-ins, for administrators: who is locked, and a way to unlock.

No address or user agent is shown because none is stored
(accounts/throttling.py).
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

#: Failures shown, newest first.
RECENT_FAILURES = 100


def may_view(user) -> bool:
    return user.has_perm("axes.view_accessattempt")


def may_unlock(user) -> bool:
    return user.has_perm("axes.delete_accessattempt")


def failed_sign_ins(request):
    if not may_view(request.user):
        raise PermissionDenied
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = [
        {
            "attempt": attempt,
            "locked": attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT
            and attempt.attempt_time > since,
        }
        for attempt in AccessAttempt.objects.order_by("-attempt_time")
    ]
    context = {
        "page_title": _("Failed sign-ins"),
        "header_icon": "lock",
        "attempts": attempts,
        "failures": AccessFailureLog.objects.order_by("-attempt_time")[
            :RECENT_FAILURES
        ],
        "may_unlock": may_unlock(request.user),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
    }
    return TemplateResponse(request, "accounts/failed_sign_ins.html", context)


@require_POST
def unlock(request, pk: int):
    if not may_unlock(request.user):
        raise PermissionDenied
    attempt = get_object_or_404(AccessAttempt, pk=pk)
    AxesProxyHandler.reset_attempts(username=attempt.username)
    messages.success(
        request, _("%(username)s can sign in again.") % {"username": attempt.username}
    )
    return redirect("failed_sign_ins")
