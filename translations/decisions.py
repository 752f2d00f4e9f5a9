"""A reviewer's decision on a submitted translation, page or snippet."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from campaign.models import TranslationReview
from translations import events
from translations.drafts import validate_translated
from translations.snippets import publish_snippet, snippet_reviewed

Status = TranslationReview.Status


@transaction.atomic
def decide(review_id: int, user, approve: bool, comment: str = ""):
    """Approve or reject a submission. Exactly one decision counts.

    Approving a helpline or legal text publishes it at once (they have no
    regional release); approving a page revision leaves it to the release.
    Raises ValidationError for a decision already taken, a rejection with
    no comment, an approval of one's own submission, or a snippet
    translation that is no longer valid against its source.
    """
    review = (
        TranslationReview.objects.select_for_update(of=("self",))
        .select_related("page", "revision", "locale", "snippet_type")
        .get(pk=review_id)
    )
    if review.status != Status.SUBMITTED:
        raise ValidationError(
            _("This submission was already %(status)s.")
            % {"status": review.get_status_display()},
            code="decided",
        )
    comment = comment.strip()
    if not approve and not comment:
        raise ValidationError(
            _("Say what has to change: a rejection needs a comment."),
            code="comment_required",
        )
    if approve and review.submitted_by_id == user.pk and not user.is_superuser:
        raise ValidationError(
            _("Another reviewer must approve your own translation."),
            code="own_submission",
        )
    if approve and not review.is_snippet:
        # What the release will publish must pass the editor's rules.
        validate_translated(review.revision.as_object())
    review.status = Status.APPROVED if approve else Status.REJECTED
    review.decided_by = user
    review.decided_at = timezone.now()
    review.comment = comment
    review.save(update_fields=["status", "decided_by", "decided_at", "comment"])
    if review.is_snippet:
        instance = snippet_reviewed(review)
        if approve:
            instance = publish_snippet(review)
    else:
        instance = review.page.specific
    log(
        instance=instance,
        action=f"campaign.translation.{'approve' if approve else 'reject'}",
        user=user,
        revision=review.revision,
        data={"review": review.pk, "comment": comment},
    )
    events.translation_decided.send(sender=TranslationReview, review=review)
    return review
