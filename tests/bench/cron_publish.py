"""Wagtail's ``publish_scheduled``, run as cron would run it on this project.

Campaign pages go live only inside ``campaign.publication.permitted``
(``CampaignPage.save`` refuses any other way), so a cron job that publishes
them must hold that permission; without it every page it reaches is refused
and the baseline would measure nothing. ``python -m tests.bench.cron_publish``
is that cron job: a new process, the command unchanged.
"""

import django
from django.core.management import call_command


def main() -> None:
    django.setup()
    from campaign import publication

    with publication.permitted("publish_scheduled"):
        call_command("publish_scheduled")


if __name__ == "__main__":
    main()
