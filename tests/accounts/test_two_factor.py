"""Staff who can publish pass a second step after the password, over HTTP.

The test client signs in through Wagtail's sign-in form, as a browser does;
``unverified_login`` keeps tests/conftest.py from passing the second step
for them.
"""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import GroupPagePermission, Page

from accounts import factors
from tests.second_factor import app_device, code_for

pytestmark = [pytest.mark.django_db, pytest.mark.unverified_login]

PASSWORD = "correct horse battery staple"  # noqa: S105


@pytest.fixture
def publisher(django_user_model):
    """Wagtail's 'Moderators' style: may publish pages."""
    user = django_user_model.objects.create_user("pat", password=PASSWORD)
    group = Group.objects.create(name="Publishers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="publish_page"),
    )
    user.groups.add(group)
    return user


@pytest.fixture
def drafter(django_user_model):
    """May edit pages, not publish them (a translator, say)."""
    user = django_user_model.objects.create_user("dana", password=PASSWORD)
    group = Group.objects.create(name="Drafters")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="change_page"),
    )
    user.groups.add(group)
    return user


def sign_in(client, user):
    response = client.post(
        reverse("wagtailadmin_login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302, response.content.decode()
    return response


def verify(client, code: str, next_url: str = "/admin/pages/"):
    return client.post(reverse("two_factor_verify"), {"code": code, "next": next_url})


@pytest.mark.parametrize(
    "path", ["/admin/", "/admin/pages/", "/admin/users/", "/admin/two-factor/"]
)
def test_publisher_without_an_app_is_sent_to_set_one_up(client, publisher, path):
    sign_in(client, publisher)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_enrol"))


def test_publisher_with_an_app_is_sent_to_the_code_form(client, publisher):
    app_device(publisher)
    sign_in(client, publisher)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    verify_url = reverse("two_factor_verify") + "?next=%2Fadmin%2Fpages%2F"
    assert response["Location"] == verify_url
    # Nor may a password alone replace the app with another one.
    enrol = client.get(reverse("two_factor_enrol"))
    assert enrol.status_code == 302
    assert enrol["Location"].startswith(reverse("two_factor_verify"))


def test_superuser_needs_the_second_step_too(client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", password=PASSWORD)
    sign_in(client, admin)
    assert client.get("/admin/").status_code == 302


def test_a_valid_app_code_lets_the_publisher_in(client, publisher):
    device = app_device(publisher)
    sign_in(client, publisher)
    response = verify(client, code_for(device))
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_is_refused_with_a_message(client, publisher):
    device = app_device(publisher)
    sign_in(client, publisher)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = verify(client, wrong)
    assert response.status_code == 400
    assert "This code is wrong, expired or already used" in response.content.decode()
    assert client.get("/admin/pages/").status_code == 302


def test_a_foreign_next_url_is_not_followed(client, publisher):
    device = app_device(publisher)
    sign_in(client, publisher)
    response = verify(client, code_for(device), next_url="https://evil.example/")
    assert response["Location"] == reverse("wagtailadmin_home")


def test_a_recovery_code_works_once(client, publisher):
    app_device(publisher)
    codes = factors.new_recovery_codes(publisher)
    sign_in(client, publisher)
    assert verify(client, codes[0].upper()).status_code == 302
    assert client.get("/admin/pages/").status_code == 200
    client.post(reverse("wagtailadmin_logout"))

    sign_in(client, publisher)
    response = verify(client, codes[0])
    assert response.status_code == 400
    assert client.get("/admin/pages/").status_code == 302
    assert factors.recovery_codes_left(publisher) == len(codes) - 1


def test_setting_up_an_app_shows_a_qr_code_and_gives_recovery_codes(client, publisher):
    sign_in(client, publisher)
    page = client.get(reverse("two_factor_enrol") + "?next=/admin/pages/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'src="data:image/svg+xml;base64,' in html
    device = TOTPDevice.objects.get(user=publisher, confirmed=False)
    assert factors.secret_for_typing(device) in html

    done = client.post(
        reverse("two_factor_enrol"), {"code": code_for(device), "next": "/admin/pages/"}
    )
    assert done.status_code == 200
    assert "no-store" in done["Cache-Control"]
    device.refresh_from_db()
    assert device.confirmed
    codes = StaticDevice.objects.get(user=publisher).token_set.all()
    assert len(codes) == factors.RECOVERY_CODE_COUNT
    for code in codes:
        assert code.token in done.content.decode()
    assert client.get("/admin/pages/").status_code == 200


def test_setting_up_refuses_a_wrong_code_with_a_message(client, publisher):
    sign_in(client, publisher)
    client.get(reverse("two_factor_enrol"))
    device = TOTPDevice.objects.get(user=publisher, confirmed=False)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post(reverse("two_factor_enrol"), {"code": wrong})
    assert response.status_code == 400
    assert "This code does not match" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


def test_new_recovery_codes_replace_the_old_ones(client, publisher):
    device = app_device(publisher)
    old = factors.new_recovery_codes(publisher)
    sign_in(client, publisher)
    verify(client, code_for(device))
    response = client.post(reverse("two_factor_recovery_codes"))
    assert response.status_code == 200
    assert old[0] not in response.content.decode()
    assert (
        not StaticDevice.objects.get(user=publisher)
        .token_set.filter(token=old[0])
        .exists()
    )


def test_staff_who_cannot_publish_need_no_second_step(client, drafter):
    sign_in(client, drafter)
    assert client.get("/admin/pages/").status_code == 200
    assert client.get(reverse("two_factor")).status_code == 200


def test_the_second_step_pages_stay_reachable_before_it(client, publisher):
    sign_in(client, publisher)
    assert client.get(reverse("two_factor_enrol")).status_code == 200
    # The icon sprite the admin's script fetches into every page.
    sprite = client.get(reverse("wagtailadmin_sprite"))
    assert sprite.status_code == 200
    assert b"<svg" in sprite.content
    assert client.post(reverse("wagtailadmin_logout")).status_code == 302
    assert client.get("/admin/pages/")["Location"].startswith(
        reverse("wagtailadmin_login")
    )


def test_reset_two_factor_removes_the_accounts_devices(client, publisher):
    device = app_device(publisher)
    factors.new_recovery_codes(publisher)
    other = app_device(type(publisher).objects.create_user("other", password=PASSWORD))
    out = StringIO()
    call_command("reset_two_factor", "pat", stdout=out)
    assert "Removed 2" in out.getvalue()
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    assert not StaticDevice.objects.filter(user=publisher).exists()
    assert TOTPDevice.objects.filter(pk=other.pk).exists()
    # At the next sign-in the publisher sets a new app up.
    sign_in(client, publisher)
    assert client.get("/admin/")["Location"].startswith(reverse("two_factor_enrol"))


def test_reset_two_factor_names_an_unknown_account():
    with pytest.raises(CommandError, match="No account has the username 'nobody'"):
        call_command("reset_two_factor", "nobody")
