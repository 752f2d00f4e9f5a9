"""Answers from each process's snapshot: no query once warm, and every change
reaches the next answer (outreach/snapshot.py)."""

import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaign.releases import engine
from outreach import counters
from outreach.models import ReachCount

pytestmark = [pytest.mark.postgres, pytest.mark.redis]

URL = "/api/warnings/v1/"


def ask(client, world, region="BE", lang="nl"):
    return client.get(
        URL, {"region": region, "lang": lang},
        headers={"Authorization": f"Bearer {world.key}"},
    )  # fmt: skip


@pytest.mark.django_db
def test_a_warm_answer_reads_no_table(client, world):
    assert ask(client, world).status_code == 200  # loads the snapshot
    card = {"partner": world.partner.slug, "region": "BE", "lang": "nl"}
    assert client.get("/embed/warning/", card).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        for _ in range(5):
            assert ask(client, world).status_code == 200
        assert client.get("/embed/warning/", card).status_code == 200
        assert client.get("/embed/warning/snippet", card).status_code == 200
    assert [query["sql"] for query in queries.captured_queries] == []


@pytest.mark.django_db
def test_a_saved_change_reaches_the_next_answer(client, world):
    assert ask(client, world).json()["variant"]["headline"].startswith("NL ")
    for row in world.variants:
        translated = row.get_translation(world.pages["nl-be"].locale)
        translated.headline = "Nieuw"
        translated.save()
    assert ask(client, world).json()["variant"]["headline"] == "Nieuw"
    helpline = world.pages["nl-be"].helplines()[0]
    helpline.name = "Renamed"
    helpline.save()
    assert ask(client, world).json()["helplines"][0]["name"] == "Renamed"


@pytest.mark.django_db
def test_each_answer_counts_once_across_changes(client, world):
    for number in range(9):
        if number in (3, 6):  # the snapshot is outdated: answered afresh
            world.warning.save()
        assert ask(client, world).status_code == 200
    counters.fold()
    assert sum(ReachCount.objects.values_list("impressions", flat=True)) == 9


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_withdrawal_in_another_connection_holds_from_its_commit(client, world):
    """A snapshot filled while the withdrawal was not yet committed (after
    its first new version) must not outlive the commit."""
    assert ask(client, world).status_code == 200
    withdrawn, may_commit = threading.Event(), threading.Event()
    failures = []

    def withdraw():
        try:
            with engine.transaction.atomic():
                engine.withdraw_campaign(world.source)
                withdrawn.set()
                may_commit.wait(30)
        except Exception as error:  # noqa: BLE001 (reported below)
            failures.append(error)
        finally:
            withdrawn.set()
            connection.close()

    writer = threading.Thread(target=withdraw)
    writer.start()
    assert withdrawn.wait(30)
    # Not committed: still live for every other connection, and this
    # process starts a snapshot under the version the change wrote.
    assert ask(client, world).status_code == 200
    may_commit.set()
    writer.join(30)
    assert not failures
    response = ask(client, world)
    assert (response.status_code, response.json()["error"]) == (404, "nothing_live")
