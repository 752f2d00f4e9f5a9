"""Keep the per-locale translator and reviewer groups in step with the locales."""

from django.core.management.base import BaseCommand

from translations.permissions import sync_translator_groups


class Command(BaseCommand):
    help = (
        "Create or repair one translator group and one reviewer group per locale "
        "(“Translators · fr-be”, “Reviewers · fr-be”) with page permissions on "
        "that locale's tree only, and delete the groups of removed locales. "
        "Safe to run again."
    )

    def handle(self, *args, **options):
        result = sync_translator_groups()
        if options["verbosity"] >= 2:
            for label in ("created", "updated", "deleted"):
                for name in getattr(result, label):
                    self.stdout.write(f"{label}: {name}")
        for code in result.without_tree:
            self.stderr.write(
                f"{code} has no home page yet: its groups have no page permission."
            )
        self.stdout.write(result.summary())
