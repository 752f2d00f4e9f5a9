"""A publisher sets an authenticator app up in the admin, under the strict CSP."""

import pytest
from django.contrib.auth.models import Group, Permission
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect
from wagtail.models import GroupPagePermission, Page

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_admin_csp import _record_foreign
from tests.second_factor import fresh_code

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "pw-123456-abcdef"  # noqa: S105 (test user only)


def test_a_publisher_sets_up_an_app_at_first_sign_in(
    live_server, page, django_user_model
):
    user = django_user_model.objects.create_user("pat", password=PASSWORD)
    group = Group.objects.create(name="Publishers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="publish_page"),
    )
    user.groups.add(group)
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.on(
        "request",
        lambda request: _record_foreign(request.url, live_server.url, problems),
    )

    page.goto(f"{live_server.url}/admin/pages/")
    page.fill("#id_username", "pat")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/two-factor/set-up/**")

    qr = page.locator("img.cm-two-factor__qr")
    expect(qr).to_be_visible()
    assert page.evaluate("img => img.naturalWidth", qr.element_handle()) > 0
    secret = page.locator("#two-factor-secret").inner_text()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert secret.replace(" ", "") in device.config_url
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "two-factor-set-up.png"), full_page=True)

    page.get_by_label("Code from the app").fill(fresh_code(device))
    page.get_by_role("button", name="Turn on two-step verification").click()
    codes = page.locator("#recovery-codes li")
    expect(codes).to_have_count(10)
    page.get_by_role("link", name="I have saved them: continue").click()
    page.wait_for_url(f"{live_server.url}/admin/pages/")
    assert problems == []
