"""Settings shared by every environment; the others import and adjust these."""

import ipaddress
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config import env
from config.broker import transport_for

BASE_DIR = Path(__file__).resolve().parent.parent.parent
#: Git-ignored folder for everything a running site writes: the SQLite
#: database, collected static files, uploads, the fallback broker's queue.
VAR_DIR = Path(env.string("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = False
SECRET_KEY = env.string("SECRET_KEY", "")
ALLOWED_HOSTS = env.strings("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.strings("CSRF_TRUSTED_ORIGINS")

# Apps of this project, from the site shell down to the domain; imports
# point one way (docs/design.md, "Layout"): demo -> home, monitoring,
# accounts -> outreach -> translations -> campaign -> delivery.
INSTALLED_APPS = [
    "demo",
    "home",
    "monitoring",
    "accounts",
    "outreach",
    "translations",
    "campaign",
    "delivery",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "home.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Counts campaign page views, full-page cache hits included: it wraps
    # the cache (outreach/middleware.py; nothing about the visitor is kept).
    "outreach.middleware.PageViewMiddleware",
    "delivery.page_cache.PageCacheMiddleware",
    # Inside the page cache, so a cached page keeps its style hashes.
    "home.security.InlineStyleHashMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.locale_middleware.LocaleMiddleware",
    # Inside the locale middleware: a withdrawn campaign's 404 becomes 410.
    "home.gone.GoneMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "delivery.routing.RouteOnceMiddleware",
    # Last, as django-axes asks: it turns a lockout into the answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite in var/ unless DATABASE_URL says otherwise.
DATABASE_URL = env.string("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Web, worker and beat share the file: take the write lock when a
    # transaction starts, so two publishers serialise instead of failing.
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.string("REDIS_URL", "redis://127.0.0.1:6379/0")

# Staff accounts (accounts/): a second factor for everyone who can publish,
# withdraw, override or manage users (accounts/policy.py), set up and
# checked in the admin after Wagtail's password step.
OTP_TOTP_ISSUER = "Campaign manager"

# Failed sign-ins are counted per account by django-axes, never per address:
# after AXES_FAILURE_LIMIT failures the account is locked for
# AXES_COOLOFF_TIME, or until an administrator unlocks it (Settings > Failed
# sign-ins, or `manage.py axes_reset_username NAME`). No IP address, user
# agent or Accept header is stored (accounts/throttling.py).
# AxesBackend (not AxesStandaloneBackend) first: it also loads users, and
# Wagtail's test helpers sign in with the first backend.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
# Failures while locked do not push the end of the lockout further away.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.no_address"
AXES_HANDLER = "accounts.throttling.AddresslessDatabaseHandler"
AXES_LOCKOUT_CALLABLE = "accounts.throttling.lockout_response"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_SENSITIVE_PARAMETERS = ["username", "password", "csrfmiddlewaretoken"]
# Axes warns that a lock per username alone lets an attacker rotate user
# agents or cookies; neither changes the username, which is what is counted.
# Counting per address as well would mean storing addresses, which this
# project never does.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
# No Django admin here: failed sign-ins are listed in Wagtail's settings menu.
AXES_ENABLE_ADMIN = False

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. Content locales are language + region; Django's
# gettext falls back from fr-be to the fr catalogue, so UI strings are
# translated once per language under locale/.
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en"
WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("da-dk", _("Danish (Denmark)")),
    ("fr-be", _("French (Belgium)")),
    ("nl-be", _("Dutch (Belgium)")),
    ("de-be", _("German (Belgium)")),
    ("fr-fr", _("French (France)")),
    ("de-de", _("German (Germany)")),
    ("pl-pl", _("Polish (Poland)")),
    ("es-es", _("Spanish (Spain)")),
    ("en-gb", _("English (United Kingdom)")),
    ("en-ca", _("English (Canada)")),
    ("fr-ca", _("French (Canada)")),
    ("en-au", _("English (Australia)")),
    ("en-nz", _("English (New Zealand)")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
#: The locale a visitor gets for a language when no region they list has one
#: of its own (home/negotiation.py): never the order of LANGUAGES, which
#: Django's negotiation would use ("de-AT" would land on de-be).
LOCALE_LANGUAGE_DEFAULTS = {
    "en": "en",
    "ar": "ar",
    "da": "da-dk",
    "de": "de-de",
    "es": "es-es",
    "fr": "fr-fr",
    "nl": "nl-be",
    "pl": "pl-pl",
}

# Static files: sources in static/, collected into var/ (never into static/).
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.string("STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env.string("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000


# Cache: Redis (each environment module decides whether a fallback is allowed).
# Pages keep answering while Redis is away: reads miss, writes are dropped
# (config/cache.py).
def redis_cache(url: str) -> dict:
    return {
        "BACKEND": "config.cache.TolerantRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "cm",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
    }


# Wagtail looks image renditions up in the "renditions" cache when there is
# one, so a page with images costs no rendition query once warm.
CACHES = {"default": redis_cache(REDIS_URL), "renditions": redis_cache(REDIS_URL)}
CACHES["renditions"]["KEY_PREFIX"] = "cm-renditions"

# Full-page cache of anonymous public pages (delivery/page_cache.py), evicted
# exactly on commit (delivery/invalidation.py). "Open now" of the helplines is
# computed while rendering, so a copy is fresh for PAGE_CACHE_TTL seconds and
# served for PAGE_CACHE_GRACE more while one request renders it again.
PAGE_CACHE_ENABLED = env.boolean("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_KEY_PREFIX = env.string("PAGE_CACHE_KEY_PREFIX", "pc")
PAGE_CACHE_TTL = env.integer("PAGE_CACHE_TTL", 60)
PAGE_CACHE_GRACE = env.integer("PAGE_CACHE_GRACE", 120)
#: Seconds a request waits for another's render of the same page before it
#: renders itself (single flight, delivery/page_cache.py).
PAGE_CACHE_FLIGHT_WAIT = float(env.string("PAGE_CACHE_FLIGHT_WAIT", "5"))
#: Entries each web process keeps, kept exact by Redis client tracking
#: (delivery/near.py); 0 asks Redis on every request.
PAGE_CACHE_NEAR_ENTRIES = env.integer("PAGE_CACHE_NEAR_ENTRIES", 256)
#: Browsers revalidate every time (a 304 when nothing changed); Varnish and
#: CDNs, which Django purges, keep a page for PAGE_CACHE_TTL.
PAGE_CACHE_CONTROL = env.string(
    "PAGE_CACHE_CONTROL", f"public, max-age=0, s-maxage={PAGE_CACHE_TTL}"
)
# CDN purge through Wagtail's frontend cache backends, off unless
# FRONTEND_CACHE_BACKEND is set (cloudflare, http or a dotted path; a backend
# that lacks a setting or a package stops the site at start,
# delivery/frontends.py). CloudFront is not offered: its backend needs boto3.
# Purges go in batches: every locale of a commit, and with Redis every commit
# of a few seconds, together. The URLs are exact per locale, so Wagtail
# must not multiply them by language.
WAGTAILFRONTENDCACHE = {}
WAGTAILFRONTENDCACHE_LANGUAGES = []
#: Seconds purges wait to be sent together (delivery/purge.py).
FRONTEND_CACHE_PURGE_DELAY = float(env.string("FRONTEND_CACHE_PURGE_DELAY", "2"))
_frontend_cache = env.string("FRONTEND_CACHE_BACKEND", "")
if _frontend_cache:
    _backends = "wagtail.contrib.frontend_cache.backends."
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": {
            "cloudflare": _backends + "CloudflareBackend",
            "http": _backends + "HTTPBackend",
        }.get(_frontend_cache, _frontend_cache),
        "HOSTNAMES": env.strings("FRONTEND_CACHE_HOSTNAMES", ["*"]),
    }
    for _name, _variable in [
        ("LOCATION", "FRONTEND_CACHE_LOCATION"),
        ("BEARER_TOKEN", "CLOUDFLARE_BEARER_TOKEN"),
        ("ZONEID", "CLOUDFLARE_ZONE_ID"),
    ]:
        if env.is_set(_variable):
            WAGTAILFRONTENDCACHE["default"][_name] = env.string(_variable)

# Varnish in front of gunicorn (deploy/varnish/default.vcl), purged through
# Wagtail's HTTP backend at once after every commit (delivery/purge.py).
# Unset (make run), nothing stands in front of Django but the Redis page cache.
VARNISH_URL = env.string("VARNISH_URL", "")
if VARNISH_URL:
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": VARNISH_URL,
    }

# Documents (videos, captions): Wagtail checks the reader may see one, then
# with nginx in front (deploy/nginx.conf) answers with X-Accel-Redirect and
# nginx sends the bytes, with ranges; without it (make run) Wagtail streams
# them. Videos and captions play in the page, not as downloads.
if env.boolean("DOCUMENTS_SENT_BY_NGINX", False):
    SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    SENDFILE_ROOT = str(MEDIA_ROOT)
    SENDFILE_URL = "/media"
WAGTAILDOCS_INLINE_CONTENT_TYPES = [
    "application/pdf",
    "text/plain",
    "text/vtt",
    "video/mp4",
    "video/webm",
]

# Celery: the database holds every schedule; Redis only delivers wake-ups.
CELERY_BROKER_URL = env.string("CELERY_BROKER_URL", REDIS_URL)
CELERY_RESULT_BACKEND = env.string("CELERY_RESULT_BACKEND", REDIS_URL)
#: kombu's Redis transport, kept from crashing the worker when Redis goes
#: away while it holds messages (config/broker.py).
CELERY_BROKER_TRANSPORT = transport_for(CELERY_BROKER_URL)
CELERY_BROKER_TRANSPORT_OPTIONS = {}
CELERY_RESULT_EXPIRES = 3600
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# Releases never wait behind other work: their wake-ups, publishes and
# expiries go to a queue of their own, consumed by worker processes of their
# own (deploy/systemd, run_all); share images and purges use the
# default queue.
CELERY_TASK_DEFAULT_QUEUE = env.string("CELERY_TASK_DEFAULT_QUEUE", "celery")
RELEASE_QUEUE = env.string("RELEASE_QUEUE", "releases")
RELEASE_TASKS = (
    "campaign.sweep_releases",
    "campaign.publish_release",
    "campaign.expire_release",
)
CELERY_TASK_ROUTES = {name: {"queue": RELEASE_QUEUE} for name in RELEASE_TASKS}
#: The release sweep: publishes what is overdue and hands workers what falls
#: due within the next seconds (campaign/releases/engine.py, HORIZON).
RELEASE_SWEEP_SECONDS = float(env.string("RELEASE_SWEEP_SECONDS", "2"))
# /healthz (monitoring/health.py): the sweep and each worker's heartbeat
# (every 2 s) are stale past these ages, and the answer is 503 naming them.
HEALTH_SWEEP_STALE_SECONDS = float(
    env.string("HEALTH_SWEEP_STALE_SECONDS", str(max(30.0, 5 * RELEASE_SWEEP_SECONDS)))
)
HEALTH_WORKER_STALE_SECONDS = float(env.string("HEALTH_WORKER_STALE_SECONDS", "30"))
# /metrics (Prometheus) answers 404 unless one of these is set; then only a
# request with "Authorization: Bearer <token>", or from one of the networks
# (the peer gunicorn sees: behind nginx, that is nginx), gets the metrics.
METRICS_BEARER_TOKEN = env.string("METRICS_BEARER_TOKEN", "")
METRICS_ALLOWED_NETWORKS = env.strings("METRICS_ALLOWED_NETWORKS")
for _network in METRICS_ALLOWED_NETWORKS:
    try:
        ipaddress.ip_network(_network)
    except ValueError:
        raise ImproperlyConfigured(
            f"METRICS_ALLOWED_NETWORKS: {_network!r} is not a network (10.0.0.0/8)."
        ) from None
CELERY_BEAT_SCHEDULE = {
    "release-sweep": {
        "task": "campaign.sweep_releases",
        "schedule": RELEASE_SWEEP_SECONDS,
        # A sweep nobody picked up in time is useless: the next one replaces it.
        "options": {"expires": max(5.0, 3 * RELEASE_SWEEP_SECONDS)},
    },
}

# Outreach (outreach/): warnings for partner platforms. Reach is counted in
# Redis (one round trip per request) and folded into PostgreSQL by beat.
OUTREACH_REDIS_URL = env.string("OUTREACH_REDIS_URL", REDIS_URL)
OUTREACH_KEY_PREFIX = env.string("OUTREACH_KEY_PREFIX", "outreach")
OUTREACH_FOLD_SECONDS = float(env.string("OUTREACH_FOLD_SECONDS", "10"))
#: Counts below this are shown as "<10" in every report and export.
OUTREACH_SUPPRESS_BELOW = env.integer("OUTREACH_SUPPRESS_BELOW", 10)
CELERY_BEAT_SCHEDULE["outreach-fold"] = {
    "task": "outreach.fold_counts",
    "schedule": OUTREACH_FOLD_SECONDS,
    "options": {"expires": max(5.0, OUTREACH_FOLD_SECONDS)},
}

# E-mail (alerts for releases that fail for good).
EMAIL_BACKEND = env.string(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env.string("EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.string("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.string("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.boolean("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env.string("DEFAULT_FROM_EMAIL", "campaigns@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Privacy: the public site sets no cookie. Sessions and CSRF cookies exist
# only for the admin, where people log in.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
#: Sent on every response (home/security.py): everything comes from the site
#: itself, no inline script or style, no third-party host, no framing by other
#: sites. A view may set a narrower policy of its own (the translation editor
#: does, translations/editor.py).
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "media-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

# Logging: nothing here records a visitor's address. Django's request logger
# writes the request line and status only; gunicorn's access log format is
# set without %(h)s in config/gunicorn.py.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.security.DisallowedHost": {"level": "ERROR"},
    },
}

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
