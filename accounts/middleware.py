"""No admin page for an account that must, but has not, proved a second factor.

Runs after django-otp's ``OTPMiddleware`` (which sets ``user.is_verified()``
from the session). Wagtail's password login is the first step; this sends
the account on to the code form, or to set an app up when it has none, before
any other admin URL answers. Sign-in, sign-out, password reset and the
second-factor pages themselves stay reachable.
"""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse

from accounts import factors
from accounts.policy import requires_second_factor

#: URL names an account without a verified second factor may still reach.
OPEN_URL_NAMES = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "two_factor_verify",
        "two_factor_enrol",
    }
)


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_verify_first(request):
            return self._send_to_second_step(request)
        return self.get_response(request)

    def _must_verify_first(self, request) -> bool:
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return False
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return False
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        if match.url_name in OPEN_URL_NAMES:
            return False
        return requires_second_factor(user)

    def _send_to_second_step(self, request):
        user = request.user
        name = "two_factor_verify" if factors.has_app(user) else "two_factor_enrol"
        if factors.recovery_codes_left(user) and name == "two_factor_enrol":
            name = "two_factor_verify"  # a recovery code still lets them in
        url = reverse(name)
        if request.method == "GET":
            url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(url)
