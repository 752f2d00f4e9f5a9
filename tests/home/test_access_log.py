"""gunicorn's access log, as configured, keeps no visitor address or secret."""

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from tests.helpers import BASE_DIR, project_env

HEADERS = {"User-Agent": "visitor-agent", "Referer": "http://ref.example/"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_listening(port: int, server) -> None:
    """A bare TCP connect: no request, so no line in the log."""
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            assert server.poll() is None, server.stderr.read()
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.2)


def _get(url: str) -> None:
    request = urllib.request.Request(url, headers=HEADERS)
    try:
        urllib.request.urlopen(request, timeout=30).read()
    except urllib.error.HTTPError:
        pass  # any HTTP answer is logged


def serve_and_log(tmp_path, paths) -> list[str]:
    """Start gunicorn with config/gunicorn.py, request ``paths``, return the log."""
    port = _free_port()
    log = tmp_path / "access.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=BASE_DIR,
        env=project_env(
            GUNICORN_BIND=f"127.0.0.1:{port}",
            GUNICORN_WORKERS="1",
            GUNICORN_ACCESSLOG=str(log),
            VAR_DIR=str(tmp_path),
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_until_listening(port, server)
        for path in paths:
            _get(f"http://127.0.0.1:{port}{path}")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return log.read_text().splitlines()


def test_gunicorn_access_log_has_no_client_address(tmp_path):
    text = "\n".join(serve_and_log(tmp_path, ["/healthz"]))
    assert "GET /healthz" in text
    assert "127.0.0.1" not in text
    assert "visitor-agent" not in text
    assert "ref.example" not in text


def test_gunicorn_access_log_has_no_query_string_or_reset_token(tmp_path):
    lines = serve_and_log(
        tmp_path,
        [
            "/healthz?token=query-secret-1&email=someone%40example.org",
            "/admin/password_reset/confirm/MQ/path-secret-2/",
        ],
    )
    assert len(lines) == 2, lines
    assert '"GET /healthz" ' in lines[0]
    assert '"GET /admin/password_reset/confirm/-/-/" ' in lines[1]
    text = "\n".join(lines)
    for secret in ("query-secret-1", "someone", "path-secret-2", "/MQ/", "?"):
        assert secret not in text, secret
    # Time, status, size and duration are kept.
    assert re.match(r"\[.+\] \"GET /healthz\" \d{3} \d+ \d+ms$", lines[0]), lines[0]
