from celery import shared_task


@shared_task(name="home.ping")
def ping(payload: str = "pong") -> str:
    """Round-trip check for the broker and result backend (used by tests)."""
    return payload
