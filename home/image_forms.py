"""The admin's image upload form, refusing files Pillow cannot decode.

Wagtail's ``WagtailImageField`` reads the header with Willow, then decodes
the image to count its pixels; only a decompression bomb is caught there, so
a truncated PNG (``OSError``) or ``GIF89a<html>`` (``UnidentifiedImageError``)
escaped as a 500 from the upload form, the multiple upload and the chooser
(issue 14). Set as WAGTAILIMAGES_IMAGE_FORM_BASE, this form serves all three.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class DecodedImageField(WagtailImageField):
    """An image field whose file must decode completely."""

    default_error_messages = {
        "undecodable_image": _(
            "This file could not be read as an image: it may be damaged, "
            "cut short, or not an image at all."
        ),
    }

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except ValidationError:
            raise
        # Pillow's decoders raise OSError, SyntaxError, struct.error,
        # ValueError and more for a broken file: none may become a 500.
        except Exception as error:  # noqa: BLE001
            raise ValidationError(
                self.error_messages["undecodable_image"], code="undecodable_image"
            ) from error


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Replaced here, not declared: a declared field would survive the
        # multiple upload's edit form, which excludes the file.
        field = self.fields.get("file")
        if field is not None and not isinstance(field, DecodedImageField):
            self.fields["file"] = DecodedImageField(
                label=field.label, required=field.required, widget=field.widget
            )
