"""Every configured frontend cache works, or the site does not start.

Wagtail builds its purge backends only when it purges, so a backend that
lacks a setting or a library (CloudFront needs boto3) would fail at the first
publication, in a worker's log, with the page still cached. ``check`` builds
each one when the app starts (``DeliveryConfig.ready``) and refuses to go on
with a message naming what is missing.
"""

from django.core.exceptions import ImproperlyConfigured
from wagtail.contrib.frontend_cache.utils import get_backends

#: The environment variable behind each backend parameter (config/settings).
VARIABLES = {
    "LOCATION": "FRONTEND_CACHE_LOCATION (or VARNISH_URL)",
    "ZONEID": "CLOUDFLARE_ZONE_ID",
    "BEARER_TOKEN": "CLOUDFLARE_BEARER_TOKEN",
}


def check(config: dict) -> None:
    """Build each backend of ``WAGTAILFRONTENDCACHE``; raise naming what fails."""
    for name, backend in config.items():
        where = f"WAGTAILFRONTENDCACHE[{name!r}] ({backend.get('BACKEND')})"
        if "." not in str(backend.get("BACKEND", "")):
            raise ImproperlyConfigured(
                f"{where}: FRONTEND_CACHE_BACKEND must be cloudflare, http or a "
                "dotted path to a Wagtail frontend cache backend."
            )
        try:
            get_backends(backend_settings={name: backend})
        except KeyError as error:
            missing = error.args[0]
            raise ImproperlyConfigured(
                f"{where} needs {missing}: set {VARIABLES.get(missing, missing)}."
            ) from error
        except ModuleNotFoundError as error:
            raise ImproperlyConfigured(
                f"{where} needs the Python package {error.name!r}, which is not "
                "installed: this project does not offer that backend."
            ) from error
        except ImproperlyConfigured as error:
            raise ImproperlyConfigured(f"{where}: {error}") from error
