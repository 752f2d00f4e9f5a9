"""Writing many rows' fields at once, cheaply.

Django's ``bulk_update`` writes each field as ``CASE WHEN pk=... THEN ...``
over every object: for a region's batch of 50 pages or releases, building
those expressions costs more than the database does. In a wave most fields
get one value on every row (live, publish time, state): those go in one
plain ``UPDATE``, and only the fields whose values differ row by row
(``live_revision``, a title) through ``bulk_update``.
"""

import datetime as dt
from decimal import Decimal

#: Values compared with ``==`` to find a field that is the same on every row;
#: anything else (StreamField, JSON) is written row by row.
PLAIN = (bool, int, str, float, Decimal, dt.datetime, dt.date, dt.timedelta)


def update(model, objects, fields) -> None:
    """Save ``fields`` of ``objects`` (rows of ``model``), as ``bulk_update``
    would."""
    if not objects or not fields:
        return
    same, each = {}, []
    for name in fields:
        field = model._meta.get_field(name)
        values = (
            {getattr(obj, field.attname) for obj in objects}
            if _plain(field, objects)
            else None
        )
        if values is not None and len(values) == 1:
            same[field.attname] = values.pop()
        else:
            each.append(name)
    if same:
        model.objects.filter(pk__in=[obj.pk for obj in objects]).update(**same)
    if each:
        model.objects.bulk_update(objects, each)


def _plain(field, objects) -> bool:
    return all(
        value is None or isinstance(value, PLAIN)
        for value in (getattr(obj, field.attname) for obj in objects)
    )
