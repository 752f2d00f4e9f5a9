"""Each role requests every admin URL; what it may reach is written down here.

Roles: an anonymous visitor; the fr-be translator and reviewer; Belgium's
regional editor and legal reviewer; Wagtail's Editors and Moderators; a
superuser. The URLs come from
the URL resolver (tests/security/admin_urls.py), filled with the demo's
objects, so a new admin view fails this test until it is written into
``EXPECTED`` (tests/security/permission_matrix.py), and so does any change
in who may reach an existing one.

Outcomes of a GET, one letter per role, in the order of ``ROLES``:
``o`` answered (2xx, or a redirect elsewhere than sign-in or admin home),
``L`` sent to sign in, ``d`` refused (403, or Wagtail's redirect to the admin
home with "you do not have permission"), ``n`` not found / wrong method /
bad request (400, 404, 405). A 5xx fails the test whatever is expected.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from wagtail.contrib.redirects.models import Redirect

from tests.demo_copy import load_demo
from tests.security.admin_urls import admin_urls, demo_values, fill
from tests.security.permission_matrix import EXPECTED, ROLES

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

#: Wagtail's own check that server errors are reported: it raises for staff.
RAISES_ON_PURPOSE = {"wagtailadmin_error_test"}

#: URLs that end the session they are requested with.
SIGNS_OUT = {"wagtailadmin_logout"}

#: The groups each role's account belongs to (None: not signed in).
ROLE_GROUPS = {
    "anonymous": None,
    "translator_fr_be": ["Translators · fr-be"],
    "reviewer_fr_be": ["Reviewers · fr-be"],
    "regional_editor_be": ["Regional editors · BE"],
    "legal_reviewer_be": ["Legal reviewers · BE"],
    "editor": ["Editors"],
    "moderator": ["Moderators"],
    "superuser": [],
}


def classify(response) -> str:
    status = response.status_code
    if status >= 500:
        return "E"
    if status in (400, 404, 405):
        return "n"
    if status == 403:
        return "d"
    if status in (301, 302, 303, 307, 308):
        location = response["Location"]
        if location.startswith("/admin/login/"):
            return "L"
        if location == "/admin/":
            return "d"
    return "o"


def client_for(role: str) -> Client:
    # A view that raises is an outcome to report, not the end of the test.
    client = Client(raise_request_exception=False)
    groups = ROLE_GROUPS[role]
    if groups is None:
        return client
    User = get_user_model()
    user = User.objects.create_user(
        role, f"{role}@example.invalid", is_superuser=role == "superuser"
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    client.force_login(user)  # second step passed: tests/conftest.py
    return client


@pytest.fixture
def demo(db):
    # tests/demo_copy.py: the copy of the demo when this process has one,
    # over whatever an earlier test left; else the command.
    load_demo(replace=True)
    # The demo has no redirect. Wagtail makes one when a test changes a slug,
    # and one committed by an earlier test in this process turns the
    # redirect views' 404s into answers.
    Redirect.objects.all().delete()
    call_command("sync_translator_groups", verbosity=0)
    call_command("sync_regional_groups", verbosity=0)
    return demo_values()


def test_every_admin_url_answers_each_role_as_written(demo, capsys):
    assert tuple(ROLE_GROUPS) == ROLES
    # Signing out ends the session: it goes last, for every role.
    urls = sorted(admin_urls(), key=lambda url: url.key in SIGNS_OUT)
    observed = {url.key: [] for url in urls}
    errors = []
    for role in ROLES:
        client = client_for(role)
        for url in urls:
            path = fill(url, demo)
            outcome = classify(client.get(path))
            observed[url.key].append(outcome)
            if outcome == "E" and url.key not in RAISES_ON_PURPOSE:
                errors.append(f"{role} GET {path}: server error")
    observed = {key: "".join(letters) for key, letters in observed.items()}

    with capsys.disabled():
        print(f"\nadmin URLs covered: {len(urls)} for each of {len(ROLES)} roles")
        for index, role in enumerate(ROLES):
            reached = sum(1 for row in observed.values() if row[index] == "o")
            print(f"  {role}: {len(urls)} requested, {reached} answered")

    unknown = sorted(set(observed) - set(EXPECTED))
    gone = sorted(set(EXPECTED) - set(observed))
    changed = {
        key: (EXPECTED[key], row)
        for key, row in observed.items()
        if key in EXPECTED and EXPECTED[key] != row
    }
    report = [*errors]
    report += [f"not in EXPECTED: {key!r}: {observed[key]!r}," for key in unknown]
    report += [f"no longer exists: {key!r}" for key in gone]
    report += [
        f"changed: {key!r}: expected {want!r}, got {got!r}"
        for key, (want, got) in changed.items()
    ]
    assert not report, "\n".join(report)
