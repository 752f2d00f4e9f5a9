"""A Celery worker that ends without being asked to exits non-zero.

Celery exits 0 from some of its own shutdown paths, e.g. after a lost broker
connection (issue 12): a supervisor that restarts "on failure" would then
leave the releases without a worker. Connected in config/celery_app.py.
"""

from celery.platforms import EX_FAILURE

#: Whether someone asked this worker to stop (SIGTERM, SIGINT, SIGQUIT).
stop_requested = {"value": False}


def remember_stop_request(**kwargs) -> None:
    stop_requested["value"] = True


def unrequested_exit_fails(sender, **kwargs) -> None:
    if not stop_requested["value"] and not getattr(sender, "exitcode", None):
        sender.exitcode = EX_FAILURE
