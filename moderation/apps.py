"""The moderation app: keeps practice sections and home pages under the roles' permissions,
and champions' uploads to themselves."""

from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = "Moderation"

    def ready(self):
        from . import signals, uploads

        signals.connect(self)
        uploads.register_permission_policies()
