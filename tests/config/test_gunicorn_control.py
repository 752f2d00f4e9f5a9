"""Each gunicorn instance gets its own control socket, or none (issue 12)."""

import runpy
import subprocess
import sys
import time

from tests.helpers import BASE_DIR, project_env
from tests.integration.support import status
from tests.redis_server import free_port

CONFIG = str(BASE_DIR / "config" / "gunicorn.py")


def settings_with(monkeypatch, **env) -> dict:
    for name in ("GUNICORN_CONTROL_SOCKET", "RUNTIME_DIRECTORY", "XDG_RUNTIME_DIR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(CONFIG)


def test_the_socket_is_named_after_the_bind_address(monkeypatch, tmp_path):
    one = settings_with(monkeypatch, GUNICORN_BIND="127.0.0.1:8001",
                        RUNTIME_DIRECTORY=str(tmp_path))  # fmt: skip
    two = settings_with(monkeypatch, GUNICORN_BIND="127.0.0.1:8002",
                        RUNTIME_DIRECTORY=str(tmp_path))  # fmt: skip
    assert one["control_socket"] == str(tmp_path / "gunicorn-127-0-0-1-8001.ctl")
    assert one["control_socket"] != two["control_socket"]


def test_off_means_no_control_socket(monkeypatch):
    config = settings_with(monkeypatch, GUNICORN_CONTROL_SOCKET="off")
    assert config["control_socket_disable"] is True
    assert "control_socket" not in config


def test_two_instances_on_one_host_each_keep_their_socket(tmp_path):
    ports = [free_port(), free_port()]
    servers = [
        subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", CONFIG, "config.wsgi"],
            cwd=BASE_DIR,
            env=project_env(
                GUNICORN_BIND=f"127.0.0.1:{port}",
                GUNICORN_WORKERS="1",
                GUNICORN_ACCESSLOG=str(tmp_path / f"access-{port}.log"),
                XDG_RUNTIME_DIR=str(tmp_path),
                VAR_DIR=str(tmp_path),
            ),
            stdout=subprocess.DEVNULL,
            stderr=open(tmp_path / f"error-{port}.log", "wb"),  # noqa: SIM115
        )
        for port in ports
    ]
    try:
        deadline = time.monotonic() + 60
        expected = {tmp_path / f"gunicorn-127-0-0-1-{port}.ctl" for port in ports}
        while not all(path.is_socket() for path in expected):
            assert time.monotonic() < deadline, [
                path.read_text()[-2000:] for path in tmp_path.glob("error-*.log")
            ]
            time.sleep(0.2)
        for port in ports:
            assert status(f"http://127.0.0.1:{port}/robots.txt", timeout=60) == 200
        assert not (tmp_path / "gunicorn.ctl").exists()
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
