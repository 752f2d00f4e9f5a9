"""What the release engine tells the rest of the project: Django signals.

Apps to the left of ``campaign`` (``notifications``) connect to them; the
engine sends them inside its transaction and knows nothing of who listens.
Each is sent with ``release`` (a ``Release``).
"""

from django.dispatch import Signal

#: A release found not ready at its instant (``state`` is now ``blocked``).
release_blocked = Signal()
#: A release that failed for good (``state`` is now ``failed``); ``error``
#: says why.
release_failed = Signal()
