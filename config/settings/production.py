"""Production: every secret from the environment, no fallbacks, HTTPS only."""

from config import env
from config.broker import transport_for
from config.database import end_idle_transactions

from .base import *

DEBUG = False
SECRET_KEY = env.string("SECRET_KEY")
DATABASE_URL = env.string("DATABASE_URL")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=600, conn_health_checks=True
    )
}
end_idle_transactions(DATABASES["default"], DATABASE_IDLE_IN_TRANSACTION_SECONDS)
ALLOWED_HOSTS = env.strings("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names.")

REDIS_URL = env.string("REDIS_URL")
CACHES = {"default": redis_cache(REDIS_URL), "renditions": redis_cache(REDIS_URL)}
CACHES["renditions"]["KEY_PREFIX"] = "cm-renditions"
CELERY_BROKER_URL = env.string("CELERY_BROKER_URL", REDIS_URL)
CELERY_BROKER_TRANSPORT = transport_for(CELERY_BROKER_URL)
CELERY_RESULT_BACKEND = env.string("CELERY_RESULT_BACKEND", REDIS_URL)

# deploy/nginx.conf sends the documents' bytes (X-Accel-Redirect).
if env.boolean("DOCUMENTS_SENT_BY_NGINX", True):
    SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    SENDFILE_ROOT = str(MEDIA_ROOT)
    SENDFILE_URL = "/media"

SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# /healthz is probed over plain HTTP by load balancers inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz(/live)?$"]

EMAIL_BACKEND = env.string(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
WAGTAILADMIN_BASE_URL = env.string(
    "WAGTAILADMIN_BASE_URL",
    PUBLIC_BASE_URL or f"https://{ALLOWED_HOSTS[0].lstrip('.')}",
)
