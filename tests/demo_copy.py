"""The demo, loaded by ``seed_demo`` once per test process, then copied back.

``seed_demo`` builds fifteen pages, their translations, legal texts,
helplines and images through Wagtail's own API: 15-30 s a time on two cores.
Every live-site test needs it in a fresh database, and a transactional test
ends with a flush. So the first test in a process that asks for the demo runs
the real command and keeps a copy of every table's rows and every sequence
(PostgreSQL's ``COPY``, in its binary format); later tests get the same rows
back in well under a second, ids included.

The copy is taken only where the demo's on-commit work (share images) has
run: outside a test's transaction (a transactional test), or inside one that
runs that work through pytest-django's ``django_capture_on_commit_callbacks``.
It is used only when it can be exact: on PostgreSQL, in the same test
database and media folder, and when the database holds exactly what it held
before the first run (the rows the migrations made). Anything else, such as
a test that adds rows before asking for the demo, runs ``seed_demo`` itself.
The image files the first run drew stay in the media folder, which the tests
share and never empty.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction


@dataclass(frozen=True)
class _Copy:
    #: Where it was taken: the test database and the media folder.
    place: tuple[str, str]
    #: Rows per table before ``seed_demo`` ran (the migrations' rows).
    before: dict[str, int]
    #: (table, the table's rows in COPY's binary format)
    tables: list[tuple[str, bytes]]
    #: (sequence, last value or None when never used)
    sequences: list[tuple[str, int | None]]


_copy: _Copy | None = None


def load_demo(replace: bool = False, capture=None) -> None:
    """The demo's rows in this test's database, as ``seed_demo`` makes them.

    ``replace``: the test wants the demo and nothing else, so the copy (once
    there is one) replaces whatever the database holds, including rows an
    earlier test left committed.
    ``capture``: pytest-django's ``django_capture_on_commit_callbacks``, from
    a test inside a transaction; the command's on-commit work is run through
    it, so the demo is whole and its copy can be kept.
    """
    global _copy
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor != "postgresql":
        call_command("seed_demo", verbosity=0)
        return
    place = (connection.settings_dict["NAME"], str(settings.MEDIA_ROOT))
    tables = _tables(connection)
    before = _row_counts(connection, tables)
    if (
        _copy is not None
        and _copy.place == place
        and (replace or _copy.before == before)
    ):
        _restore(connection, _copy)
        return
    if capture is None:
        call_command("seed_demo", verbosity=0)
    else:
        with capture(execute=True):
            call_command("seed_demo", verbosity=0)
    # Inside a test's transaction the demo's on-commit work (share images)
    # runs only when the test runs it: else the demo is this test's only, not
    # one to copy.
    if capture is not None or not connection.in_atomic_block:
        _copy = _take(connection, place, before, tables)


def _tables(connection) -> list[str]:
    """The tables a flush empties (django_migrations is not one of them)."""
    return sorted(
        connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
    )


def _row_counts(connection, tables: list[str]) -> dict[str, int]:
    quote = connection.ops.quote_name
    # Table names from the database's own catalogue, quoted.
    query = " UNION ALL ".join(
        f"SELECT %s, count(*) FROM {quote(table)}"  # noqa: S608
        for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(query, tables)
        return dict(cursor.fetchall())


def _take(connection, place, before, tables) -> _Copy:
    quote = connection.ops.quote_name
    rows = []
    with transaction.atomic(), connection.cursor() as cursor:
        for table in tables:
            with cursor.copy(f"COPY {quote(table)} TO STDOUT (FORMAT binary)") as copy:
                rows.append((table, b"".join(bytes(chunk) for chunk in copy)))
        cursor.execute(
            "SELECT format('%I.%I', schemaname, sequencename), last_value "
            "FROM pg_sequences WHERE schemaname = current_schema()"
        )
        sequences = cursor.fetchall()
    return _Copy(place, before, rows, sequences)


def _restore(connection, copy: _Copy) -> None:
    """Every table back to the copy. Django's foreign keys are deferrable,
    so they are checked once, at commit, whatever the order of the tables."""
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE " + ", ".join(quote(table) for table, _ in copy.tables)
        )
        for table, data in copy.tables:
            with cursor.copy(f"COPY {quote(table)} FROM STDIN (FORMAT binary)") as pipe:
                pipe.write(data)
        for sequence, last_value in copy.sequences:
            if last_value is None:
                cursor.execute("SELECT setval(%s, 1, false)", [sequence])
            else:
                cursor.execute("SELECT setval(%s, %s, true)", [sequence, last_value])
    # Content types are cached by id in this process; the copy's are the
    # database's now.
    ContentType.objects.clear_cache()
