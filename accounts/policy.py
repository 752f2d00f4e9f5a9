"""Which staff accounts must prove a second factor.

Anyone who can make something public, take it down, skip a gate or hand out
rights: superusers, anyone allowed to publish a page or snippet, to schedule,
override or withdraw releases, or to manage users and groups. Translators
and others who only draft need no second factor, but once they have set one
up it is asked for too (a factor that is never asked for protects nothing).
"""

from django_otp import user_has_device
from wagtail.models import GroupPagePermission

#: Model permissions ("app_label.codename") that call for a second factor.
SENSITIVE_PERMISSIONS = frozenset(
    {
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "auth.add_group",
        "auth.change_group",
        "auth.delete_group",
        "campaign.add_release",
        "campaign.change_release",
        "campaign.delete_release",
        "campaign.override_gate",
        "campaign.withdraw_campaign",
    }
)


def may_publish_or_manage(user) -> bool:
    """True for an account that can publish, withdraw, override or manage users."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    permissions = user.get_all_permissions()
    if permissions & SENSITIVE_PERMISSIONS:
        return True
    if any(name.split(".", 1)[1].startswith("publish_") for name in permissions):
        return True  # publishing snippets (helplines, legal texts)
    return GroupPagePermission.objects.filter(
        group__user=user, permission__codename="publish_page"
    ).exists()


def requires_second_factor(user) -> bool:
    """True when this account may not use the admin before a second factor."""
    return may_publish_or_manage(user) or user_has_device(user, confirmed=True)
