"""A task goes through a real worker and comes back, on Redis and on the fallback."""

import subprocess
import sys
import uuid

import pytest
from celery import Celery
from django.conf import settings

from config.services import filesystem_broker_options, filesystem_result_backend
from tests.helpers import BASE_DIR, project_env


def _round_trip(broker: str, backend: str, options: dict, env: dict) -> str:
    queue = f"test-{uuid.uuid4().hex[:8]}"
    worker = subprocess.Popen(
        [
            sys.executable, "-m", "celery", "-A", "config", "worker",
            "--pool", "solo", "--queues", queue, "--loglevel", "WARNING",
            "--without-heartbeat", "--without-mingle", "--without-gossip",
        ],
        cwd=BASE_DIR,
        env=project_env(CELERY_BROKER_URL=broker, CELERY_RESULT_BACKEND=backend, **env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip
    client = Celery(broker=broker, backend=backend)
    client.conf.broker_transport_options = options
    try:
        payload = uuid.uuid4().hex
        result = client.send_task("home.ping", args=[payload], queue=queue)
        assert result.get(timeout=30) == payload
        return payload
    finally:
        worker.terminate()
        output, _ = worker.communicate(timeout=30)
        assert "Traceback" not in output, output


@pytest.mark.redis
def test_task_round_trips_through_a_real_worker_on_redis():
    _round_trip(settings.REDIS_URL, settings.REDIS_URL, {}, {})


def test_task_round_trips_through_a_real_worker_on_the_filesystem_fallback(tmp_path):
    options = filesystem_broker_options(tmp_path / "test")
    backend = filesystem_result_backend(tmp_path / "test")
    _round_trip("filesystem://", backend, options, {"VAR_DIR": str(tmp_path)})
