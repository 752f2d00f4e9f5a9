"""Privacy by construction: the address, browser and referrer of a request
reach no table, no log line and no Redis key; no answer sets a cookie."""

import logging
import re

import pytest
import redis
from django.conf import settings
from django.db import connection

from outreach import counters

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db]

ADDRESS = "203.0.113.77"
AGENT = "Mozilla/5.0 PrivacyProbeAgent/9.9"
REFERRER = "https://referrer-probe.example/search?q=probe"
MARKERS = (ADDRESS, "PrivacyProbeAgent", "referrer-probe")


def tables_holding(marker: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        tables = [row[0] for row in cursor.fetchall()]
        found = []
        for table in tables:
            cursor.execute(
                f'SELECT 1 FROM "{table}" AS t WHERE t::text LIKE %s LIMIT 1',  # noqa: S608
                [f"%{marker}%"],
            )
            if cursor.fetchone():
                found.append(table)
    return found


def test_no_address_agent_or_referrer_is_kept_and_no_cookie_is_set(
    client, world, caplog
):
    caplog.set_level(logging.DEBUG)
    headers = {
        "X-Forwarded-For": ADDRESS,
        "X-Real-IP": ADDRESS,
        "User-Agent": AGENT,
        "Referer": REFERRER,
        "Origin": "https://forum.example.org",
    }
    api = {"Authorization": f"Bearer {world.key}", **headers}
    card = {"partner": world.partner.slug, "region": "BE", "lang": "nl"}
    responses = [
        client.get("/api/warnings/v1/", {"region": "BE", "lang": "nl"}, headers=api),
        client.get("/api/warnings/v1/", {"region": "XX"}, headers=api),
        client.get("/api/warnings/v1/", {"region": "BE"}, headers=headers),
        client.options("/api/warnings/v1/", headers=headers),
        client.get("/embed/warning/", card, headers=headers, REMOTE_ADDR=ADDRESS),
        client.get("/embed/warning/snippet", card, headers=headers),
        client.get(world.pages["nl-be"].get_url(), headers=headers),
        client.get("/go/tampered", headers=headers),
    ]
    link = re.search(
        r'href="(http://testserver/go/[^"]+)"', responses[4].content.decode()
    )
    responses.append(client.get(link[1], headers=headers))
    counters.fold()
    for response in responses:
        assert "Set-Cookie" not in response.headers, response.request
    assert not client.cookies
    for marker in MARKERS:
        assert tables_holding(marker) == [], marker
        assert marker not in caplog.text, marker
    with redis.Redis.from_url(settings.REDIS_URL) as store:
        for key in store.scan_iter(count=500):
            kind = store.type(key)
            values = [key]
            if kind == b"hash":
                values += [*store.hgetall(key).keys(), *store.hgetall(key).values()]
            elif kind == b"string":
                values.append(store.get(key) or b"")
            blob = b" ".join(values)
            for marker in MARKERS:
                assert marker.encode() not in blob, (key, marker)
