"""The drivers app's configuration."""

from django.apps import AppConfig


class DriversConfig(AppConfig):
    name = "drivers"
    verbose_name = "How change happens"

    def ready(self):
        from . import signals

        signals.connect()
