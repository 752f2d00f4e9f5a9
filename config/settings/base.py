"""Settings shared by every environment; the others import and adjust these.

In parts by topic, read in this order (each later part may use and extend
what the earlier ones define).
"""

from .caching import *  # noqa: F403
from .core import *  # noqa: F403
from .tasks import *  # noqa: F403
from .wagtail import *  # noqa: F403
