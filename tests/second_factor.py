"""Second factors in tests: a ready app device, codes from it, verified logins.

Staff who may publish must pass the second step before any admin page
(accounts/middleware.py). Tests about something else log in with
``client.force_login`` (or ``client.login``, or pytest-django's
``admin_client``); the autouse fixture ``_second_factor_on_login`` in
tests/conftest.py then marks that session verified too, with
``mark_verified``. Tests of the second step itself use the
``unverified_login`` marker, or log in through the sign-in form.
"""

import time

from django.contrib.auth import SESSION_KEY
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def app_device(user) -> TOTPDevice:
    """The account's confirmed authenticator app, created if it has none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="test app")


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the app shows now (or ``steps_ahead`` periods later).

    A TOTP code is accepted once: a second sign-in in the same 30 seconds
    needs the next code (``steps_ahead=1``; the device accepts one step of
    drift either way).
    """
    clock = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    clock.time = time.time() + steps_ahead * device.step
    return f"{clock.token():0{device.digits}d}"


def fresh_code(device: TOTPDevice) -> str:
    """A code the device has not accepted yet (each is accepted only once)."""
    device.refresh_from_db()
    clock = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    clock.time = time.time()
    return code_for(device, steps_ahead=max(0, device.last_t + 1 - clock.t()))


def mark_verified(client, user=None) -> None:
    """Mark the client's logged-in session as having passed the second step."""
    session = client.session
    if user is None:
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.get(pk=session[SESSION_KEY])
    session[DEVICE_ID_SESSION_KEY] = app_device(user).persistent_id
    session.save()
