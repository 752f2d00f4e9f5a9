"""``manage.py probe``: a supervisor's check of the sweep and the workers."""

import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from monitoring import heartbeats

pytestmark = pytest.mark.redis


@pytest.fixture(autouse=True)
def _redis(settings):
    if not settings.REDIS_AVAILABLE:
        pytest.skip("needs Redis")


def test_a_fresh_sweep_passes_and_a_stale_one_fails(settings):
    heartbeats.record_sweep()
    call_command("probe", "sweep")
    heartbeats.record_sweep(time.time() - settings.HEALTH_SWEEP_STALE_SECONDS - 1)
    with pytest.raises(CommandError, match="release sweep stale"):
        call_command("probe", "sweep")


def test_a_worker_is_checked_by_name(settings):
    heartbeats.record_worker("releases@probe-host")
    try:
        call_command("probe", "worker", "releases@probe-host")
        with pytest.raises(CommandError, match="background@probe-host stale"):
            call_command("probe", "worker", "background@probe-host")
    finally:
        heartbeats.forget_worker("releases@probe-host")
