"""Shared fixtures: real services, or a loud refusal to pretend.

Tests marked ``postgres`` or ``redis`` run against the real servers named by
``DATABASE_URL`` and ``REDIS_URL`` (the local ports by default); the other
markers of tests/services.py name a system tool (Chromium, nginx, gettext...).
Without it a test is skipped with the reason; under ``CI=true`` it fails
instead, so CI can never go green by skipping what it was meant to test.
"""

import json
import os

import pytest
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections

from tests.services import CHROMIUM, SERVICES

# pytest-django's database access from Playwright's event loop thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

IN_CI = os.environ.get("CI", "").lower() == "true"


def pytest_runtest_setup(item):
    _share_migrated_rows_snapshot()
    for name, state in SERVICES.items():
        if item.get_closest_marker(name) is None:
            continue
        available, reason = state()
        if available:
            continue
        if IN_CI:
            pytest.fail(f"CI requires this service: {reason}", pytrace=False)
        pytest.skip(reason)


# Transactional tests and the rows the migrations made ---------------------
#
# Live-server and worker tests need a transactional database; the serialized
# rollback restores the migrated rows (root page, site, `en` locale) for them.


def _share_migrated_rows_snapshot() -> None:
    """Make Django's snapshot of the migrated rows visible on every connection.

    ``serialized_rollback`` reloads the rows the migrations made (root page,
    site, ``en`` locale) from an attribute of the connection object. Once
    Playwright's sync API runs, the main thread has a running event loop, so
    asgiref hands out context-local connection objects that lack that
    attribute, and the reload silently does nothing. Keeping the snapshot on
    the class serves every connection object alike.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    contents = connection.__dict__.get("_test_serialized_contents")
    if contents is not None:
        type(connection)._test_serialized_contents = contents


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef, request):
    """Every database test starts from the rows the migrations made.

    A transactional test ends with a flush, and pytest-xdist may hand the
    same process an ordinary test afterwards: that test would find no root
    page, no site and no ``en`` locale. So before any database test, if the
    rows are gone, clear what the flush left (a flush without serialized
    rollback runs post_migrate, which recreates content types under new ids)
    and reload Django's snapshot of the migrated database. Serialized-rollback
    tests reload the snapshot themselves; they only need the clearing.
    """
    if fixturedef.argname == "_django_db_helper":
        marker = request.node.get_closest_marker("django_db")
        reloads_itself = bool(marker and marker.kwargs.get("serialized_rollback"))
        _restore_migrated_rows(request, reload=not reloads_itself)
    yield


def _restore_migrated_rows(request, reload: bool) -> None:
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    request.getfixturevalue("django_db_setup")
    with request.getfixturevalue("django_db_blocker").unblock():
        # A serialized-rollback test reloads the snapshot over whatever is
        # there, so give it the exact migrated rows first: a late request to
        # the live server after the last flush may have recreated content
        # types under new ids.
        if reload and Page.objects.exists():
            return
        call_command(
            "flush",
            interactive=False,
            inhibit_post_migrate=True,
            reset_sequences=False,
            verbosity=0,
        )
        connection = connections[DEFAULT_DB_ALIAS]
        rows = json.loads(getattr(connection, "_test_serialized_contents", "") or "[]")
        # Building a Wagtail page or task looks its content type up
        # (Page.__init__), and on an empty table that lookup creates the row
        # under a new id, which the snapshot's own row then collides with.
        # So the cache holds the snapshot's content types before any reload:
        # ours below, or Django's own for a serialized-rollback test.
        ContentType.objects.clear_cache()
        for row in rows:
            if row["model"] == "contenttypes.contenttype":
                content_type = ContentType(pk=row["pk"], **row["fields"])
                ContentType.objects._add_to_cache(DEFAULT_DB_ALIAS, content_type)
        if reload and rows:
            rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
            connection.creation.deserialize_db_from_string(json.dumps(rows))


def pytest_collection_modifyitems(items):
    """Transactional tests restore the migrated rows (see above) on the way in;
    a test that starts a Celery worker stack is marked as needing one."""
    for item in items:
        if "celery_stack" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.celery)
        marker = item.get_closest_marker("django_db")
        transactional = (marker and marker.kwargs.get("transaction")) or any(
            name in getattr(item, "fixturenames", ())
            for name in ("transactional_db", "live_server")
        )
        if transactional and not (marker and marker.kwargs.get("serialized_rollback")):
            item.add_marker(
                pytest.mark.django_db(transaction=True, serialized_rollback=True),
                append=False,  # closest to the test, ahead of its own marker
            )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Share the snapshot of the migrated rows as soon as it is taken.

    Taken here, in whatever context created the test database, it reaches
    every connection object, so a transactional test's closing flush is
    always told to skip post_migrate (which would recreate content types
    under new ids and break the next reload).
    """
    _share_migrated_rows_snapshot()
    return django_db_setup


@pytest.fixture(autouse=True)
def _migrated_rows_snapshot():
    """The first browser test sets the database up after the hook above ran,
    and before its own fixtures start Playwright: take the snapshot then."""
    _share_migrated_rows_snapshot()


@pytest.fixture(autouse=True)
def _default_language():
    """LocaleMiddleware activates the request's language and nothing undoes
    it: without this, a test that fetched /nl/ left the next test in the same
    worker rendering Dutch ("gepland" for "scheduled")."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_renditions_cache():
    """Wagtail caches renditions by image id, and ids repeat between tests."""
    from django.core.cache import caches

    caches["renditions"].clear()


@pytest.fixture(autouse=True)
def _fresh_fragments():
    """What renders share is kept until a commit changes something
    (delivery/fragments.py); a test's rows go with a rollback or a flush,
    which commits nothing, and its ids come again in the next test."""
    from delivery import fragments

    fragments.bump()


@pytest.fixture(autouse=True)
def _client_login_with_a_request(monkeypatch):
    """``Client.login`` authenticates without a request, which django-axes
    refuses (it counts failures per request); give it one, as a sign-in form
    would."""
    from django.test import Client, RequestFactory

    password_login = Client.login

    def login(self, **credentials):
        credentials.setdefault("request", RequestFactory().post("/admin/login/"))
        return password_login(self, **credentials)

    monkeypatch.setattr(Client, "login", login)


@pytest.fixture(autouse=True)
def _second_factor_on_login(request, monkeypatch):
    """Tests that log staff in with the test client pass the second step too.

    ``Client.login`` and ``Client.force_login`` (and so ``admin_client``) both
    go through ``Client._login``; after it the session is marked verified with
    an app device (tests/second_factor.py). Mark a test ``unverified_login``
    to log in with the password step only.
    """
    if request.node.get_closest_marker("unverified_login"):
        return
    from django.test import Client

    from tests.second_factor import mark_verified

    password_step = Client._login

    def login_with_second_factor(self, user, backend=None):
        password_step(self, user, backend)
        mark_verified(self, user)

    monkeypatch.setattr(Client, "_login", login_with_second_factor)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium: Playwright cannot download its own browser here."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def celery_stack(tmp_path):
    """A real Celery worker and beat on the test database and Redis.

    Use with ``django_db(transaction=True)``; call ``.start()`` when the data
    the worker should see is committed.
    """
    from tests.celery_stack import CeleryStack

    stack = CeleryStack(tmp_path)
    yield stack
    stack.stop()
