"""Wagtail and wagtail-localize: the admin, uploads, machine translation."""

from django.core.exceptions import ImproperlyConfigured

from config import env

from .core import *  # noqa: F403

# Wagtail
WAGTAIL_SITE_NAME = "Campaign manager"
#: Where the public reaches the site (https://campaign.example.org). The
#: default Site's hostname and port are set from it (``set_site_address``;
#: ``make run`` passes the address it serves), and absolute URLs (canonical,
#: hreflang, sitemap, og:image) follow the Site.
PUBLIC_BASE_URL = env.string("PUBLIC_BASE_URL", "")
WAGTAILADMIN_BASE_URL = env.string(
    "WAGTAILADMIN_BASE_URL", PUBLIC_BASE_URL or "http://127.0.0.1:8000"
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "vtt", "txt", "mp4", "webm"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
#: Refuses, with a form error, files Pillow cannot decode (home/image_forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.image_forms.ImageForm"
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILEMBEDS_RESPONSIVE_HTML = False
# Known trap: True publishes a new translation of a live page before anyone
# has translated it (see docs/design.md, "Known traps").
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation in wagtail-localize's editor: off unless
# MACHINE_TRANSLATOR names a backend. It sends page text to that service, so
# it is a decision for the operator, never a default. "dummy" (reverses the
# words, no network) is for trying the editor out.
_MACHINE_TRANSLATORS = {
    "deepl": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
    "libretranslate": (
        "wagtail_localize.machine_translators.libretranslate.LibreTranslator"
    ),
    "dummy": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}
_machine_translator = env.string("MACHINE_TRANSLATOR", "off").lower()
if _machine_translator in ("off", "none"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
elif _machine_translator == "deepl":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": _MACHINE_TRANSLATORS["deepl"],
        "OPTIONS": {"AUTH_KEY": env.string("DEEPL_AUTH_KEY")},
    }
elif _machine_translator == "libretranslate":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": _MACHINE_TRANSLATORS["libretranslate"],
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env.string("LIBRETRANSLATE_URL"),
            "API_KEY": env.string("LIBRETRANSLATE_API_KEY", ""),
        },
    }
elif _machine_translator == "dummy":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": _MACHINE_TRANSLATORS["dummy"]}
else:
    raise ImproperlyConfigured(
        "MACHINE_TRANSLATOR must be off, deepl, libretranslate or dummy, "
        f"not {_machine_translator!r}."
    )
# The admin calls no third party: no Gravatar (it would leak editors' e-mail
# hashes) and no release check against wagtail.org.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Pages restricted to signed-in users send people to the admin's sign-in: the
# front-end one (wagtail.urls' _util/login/) is not routed (config/urls.py).
WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"
