"""create_partner: the key once, a digest stored, bad input refused."""

import io

import pytest
from django.core.management import CommandError, call_command

from outreach import keys
from outreach.models import Partner

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_create_partner_prints_slug_and_key_once_and_stores_a_digest():
    out = io.StringIO()
    call_command(
        "create_partner", "Forum Example", "--origin", "https://Forum.example.org/",
        "--origin", "http://localhost:8001", stdout=out, stderr=io.StringIO(),
    )  # fmt: skip
    lines = dict(line.split(": ", 1) for line in out.getvalue().splitlines())
    partner = Partner.objects.get(slug=lines["slug"])
    assert partner.slug == "forum-example"
    assert partner.origins == ["https://forum.example.org", "http://localhost:8001"]
    assert partner.key_digest == keys.digest(lines["key"])
    assert lines["key"] not in str(Partner.objects.values())
    assert Partner.by_key(lines["key"]) == partner


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Forum"], "--origin"),
        (["Forum", "--origin", "forum.example.org"], "not an origin"),
        (["Forum", "--origin", "https://x.example/path"], "has a path"),
        (["   ", "--origin", "https://x.example"], "needs a name"),
        (["Forum", "--origin", "https://x.example", "--rate-limit", "0"], "rate"),
    ],
)
def test_create_partner_refuses_bad_input_naming_the_problem(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("create_partner", *args, stdout=io.StringIO())
    assert not Partner.objects.exists()


def test_create_partner_refuses_a_taken_slug():
    call_command("create_partner", "Forum", "--origin", "https://a.example",
                 stdout=io.StringIO(), stderr=io.StringIO())  # fmt: skip
    with pytest.raises(CommandError, match="exists already"):
        call_command("create_partner", "Forum", "--origin", "https://b.example",
                     stdout=io.StringIO())  # fmt: skip


def test_staff_issue_a_new_key_in_the_admin_shown_once(admin_client):
    partner = Partner(name="Forum", allowed_origins="https://a.example")
    old_key = partner.new_key()
    partner.save()
    url = f"/admin/outreach/partners/{partner.pk}/key/"
    assert "cmk_" not in admin_client.get(url).content.decode()
    html = admin_client.post(url).content.decode()
    new_key = html.split('<code class="cm-key">', 1)[1].split("<", 1)[0]
    partner.refresh_from_db()
    assert partner.key_digest == keys.digest(new_key)
    assert Partner.by_key(old_key) is None
    listing = admin_client.get("/admin/snippets/outreach/partner/").content.decode()
    assert url in listing
