"""`make run` (manage.py run_all) starts a child that dies again; Ctrl-C
stops everything (issue 12)."""

import os
import re
import signal
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings

from tests.celery_stack import database_url
from tests.helpers import BASE_DIR, project_env
from tests.integration.support import wait_until
from tests.redis_server import free_port

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]

STARTED = re.compile(rb"(\w[\w-]*) started \(pid (\d+)\)")
READY = re.compile(rb"releases@\S+ ready\.")


def started(log) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for name, pid in STARTED.findall(log.read_bytes()):
        found.setdefault(name.decode(), []).append(int(pid))
    return found


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_killed_worker_comes_back_and_ctrl_c_stops_everything(tmp_path):
    queue = f"run-all-{uuid.uuid4().hex[:8]}"
    env = project_env(
        DATABASE_URL=database_url(),
        REDIS_URL=settings.REDIS_URL,
        CELERY_BROKER_URL=settings.REDIS_URL,
        CELERY_RESULT_BACKEND=settings.REDIS_URL,
        CELERY_TASK_DEFAULT_QUEUE=queue,
        RELEASE_QUEUE=f"{queue}-releases",
        CACHE_KEY_PREFIX=queue,
        VAR_DIR=str(tmp_path),
    )
    log = tmp_path / "run_all.log"
    with open(log, "wb") as out:
        run = subprocess.Popen(
            [sys.executable, "manage.py", "run_all", f"127.0.0.1:{free_port()}"],
            cwd=BASE_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        first = wait_until(
            lambda: started(log).get("releases"), 60, "worker started", log.read_text
        )
        # The workers write to var/log/ (home/first_run.py), not the terminal.
        worker_log = tmp_path / "log" / "releases.log"
        wait_until(
            lambda: worker_log.exists() and READY.search(worker_log.read_bytes()),
            90,
            "worker ready",
        )
        os.killpg(first[0], signal.SIGKILL)
        again = wait_until(
            lambda: started(log)["releases"][1:], 30, "worker restarted", log.read_text
        )
        assert again[0] != first[0]
        assert b"releases exited with status -9; starting it again in 1 s" in (
            log.read_bytes()
        )
        assert run.poll() is None  # the others were left running
        everyone = [pid for pids in started(log).values() for pid in pids]
        assert set(started(log)) >= {"web", "releases", "background", "beat"}
        run.send_signal(signal.SIGINT)
        assert run.wait(timeout=30) == 0
        time.sleep(0.5)
        assert not [pid for pid in everyone if alive(pid)], log.read_text()
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.wait()
