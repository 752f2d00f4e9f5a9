"""Names of a page's translatable parts as editors know them.

wagtail-localize addresses a segment by its content path, such as
``body.0b6f3c52-….headline`` or ``body.<id>.items.<id>.question``: block ids
mean nothing to a translator or a reviewer. Here a path becomes the labels
of its field and blocks ("Body · Hero · Headline", "Body · Questions and
answers · Items 2 · Question"), with list items and nested blocks numbered
instead of named by id.
"""

import re

from django.utils.text import capfirst
from wagtail.fields import StreamField
from wagtail_localize.models import StringSegment, StringTranslation

ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def field_labels(instance) -> dict[str, str]:
    """Readable names of a page's content paths: field, then top-level block."""
    labels = {}
    for model_field in instance._meta.get_fields():
        if not hasattr(model_field, "verbose_name"):
            continue
        name = capfirst(str(model_field.verbose_name))
        labels[model_field.name] = name
        if isinstance(model_field, StreamField):
            for block in getattr(instance, model_field.name):
                block_label = capfirst(str(block.block.label))
                labels[f"{model_field.name}.{block.id}"] = f"{name} · {block_label}"
    return labels


class Namer:
    """Labels paths in page order; an id below the top-level block becomes
    its position among its siblings (1, 2, …)."""

    def __init__(self, labels: dict[str, str]):
        self.labels = labels
        self.positions: dict[tuple[str, str], int] = {}

    def __call__(self, path: str) -> str:
        parts = path.split(".")
        for cut in range(len(parts), 0, -1):
            head = ".".join(parts[:cut])
            if head in self.labels:
                return " · ".join([self.labels[head], *self._rest(head, parts[cut:])])
        return " · ".join(self._rest("", parts))

    def _rest(self, head: str, parts: list[str]) -> list[str]:
        words, parent = [], head
        for part in parts:
            if ID.match(part):
                siblings = {key for key in self.positions if key[0] == parent}
                key = (parent, part)
                if key not in self.positions:
                    self.positions[key] = len(siblings) + 1
                number = str(self.positions[key])
                if words:
                    words[-1] = f"{words[-1]} {number}"
                else:
                    words.append(number)
            else:
                words.append(capfirst(part.replace("_", " ")))
            parent = f"{parent}.{part}"
        return words


def missing_segments(translation, source) -> list[str]:
    """The names of the source's segments with no translation yet in the
    translation's locale, in page order."""
    if translation is None:
        return []
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .select_related("context")
        .order_by("order")
    )
    done = set(
        StringTranslation.objects.filter(
            locale=translation.target_locale,
            context__object_id=translation.source.object_id,
        ).values_list("translation_of_id", "context_id")
    )
    namer = Namer(field_labels(source))
    names = []
    for segment in segments:
        name = namer(segment.context.path)
        if (segment.string_id, segment.context_id) not in done:
            names.append(name)
    return names
