"""Release tasks have a queue of their own; everything else the default one."""

import pytest
from django.conf import settings

from config.celery_app import app


def queue_of(task: str) -> str:
    return app.amqp.router.route({}, task)["queue"].name


@pytest.mark.parametrize(
    "task",
    ["campaign.sweep_releases", "campaign.publish_release", "campaign.expire_release"],
)
def test_release_tasks_go_to_the_release_queue(task):
    assert queue_of(task) == settings.RELEASE_QUEUE == "releases"


@pytest.mark.parametrize(
    "task",
    [
        "campaign.render_share_images",
        "outreach.fold_counts",
        "home.purge_frontend_cache",
    ],
)
def test_background_work_goes_to_the_default_queue(task):
    assert queue_of(task) == settings.CELERY_TASK_DEFAULT_QUEUE
    assert queue_of(task) != settings.RELEASE_QUEUE
