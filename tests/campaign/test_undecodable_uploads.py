"""Image files Pillow cannot decode are refused with a form error, never a 500.

A truncated PNG has a valid header (Django's ImageField accepts it after
``verify()``) and fails only when Wagtail reads its pixels; ``GIF89a<html>``
starts like a GIF. Each of the admin's three image upload paths is checked:
the upload form, the multiple upload endpoint and the chooser's upload.
"""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images.models import Image

from tests.campaign import builders

pytestmark = pytest.mark.django_db

MESSAGE = "could not be read as an image"


def truncated_png() -> bytes:
    whole = builders.png_bytes(320, 200)
    return whole[: len(whole) // 2]


BAD_FILES = {
    "truncated.png": truncated_png,
    "html.gif": lambda: b"GIF89a<html><script>alert(1)</script></html>",
}


@pytest.fixture
def staff(admin_client):
    return admin_client


@pytest.mark.parametrize("name", BAD_FILES)
def test_the_upload_form_refuses_an_undecodable_image(staff, name):
    upload = SimpleUploadedFile(name, BAD_FILES[name]())
    response = staff.post(
        reverse("wagtailimages:add"), {"title": name, "file": upload, "tags": ""}
    )
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not Image.objects.exists()


@pytest.mark.parametrize("name", BAD_FILES)
def test_the_multiple_upload_refuses_an_undecodable_image(staff, name):
    upload = SimpleUploadedFile(name, BAD_FILES[name]())
    response = staff.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["success"] is False
    assert MESSAGE in answer["error_message"]
    assert not Image.objects.exists()


@pytest.mark.parametrize("name", BAD_FILES)
def test_the_chooser_upload_refuses_an_undecodable_image(staff, name):
    upload = SimpleUploadedFile(name, BAD_FILES[name]())
    response = staff.post(
        reverse("wagtailimages_chooser:create"),
        {"image-chooser-upload-title": name, "image-chooser-upload-file": upload,
         "image-chooser-upload-tags": ""},
    )  # fmt: skip
    assert response.status_code == 200
    assert MESSAGE in json.dumps(json.loads(response.content))
    assert not Image.objects.exists()


def test_a_whole_png_still_uploads_on_each_path(staff):
    form = staff.post(
        reverse("wagtailimages:add"),
        {"title": "ok", "file": SimpleUploadedFile("ok.png", builders.png_bytes()),
         "tags": ""},
    )  # fmt: skip
    assert form.status_code == 302
    multiple = staff.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("ok2.png", builders.png_bytes())},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert json.loads(multiple.content)["success"] is True
    assert Image.objects.count() == 2
