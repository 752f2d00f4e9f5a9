"""Create a partner and print its slug and API key, once."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from outreach.models import Partner
from outreach.models.partners import parse_origin


class Command(BaseCommand):
    help = (
        "Create a partner platform allowed on the given origins; prints its slug "
        "and its API key. The key is shown this once: only a digest is stored."
    )

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument(
            "--origin",
            action="append",
            default=[],
            metavar="URL",
            help="An origin that may call the API and frame the card "
            "(https://forum.example.org); repeat for several.",
        )
        parser.add_argument("--contact", default="")
        parser.add_argument("--slug", default="")
        parser.add_argument("--rate-limit", type=int, default=600,
                            help="Requests per minute (default 600).")  # fmt: skip
        parser.add_argument("--example", action="store_true",
                            help="Mark the partner as demo data.")  # fmt: skip

    def handle(self, *args, name, origin, contact, slug, rate_limit, example,
               **options):  # fmt: skip
        name = name.strip()
        if not name:
            raise CommandError("The partner needs a name.")
        if not origin:
            raise CommandError("Give at least one --origin, e.g. https://example.org.")
        origins = []
        for raw in origin:
            try:
                origins.append(parse_origin(raw))
            except ValueError as error:
                raise CommandError(f"--origin: {error}.") from None
        if rate_limit < 1:
            raise CommandError("--rate-limit must be at least 1 request per minute.")
        slug = slugify(slug or name)[:60]
        if not slug:
            raise CommandError(f"Cannot make a slug from “{name}”: give --slug.")
        if Partner.objects.filter(slug=slug).exists():
            raise CommandError(f"A partner with the slug “{slug}” exists already.")
        partner = Partner(
            name=name,
            slug=slug,
            contact=contact,
            allowed_origins="\n".join(dict.fromkeys(origins)),
            rate_limit=rate_limit,
            is_example=example,
        )
        key = partner.new_key()
        try:
            partner.full_clean()
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        with transaction.atomic():
            partner.save()
        self.stdout.write(f"slug: {partner.slug}\nkey: {key}\n")
        self.stderr.write(
            "Keep the key now: it is not stored and cannot be shown again."
        )
