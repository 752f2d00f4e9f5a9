"""Signal handlers of the campaign app, connected in ``CampaignConfig.ready``."""

from django.db import transaction
from wagtail.signals import page_published

from campaign.models import CampaignPage
from campaign.share_images.tasks import render_share_images


def queue_share_images(sender, instance, **kwargs) -> None:
    """Render a campaign page's share images once its publication is committed.

    ``robust``: a broker that does not answer must not turn a publication
    that has happened into an error; the next publication renders again.
    """
    page_id = instance.pk
    transaction.on_commit(lambda: render_share_images.delay(page_id), robust=True)


def connect() -> None:
    page_published.connect(
        queue_share_images,
        sender=CampaignPage,
        dispatch_uid="campaign.queue_share_images",
    )
