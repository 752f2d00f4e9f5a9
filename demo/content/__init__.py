"""The demo of docs/design.md ("Demo data"): data modules and the loader.

- ``regions``: the eleven regions, their time zones, locales and legal dates.
- ``helplines``: the example helplines of each region (numbers, hours).
- ``text``: everything a reader sees, one module per language, with small
  per-locale differences in ``text/__init__.py``.
- ``body``: the campaign page's StreamField built from a language's text.
- ``image``: the one abstract hero image, drawn with Pillow.
- ``sync`` (``load_demo``), ``snippets`` and ``pages``: the idempotent loader
  that ``manage.py seed_demo`` calls.

Every text here is invented; every helpline is an example, not a service.
"""

import uuid

#: Namespace of the demo's stable identifiers (translation keys, block ids).
DEMO_NAMESPACE = uuid.UUID("5f0c8a4e-7d1b-4c55-9a52-2c7f3e0d9b61")


def demo_uuid(name: str) -> uuid.UUID:
    """The same UUID for the same name on every machine and every run."""
    return uuid.uuid5(DEMO_NAMESPACE, name)
