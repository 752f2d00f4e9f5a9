"""The Celery application: configuration comes from Django settings (CELERY_*)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
# Each app's tasks.py, and the task modules of campaign's sub-packages.
app.autodiscover_tasks()
app.autodiscover_tasks(["campaign.releases", "campaign.share_images"])
