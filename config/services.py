"""Find out which backing services answer, and choose the fallbacks.

Development and the test suite run on a machine that may have neither Redis
nor PostgreSQL; production never falls back (its settings do not call this).
"""

import socket
from pathlib import Path
from urllib.parse import urlsplit

#: How long a probe waits for a TCP answer. Loopback refuses at once; a
#: remote host that drops packets must not stall every ``manage.py`` call.
PROBE_TIMEOUT = 0.5


def tcp_answers(url: str, default_port: int, timeout: float = PROBE_TIMEOUT) -> bool:
    """True when something accepts a TCP connection at the URL's host and port."""
    parts = urlsplit(url)
    if not parts.hostname:
        return False
    try:
        with socket.create_connection(
            (parts.hostname, parts.port or default_port), timeout=timeout
        ):
            return True
    except OSError:
        return False


def redis_answers(url: str) -> bool:
    return tcp_answers(url, 6379)


def postgres_answers(url: str) -> bool:
    return tcp_answers(url, 5432)


def filesystem_broker_options(var_dir: Path) -> dict:
    """kombu's filesystem transport: one folder that producers and consumers share."""
    queue = var_dir / "celery" / "queue"
    processed = var_dir / "celery" / "processed"
    control = var_dir / "celery" / "control"  # kombu's default is ./control
    for folder in (queue, processed, control):
        folder.mkdir(parents=True, exist_ok=True)
    return {
        "data_folder_in": str(queue),
        "data_folder_out": str(queue),
        "processed_folder": str(processed),
        "store_processed": False,
        "control_folder": str(control),
    }


def filesystem_result_backend(var_dir: Path) -> str:
    results = var_dir / "celery" / "results"
    results.mkdir(parents=True, exist_ok=True)
    return f"file://{results}"
