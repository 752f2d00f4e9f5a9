"""The dashboard's "For you" panel and marking as read, over HTTP; and what
a delivery writes, in process (the worker tests drive it through Celery)."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from notifications import delivery, events
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def staff(django_user_model, username: str):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.invalid", "pw-123456"
    )
    user.groups.add(Group.objects.get(name="Editors"))  # may open the admin
    return user


def note(user, key: str, subject: str, link: str = "/admin/releases/") -> Notification:
    return Notification.objects.create(
        recipient=user,
        key=key,
        kind=Notification.Kind.BLOCKED,
        subject=subject,
        text=f"{subject}: the legal text is not signed off.",
        link=link,
    )


def client_for(user, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


@pytest.fixture
def people(django_user_model):
    return staff(django_user_model, "ann"), staff(django_user_model, "bob")


def test_the_dashboard_lists_the_users_own_unread_notifications_only(people):
    ann, bob = people
    note(ann, "blocked:1:0:1", "Release blocked: Stop in BE")
    note(bob, "blocked:2:0:1", "Release blocked: Stop in DK")
    seen = note(ann, "blocked:3:0:1", "Release blocked: Stop in FR")
    Notification.objects.filter(pk=seen.pk).update(read_at="2026-12-01T10:00Z")

    html = client_for(ann).get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="notifications-for-you' in html
    assert "Release blocked: Stop in BE" in html
    assert 'href="/admin/releases/"' in html
    assert "Stop in DK" not in html  # Bob's
    assert "Stop in FR" not in html  # read already
    assert "1 unread notification" in html


def test_a_user_with_nothing_unread_is_told_so(people):
    ann, _bob = people
    html = client_for(ann).get(reverse("wagtailadmin_home")).content.decode()
    assert "Nothing waits for you." in html


def test_marking_as_read_takes_a_post_with_its_csrf_token(people):
    ann, _bob = people
    item = note(ann, "blocked:1:0:1", "Release blocked: Stop in BE")
    url = reverse("notifications:read", args=[item.pk])
    client = client_for(ann, enforce_csrf_checks=True)

    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403  # no CSRF token
    home = client.get(reverse("wagtailadmin_home"))
    token = home.context["csrf_token"]
    response = client.post(url, {"csrfmiddlewaretoken": token, "next": "/admin/"})
    assert response.status_code == 302 and response.url == "/admin/"
    item.refresh_from_db()
    assert item.read_at is not None
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Stop in BE" not in html


def test_nobody_marks_anothers_notification_read(people):
    ann, bob = people
    item = note(bob, "blocked:2:0:1", "Release blocked: Stop in DK")
    response = client_for(ann).post(reverse("notifications:read", args=[item.pk]))
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.read_at is None


def test_mark_all_read_marks_the_users_own_and_goes_back_safely(people):
    ann, bob = people
    note(ann, "a", "One")
    note(ann, "b", "Two")
    bobs = note(bob, "c", "Three")
    response = client_for(ann).post(
        reverse("notifications:read_all"), {"next": "https://elsewhere.example/"}
    )
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")  # not off-site
    assert not Notification.objects.filter(recipient=ann, read_at=None).exists()
    bobs.refresh_from_db()
    assert bobs.read_at is None


def test_the_panel_and_its_actions_need_a_login(people):
    ann, _bob = people
    item = note(ann, "a", "One")
    response = Client().post(reverse("notifications:read", args=[item.pk]))
    assert response.status_code == 302 and "login" in response.url
    item.refresh_from_db()
    assert item.read_at is None


@pytest.fixture
def compiled_catalogues(settings):
    """The .mo files, and Django's translation cache emptied so that they
    are read (setting LOCALE_PATHS does that)."""
    call_command("build_catalogues", verbosity=0)
    settings.LOCALE_PATHS = list(settings.LOCALE_PATHS)


def test_an_event_is_written_once_per_recipient_in_their_language(
    people, compiled_catalogues
):
    ann, bob = people
    UserProfile.objects.create(user=bob, preferred_language="de")
    event = events.Event(
        kind=Notification.Kind.LATE,
        key="late:9:1",
        link="/admin/releases/",
        subject=lambda: str(Notification.Kind.LATE.label),
        text=lambda: "x",
        recipients=[ann, bob],
    )
    assert len(delivery.record(event)) == 2
    assert delivery.record(event) == []  # again: nothing new, nobody mailed twice
    rows = {row.recipient: row for row in Notification.objects.all()}
    assert rows[ann].subject == "release late"
    assert rows[bob].subject == "Veröffentlichung verspätet"
    assert all(row.sent_at for row in rows.values())
    assert sorted(message.to[0] for message in mail.outbox) == [
        "ann@example.invalid",
        "bob@example.invalid",
    ]
    assert mail.outbox[0].body.endswith("/admin/releases/")
