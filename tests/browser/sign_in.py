"""Signing in to the admin in the browser, second step included."""

from django.contrib.auth import get_user_model

from accounts.policy import requires_second_factor
from tests.second_factor import app_device, fresh_code


def sign_in(page, base: str, username: str, password: str) -> None:
    """Password, then (for staff who must) a code from their app; ends on /admin/."""
    user = get_user_model().objects.get(username=username)
    device = app_device(user) if requires_second_factor(user) else None
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    if device is not None:
        page.wait_for_url("**/admin/two-factor/verify/**")
        page.fill("#id_code", fresh_code(device))
        page.click("form.login-form button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
