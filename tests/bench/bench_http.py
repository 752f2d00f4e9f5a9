"""Serving a launch-day peak: one campaign page, five ways, one sitting.

Real processes on loopback, production settings (DEBUG off, hashed static
files, Redis cache) on a PostgreSQL database of the benchmark's own with
the demo (15 locales) in it. wrk, 64 connections, a few seconds each:

(a) the Danish campaign page rendered by gunicorn, page cache off;
(b) the same page from the full-page cache (delivery/page_cache.py);
(c) a static file (the site's stylesheet) through the same gunicorn and
    WhiteNoise: the ceiling of the Python path;
(d) the page from Varnish (deploy/varnish/default.vcl as shipped), a hit;
(e) the same HTML as a plain file through a minimal nginx: the machine.

(d) and (e) are asked as a browser asks, ``Accept-Encoding: gzip``, and
both send the same gzip bytes: Varnish the copy it fetched (it asks the
backend for gzip and stores that), nginx a precompressed file beside the
page (``gzip_static``). Asked without it, as wrk asks by default, Varnish
gunzips the stored copy on every delivery while nginx sends the file as it
is: that measured zlib, not the cache (about 0.4 against 0.7 of nginx on
the same loaded machine), and no browser asks so.

Targets: b/a >= 5, b/c >= 0.7, d/e >= 0.5, p99 of (b) < 50 ms, p99 of (d) <
10 ms, a/c >= 0.05. nginx and wrk are installed from the distribution when
missing; Varnish must be (apt varnish, as .ci/run does).

(h) Then wrk on (d) for 2 s while the page is published again: p99 under
100 ms, and exactly one fetch of it from gunicorn (Varnish coalesces).

With ``lateness``: bench_publication's 60 staggered releases (a worker and
beat), instant to the first 200 read through Varnish (p99 < 1 s).

Then the kill switch (``withdrawal``): 50 campaigns live in 10 regions (550
pages: bench_publication's ``build``), every URL warm in Varnish, then one
withdrawal of all of them; the time from the call to the last URL that no
longer answers 200 through Varnish (target < 3 s). BENCH_HTTP=serve,
lateness or withdrawal (comma-separated) runs some parts alone.
"""

import http.client
import json
import logging
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from unittest.mock import patch

from django.conf import settings
from django.db import connection
from django.test.utils import override_settings, setup_databases, teardown_databases

from tests.helpers import BASE_DIR

CONNECTIONS = 64
THREADS = 2
#: Each figure is the median of ROUNDS runs of DURATION; the two sides of a
#: ratio are measured in turns, so other work on the machine cannot favour
#: one of them.
ROUNDS = 3
DURATION = os.environ.get("BENCH_HTTP_DURATION", "5s")
WARM_UP = "2s"
HOST = "localhost"  # the demo's Wagtail site
PARTS = os.environ.get("BENCH_HTTP", "serve,lateness,withdrawal").split(",")
WITHDRAWN_CAMPAIGNS = 50  # x (1 source + 10 regions) = 550 live pages
POLLERS = 16  # threads polling the withdrawn URLs through Varnish
#: What a browser sends that changes the answer: (d), (e) and (h) ask so.
BROWSER = ("Accept-Encoding: gzip",)


# Tools -----------------------------------------------------------------------------


def ensure_tools() -> None:
    """nginx and wrk from the distribution, when they are missing."""
    missing = [name for name in ("nginx", "wrk") if not nginx_binary(name)]
    if not missing:
        return
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        [*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends",
         *missing],
        check=True, env=env,
    )  # fmt: skip


