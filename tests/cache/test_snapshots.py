"""Static snapshots: what an anonymous reader gets, written atomically, and
nothing in the folder that is not a live public page."""

import gzip
import os
import stat
import time

import brotli
import pytest
from django.core.management import call_command
from wagtail import hooks
from wagtail.models import Page

from home import cache_versions, snapshots
from tests.cache.conftest import publish, url

pytestmark = [pytest.mark.django_db]


def files(root) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def test_a_snapshot_is_what_an_anonymous_reader_gets(client, campaign, snapshot_root):
    counts = snapshots.refresh()
    path = url(campaign["da-dk"])
    item = snapshots.target(f"http://localhost{path}")
    body = item.file.read_bytes()
    response = client.get(path)
    assert counts["written"] >= 6
    assert body == response.content
    assert "Stop før du starter" in body.decode()
    assert gzip.decompress((item.folder / "index.html.gz").read_bytes()) == body
    assert brotli.decompress((item.folder / "index.html.br").read_bytes()) == body
    assert stat.S_IMODE(item.file.stat().st_mode) == 0o644
    assert not [name for name in files(snapshot_root) if ".tmp-" in name]


def test_the_folder_holds_nothing_that_is_not_live(client, campaign, snapshot_root):
    stray = snapshot_root / "localhost" / "da-dk" / "old-campaign" / "index.html"
    stray.parent.mkdir(parents=True)
    stray.write_text("an old page")
    (stray.parent / "index.html.gz").write_bytes(gzip.compress(b"an old page"))
    other_host = snapshot_root / "old.example.org" / "en" / "index.html"
    other_host.parent.mkdir(parents=True)
    other_host.write_text("another site")
    leftover = snapshot_root / "localhost" / ".tmp-crashed.part"
    leftover.write_text("half written")
    hour_ago = time.time() - 3600
    os.utime(leftover, (hour_ago, hour_ago))

    snapshots.refresh()

    written = {name for name in files(snapshot_root) if name.endswith("index.html")}
    live = {f"{item.host}{item.path}index.html" for item in snapshots.live_pages()}
    assert written == live
    assert f"localhost{url(campaign['da-dk'])}index.html" in written
    assert f"localhost{url(campaign['fr-be'])}index.html" not in written  # a draft
    assert not stray.parent.exists()
    assert not (snapshot_root / "old.example.org").exists()
    assert not leftover.exists()


def test_an_unpublished_page_loses_its_snapshot_before_the_worker_runs(
    campaign, snapshot_root, committing, monkeypatch
):
    from home import tasks

    queued = []
    monkeypatch.setattr(
        tasks.sync_snapshots, "apply_async", lambda args, **kw: queued.append(args)
    )
    snapshots.refresh()
    page = campaign["da-dk"]
    item = snapshots.target(f"http://localhost{url(page)}")
    assert item.file.exists()
    with committing():
        page.unpublish()
    assert not item.file.exists()
    assert not (item.folder / "index.html.gz").exists()
    assert len(queued) == 1
    assert item.url in queued[0][0]  # the worker writes it again (or not)


def test_a_snapshot_rendered_while_a_change_committed_is_not_kept(
    campaign, snapshot_root
):
    path = url(campaign["da-dk"])

    def change_commits_meanwhile(next_serve):
        def serve(page, request, args, kwargs):
            cache_versions.invalidate([request.path])
            return next_serve(page, request, args, kwargs)

        return serve

    with hooks.register_temporarily("on_serve_page", change_commits_meanwhile):
        counts = snapshots.sync([f"http://localhost{path}"])
    assert counts["raced"] == 1
    assert not snapshots.target(f"http://localhost{path}").file.exists()
    assert snapshots.sync([f"http://localhost{path}"])["written"] == 1


def test_a_url_already_written_at_its_version_is_not_rendered_again(
    campaign, snapshot_root
):
    address = f"http://localhost{url(campaign['da-dk'])}"
    assert snapshots.sync([address])["written"] == 1
    assert snapshots.sync([address])["skipped"] == 1
    assert snapshots.sync([address], force=True)["written"] == 1
    cache_versions.invalidate([url(campaign["da-dk"])])
    assert snapshots.sync([address])["written"] == 1


def test_a_page_that_is_not_a_public_200_is_removed_not_written(
    campaign, snapshot_root
):
    address = f"http://localhost{url(campaign['da-dk'])}"
    snapshots.sync([address])
    Page.objects.filter(pk=campaign["da-dk"].pk).update(live=False)
    assert snapshots.sync([address], force=True)["removed"] == 1
    assert not snapshots.target(address).file.exists()


@pytest.mark.parametrize(
    "address",
    [
        "http://localhost/da-dk/../../etc/",
        "http://localhost/da-dk/.hidden/",
        "http://../da-dk/x/",
        "http://localhost/da-dk/no-trailing-slash",
    ],
)
def test_odd_urls_have_no_snapshot(address):
    assert snapshots.target(address) is None


def test_snapshots_are_off_by_default_and_then_the_folder_empties(
    campaign, snapshot_root, settings
):
    snapshots.refresh()
    assert files(snapshot_root)
    settings.SNAPSHOT_ENABLED = False
    snapshots.refresh()
    assert not files(snapshot_root)


def test_the_snapshot_pages_command_writes_every_live_page(
    campaign, snapshot_root, capsys
):
    call_command("snapshot_pages")
    assert "written" in capsys.readouterr().out
    publish(campaign["fr-be"])
    call_command("snapshot_pages")
    item = snapshots.target(f"http://localhost{url(campaign['fr-be'])}")
    assert item.file.exists()


def test_snapshot_renders_step_aside_while_releases_are_due(campaign):
    from datetime import timedelta

    from django.utils import timezone

    from campaign.models import Release

    soon = timedelta(seconds=5)
    assert not snapshots.releases_pending(soon)
    release = Release.objects.create(
        page=campaign["en"],
        region=campaign["regions"]["BE"],
        go_live_at=timezone.now() + timedelta(seconds=3),
    )
    assert snapshots.releases_pending(soon)
    release.state = Release.State.PUBLISHED
    release.save()
    assert not snapshots.releases_pending(soon)
