from .identity import Organisation, SiteIdentity
from .pages import PAGE_TRANSLATABLE_FIELDS, HomePage, StatementPage

__all__ = [
    "PAGE_TRANSLATABLE_FIELDS",
    "HomePage",
    "Organisation",
    "SiteIdentity",
    "StatementPage",
]