def nginx_binary(name: str) -> str | None:
    """nginx lives in /usr/sbin, outside an ordinary user's PATH."""
    return shutil.which(name, path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port: int, path: str, headers: dict | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Host": HOST, **(headers or {})})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def wait_for(port: int, path: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            if get(port, path)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
    raise RuntimeError(f"nothing answered 200 on {port}{path}:\n{tail}")


@contextmanager
def running(command: list[str], log: Path, env: dict | None = None):
    """A process group started for the block and stopped after it, always."""
    with open(log, "ab") as output:
        process = subprocess.Popen(
            command, cwd=BASE_DIR, env=env, stdout=output,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


# nginx configurations --------------------------------------------------------------


def minimal_nginx_conf(folder: Path, port: int, docroot: Path) -> Path:
    """The least nginx needs to serve a folder: the machine's practical limit."""
    temp = folder / "nginx-temp"
    temp.mkdir(exist_ok=True)
    path = folder / "minimal.conf"
    path.write_text(
        f"worker_processes auto;\npid {folder}/minimal.pid;\n"
        f"error_log {folder}/minimal-error.log;\n"
        "events { worker_connections 4096; }\n"
        "http {\n" + _temp_paths(temp) + "    include /etc/nginx/mime.types;\n"
        "    sendfile on;\n    tcp_nopush on;\n    access_log off;\n"
        "    gzip_static on;\n    gzip_vary on;\n"
        f"    server {{ listen 127.0.0.1:{port}; root {docroot}; }}\n}}\n"
    )
    return path


def _temp_paths(temp: Path) -> str:
    names = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    return "".join(f"    {name}_temp_path {temp}/{name};\n" for name in names)


def nginx(conf: Path, log: Path):
    binary = nginx_binary("nginx")
    return running(
        [binary, "-p", str(conf.parent), "-c", str(conf), "-g", "daemon off;"], log
    )


# wrk ----------------------------------------------------------------------------------

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(
    port: int, path: str, duration: str = DURATION, headers: tuple = ()
) -> dict[str, float]:
    """Requests/s, latency percentiles (ms) and requests done of a wrk run."""
    command = [
        nginx_binary("wrk"), f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}",
        "--latency", "--timeout", "10s", "-H", f"Host: {HOST}",
        *[part for header in headers for part in ("-H", header)],
        f"http://127.0.0.1:{port}{path}",
    ]  # fmt: skip
    output = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=120
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    done = re.search(r"(\d+) requests in", output)
    found = {"rate": rate, "requests": int(done.group(1)) if done else 0}
    for name in ("50", "99"):
        match = re.search(rf"^\s+{name}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        found[f"p{name}"] = float(match.group(1)) * UNITS[match.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    found["errors"] = int(errors.group(1)) if errors else 0
    socket_errors = re.search(r"Socket errors: (.*)", output)
    found["socket"] = socket_errors.group(1) if socket_errors else ""
    return found


def measure(*targets: tuple) -> list[dict]:
    """Each (port, path[, headers]) measured ROUNDS times, in turns; the
    medians, and the requests done in all runs (warm-up included)."""
    targets = [(port, path, *rest) for port, path, *rest in targets]
    warm = [wrk(port, path, WARM_UP, *rest) for port, path, *rest in targets]
    runs: list[list[dict]] = [[first] for first in warm]
    for _round in range(ROUNDS):
        for found, (port, path, *rest) in zip(runs, targets, strict=True):
            found.append(wrk(port, path, DURATION, *rest))
    for found in runs:
        found.append(found.pop(0))  # the warm-up counts requests, not rates
    medians = slice(0, ROUNDS)
    return [
        {
            "rate": statistics.median(run["rate"] for run in found[medians]),
            "p50": statistics.median(run["p50"] for run in found[medians]),
            "p99": statistics.median(run["p99"] for run in found[medians]),
            "errors": sum(run["errors"] for run in found[medians]),
            "socket": "; ".join(
                sorted({run["socket"] for run in found[medians]} - {""})
            ),
            "requests": sum(run["requests"] for run in found),
        }
        for found in runs
    ]


# The site -------------------------------------------------------------------------


@contextmanager
def database(suffix: str = "bench_http"):
    """A PostgreSQL test database of the benchmark's own, with the demo,
    named after DATABASE_URL's (two checkouts on one server never share it,
    as bench_publication's)."""
    from django.core.management import call_command
    from wagtail.signals import page_published

    from campaign.models import CampaignPage
    from campaign.signals import queue_share_images

    name = f"test_{connection.settings_dict['NAME']}_{suffix}"
    connection.settings_dict.setdefault("TEST", {})["NAME"] = name
    old = setup_databases(0, False, serialized_aliases=[])
    # Share images take seconds per page and no part in serving it.
    page_published.disconnect(
        sender=CampaignPage, dispatch_uid="campaign.queue_share_images"
    )
    try:
        call_command("seed_demo", verbosity=0)
        yield
    finally:
        page_published.connect(
            queue_share_images,
            sender=CampaignPage,
            dispatch_uid="campaign.queue_share_images",
        )
        connection.close()
        teardown_databases(old, 0)


def production_env(var_dir: Path, prefix: str, log: Path, **extra) -> dict:
    from tests.celery_stack import database_url

    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "CELERY_", "PAGE_CACHE", "VARNISH"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(40),
        DATABASE_URL=database_url(),
        ALLOWED_HOSTS=f"{HOST},127.0.0.1",
        REDIS_URL=settings.REDIS_URL,
        SECURE_SSL_REDIRECT="false",
        VAR_DIR=str(var_dir),
        PAGE_CACHE_KEY_PREFIX=prefix,
        GUNICORN_ACCESSLOG=str(log),
        **extra,
    )
    return env


def gunicorn(env: dict, port: int, log: Path):
    return running(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
        log,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
    )


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)}:\n{done.stderr[-3000:]}")
    return done.stdout


