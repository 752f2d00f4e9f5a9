"""Each notification through a real Celery worker: rows and e-mails.

The worker is another process, so Django's in-memory mailbox cannot see its
mails: it is started with the file-based e-mail backend writing to the
test's folder, and the tests read those files as the messages they are
(each mail also marks its row ``sent_at``). Events that happen in the test
process (a submission, a decision) are queued after their commit to the
stack's worker (``CeleryStack.sending_from_here``); the release events
happen in the worker itself, and the periodic tasks are sent by name as
beat sends them.
"""

import datetime as dt
import email
import email.policy
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from campaign.models import CampaignPage, LegalText, Region, Release
from campaign.releases import engine
from notifications.models import Notification
from tests.campaign import builders
from tests.campaign.test_translation_workflow import build_world, client_for, member
from tests.integration import support

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RESULT_TIMEOUT = 60
SEPARATOR = "\n" + "-" * 79 + "\n"


def mails(folder: Path) -> list[email.message.EmailMessage]:
    """Every message the file-based backend wrote, oldest first."""
    found = []
    for path in sorted(folder.glob("*.log"), key=lambda p: p.stat().st_mtime_ns):
        for raw in path.read_text().split(SEPARATOR):
            if raw.strip():
                found.append(
                    email.message_from_string(raw, policy=email.policy.default)
                )
    return found


def subject(message) -> str:
    """The decoded subject (a long one is folded onto a continuation line)."""
    return str(message["Subject"]).strip()


def mails_to(folder: Path, address: str) -> list:
    return [message for message in mails(folder) if message["To"] == address]


@pytest.fixture
def stack(celery_stack, tmp_path):
    """The worker (no beat: the tests send the periodic tasks themselves),
    writing its mails to files."""
    call_command("build_catalogues", verbosity=0)  # the mails' languages
    folder = tmp_path / "mail"
    folder.mkdir()
    celery_stack.env.update(
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(folder),
    )
    celery_stack.mail = folder
    celery_stack.start_worker()
    return celery_stack


def told(user, kind: str, stack) -> Notification:
    return support.wait_until(
        lambda: Notification.objects.filter(
            recipient=user, kind=kind, sent_at__isnull=False
        ).first(),
        RESULT_TIMEOUT,
        f"{user} told of {kind}",
        stack.logs,
    )


def test_a_submission_goes_to_the_locales_reviewers_and_the_decision_to_the_translator(
    stack, django_user_model
):
    world = build_world()
    translator = member(django_user_model, "tina", "Translators · fr-be")
    reviewer = member(django_user_model, "remi", "Reviewers · fr-be")
    UserProfile.objects.create(user=reviewer, preferred_language="fr")
    other = member(django_user_model, "nils", "Reviewers · nl-be")
    page = world.page("fr-be")

    with stack.sending_from_here():
        response = client_for(translator).post(
            reverse("campaign_translations:submit", args=[page.pk])
        )
        assert response.status_code == 302
        note = told(reviewer, Notification.Kind.SUBMITTED, stack)
        # In the reviewer's language, pointing at the review screen.
        assert note.subject == "À relire : Arrêtez avant de commencer (fr-be)"
        review_url = note.link
        (mail,) = mails_to(stack.mail, reviewer.email)
        assert subject(mail) == note.subject
        assert review_url in mail.get_content()

        response = client_for(reviewer).post(
            review_url, {"reject": "1", "comment": "Le titre est trop long."}
        )
        assert response.status_code == 302
        note = told(translator, Notification.Kind.REJECTED, stack)
    assert "Le titre est trop long." in note.text
    assert note.subject.startswith("Sent back: ")  # the site's language
    (mail,) = mails_to(stack.mail, translator.email)
    assert subject(mail) == note.subject
    # Nobody else: not the translator of their own submission, not another
    # locale's reviewers.
    assert not Notification.objects.filter(recipient=other).exists()
    assert Notification.objects.count() == 2
    assert len(mails(stack.mail)) == 2


def _people(django_user_model, region: Region, source: CampaignPage):
    owner = django_user_model.objects.create_user("olga", "olga@example.invalid")
    source.owner = owner
    source.save(update_fields=["owner"])
    editors = Group.objects.create(name=f"Regional editors · {region.code}")
    region.editor_groups.add(editors)
    editor = django_user_model.objects.create_user("eddie", "eddie@example.invalid")
    editor.groups.add(editors)
    return owner, editor


