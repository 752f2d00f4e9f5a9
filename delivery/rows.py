"""Rows of another table read inside a render's main query, as JSON.

``prefetch_related`` and a foreign key followed across a translation cost a
query each; a render reads them as JSON from a subquery of the row it needs
them with (``json_rows``, ``json_row``) and makes model instances of them
(``from_json``), which the templates use as they would the fetched rows.
"""

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import Subquery
from django.db.models.functions import JSONObject


def _fields(model, leave_out=()) -> list:
    return [
        field for field in model._meta.concrete_fields if field.name not in leave_out
    ]


def _as_json(queryset, leave_out=()):
    fields = [field.attname for field in _fields(queryset.model, leave_out)]
    return queryset.values(row=JSONObject(**{name: name for name in fields}))


def arrays_supported() -> bool:
    """Whether the database has arrays (PostgreSQL); elsewhere (the SQLite a
    newcomer's ``make run`` falls back to) callers prefetch as usual."""
    return connection.vendor == "postgresql"


def json_rows(queryset, leave_out=()) -> ArraySubquery:
    """The rows of ``queryset`` (in its order) as an array of JSON objects."""
    return ArraySubquery(_as_json(queryset, leave_out))


def json_row(queryset) -> Subquery:
    """The first row of ``queryset`` as one JSON object (NULL when none)."""
    return Subquery(_as_json(queryset)[:1])


def from_json(model, row: dict, leave_out=(), **given):
    """An instance of ``model`` from a ``json_rows``/``json_row`` object, each
    value converted back by its field (dates, times, decimals...)."""
    fields = {field.attname: field for field in _fields(model, leave_out)}
    values = {key: fields[key].to_python(value) for key, value in row.items()}
    instance = model(**values, **given)
    instance._state.adding = False
    instance._state.db = "default"
    return instance


def set_prefetched(instance, name: str, model, rows: list) -> None:
    """``rows`` as ``instance.<name>.all()``, as ``prefetch_related`` leaves it."""
    cache = instance.__dict__.setdefault("_prefetched_objects_cache", {})
    queryset = model.objects.none()
    queryset._result_cache = rows
    queryset._prefetch_done = True
    cache[name] = queryset