def wipe_redis(patterns: list[str]) -> None:
    """The keys production settings wrote to the test Redis database."""
    import redis

    with redis.Redis.from_url(settings.REDIS_URL) as client:
        for pattern in patterns:
            keys = list(client.scan_iter(match=pattern, count=1000))
            if keys:
                client.delete(*keys)


def check(condition: bool, message: str) -> None:
    if not condition:
        raise RuntimeError(message)


# The run ----------------------------------------------------------------------------


def run() -> list[str]:
    if not (settings.POSTGRES_AVAILABLE and settings.REDIS_AVAILABLE):
        return ["skipped: needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL)"]
    ensure_tools()
    lines = []
    if "serve" in PARTS:
        lines += serve()
    if "withdrawal" in PARTS or "lateness" in PARTS:
        lines += withdrawal()
    return lines


def serve() -> list[str]:
    from campaign.models import CampaignPage
    from tests.cache import front  # it imports this module

    logging.disable(logging.INFO)
    redis_keys = ["cm:*", "cm-renditions:*"]
    wipe_redis(redis_keys)  # a site root path cached by an earlier run
    prefix = f"pc-bench-{secrets.token_hex(4)}"
    started = time.monotonic()
    results: dict[str, dict] = {}
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        folder.chmod(0o755)  # nginx's and Varnish's workers read from it
        var_dir = folder / "var"
        media = var_dir / "media"
        stack.enter_context(override_settings(MEDIA_ROOT=media))
        stack.callback(logging.disable, logging.NOTSET)
        stack.callback(wipe_redis, redis_keys)
        stack.enter_context(database())
        page = CampaignPage.objects.get(locale__language_code="da-dk")
        path = page.get_url()
        setup = time.monotonic() - started
        access = folder / "gunicorn-access.log"
        env = production_env(var_dir, prefix, access)
        manage(env, "collectstatic", "--noinput", "-v0")
        port = free_port()
        log = folder / "gunicorn.log"

        with gunicorn({**env, "PAGE_CACHE_ENABLED": "false"}, port, log) as web:
            wait_for(port, path, web, log)
            check("X-Page-Cache" not in get(port, path)[1], "(a) was cached")
            (results["a"],) = measure((port, path))

        with gunicorn(env, port, log) as web:
            wait_for(port, path, web, log)
            _status, _headers, body = get(port, path)
            check(get(port, path)[1].get("X-Page-Cache") == "hit", "(b) no hit")
            stylesheet = re.search(rb'href="(/static/css/site\.[0-9a-f]+\.css)"', body)
            check(stylesheet is not None, "no hashed stylesheet in the page")
            static = stylesheet.group(1).decode()
            status, static_headers, _css = get(port, static)
            check(status == 200, "(c) the stylesheet is missing")
            check(
                "immutable" in static_headers.get("Cache-Control", ""),
                "(c) a hashed static file must be cached for a year and more",
            )
            results["b"], results["c"] = measure((port, path), (port, static))

            docroot = folder / "plain"
            docroot.mkdir(mode=0o755)
            (docroot / "page.html").write_bytes(body)
            zipped = get(port, path, {"Accept-Encoding": "gzip"})
            check(zipped[1].get("Content-Encoding") == "gzip", "no gzip copy")
            (docroot / "page.html.gz").write_bytes(zipped[2])
            for name in ("page.html", "page.html.gz"):
                (docroot / name).chmod(0o644)
            plain = free_port()
            plain_conf = minimal_nginx_conf(folder, plain, docroot)
            with (
                front.varnish(folder, port) as cache,
                nginx(plain_conf, folder / "minimal.log") as second,
            ):
                wait_for(plain, "/page.html", second, folder / "minimal-error.log")
                get(cache.port, path)
                served = get(cache.port, path, {"Accept-Encoding": "gzip"})
                check(served[1].get("X-Cache") == "hit", "(d) not a Varnish hit")
                check(served[2] == zipped[2], "(d) not the page's gzip copy")
                same = get(plain, "/page.html", {"Accept-Encoding": "gzip"})[2]
                check(same == zipped[2], "(e) not the page's gzip copy")
                results["d"], results["e"] = measure(
                    (cache.port, path, BROWSER), (plain, "/page.html", BROWSER)
                )
                with as_the_site(prefix, cache.url):
                    hot = republished_under_load(cache.port, page, path, access)
        size = len(body)
    return report(results, path, static, size, setup) + hot


