"""The Celery application: configuration comes from Django settings (CELERY_*)."""

import os

from celery import Celery
from celery.signals import worker_shutdown, worker_shutting_down

from config import worker_exit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
# Each app's tasks.py, and the task modules of campaign's sub-packages.
app.autodiscover_tasks()
app.autodiscover_tasks(["campaign.releases", "campaign.share_images"])

worker_shutting_down.connect(worker_exit.remember_stop_request, weak=False)
worker_shutdown.connect(worker_exit.unrequested_exit_fails, weak=False)
