from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts import admin_views, views


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
        path("failed-sign-ins/", admin_views.failed_sign_ins, name="failed_sign_ins"),
        path(
            "failed-sign-ins/<int:pk>/unlock/",
            admin_views.unlock,
            name="failed_sign_ins_unlock",
        ),
    ]


class FailedSignInsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_view(request.user)


@hooks.register("register_settings_menu_item")
def failed_sign_ins_menu_item():
    return FailedSignInsMenuItem(
        gettext_lazy("Failed sign-ins"),
        reverse("failed_sign_ins"),
        name="failed-sign-ins",
        icon_name="lock",
        order=650,
    )


@hooks.register("register_account_menu_item")
def second_factor_menu_item(request):
    return {
        "url": reverse("two_factor"),
        "label": _("Two-step verification"),
        "help_text": _("Your authenticator app and recovery codes."),
    }