def as_the_site(prefix: str, varnish_url: str):
    """This process commits as the site's own processes would: the same
    page-cache keys in Redis, the same Varnish to purge."""
    return override_settings(
        CACHES={
            **settings.CACHES,
            "default": {**settings.CACHES["default"], "KEY_PREFIX": "cm"},
        },
        PAGE_CACHE_ENABLED=True,
        PAGE_CACHE_KEY_PREFIX=prefix,
        WAGTAILFRONTENDCACHE={
            "varnish": {
                "BACKEND": "delivery.purge.VarnishBackend",
                "LOCATION": varnish_url,
            }
        },
    )


def requests_for(access: Path, path: str) -> int:
    """The requests for ``path`` gunicorn has logged (config/gunicorn.py)."""
    return access.read_text(errors="replace").count(f'"GET {path}"')


def republished_under_load(port: int, page, path: str, access: Path) -> list[str]:
    """wrk on the hot page through Varnish for 2 s; half a second in, the
    page is published again (a commit: purged from Varnish and the page
    cache). Varnish coalesces the misses into one fetch, the page cache
    renders it once."""
    import threading

    from campaign import publication

    found = {}
    before = requests_for(access, path)
    load = threading.Thread(
        target=lambda: found.update(wrk(port, path, "2s", BROWSER)), daemon=True
    )
    load.start()
    time.sleep(0.5)
    begun = time.monotonic()
    revision = page.specific.save_revision()
    with publication.permitted("bench"):
        revision.publish()  # purged (softly) once it returns
    published = time.monotonic() - begun
    load.join()
    time.sleep(1)  # the access log is written after each answer
    fetched = requests_for(access, path) - before
    p99 = found["p99"]
    return [
        f"(h) {CONNECTIONS} connections on the hot page through Varnish while"
        f" it is published again: {found['rate']:.0f} req/s, p50"
        f" {found['p50']:.2f} ms, p99 {found['p99']:.2f} ms over 2 s"
        f" (target < 100 ms: {'met' if p99 < 100 else 'MISSED'}); fetched from"
        f" gunicorn {fetched} time(s) (target exactly 1:"
        f" {'met' if fetched == 1 else 'MISSED'}); the publish returned"
        f" {published:.2f} s after it began, 0.5 s into the load",
    ]


