"""django-axes, set up to count failed sign-ins per account and keep no address.

Settings in config/settings/core.py (AXES_*). Axes records the client's IP
address, user agent and Accept header with every attempt; this project
stores none of them (the public and staff alike are never recorded by
address), so the address callable answers None and the handler blanks the
rest before anything is written. The lockout answer is Wagtail's sign-in
page with a message, not Axes' bare text.
"""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


def no_address(request) -> None:
    """AXES_CLIENT_IP_CALLABLE: the address is never read, never stored."""
    return None


def _forget_the_client(request) -> None:
    if request is not None:
        request.axes_ip_address = None
        request.axes_user_agent = ""
        request.axes_http_accept = ""


class AddresslessDatabaseHandler(AxesDatabaseHandler):
    """Axes' database handler, with the client's address and agent blanked."""

    def is_allowed(self, request, credentials=None):
        _forget_the_client(request)
        return super().is_allowed(request, credentials)

    def is_locked(self, request, credentials=None):
        _forget_the_client(request)
        return super().is_locked(request, credentials)

    def get_failures(self, request, credentials=None):
        _forget_the_client(request)
        return super().get_failures(request, credentials)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        _forget_the_client(request)
        return super().user_login_failed(sender, credentials, request, **kwargs)

    def user_logged_in(self, sender, request, user, **kwargs):
        _forget_the_client(request)
        return super().user_logged_in(sender, request, user, **kwargs)

    def user_logged_out(self, sender, request, user, **kwargs):
        _forget_the_client(request)
        return super().user_logged_out(sender, request, user, **kwargs)


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return _(
        "Too many failed sign-ins for this account: it is locked for "
        "%(minutes)s minutes. An administrator can unlock it sooner."
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the sign-in form again, saying why it refuses."""
    context = getattr(original_response, "context_data", None)
    form = (context or {}).get("form")
    if form is None:
        return HttpResponse(lockout_message(), status=429, content_type="text/plain")
    form.errors.clear()
    form.add_error(None, lockout_message())
    response = TemplateResponse(
        request, original_response.template_name, context, status=429
    )
    return response.render()  # returned from a middleware: none renders it later
