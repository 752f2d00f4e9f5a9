"""The partner API's contract: answers, errors, CORS, no cookie."""

from datetime import UTC, datetime, time
from types import SimpleNamespace

import pytest

from campaign.models import OpeningHours, Region
from campaign.models.helplines import WEEKDAYS
from campaign.releases import engine
from outreach import counters, present
from outreach.models import ReachCount
from tests.campaign import builders
from tests.outreach.conftest import ORIGIN, make_partner

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db]

URL = "/api/warnings/v1/"


def get(client, key=None, origin=None, **params):
    headers = {}
    if key is not None:
        headers["Authorization"] = f"Bearer {key}"
    if origin:
        headers["Origin"] = origin
    return client.get(URL, params, headers=headers)


def test_answer_carries_the_localized_wording_and_the_helplines(client, world):
    response = get(client, world.key, region="BE", lang="nl-BE")
    assert response.status_code == 200
    body = response.json()
    assert body["region"]["code"] == "BE"
    assert body["locale"] == "nl-be"
    assert body["content_locale"] == "nl-be"
    assert body["campaign"]["id"] == world.source.pk
    assert body["variant"]["id"] in {row.pk for row in world.variants}
    assert body["variant"]["headline"].startswith("NL ")
    assert body["variant"]["call_to_action"]["url"].startswith("http://testserver/go/")
    [helpline] = body["helplines"]
    assert helpline["phone"] == {
        "e164": "+3278200000",
        "national": "078 20 00 00",
        "display": "078 20 00 00",
    }
    assert helpline["open_now"] is True
    assert len(helpline["hours"]) == 7
    assert helpline["web_url"].startswith("http://testserver/go/")
    assert "Set-Cookie" not in response.headers
    assert response["Cache-Control"] == "no-store"


def test_a_bare_language_is_mapped_to_the_regions_locale(client, world):
    assert get(client, world.key, region="be", lang="nl").json()["locale"] == "nl-be"
    # No language, or one the region does not serve: its first locale.
    response = get(client, world.key, region="INT", lang="pt")
    assert response.json()["locale"] == "en"
    assert get(client, world.key, region="INT", lang="ar").json()["locale"] == "ar"


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"region": "XX"}, 404, "unknown_region"),
        ({"region": "DK"}, 404, "nothing_live"),
        ({"region": "BE", "lang": "fr"}, 404, "nothing_live"),
        ({}, 400, "missing_region"),
    ],
)
def test_errors_are_json_with_a_message(client, world, params, status, code):
    response = get(client, world.key, **params)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"] == code
    assert response.json()["message"]


def test_missing_unknown_and_inactive_keys_are_refused(client, world):
    missing = get(client, region="BE")
    assert missing.status_code == 401
    assert missing.json()["error"] == "missing_key"
    assert missing["WWW-Authenticate"].startswith("Bearer")
    unknown = get(client, "cmk_nope", region="BE")
    assert (unknown.status_code, unknown.json()["error"]) == (401, "unknown_key")
    # Saved as the admin saves it: the change reaches the answers at once.
    world.partner.active = False
    world.partner.save()
    inactive = get(client, world.key, region="BE")
    assert (inactive.status_code, inactive.json()["error"]) == (403, "inactive_partner")


