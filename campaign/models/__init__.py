from .helplines import Helpline, HelplineClosure, OpeningHours
from .pages import CampaignIndexPage, CampaignPage, source_page  # noqa: F401
from .regions import LegalText, Region, RegionLocale
from .releases import Release, Rollout
from .reviews import TranslationReview

__all__ = [
    "CampaignIndexPage",
    "CampaignPage",
    "Helpline",
    "HelplineClosure",
    "LegalText",
    "OpeningHours",
    "Region",
    "RegionLocale",
    "Release",
    "Rollout",
    "TranslationReview",
]
