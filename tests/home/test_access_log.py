"""gunicorn's access log, as configured, keeps no visitor address."""

import socket
import subprocess
import sys
import time
import urllib.request

from tests.helpers import BASE_DIR, project_env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_gunicorn_access_log_has_no_client_address(tmp_path):
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
        deadline = time.monotonic() + 30
        while True:
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/healthz",
                    headers={
                        "User-Agent": "visitor-agent",
                        "Referer": "http://ref.example/",
                    },
                )
                urllib.request.urlopen(request, timeout=5).read()
                break
            except urllib.error.HTTPError:
                break  # any HTTP answer was logged
            except OSError:
                assert time.monotonic() < deadline, server.stderr
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=30)
    text = log.read_text()
    assert "GET /healthz" in text
    assert "127.0.0.1" not in text
    assert "visitor-agent" not in text
    assert "ref.example" not in text
