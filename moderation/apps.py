"""The moderation app: connects the signals that keep practice sections under moderation."""

from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = "Moderation"

    def ready(self):
        from . import signals

        signals.connect(self)
