from .helplines import Helpline, OpeningHours
from .pages import CampaignIndexPage, CampaignPage
from .regions import LegalText, Region, RegionLocale
from .releases import Release, Rollout
from .reviews import TranslationReview

__all__ = [
    "CampaignIndexPage",
    "CampaignPage",
    "Helpline",
    "LegalText",
    "OpeningHours",
    "Region",
    "RegionLocale",
    "Release",
    "Rollout",
    "TranslationReview",
]