LABELS = {
    "a": "uncached campaign page, gunicorn",
    "b": "full-page cache (Redis + near copies)",
    "c": "static file, gunicorn + WhiteNoise",
    "d": "Varnish hit (gzip), shipped vcl",
    "e": "plain file (gzip_static), nginx",
}


def ratio(top: dict, bottom: dict) -> float:
    return top["rate"] / bottom["rate"] if bottom["rate"] else float("inf")


def report(results: dict, path: str, static: str, size: int, setup: float):
    lines = [
        f"page {path} ({size} bytes), static {static};"
        f" wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION} on loopback,"
        f" median of {ROUNDS} runs, in turns"
        f" (set-up {setup:.0f} s)",
    ]
    for key, label in LABELS.items():
        found = results[key]
        extra = f"  {found['errors']} non-2xx" if found["errors"] else ""
        extra += f"  socket errors: {found['socket']}" if found["socket"] else ""
        lines.append(
            f"({key}) {label:38} {found['rate']:9.0f} req/s"
            f"  p50 {found['p50']:7.2f} ms  p99 {found['p99']:7.2f} ms{extra}"
        )
    b_a = ratio(results["b"], results["a"])
    b_c = ratio(results["b"], results["c"])
    d_e = ratio(results["d"], results["e"])
    a_c = ratio(results["a"], results["c"])
    p99 = results["b"]["p99"]
    verdict = {True: "met", False: "MISSED"}
    lines += [
        f"ratio b/a {b_a:6.2f}  (target >= 5:   {verdict[b_a >= 5]})",
        f"ratio b/c {b_c:6.2f}  (target >= 0.7: {verdict[b_c >= 0.7]})",
        f"ratio d/e {d_e:6.2f}  (target >= 0.5: {verdict[d_e >= 0.5]})",
        f"ratio a/c {a_c:6.3f}  (target >= 0.05: {verdict[a_c >= 0.05]})",
        f"p99 of (b) {p99:.1f} ms at {CONNECTIONS} connections"
        f"  (target < 50 ms: {verdict[p99 < 50]})",
        f"p99 of (d) {results['d']['p99']:.1f} ms at {CONNECTIONS} connections"
        f"  (target < 10 ms: {verdict[results['d']['p99'] < 10]})",
        f"(load average at the end: "
        f"{', '.join(f'{v:.1f}' for v in os.getloadavg())} on {os.cpu_count()} CPUs)",
    ]
    return lines


# The kill switch ----------------------------------------------------------------------


def go_live(pages) -> None:
    """Every built translation live on its latest revision, with a published
    release per region: set-up in a few UPDATEs, not measured."""
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page

    from campaign.models import Release

    now = timezone.now()
    Page.objects.filter(pk__in=[page.pk for page in pages.values()]).update(
        live=True,
        has_unpublished_changes=False,
        live_revision=F("latest_revision"),
        first_published_at=now,
        last_published_at=now,
    )
    # Those the lateness part published have theirs.
    Release.objects.bulk_create(
        [
            Release(
                page_id=source_id,
                region_id=region_id,
                go_live_at=now,
                state=Release.State.PUBLISHED,
                published_at=now,
            )  # fmt: skip
            for source_id, region_id in pages
        ],
        ignore_conflicts=True,
    )


