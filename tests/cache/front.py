"""The front servers as shipped (deploy/), started for a test on free ports.

Varnish runs ``deploy/varnish/default.vcl`` with only the backend's port
changed, in a working directory of its own (``-n``), so several test runs
and a production Varnish on the same machine never meet.
"""

import http.client
import re
import ssl
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.bench.bench_http import _temp_paths, free_port, nginx_binary, running
from tests.helpers import BASE_DIR

VCL = BASE_DIR / "deploy" / "varnish" / "default.vcl"
SHIPPED_BACKEND = '.port = "8000";'


def varnishd() -> str | None:
    return nginx_binary("varnishd")


@dataclass
class Varnish:
    port: int
    workdir: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stat(self, name: str) -> int:
        """A counter of ``varnishstat`` (``MAIN.n_object``...)."""
        output = subprocess.run(
            [nginx_binary("varnishstat"), "-n", str(self.workdir), "-1", "-f", name],
            capture_output=True, text=True, check=True, timeout=20,
        ).stdout  # fmt: skip
        match = re.search(rf"^{re.escape(name)}\s+(\d+)", output, re.M)
        if match is None:
            raise AssertionError(f"varnishstat has no {name}: {output!r}")
        return int(match.group(1))

    def objects(self) -> int:
        return self.stat("MAIN.n_object")

    def set_backend(self, health: str) -> None:
        """Tell Varnish gunicorn is ``sick`` (down) or ``auto`` (probed) again."""
        subprocess.run(
            [nginx_binary("varnishadm"), "-n", str(self.workdir),
             "backend.set_health", "*.django", health],
            capture_output=True, text=True, check=True, timeout=20,
        )  # fmt: skip


def vcl_for(folder: Path, upstream: int) -> Path:
    text = VCL.read_text()
    if SHIPPED_BACKEND not in text:
        raise RuntimeError(f"default.vcl no longer has {SHIPPED_BACKEND}")
    path = folder / "default.vcl"
    path.write_text(text.replace(SHIPPED_BACKEND, f'.port = "{upstream}";'))
    return path


@contextmanager
def varnish(folder: Path, upstream: int):
    """varnishd in front of 127.0.0.1:``upstream`` until the block ends."""
    port = free_port()
    workdir = folder / "varnish-work"
    vcl = vcl_for(folder, upstream)
    command = [
        varnishd(), "-F", "-a", f"127.0.0.1:{port}", "-f", str(vcl), "-n", str(workdir),
        "-s", "malloc,64m", "-T", "127.0.0.1:0",
    ]  # fmt: skip
    log = folder / "varnish.log"
    with running(command, log):
        server = Varnish(port, workdir)
        _wait_healthy(server, log)
        yield server


def _wait_healthy(server: Varnish, log: Path) -> None:
    """Until Varnish answers and its probe finds the backend healthy."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if request(server.port, "/healthz/live")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
    raise AssertionError(f"Varnish did not reach the backend:\n{tail}")


def request(port, path, headers=None, method="GET", tls=False):
    """One request to 127.0.0.1:port: (status, lower-case headers, body)."""
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        conn = http.client.HTTPSConnection(
            "127.0.0.1", port, timeout=20, context=context
        )
    else:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request(method, path, headers={"Host": "localhost", **(headers or {})})
        response = conn.getresponse()
        return (
            response.status,
            {k.lower(): v for k, v in response.getheaders()},
            response.read(),
        )
    finally:
        conn.close()


# nginx as shipped -------------------------------------------------------------------

NGINX = BASE_DIR / "deploy" / "nginx.conf"


@dataclass
class Nginx:
    http_port: int
    https_port: int
    error_log: Path


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A throwaway certificate for localhost (openssl, always on Debian)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


def shipped_nginx_conf(folder: Path, varnish_port: int, django_port: int, var_dir):
    """deploy/nginx.conf with this machine's ports, folders and certificate."""
    text = NGINX.read_text()
    cert, key = self_signed(folder)
    temp = folder / "nginx-temp"
    temp.mkdir(exist_ok=True)
    http_port, https_port = free_port(), free_port()
    error_log = folder / "nginx-error.log"
    replacements = {
        "pid /run/nginx.pid;": f"pid {folder}/nginx.pid;",
        "/var/log/nginx/campaign-error.log": str(error_log),
        "/var/log/nginx/campaign-access.log": str(folder / "nginx-access.log"),
        "listen 80 default_server;": f"listen 127.0.0.1:{http_port} default_server;",
        "listen 443 ssl http2 default_server;": (
            f"listen 127.0.0.1:{https_port} ssl http2 default_server;"
        ),
        "server 127.0.0.1:6081;": f"server 127.0.0.1:{varnish_port};",
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{django_port};",
        "/srv/campaign-manager/var": str(var_dir),
        "/etc/ssl/campaign/fullchain.pem": str(cert),
        "/etc/ssl/campaign/privkey.pem": str(key),
        "http {\n": "http {\n" + _temp_paths(temp),
    }
    for shipped, value in replacements.items():
        if shipped not in text:
            raise RuntimeError(f"deploy/nginx.conf no longer has {shipped!r}")
        text = text.replace(shipped, value)
    (folder / "security-headers.conf").write_text(
        (NGINX.parent / "security-headers.conf").read_text()
    )
    path = folder / "nginx.conf"
    path.write_text(text)
    return path, Nginx(http_port, https_port, error_log)
