"""Sign-ins are throttled per account, and no address is stored, over HTTP."""

from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.unverified_login]

PASSWORD = "correct horse battery staple"  # noqa: S105
ADDRESS = "203.0.113.77"
AGENT = "attacker-agent/1.0"
LOCKED = "Too many failed sign-ins for this account"


@pytest.fixture
def drafter(django_user_model):
    """Staff with admin access only (no second factor needed)."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("dana", password=PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def attempt(client, username: str, password: str, address: str = ADDRESS):
    return client.post(
        reverse("wagtailadmin_login") + "?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_USER_AGENT=AGENT,
        HTTP_X_FORWARDED_FOR=address,
    )


def fail(client, times: int, username: str = "dana"):
    for number in range(times):
        response = attempt(client, username, f"wrong-{number}")
        assert response.status_code in (200, 429)
    return response


def test_the_right_password_is_refused_after_the_failure_limit(client, drafter):
    fail(client, settings.AXES_FAILURE_LIMIT)
    response = attempt(client, "dana", PASSWORD, address="198.51.100.9")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_fewer_failures_than_the_limit_still_let_the_owner_in(client, drafter):
    fail(client, settings.AXES_FAILURE_LIMIT - 1)
    assert attempt(client, "dana", PASSWORD).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert not AccessAttempt.objects.filter(username="dana").exists()


def test_a_locked_account_does_not_lock_the_others(client, drafter, django_user_model):
    django_user_model.objects.create_superuser("root", password=PASSWORD)
    fail(client, settings.AXES_FAILURE_LIMIT)
    assert attempt(client, "root", PASSWORD).status_code == 302


def test_the_lock_ends_after_the_cool_off(client, drafter):
    fail(client, settings.AXES_FAILURE_LIMIT)
    assert attempt(client, "dana", PASSWORD).status_code == 429
    past = AccessAttempt.objects.get(username="dana").attempt_time
    AccessAttempt.objects.filter(username="dana").update(
        attempt_time=past - settings.AXES_COOLOFF_TIME
    )
    assert attempt(client, "dana", PASSWORD).status_code == 302


def test_no_address_or_user_agent_is_stored(client, drafter):
    fail(client, settings.AXES_FAILURE_LIMIT + 1)
    assert attempt(client, "dana", "still wrong").status_code == 429
    call_command("axes_reset_username", "dana", stdout=StringIO())
    assert attempt(client, "dana", PASSWORD).status_code == 302
    rows = [
        *AccessAttempt.objects.all(),
        *AccessFailureLog.objects.all(),
        *AccessLog.objects.all(),
    ]
    assert AccessFailureLog.objects.filter(username="dana").count() >= 5
    assert AccessLog.objects.filter(username="dana").exists()
    for row in rows:
        assert row.ip_address is None
        assert row.user_agent == ""
        assert row.http_accept == ""
    fail(client, 1)
    text = " ".join(
        f"{row.get_data} {row.post_data}" for row in AccessAttempt.objects.all()
    )
    assert ADDRESS not in text
    assert AGENT not in text
    assert "wrong-0" not in text  # passwords are masked


def test_an_administrator_sees_failures_without_addresses_and_unlocks(
    client, drafter, django_user_model
):
    fail(client, settings.AXES_FAILURE_LIMIT)
    admin = django_user_model.objects.create_superuser("root", password=PASSWORD)
    admin_client = type(client)()
    admin_client.force_login(admin)
    from tests.second_factor import mark_verified

    mark_verified(admin_client, admin)
    page = admin_client.get(reverse("failed_sign_ins"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "dana" in html and "Locked" in html
    assert ADDRESS not in html and AGENT not in html

    locked = AccessAttempt.objects.get(username="dana")
    response = admin_client.post(reverse("failed_sign_ins_unlock", args=[locked.pk]))
    assert response.status_code == 302
    assert attempt(client, "dana", PASSWORD).status_code == 302


def test_staff_without_the_permission_cannot_see_or_unlock(client, drafter):
    fail(client, 1, username="someone")
    attempt_row = AccessAttempt.objects.get(username="someone")
    assert attempt(client, "dana", PASSWORD).status_code == 302
    # Wagtail answers a PermissionDenied in the admin with a redirect home.
    listing = client.get(reverse("failed_sign_ins"))
    assert (listing.status_code, listing["Location"]) == (302, "/admin/")
    unlock = client.post(reverse("failed_sign_ins_unlock", args=[attempt_row.pk]))
    assert (unlock.status_code, unlock["Location"]) == (302, "/admin/")
    assert AccessAttempt.objects.filter(username="someone").exists()


def test_the_unlock_command_names_the_account(client, drafter):
    fail(client, settings.AXES_FAILURE_LIMIT)
    call_command("axes_reset_username", "dana", stdout=StringIO())
    assert attempt(client, "dana", PASSWORD).status_code == 302


@pytest.mark.parametrize("password", ["Summer2026", "password1234", "short-pw-1"])
def test_short_or_common_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_password_is_accepted():
    validate_password("plum orbit kettle 42 lantern")
