"""Choose a content locale for a visitor from their Accept-Language header.

Django's own negotiation maps a bare ``fr`` to the first ``fr-*`` in
LANGUAGES and ``de-AT`` to whichever German comes first (``de-be`` here): the
order of a list silently picks a country (docs/design.md, "Known traps"). The rule
here is explicit instead. For each language the visitor lists, most wanted
first:

1. the exact locale (``fr-be`` for ``fr-BE``);
2. else the same language in a region the visitor also lists (``fr`` with
   ``en-CA`` listed too gives ``fr-ca``);
3. else the language's configured default (``LOCALE_LANGUAGE_DEFAULTS``:
   ``fr`` and ``fr-CH`` give ``fr-fr``, ``de-AT`` gives ``de-de``).

A language the site does not serve is skipped; when none is served, the
site's default language wins. No cookie and no IP address are consulted.

Pure functions over strings, so the rule is tested over a table of headers.
"""

import re
from collections.abc import Iterable, Mapping, Sequence

#: Django's own cap (``ACCEPT_LANGUAGE_HEADER_MAX_LENGTH``): a longer header
#: is cut at its last complete entry.
MAX_HEADER_LENGTH = 500
_TAG = re.compile(r"^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$")
_REGION = re.compile(r"^(?:[a-z]{2}|[0-9]{3})$")


def normalise(tag: str) -> str:
    """``fr_BE`` and ``FR-be`` are both ``fr-be``."""
    return tag.strip().lower().replace("_", "-")


def language_of(tag: str) -> str:
    """The primary language subtag: ``fr`` for ``fr-be``."""
    return tag.split("-", 1)[0]


def region_of(tag: str) -> str | None:
    """The region subtag (two letters or three digits), if the tag has one.

    ``zh-hant-tw`` has the region ``tw``; its script subtag is skipped.
    """
    for subtag in tag.split("-")[1:]:
        if _REGION.match(subtag):
            return subtag
    return None


def parse_accept_language(header: str | None) -> list[str]:
    """The tags of an Accept-Language header, normalised, most wanted first.

    Entries with ``q=0``, a malformed tag or a malformed weight are dropped;
    equal weights keep the header's order.
    """
    if not header:
        return []
    if len(header) > MAX_HEADER_LENGTH:
        header = header[:MAX_HEADER_LENGTH].rpartition(",")[0]
    weighted = []
    for position, entry in enumerate(header.split(",")):
        tag, _sep, parameters = entry.partition(";")
        tag = normalise(tag)
        if not _TAG.match(tag):
            continue
        quality = 1.0
        for parameter in parameters.split(";"):
            name, _sep, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = -1.0
        # Written so that NaN fails too.
        if not 0 < quality <= 1:
            continue
        weighted.append((-quality, position, tag))
    return [tag for _weight, _position, tag in sorted(weighted)]


def best_locale(
    preferences: Sequence[str],
    available: Iterable[str],
    defaults: Mapping[str, str],
    fallback: str,
) -> str:
    """The available locale that best serves ``preferences`` (see the module).

    ``available`` is in the site's order; it decides only when a language's
    configured default is not available. ``fallback`` is returned when no
    listed language is served (or when the visitor accepts ``*``).
    """
    available = list(dict.fromkeys(normalise(code) for code in available))
    preferences = [normalise(tag) for tag in preferences]
    regions = [region for region in map(region_of, preferences) if region]
    for tag in preferences:
        if tag == "*":
            break
        if tag in available:
            return tag
        language = language_of(tag)
        same_language = [code for code in available if language_of(code) == language]
        if not same_language:
            continue
        for region in regions:
            if f"{language}-{region}" in same_language:
                return f"{language}-{region}"
        default = defaults.get(language)
        if default in same_language:
            return default
        return language if language in same_language else same_language[0]
    if fallback in available or not available:
        return fallback
    return available[0]


def negotiate(
    header: str | None,
    available: Iterable[str],
    defaults: Mapping[str, str],
    fallback: str,
) -> str:
    """The best available locale for an Accept-Language header."""
    return best_locale(parse_accept_language(header), available, defaults, fallback)
