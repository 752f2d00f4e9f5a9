from .counts import FoldRecord, PageViewCount, ReachCount
from .partners import Partner
from .warnings import Warning, WarningVariant

__all__ = [
    "FoldRecord",
    "PageViewCount",
    "Partner",
    "ReachCount",
    "Warning",
    "WarningVariant",
]
