"""Marking notifications as read: POST only, the recipient's own only."""

from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from notifications.models import Notification


def _back(request):
    url = request.POST.get("next", "")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(url)
    return redirect("wagtailadmin_home")


@require_POST
def mark_read(request, notification_id: int):
    """Mark one of the user's notifications read; another's answers 404."""
    notification = get_object_or_404(
        Notification, pk=notification_id, recipient=request.user
    )
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return _back(request)


@require_POST
def mark_all_read(request):
    Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return _back(request)
