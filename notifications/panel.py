"""The dashboard's "For you" panel: what this person was told and has not
marked read, newest first."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from notifications.models import Notification

#: How many unread notifications the panel lists; the count says the rest.
SHOWN = 10


class ForYouPanel(Component):
    name = "notifications_for_you"
    template_name = "notifications/for_you_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        unread = Notification.objects.filter(recipient=self.user, read_at__isnull=True)
        return {
            "notifications": list(unread[:SHOWN]),
            "unread": unread.count(),
            "read_all_url": reverse("notifications:read_all"),
            "request": parent_context["request"],
            "csrf_token": parent_context["csrf_token"],
        }


def add_panel(request, panels) -> None:
    if request.user.is_authenticated:
        panels.append(ForYouPanel(request.user))