def lateness(folder: Path, sources, regions, pages) -> list[str]:
    """bench_publication's lateness run (60 releases, half a second apart,
    a worker and beat), the first 200 read through Varnish, which the
    worker purges."""
    from tests.bench import bench_publication as publication
    from tests.cache import front
    from tests.celery_stack import CeleryStack

    class ThroughVarnish:
        def __init__(self, port: int):
            self.port = port

        def status(self, page_path: str) -> int | None:
            try:
                return get(self.port, page_path)[0]
            except OSError:
                return None

    part = folder / "lateness"
    part.mkdir()
    stack = CeleryStack(part, sweep_seconds=2.0)
    stack.env["PAGE_CACHE_ENABLED"] = "true"
    site = publication.Site(part, stack.env)
    try:
        site.start()
        with front.varnish(part, site.port) as cache:
            stack.env["VARNISH_URL"] = cache.url
            stack.start()
            publication.warm_up(site)
            pairs = [
                (source, region)
                for source in sources[: publication.LATENESS_PAGES]
                for region in regions
            ]
            late = publication.staggered_lateness(
                pairs, pages, ThroughVarnish(cache.port), lead=4, timeout=30
            )
    finally:
        site.stop()
        stack.stop()
    p50, p99, top = publication.percentiles(list(late.values()))
    return [
        f"lateness over {len(late)} releases, instant -> first 200 through"
        f" Varnish (worker + beat, sweep every 2 s): p50 {p50:.3f} s"
        f"  p99 {p99:.3f} s  max {top:.3f} s"
        f"  (target p99 < 1 s: {'met' if p99 < 1 else 'MISSED'})",
    ]


