"""``make run`` twice never reverts what an editor changed in between."""

import io

import pytest
from django.core.management import call_command

from campaign.models import Helpline

pytestmark = [pytest.mark.postgres]


@pytest.mark.django_db
def test_prepare_twice_keeps_an_edit_made_in_between(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    call_command("prepare", stdout=io.StringIO())
    helpline = Helpline.objects.filter(locale__language_code="nl-be").first()
    helpline.name = "Edited by an editor"
    helpline.save()

    out = io.StringIO()
    call_command("prepare", stdout=out)

    helpline.refresh_from_db()
    assert helpline.name == "Edited by an editor"
    assert "nothing loaded" in out.getvalue()
