from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Practice library"

    def ready(self):
        from . import signals

        signals.connect()
