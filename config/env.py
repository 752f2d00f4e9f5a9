"""Typed reads of the process environment.

Settings never call ``os.environ`` directly: each value goes through one of
these functions, so a wrong value fails at start with the variable's name in
the message instead of surfacing later as a strange type.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    return None if value is None else value.strip()


def string(name: str, default: str | None = None) -> str:
    """Return ``name``; with no default, a missing or empty value is an error."""
    value = _raw(name)
    if value:
        return value
    if default is None:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required and is not set."
        )
    return default


def boolean(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def integer(name: str, default: int) -> int:
    value = _raw(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {value!r}."
        ) from None


def strings(name: str, default: list[str] | None = None) -> list[str]:
    """A comma-separated list; blank items are dropped."""
    value = _raw(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def is_set(name: str) -> bool:
    return bool(_raw(name))
