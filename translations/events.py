"""What the translation workflow tells the rest of the project: Django signals.

Apps to the left of ``translations`` (``notifications``) connect to them.
Each is sent with ``review`` (a ``TranslationReview``) inside the
transaction that records it.
"""

from django.dispatch import Signal

#: A translation (page or snippet, the source's own included) was submitted.
translation_submitted = Signal()
#: A reviewer approved or rejected a submission.
translation_decided = Signal()
