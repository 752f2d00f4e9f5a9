"""Core Django settings: apps, middleware, database, sign-in, languages, files,
e-mail, privacy headers and logging (config/settings/base.py gathers the parts)."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config import env
from config.database import end_idle_transactions

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
    "notifications",
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
    # The partner API needs nothing of what follows: answered here, as a
    # cache hit is (outreach/middleware.py).
    "outreach.middleware.PartnerApiMiddleware",
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
#: Seconds a PostgreSQL session may sit idle inside a transaction before the
#: server ends it and frees its locks: a host cut off mid-transaction would
#: otherwise hold a release's row for hours (config/database.py). 0: off.
DATABASE_IDLE_IN_TRANSACTION_SECONDS = env.integer(
    "DATABASE_IDLE_IN_TRANSACTION_SECONDS", 60
)
end_idle_transactions(DATABASES["default"], DATABASE_IDLE_IN_TRANSACTION_SECONDS)
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
#: English admin dates read unambiguously (config/formats/en).
FORMAT_MODULE_PATH = ["config.formats"]
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


# E-mail (notifications/: reviews, decisions, releases, legal texts due).
EMAIL_BACKEND = env.string(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
#: Where django.core.mail.backends.filebased.EmailBackend writes, if chosen.
EMAIL_FILE_PATH = env.string("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
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
