"""What `make run` tells a newcomer at the end of its start-up."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from home.first_run import create_first_admin, log_paths, welcome_block

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_the_first_admin_gets_a_password_shown_once_and_never_again():
    first = create_first_admin("admin", "admin@example.invalid")
    assert first and len(first) >= 16
    assert get_user_model().objects.get(username="admin").check_password(first)
    assert create_first_admin("admin", "admin@example.invalid") is None


def test_the_welcome_block_names_site_admin_user_password_logs_and_stop(tmp_path):
    logs = log_paths(tmp_path)
    block = welcome_block("http://127.0.0.1:8123", "admin", "s3cret-once", logs)
    lines = block.splitlines()

    assert lines[1].split() == ["Site:", "http://127.0.0.1:8123/"]
    assert lines[2].split() == ["Admin:", "http://127.0.0.1:8123/admin/"]
    assert lines[3].split() == ["User:", "admin"]
    assert "s3cret-once" in lines[4]
    assert any(str(logs["background"]) in line for line in lines)
    assert any(str(logs["beat"]) in line for line in lines)
    assert "Ctrl-C" in lines[-2]
    assert len(lines) <= 10
    assert Path(logs["background"]).parent == tmp_path / "log"


def test_a_later_run_says_how_to_reset_the_password_instead(tmp_path):
    block = welcome_block("http://127.0.0.1:8000/", "admin", None, log_paths(tmp_path))
    assert "changepassword admin" in block
    assert "http://127.0.0.1:8000/admin/" in block
