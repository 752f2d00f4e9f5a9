from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    """Health and metrics: what an operator sees from outside (issue 12)."""

    name = "monitoring"

    def ready(self):
        from monitoring import heartbeats

        heartbeats.connect()
