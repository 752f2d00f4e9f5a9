"""The warning card framed by a partner page on another local origin.

The partner page is served by a small HTTP server of the test on its own
port: ``http://127.0.0.1:PORT`` is the partner's allowed origin, while
``http://localhost:PORT`` (another origin, same server) is not, and the
browser must refuse to show the card there (``frame-ancestors``).
"""

import functools
import socket
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from demo.content.warnings import WORDINGS
from outreach.models import Partner
from tests.browser.conftest import AXE, LIVE_SITE
from tests.browser.test_campaign_page import RUN_AXE, WCAG_TAGS

pytestmark = LIVE_SITE

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Forum</title></head><body><main><h1>Forum</h1>
<iframe src="{src}" title="Help is available" width="600" height="420"></iframe>
</main></body></html>"""


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the base's signature)
        pass


@pytest.fixture
def partner_site(tmp_path, demo, live_server):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    partner = Partner(name="Forum (browser test)",
                      allowed_origins=f"http://127.0.0.1:{port}")  # fmt: skip
    partner.new_key()
    partner.full_clean()
    partner.save()
    for name, (region, lang) in {"nl": ("BE", "nl-be"), "ar": ("INT", "ar")}.items():
        src = (f"{live_server.url}/embed/warning/?partner={partner.slug}"
               f"&region={region}&lang={lang}")  # fmt: skip
        (tmp_path / f"{name}.html").write_text(PAGE.format(src=src))
    handler = functools.partial(Quiet, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield port, partner
    server.shutdown()
    server.server_close()


def card_frame(page):
    [frame] = [frame for frame in page.frames if "/embed/warning/" in frame.url]
    return frame


def test_partner_page_frames_the_card_in_dutch_and_arabic(page, partner_site):
    port, _partner = partner_site
    page.goto(f"http://127.0.0.1:{port}/nl.html")
    frame = card_frame(page)
    frame.wait_for_selector(".cm-warning__headline")
    assert frame.evaluate("document.documentElement.lang") == "nl-be"
    # Which of the two Dutch variants is drawn is random, as on a partner.
    headlines = {headline for headline, _body, _action in WORDINGS["nl"]}
    assert frame.inner_text(".cm-warning__headline").strip() in headlines
    page.goto(f"http://127.0.0.1:{port}/ar.html")
    frame = card_frame(page)
    frame.wait_for_selector(".cm-warning__headline")
    assert frame.evaluate("document.documentElement.dir") == "rtl"
    assert frame.evaluate("getComputedStyle(document.body).direction") == "rtl"


def test_an_origin_not_allowed_is_refused_by_the_browser(page, partner_site):
    port, _partner = partner_site
    refusals = []
    page.on("console", lambda message: refusals.append(message.text))
    page.goto(f"http://localhost:{port}/nl.html")
    page.wait_for_load_state("load")
    assert any("frame-ancestors" in text for text in refusals), refusals
    children = page.main_frame.child_frames
    assert children, "the partner page has its frame"
    # Chromium shows its error page in the frame, never the card.
    assert all(
        "/embed/warning/" not in frame.url
        or frame.query_selector(".cm-warning") is None
        for frame in children
    )


def test_the_card_has_no_wcag_violations(browser, partner_site, live_server):
    assert AXE.exists(), "axe-core is missing: run `npm ci` (make test does)"
    _port, partner = partner_site
    # axe is injected as a script, which the card's own CSP rightly refuses.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    violations = {}
    for region, lang in (("BE", "nl-be"), ("INT", "ar")):
        for width in (1280, 320):
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(f"{live_server.url}/embed/warning/?partner={partner.slug}"
                      f"&region={region}&lang={lang}")  # fmt: skip
            page.add_script_tag(path=str(AXE))
            violations[f"{lang} {width}"] = page.evaluate(RUN_AXE, WCAG_TAGS)
    context.close()
    assert violations == {key: [] for key in violations}
