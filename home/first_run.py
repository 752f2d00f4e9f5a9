"""What ``make run`` tells a newcomer: where the site is, how to log in, how
to stop, and where the background logs went."""

import secrets
import socket
import time
from pathlib import Path

from django.contrib.auth import get_user_model

#: Background processes whose output goes to a file rather than the terminal,
#: with the line that says where.
#: (Labels fit the block's 12-character column.)
LOGGED = {"releases": "Releases", "background": "Background", "beat": "Beat"}


def create_first_admin(username: str, email: str) -> str | None:
    """Create a superuser with a random password if none exists.

    Returns the password (to be shown once, never stored), or None when an
    admin account already exists.
    """
    User = get_user_model()
    if User.objects.filter(is_superuser=True).exists():
        return None
    password = secrets.token_urlsafe(12)
    User.objects.create_superuser(username=username, email=email, password=password)
    return password


def log_paths(var_dir: Path) -> dict[str, Path]:
    folder = Path(var_dir) / "log"
    folder.mkdir(parents=True, exist_ok=True)
    return {name: folder / f"{name}.log" for name in LOGGED}


def wait_until_serving(host: str, port: int, timeout: float = 60) -> bool:
    """Whether something accepts connections at host:port within ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=1):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def _shown(path: Path) -> str:
    """A path relative to the working folder when it is under it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def welcome_block(
    site_url: str, username: str, password: str | None, logs: dict[str, Path]
) -> str:
    """The last lines of a start-up: short enough to read at a glance."""
    site_url = site_url.rstrip("/")

    def row(label: str, value: str) -> str:
        return f"  {label + ':':<12}{value}"

    if password:
        login = [
            row("User", username),
            row("Password", f"{password}   (shown this once: keep it now)"),
        ]
    else:
        login = [
            row("User", username),
            row(
                "Password",
                "shown at the first run; reset it with: .venv/bin/python "
                f"manage.py changepassword {username}",
            ),
        ]
    rule = "=" * 64
    lines = [
        rule,
        row("Site", f"{site_url}/"),
        row("Admin", f"{site_url}/admin/"),
        *login,
        *(
            row(LOGGED.get(name, name), _shown(path))
            + ("  (tasks too)" if name in ("releases", "background") else "")
            for name, path in logs.items()
        ),
        row("Stop", "press Ctrl-C (stops web, workers and beat)"),
        rule,
    ]
    return "\n".join(lines)