def test_blocked_failed_and_late_releases_go_to_the_owner_and_the_regions_editors(
    stack, django_user_model
):
    # BE: nothing approved, so its release is blocked at its instant.
    world = build_world()
    owner, editor = _people(django_user_model, world.region, world.source)
    outsider = django_user_model.objects.create_user("otto", "otto@example.invalid")
    now = timezone.now()
    blocked = engine.schedule(world.source, world.region, now)
    # DK: approved, but its approved revision takes a slug already used
    # beside it, so publishing it fails for good.
    denmark = builders.launch_ready(builders.region("DK", "Europe/Copenhagen", "da-dk"))
    denmark.editor_groups.add(*world.region.editor_groups.all())
    danish = support.translate(world.source, "da-dk")
    sibling = CampaignPage(title="Other", slug="taken", body=[], live=False)
    danish.get_parent().add_child(instance=sibling)
    revision = danish.latest_revision
    revision.content["slug"] = "taken"
    revision.save(update_fields=["content"])
    failed = engine.schedule(world.source, denmark, now)

    for release in (blocked, failed):
        stack.send("campaign.publish_release", release.pk).get(
            timeout=RESULT_TIMEOUT, propagate=False
        )
    for release, state in ((blocked, "blocked"), (failed, "failed")):
        release.refresh_from_db()
        assert release.state == state, (release.last_error, stack.logs())
        for person in (owner, editor):
            note = told(person, state, stack)
            assert note.link.endswith(f"#release-{release.pk}")

    # FR: scheduled long enough ago that it counts as late, and no worker
    # took it (no beat runs here): the periodic check tells, once.
    france = builders.region("FR", "Europe/Paris", "fr-fr")
    france.editor_groups.add(*world.region.editor_groups.all())
    late = engine.schedule(
        world.source, france, now - Release.LATE_GRACE - dt.timedelta(seconds=5)
    )
    assert stack.send("notifications.late_releases").get(timeout=RESULT_TIMEOUT) == 1
    assert stack.send("notifications.late_releases").get(timeout=RESULT_TIMEOUT) == 0
    for person in (owner, editor):
        note = told(person, "late", stack)
        assert note.key == f"late:{late.pk}:{int(late.go_live_at.timestamp())}"

    for person in (owner, editor):
        subjects = sorted(
            subject(message) for message in mails_to(stack.mail, person.email)
        )
        assert subjects == [
            "Release blocked: Stop before you start in BE",
            "Release failed: Stop before you start in DK",
            "Release late: Stop before you start in FR",
        ]
    assert not Notification.objects.filter(recipient=outsider).exists()


def test_a_legal_text_coming_due_is_told_to_its_legal_reviewers_once(
    stack, django_user_model
):
    today = timezone.localdate()
    soon = builders.launch_ready(builders.region("DK", "Europe/Copenhagen", "da-dk"))
    LegalText.objects.filter(region=soon).update(
        review_by=today + dt.timedelta(days=10)
    )
    later = builders.launch_ready(builders.region("PL", "Europe/Warsaw", "pl-pl"))
    LegalText.objects.filter(region=later).update(
        review_by=today + dt.timedelta(days=90)
    )
    lena = django_user_model.objects.create_user("lena", "lena@example.invalid")
    lena.groups.add(Group.objects.create(name="Legal reviewers · DK"))
    UserProfile.objects.create(user=lena, preferred_language="da")
    piotr = django_user_model.objects.create_user("piotr", "piotr@example.invalid")
    piotr.groups.add(Group.objects.create(name="Legal reviewers · PL"))

    assert "notifications.legal_due" in {
        entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()
    }
    assert stack.send("notifications.legal_due").get(timeout=RESULT_TIMEOUT) == 1
    assert stack.send("notifications.legal_due").get(timeout=RESULT_TIMEOUT) == 0

    note = told(lena, Notification.Kind.LEGAL_DUE, stack)
    assert note.link == reverse("campaign_releases:legal")
    assert (today + dt.timedelta(days=10)).isoformat() in note.subject
    (mail,) = mails_to(stack.mail, lena.email)
    assert subject(mail) == note.subject
    assert subject(mail).startswith("Juridisk gennemgang")  # in Danish
    assert not Notification.objects.filter(recipient=piotr).exists()
    assert Notification.objects.count() == 1
