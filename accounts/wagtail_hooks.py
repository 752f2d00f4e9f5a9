from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from accounts import views


@hooks.register("register_admin_urls")
def second_factor_urls():
    return [
        path("two-factor/", views.overview, name="two_factor"),
        path("two-factor/verify/", views.verify, name="two_factor_verify"),
        path("two-factor/set-up/", views.enrol, name="two_factor_enrol"),
        path(
            "two-factor/recovery-codes/",
            views.recovery_codes,
            name="two_factor_recovery_codes",
        ),
    ]


@hooks.register("register_account_menu_item")
def second_factor_menu_item(request):
    return {
        "url": reverse("two_factor"),
        "label": _("Two-step verification"),
        "help_text": _("Your authenticator app and recovery codes."),
    }
