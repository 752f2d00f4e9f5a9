from celery import shared_task

from outreach import counters


@shared_task(name="outreach.fold_counts", ignore_result=True)
def fold_counts() -> int:
    return counters.fold()
