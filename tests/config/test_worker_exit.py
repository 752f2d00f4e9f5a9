"""A worker that ends without being asked to exits non-zero (issue 12)."""

import pytest
from celery.signals import worker_shutdown, worker_shutting_down

from config import worker_exit


class Worker:
    """What the signal's sender offers the handler: an exit status."""

    def __init__(self, exitcode):
        self.exitcode = exitcode


@pytest.fixture(autouse=True)
def _no_stop_request(monkeypatch):
    monkeypatch.setitem(worker_exit.stop_requested, "value", False)


def test_an_exit_nobody_asked_for_is_a_failure():
    worker = Worker(0)
    worker_shutdown.send(sender=worker)
    assert worker.exitcode == 1


def test_a_requested_stop_keeps_its_status():
    worker = Worker(0)
    worker_shutting_down.send(sender="celery@host", sig="SIGTERM", how="Warm",
                              exitcode=0)  # fmt: skip
    worker_shutdown.send(sender=worker)
    assert worker.exitcode == 0


def test_a_failure_keeps_its_own_status():
    worker = Worker(2)
    worker_shutdown.send(sender=worker)
    assert worker.exitcode == 2
