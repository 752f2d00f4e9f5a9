"""The partner API under load, counting on, against full-page cache hits.

Same set-up as bench_http (production settings, gunicorn, the demo on a
PostgreSQL database of the benchmark's own, Redis): wrk at 64 connections on

(p) the Danish campaign page from the full-page cache (counted as a view);
(w) ``GET /api/warnings/v1/?region=DK&lang=da`` with the example partner's
    key: rate limit, liveness, helplines and the impression, in the one
    Redis round trip of outreach/trip.py.

Both the same way: one gunicorn as deployed (config/gunicorn.py: 2 x CPUs
+ 1 sync workers, no keep-alive, as deploy/systemd runs it), the same wrk
arguments, a warm-up each, medians of rounds taken in turns. At 64
connections on so few workers a latency is mostly the wait for a worker
(about 64 / throughput), so the p99 target holds only where the machine
gives the API a page hit's throughput or more.

Targets: w/p >= 0.8, p99 of (w) < 50 ms. Then the counts: every request wrk
completed is counted (a few more may be counted: wrk stops the clock with
requests in flight), and an exact run of N requests of each kind from a
thread pool must add exactly N impressions and N page views after the fold.
"""

import logging
import os
import secrets
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.models import Sum
from django.test.utils import override_settings

from tests.bench.bench_http import (
    CONNECTIONS,
    DURATION,
    ROUNDS,
    check,
    database,
    ensure_tools,
    free_port,
    get,
    gunicorn,
    manage,
    measure,
    production_env,
    wait_for,
    wipe_redis,
)

EXACT = 2000


def _totals():
    from outreach.models import PageViewCount, ReachCount

    return (
        ReachCount.objects.aggregate(n=Sum("impressions"))["n"] or 0,
        PageViewCount.objects.aggregate(n=Sum("views"))["n"] or 0,
    )


def _settled(fold, limit: float = 60) -> tuple[int, int]:
    """The totals once the server has answered what was in flight: wrk stops
    its clock with requests still being served, and they count too."""
    fold()
    totals = _totals()
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        time.sleep(1)
        fold()
        settled, totals = totals, _totals()
        if settled == totals:
            break
    return totals


def run() -> list[str]:
    from campaign.models import CampaignPage
    from demo.content.warnings import EXAMPLE_KEY
    from outreach import counters
    from outreach.models import Partner

    if not (settings.POSTGRES_AVAILABLE and settings.REDIS_AVAILABLE):
        return ["skipped: needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL)"]
    ensure_tools()
    logging.disable(logging.INFO)
    outreach_prefix = f"outreach-bench-{secrets.token_hex(4)}"
    redis_keys = ["cm:*", "cm-renditions:*", f"{outreach_prefix}:*"]
    wipe_redis(redis_keys)
    results: dict[str, dict] = {}
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        var_dir = folder / "var"
        stack.enter_context(override_settings(MEDIA_ROOT=var_dir / "media"))
        stack.callback(logging.disable, logging.NOTSET)
        stack.callback(wipe_redis, redis_keys)
        # Before the demo is made: the versions its saves write
        # (outreach/snapshot.py) go under the prefix wiped at the end.
        stack.enter_context(
            override_settings(
                OUTREACH_KEY_PREFIX=outreach_prefix,
                OUTREACH_REDIS_URL=settings.REDIS_URL,
            )
        )
        # A name of its own (of this checkout's database): benchmarks of
        # other checkouts on the same server must not meet it.
        stack.enter_context(
            database(f"test_{connection.settings_dict['NAME']}_outreach")
        )
        Partner.objects.filter(slug="example-partner").update(rate_limit=10**9)
        page = CampaignPage.objects.get(locale__language_code="da-dk")
        path = page.get_url()
        api = "/api/warnings/v1/?region=DK&lang=da"
        auth = f"Authorization: Bearer {EXAMPLE_KEY}"
        env = production_env(
            var_dir,
            f"pc-bench-{secrets.token_hex(4)}",
            folder / "access.log",
            OUTREACH_KEY_PREFIX=outreach_prefix,
        )
        manage(env, "collectstatic", "--noinput", "-v0")
        port = free_port()
        log = folder / "gunicorn.log"
        with gunicorn(env, port, log) as web:
            wait_for(port, path, web, log)
            check(get(port, path)[1].get("X-Page-Cache") == "hit", "(p) no hit")
            status = get(port, api, {"Authorization": f"Bearer {EXAMPLE_KEY}"})[0]
            check(status == 200, f"(w) answered {status}")
            counters.fold()
            before = _totals()
            results["p"], results["w"] = measure((port, path), (port, api, (auth,)))
            after = _settled(counters.fold)
            counted_load = (after[0] - before[0], after[1] - before[1])
            started = time.monotonic()
            with ThreadPoolExecutor(8) as pool:
                api_status = list(pool.map(
                    lambda _n: get(port, api, {"Authorization":
                                               f"Bearer {EXAMPLE_KEY}"})[0],
                    range(EXACT),
                ))  # fmt: skip
                page_status = list(pool.map(lambda _n: get(port, path)[0],
                                            range(EXACT)))  # fmt: skip
            exact_seconds = time.monotonic() - started
            final = _settled(counters.fold)
    exact = (final[0] - after[0], final[1] - after[1])
    return report(results, counted_load, exact, api_status, page_status, exact_seconds)


def report(results, counted_load, exact, api_status, page_status, seconds):
    verdict = {True: "met", False: "MISSED"}
    ratio = results["w"]["rate"] / results["p"]["rate"] if results["p"]["rate"] else 0
    lines = [
        f"wrk -c{CONNECTIONS} -d{DURATION}, median of {ROUNDS} runs, in turns",
    ]
    for key, label in (("p", "campaign page, full-page cache hit"),
                       ("w", "partner API, counting on")):  # fmt: skip
        found = results[key]
        extra = f"  {found['errors']} non-2xx" if found["errors"] else ""
        lines.append(
            f"({key}) {label:36} {found['rate']:9.0f} req/s"
            f"  p50 {found['p50']:7.2f} ms  p99 {found['p99']:7.2f} ms{extra}"
        )
    p99 = results["w"]["p99"]
    lines += [
        f"ratio w/p {ratio:6.2f}  (target >= 0.8: {verdict[ratio >= 0.8]})",
        f"p99 of (w) {p99:.1f} ms  (target < 50 ms: {verdict[p99 < 50]})",
        f"under load: wrk completed {results['w']['requests']} API requests, "
        f"{counted_load[0]} impressions counted; {results['p']['requests']} page "
        f"requests, {counted_load[1]} views counted (wrk stops with requests in "
        "flight: the server may count a few more)",
        f"exact run: {EXACT} API requests ({api_status.count(200)} answered 200) "
        f"-> {exact[0]} impressions; {EXACT} page requests "
        f"({page_status.count(200)} answered 200) -> {exact[1]} views "
        f"(target: equal: {verdict[exact == (EXACT, EXACT)]}; {seconds:.0f} s)",
        f"(load average at the end: "
        f"{', '.join(f'{v:.1f}' for v in os.getloadavg())} on {os.cpu_count()} CPUs)",
    ]
    return lines
