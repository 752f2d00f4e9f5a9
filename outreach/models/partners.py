"""Partner platforms that show the warnings."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from outreach import keys


def parse_origin(value: str) -> str:
    """``https://Example.org:443/`` is ``https://example.org``; else ValueError."""
    raw = value.strip()
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"“{raw}” is not an origin such as https://example.org")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValueError(f"“{raw}” has a path; an origin is scheme, host and port")
    if parts.username or parts.password:
        raise ValueError(f"“{raw}” carries a user name; give the origin only")
    try:
        port = parts.port
    except ValueError:
        raise ValueError(f"“{raw}” has an invalid port") from None
    default = {"http": 80, "https": 443}[parts.scheme]
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    suffix = f":{port}" if port and port != default else ""
    return f"{parts.scheme}://{host}{suffix}"


def origin_in(origin: str | None, origins) -> bool:
    """Whether a request's ``Origin`` is one of ``origins`` (parsed)."""
    if not origin:
        return False
    try:
        return parse_origin(origin) in origins
    except ValueError:
        return False


def validate_origins(value: str) -> None:
    for line in value.splitlines():
        if line.strip():
            try:
                parse_origin(line)
            except ValueError as error:
                raise ValidationError(str(error), code="bad_origin") from None


class Partner(models.Model):
    """A platform that shows a campaign's warning to its users.

    Its key is shown once, when it is made; only a digest is kept. It may
    call the API and frame the card from its allowed origins only.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        blank=True,
        help_text=_("Names the partner in card URLs; made from the name if empty."),
    )
    contact = models.CharField(
        _("contact"), max_length=200, blank=True, help_text=_("Who to call there.")
    )
    allowed_origins = models.TextField(
        _("allowed origins"),
        blank=True,
        validators=[validate_origins],
        help_text=_(
            "One per line, e.g. https://forum.example.org: the sites that may "
            "call the API from a browser and show the card in a frame."
        ),
    )
    active = models.BooleanField(_("active"), default=True)
    rate_limit = models.PositiveIntegerField(_("requests per minute"), default=600)
    is_example = models.BooleanField(
        _("example only"), default=False, help_text=_("Demo data.")
    )
    key_digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("contact"),
        FieldPanel("allowed_origins"),
        FieldRowPanel([FieldPanel("active"), FieldPanel("rate_limit")]),
        FieldPanel("is_example"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:60] or "partner"
        if not self.key_digest:
            # Made in the admin: a key nobody knows until staff issue one
            # (create_partner, or "issue a new key").
            self.new_key()
        super().save(*args, **kwargs)

    @property
    def origins(self) -> list[str]:
        return [parse_origin(line) for line in self.allowed_origins.splitlines()
                if line.strip()]  # fmt: skip

    def allows(self, origin: str | None) -> bool:
        return origin_in(origin, self.origins)

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = slugify(self.name)[:60]

    def new_key(self) -> str:
        """Give the partner a new key (the old stops working); returns it once."""
        key = keys.new_key()
        self.key_digest = keys.digest(key)
        return key

    @classmethod
    def by_key(cls, key: str) -> "Partner | None":
        return cls.objects.filter(key_digest=keys.digest(key)).first()
