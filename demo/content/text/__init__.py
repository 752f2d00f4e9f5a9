"""The demo's text, one module per language, and the small regional differences.

``text_for("fr-ca")`` is the French text with the Canadian French touches of
``LOCALE_OVERRIDES`` applied. Every text is invented for the demo.
"""

import copy
from functools import cache

from . import ar, da, de, en, es, fr, nl, pl

LANGUAGES = {
    "ar": ar.TEXT,
    "da": da.TEXT,
    "de": de.TEXT,
    "en": en.TEXT,
    "es": es.TEXT,
    "fr": fr.TEXT,
    "nl": nl.TEXT,
    "pl": pl.TEXT,
}

#: Locale code -> {dotted path: text}: where a country writes differently.
LOCALE_OVERRIDES = {
    "fr-ca": {
        # "Clavardage" is the usual word for an online chat in Quebec.
        "helplines.chat.name": "Clavardage anonyme et autoassistance",
        "helplines.chat.description": (
            "Clavardage en ligne et programme d'autoassistance pour les personnes "
            "qui veulent arrêter de regarder ou de créer des images sexuelles "
            "d'enfants."
        ),
        "helplines.chat.anonymity_note": (
            "Anonyme : ni compte ni nom. Les conversations ne sont pas conservées "
            "après le clavardage."
        ),
        "campaign.help.text": (
            "Si vos pensées, vos pulsions ou ce que vous faites en ligne vous "
            "inquiètent, vous pouvez parler à un intervenant formé sans donner "
            "votre nom. Demander de l'aide tôt vous aide à garder le contrôle."
        ),
    },
    "fr-be": {
        "campaign.help.heading": "Parlez-en à quelqu'un, en toute confidentialité",
    },
    "de-be": {
        "campaign.help.heading": "Sprechen Sie mit jemandem, vertraulich",
    },
    "en-au": {
        "campaign.help.heading": "Talk to someone, confidentially",
    },
}


def language_of(locale_code: str) -> str:
    return locale_code.split("-", 1)[0]


@cache
def _text_for(locale_code: str) -> dict:
    text = copy.deepcopy(LANGUAGES[language_of(locale_code)])
    for path, value in LOCALE_OVERRIDES.get(locale_code, {}).items():
        *parents, leaf = path.split(".")
        node = text
        for key in parents:
            node = node[key]
        if leaf not in node:
            raise KeyError(f"{locale_code}: no text at {path}")
        node[leaf] = value
    return text


def text_for(locale_code: str) -> dict:
    """The demo text a reader of this locale sees (a copy: change it freely)."""
    return copy.deepcopy(_text_for(locale_code))