def withdrawal() -> list[str]:
    from concurrent.futures import ThreadPoolExecutor

    from wagtail.models import PageLogEntry
    from wagtail.signals import page_published

    from campaign.models import CampaignPage
    from campaign.releases import withdrawal as withdrawal_module
    from campaign.signals import queue_share_images
    from config.celery_app import app as celery_app
    from delivery import purge
    from tests.bench import bench_publication
    from tests.cache import front

    logging.disable(logging.INFO)
    redis_keys = ["cm:*", "cm-renditions:*"]
    wipe_redis(redis_keys)
    prefix = f"pc-bench-{secrets.token_hex(4)}"
    started = time.monotonic()
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        folder.chmod(0o755)
        var_dir = folder / "var"
        stack.enter_context(override_settings(MEDIA_ROOT=var_dir / "media"))
        stack.callback(logging.disable, logging.NOTSET)
        stack.callback(wipe_redis, redis_keys)
        page_published.disconnect(
            sender=CampaignPage, dispatch_uid="campaign.queue_share_images"
        )
        stack.callback(
            page_published.connect, queue_share_images, sender=CampaignPage,
            dispatch_uid="campaign.queue_share_images",
        )  # fmt: skip
        stack.enter_context(bench_publication.database("withdrawal"))
        regions, sources, pages = bench_publication.build(WITHDRAWN_CAMPAIGNS)
        setup = time.monotonic() - started
        lines = []
        if "lateness" in PARTS:
            lines += lateness(folder, sources, regions, pages)
        go_live(pages)
        everything = [*sources, *pages.values()]
        paths = sorted(bench_publication.path(page) for page in everything)

        access = folder / "gunicorn-access.log"
        env = production_env(var_dir, prefix, access)
        # Copies kept an hour: warming 550 pages on a busy machine takes
        # longer than the production minute, and only a purge may end them.
        env.update(GUNICORN_WORKERS="2", GUNICORN_THREADS="4", PAGE_CACHE_TTL="3600")
        manage(env, "collectstatic", "--noinput", "-v0")
        port = free_port()
        log = folder / "gunicorn.log"
        web = stack.enter_context(gunicorn(env, port, log))
        wait_for(port, paths[0], web, log)
        cache = stack.enter_context(front.varnish(folder, port))
        stack.enter_context(as_the_site(prefix, cache.url))
        warm = time.monotonic()
        cold = paths
        for _round in range(4):  # a miss, then a hit
            with ThreadPoolExecutor(4) as pool:
                served = list(
                    pool.map(lambda page_path: get(cache.port, page_path), cold)
                )
            cold = [p for p, (status, headers, _b) in zip(cold, served, strict=True)
                    if status != 200 or headers.get("X-Cache") != "hit"]  # fmt: skip
        check(not cold, f"{len(cold)} page(s) not a Varnish hit, e.g. {cold[:3]}")
        warm = time.monotonic() - warm

        # The second purge is the worker's in production (delivery/purge.py):
        # sent to the broker (the test Redis database) here, where nobody
        # reads it and whence it goes at the end, instead of running inline
        # as tests run tasks.
        celery_app.conf.task_always_eager = False
        stack.callback(setattr, celery_app.conf, "task_always_eager", True)
        stack.callback(wipe_redis, [settings.CELERY_TASK_DEFAULT_QUEUE])
        purged_at = []
        at_once = purge.at_once

        def timed_at_once(urls, soft=False):
            done = at_once(urls, soft)
            purged_at.append((time.monotonic(), done))
            return done

        stack.enter_context(patch.object(purge, "at_once", timed_at_once))
        since = timezone_now()
        poller = subprocess.Popen(
            [sys.executable, "-m", "tests.bench.gone_poller"],
            cwd=BASE_DIR, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        job = {"port": cache.port, "host": HOST, "paths": paths, "threads": POLLERS}
        poller.stdin.write(json.dumps(job) + "\n")
        poller.stdin.flush()
        check(poller.stdout.readline().strip() == "ready", "the poller did not start")
        poller.stdin.write("go\n")
        poller.stdin.flush()
        begun = time.monotonic()
        withdrawn, cancelled = withdrawal_module.withdraw_campaigns(sources)
        returned = time.monotonic() - begun
        output, _ = poller.communicate(timeout=300)
        gone = {path: tuple(found) for path, found in json.loads(output).items()}
        entries = list(
            PageLogEntry.objects.filter(
                page__in=[page.pk for page in everything],
                action="wagtail.unpublish",
                timestamp__gte=since,
            ).values_list("page_id", flat=True)
        )
    check(len(gone) == len(paths), f"only {len(gone)}/{len(paths)} URLs went away")
    last = max(at for at, _status in gone.values())
    first = min(at for at, _status in gone.values())
    median = statistics.median(at for at, _status in gone.values())
    statuses = sorted({status for _at, status in gone.values()})
    purged = purged_at[-1][0] - begun if purged_at else float("nan")
    purges = sum(done for _at, done in purged_at)
    once = len(entries) == len(set(entries)) == len(everything)
    return lines + [
        f"kill switch: {len(sources)} campaigns x (source +"
        f" {len(pages) // len(sources)} regions) = {len(paths)} live pages,"
        f" all Varnish hits (set-up {setup:.0f} s, warmed in {warm:.0f} s)",
        f"  one withdrawal of all ({cancelled} releases cancelled):"
        f" returned after {returned:.2f} s;"
        f" last URL off Varnish {last:.2f} s after the call"
        f" (answers {statuses}; target < 3 s: {'met' if last < 3 else 'MISSED'})",
        f"  Varnish purged ({purges} PURGE requests) {purged:.2f} s after the call;"
        f" URLs off Varnish: first {first:.2f} s, median {median:.2f} s",
        f"  {len(set(withdrawn))} page(s) unpublished; unpublish log entries"
        f" {len(entries)} for {len(set(entries))} page(s)"
        f" (exactly once: {'met' if once else 'MISSED'})",
        f"(load average at the end: "
        f"{', '.join(f'{v:.1f}' for v in os.getloadavg())} on {os.cpu_count()} CPUs)",
    ]


def timezone_now():
    from django.utils import timezone

    return timezone.now()
