from .helplines import Helpline, HelplineClosure, OpeningHours
from .legal import (  # noqa: F401
    LEGAL_REVIEWERS,
    LegalSignOff,
    legal_content_hash,
    source_legal_text,
)
from .pages import CampaignIndexPage, CampaignPage, source_page  # noqa: F401
from .regions import LegalText, Region, RegionLocale
from .releases import Release, Rollout
from .reviews import TranslationReview
from .share_images import ShareImageFailure

__all__ = [
    "CampaignIndexPage",
    "CampaignPage",
    "Helpline",
    "LegalSignOff",
    "HelplineClosure",
    "LegalText",
    "OpeningHours",
    "Region",
    "RegionLocale",
    "Release",
    "Rollout",
    "ShareImageFailure",
    "TranslationReview",
]
