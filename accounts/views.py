"""Set up, prove and look after a second factor, in the admin.

``SecondFactorMiddleware`` sends an account here after the password step;
these views are open to it before it is verified (see OPEN_URL_NAMES).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import user_has_device

from accounts import factors
from accounts.forms import AppCodeForm, CodeForm
from accounts.policy import requires_second_factor


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def _verified(request, device):
    # A new session key once the second step is passed, as Django does
    # after the password step.
    request.session.cycle_key()
    otp_login(request, device)


def verify(request):
    """The second step of signing in: a code from the app or a recovery code."""
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    if not user_has_device(user, confirmed=True):
        return redirect(reverse("two_factor_enrol") + "?" + request.GET.urlencode())
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = factors.verify(user, form.cleaned_data["code"])
        if device is not None:
            _verified(request, device)
            left = factors.recovery_codes_left(user)
            if device.persistent_id.startswith("otp_static") and left < 3:
                messages.warning(
                    request,
                    _("You have %(count)s recovery codes left: make new ones.")
                    % {"count": left},
                )
            return redirect(_next_url(request))
        form.add_error(
            "code",
            _(
                "This code is wrong, expired or already used. Wait for the "
                "next code in your app and try again."
            ),
        )
    return TemplateResponse(
        request,
        "accounts/verify.html",
        {"form": form, "next": _next_url(request)},
        status=400 if form.is_bound else 200,
    )


def enrol(request):
    """Set an authenticator app up: scan, type its first code, get recovery codes.

    An account that already has an app must prove it first: a password alone
    never replaces a second factor.
    """
    user = request.user
    if factors.has_app(user) and not user.is_verified():
        return redirect(reverse("two_factor_verify") + "?" + request.GET.urlencode())
    device = factors.pending_app_device(user)
    form = AppCodeForm(request.POST or None)
    if form.is_valid():
        codes = factors.confirm_app_device(device, form.cleaned_data["code"])
        if codes is not None:
            _verified(request, device)
            return _show_recovery_codes(request, codes)
        form.add_error(
            "code",
            _(
                "This code does not match. Check the app shows this account "
                "and that the device's clock is right, then try the next code."
            ),
        )
    context = {
        "form": form,
        "next": _next_url(request),
        "qr_code": factors.qr_code_data_uri(device.config_url),
        "secret": factors.secret_for_typing(device),
        "required": requires_second_factor(user),
    }
    status = 400 if form.is_bound else 200
    return TemplateResponse(request, "accounts/enrol.html", context, status=status)


def overview(request):
    """The account's second factors: what is set up, and what to renew."""
    user = request.user
    context = {
        "has_app": factors.has_app(user),
        "codes_left": factors.recovery_codes_left(user),
        "verified": user.is_verified(),
        "required": requires_second_factor(user),
    }
    return TemplateResponse(request, "accounts/overview.html", context)


@require_POST
def recovery_codes(request):
    """New recovery codes (the old ones stop working), shown once."""
    if not request.user.is_verified():
        raise PermissionDenied
    return _show_recovery_codes(request, factors.new_recovery_codes(request.user))


def _show_recovery_codes(request, codes):
    response = TemplateResponse(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "next": _next_url(request)},
    )
    response["Cache-Control"] = "no-store"
    return response
