"""Celery tasks of delivery: thin wrappers over ``purge``.

The name keeps the ``home.`` prefix it had before delivery had a room of its
own, so messages queued by an older deployment still find it.
"""

from celery import shared_task

from delivery import purge


@shared_task(
    name="home.purge_frontend_cache",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=5,
    max_retries=5,
)
def purge_frontend_cache(urls: list[str] | None = None, soft: bool = False) -> int:
    """One purge batch to every frontend cache: these URLs, or all queued."""
    return purge.purge(urls, soft)
