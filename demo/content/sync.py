"""The idempotent loader behind ``manage.py seed_demo``.

Rows are found by stable keys (locale code, region code, translation keys
derived with ``demo_uuid``) and written only where they differ from the demo
data, so a second run writes nothing: no row, no revision, no image.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Model


@dataclass
class Tally:
    """What a run did, per kind of row: created, updated or unchanged."""

    counts: Counter = field(default_factory=Counter)

    def add(self, kind: str, outcome: str) -> None:
        self.counts[(kind, outcome)] += 1

    def total(self, outcome: str) -> int:
        return sum(n for (_kind, seen), n in self.counts.items() if seen == outcome)

    def summary(self) -> str:
        kinds = sorted({kind for kind, _outcome in self.counts})
        parts = []
        for kind in kinds:
            created = self.counts[(kind, "created")]
            updated = self.counts[(kind, "updated")]
            unchanged = self.counts[(kind, "unchanged")]
            parts.append(f"{kind}: {created} new, {updated} updated, {unchanged} same")
        return "; ".join(parts)


def assign(instance, **values) -> bool:
    """Set the attributes that differ; say whether any did."""
    changed = False
    for name, value in values.items():
        if isinstance(value, Model):
            # Compare keys: reading an unset foreign key raises.
            if getattr(instance, f"{name}_id") != value.pk:
                setattr(instance, name, value)
                changed = True
        elif getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed


def load_demo() -> Tally:
    """Create or bring up to date everything the demo needs; return the tally."""
    from .identity import sync_identity
    from .image import hero_image
    from .pages import sync_pages
    from .snippets import sync_helplines, sync_legal_texts, sync_locales, sync_regions
    from .warnings import sync_partner, sync_warning

    tally = Tally()
    locales = sync_locales(tally)
    regions = sync_regions(locales, tally)
    sync_legal_texts(regions, locales, tally)
    sync_helplines(regions, locales, tally)
    sync_identity(locales, tally)
    image, created = hero_image()
    tally.add("image", "created" if created else "unchanged")
    sync_pages(locales, image, tally)
    sync_warning(locales, tally)
    sync_partner(tally)
    return tally
