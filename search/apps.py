from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Practice library"

    def ready(self):
        # Saving or deleting a promotion retires the kept pages that showed the old choice.
        from . import promotions, signals  # noqa: F401

        signals.connect()
