from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Campaigns")

    def ready(self):
        from campaign import signals, stale
        from campaign.releases import sweep, workers
        from config import workload

        signals.connect()
        stale.declare()
        workload.register_busy_check(sweep.busy_for)
        workload.register_instants(sweep.instants)
        workers.connect()
