"""Database connections dropped under background work (issue 12, finding 6).

The background work that runs over many live pages is the share-image
render (campaign/share_images/): a change of the site's name re-renders every
page's cards. A real worker renders them while the test ends the worker's
database sessions with ``pg_terminate_backend``, again and again, as a
failover or a restart of PostgreSQL would. Afterwards no card was removed or
replaced by anything but a good card: every page keeps its Image rows, each
names a file that exists and is a PNG of its size drawn for the new name,
and every page still answers 200 pointing at it. The renders that lost their
connection were retried and finished.
"""

import threading
import urllib.request

import psycopg
import pytest
from django.core.files.storage import default_storage
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Site

from campaign.models import CampaignPage
from campaign.share_images.render import FORMATS
from tests.campaign import builders
from tests.integration import support

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RENDER = "campaign.render_share_images"
PAGES = 12
#: Sessions ended before the killer stops: enough to land in the middle of
#: renders, few enough that no render meets one at each of its six tries.
TERMINATIONS = 12
RESULT_TIMEOUT = 180  # retries back off 5, 10, 20... s (with jitter)


class Terminator(threading.Thread):
    """Ends every session of ``application_name`` every ``interval`` seconds,
    from the first render on, until ``limit`` sessions were ended."""

    def __init__(self, application_name: str, limit: int, interval: float = 0.3):
        super().__init__(daemon=True)
        self.name_, self.limit, self.interval = application_name, limit, interval
        self.ended: list[int] = []
        self.stop = threading.Event()

    def run(self) -> None:
        with psycopg.connect(support.dsn(), autocommit=True) as conn:
            while not self.stop.is_set() and len(self.ended) < self.limit:
                rows = conn.execute(
                    "SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE application_name = %s AND state <> 'idle'",
                    [self.name_],
                ).fetchall()
                self.ended += [pid for pid, ended in rows if ended]
                self.stop.wait(self.interval)


def cards(page: CampaignPage) -> dict[str, Image]:
    fresh = CampaignPage.objects.get(pk=page.pk)
    return {fmt.field: getattr(fresh, fmt.field) for fmt in FORMATS}


def test_renders_that_lose_their_connection_remove_and_break_no_card(
    celery_stack, live_server
):
    index = builders.campaign_index()
    pages = [
        support.campaign(index, slug=f"c{n}", title=f"Campaign {n}")
        for n in range(PAGES)
    ]  # each rendered its cards as it was published (eagerly, here)
    before = {page.pk: cards(page) for page in pages}
    for page, found in before.items():
        assert all(found.values()), page
    images = Image.objects.count()

    Site.objects.filter(is_default_site=True).update(site_name="Renamed for a test")
    application_name = f"{celery_stack.name}-worker"
    celery_stack.env["PGAPPNAME"] = application_name
    celery_stack.start_worker(concurrency=2)
    killer = Terminator(application_name, TERMINATIONS)
    killer.start()
    results = [celery_stack.send(RENDER, page.pk) for page in pages]
    try:
        outcomes = [result.get(timeout=RESULT_TIMEOUT) for result in results]
    finally:
        killer.stop.set()
        killer.join(timeout=10)
    log = (celery_stack.folder / "worker.log").read_text(errors="replace")
    print(
        f"\n{len(killer.ended)} sessions ended; {log.count('Retry in')} renders retried"
    )
    assert killer.ended, "no session was ended: the test proved nothing"
    assert "terminating connection due to administrator command" in log
    assert "Retry in" in log, "no render lost its connection mid-way"
    assert celery_stack.worker.poll() is None, celery_stack.logs()

    assert Image.objects.count() == images  # none removed, none added
    for page, outcome in zip(pages, outcomes, strict=True):
        found = cards(page)
        # The same rows, overwritten in place: revisions keep these ids.
        assert outcome == {field: image.pk for field, image in found.items()}
        assert found == before[page.pk]
        for fmt in FORMATS:
            image = found[fmt.field]
            assert default_storage.exists(image.file.name), image.file.name
            with default_storage.open(image.file.name) as file:
                drawn = PILImage.open(file)
                drawn.load()
            assert (drawn.format, drawn.size) == ("PNG", (fmt.width, fmt.height))
            assert image.file_hash != before[page.pk][fmt.field].file_hash, (
                "the card was not drawn again for the new name"
            )
        url = f"{live_server.url}{support.public_path(page)}"
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            assert response.status == 200, url
            html = response.read().decode()
        assert found["share_image"].file.url in html, url