def test_over_the_rate_limit_answers_429_with_retry_after(client, world):
    world.partner.rate_limit = 3
    world.partner.save()
    statuses = [
        get(client, world.key, region="BE", lang="nl").status_code for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    refused = get(client, world.key, region="BE", lang="nl")
    assert refused.json()["error"] == "rate_limited"
    assert 1 <= int(refused["Retry-After"]) <= 60
    # The limit is the partner's: another partner is still served.
    _other, other_key = make_partner("Search")
    assert get(client, other_key, region="BE").status_code == 200


def test_cors_only_for_the_partners_own_origins(client, world):
    allowed = get(client, world.key, origin=ORIGIN, region="BE")
    assert allowed["Access-Control-Allow-Origin"] == ORIGIN
    assert "Origin" in allowed["Vary"]
    other = get(client, world.key, origin="https://evil.example", region="BE")
    assert other.status_code == 200
    assert "Access-Control-Allow-Origin" not in other
    # Another partner's origin is not this partner's.
    make_partner("Search", origins=("https://search.example",))
    crossed = get(client, world.key, origin="https://search.example", region="BE")
    assert "Access-Control-Allow-Origin" not in crossed


def test_preflight_allows_partner_origins_and_the_authorization_header(client, world):
    headers = {"Origin": ORIGIN, "Access-Control-Request-Method": "GET",
               "Access-Control-Request-Headers": "authorization"}  # fmt: skip
    allowed = client.options(URL, headers=headers)
    assert allowed.status_code == 204
    assert allowed["Access-Control-Allow-Origin"] == ORIGIN
    assert "Authorization" in allowed["Access-Control-Allow-Headers"]
    refused = client.options(URL, headers={**headers, "Origin": "https://evil.example"})
    assert refused.status_code == 403
    assert "Access-Control-Allow-Origin" not in refused


def test_each_answer_is_one_impression_after_folding(client, world):
    for _ in range(7):
        assert get(client, world.key, region="BE", lang="nl").status_code == 200
    get(client, world.key, region="DK")  # nothing live: nothing counted
    counters.fold()
    rows = ReachCount.objects.filter(partner=world.partner)
    assert sum(row.impressions for row in rows) == 7
    assert {(row.region, row.locale) for row in rows} == {("BE", "nl-be")}


def test_withdrawal_removes_the_warning_at_once(client, world):
    assert get(client, world.key, region="BE", lang="nl").status_code == 200
    assert get(client, world.key, region="INT", lang="ar").status_code == 200
    engine.withdraw_campaign(world.source)
    for region, lang in (("BE", "nl"), ("INT", "ar"), ("INT", "en")):
        response = get(client, world.key, region=region, lang=lang)
        assert (response.status_code, response.json()["error"]) == (
            404,
            "nothing_live",
        )


def test_schema_is_served_and_names_the_endpoint(client, world):
    response = client.get("/api/warnings/v1/schema")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {URL}


def test_answered_before_the_page_middleware_it_keeps_their_checks(
    client, world, settings
):
    """PartnerApiMiddleware answers ahead of the stack pages need; what that
    stack gave the API stays: the host check, the frame and length headers."""
    response = get(client, world.key, region="BE", lang="nl")
    assert response["X-Frame-Options"] == "DENY"
    assert int(response["Content-Length"]) == len(response.content)
    assert "Set-Cookie" not in response.headers
    settings.ALLOWED_HOSTS = ["testserver"]
    # Refused for its host before its missing key is looked at.
    foreign = client.get(URL, {"region": "BE"}, HTTP_HOST="not-allowed.example")
    assert foreign.status_code == 400


def test_a_kept_answer_follows_the_clock_and_the_host(
    client, world, settings, monkeypatch
):
    """Answers are made once and kept per partner, wording, host and which
    lines are open: the same request later gets the hour's state, and a
    request on another host its own links."""
    international = Region.objects.get(code="INT")
    line = builders.helpline(international, "en", "Daytime line")
    for day, _name in WEEKDAYS:
        OpeningHours.objects.create(
            helpline=line, weekday=day, opens=time(9), closes=time(17)
        )
    clock = SimpleNamespace(now=lambda: datetime(2026, 3, 4, 12, tzinfo=UTC))
    monkeypatch.setattr(present, "timezone", clock)

    def open_now():
        body = get(client, world.key, region="INT", lang="en").json()
        [helpline] = body["helplines"]
        return helpline["open_now"]

    assert [open_now(), open_now()] == [True, True]
    clock.now = lambda: datetime(2026, 3, 4, 20, tzinfo=UTC)
    assert [open_now(), open_now()] == [False, False]
    clock.now = lambda: datetime(2026, 3, 5, 10, tzinfo=UTC)
    assert open_now() is True

    settings.ALLOWED_HOSTS = ["testserver", "api.example.org"]
    for host in ("testserver", "api.example.org") * 3:
        response = client.get(
            URL, {"region": "INT", "lang": "en"}, HTTP_HOST=host,
            headers={"Authorization": f"Bearer {world.key}"},
        )  # fmt: skip
        assert response.json()["campaign"]["url"].startswith(f"http://{host}/go/")
