"""The search insight app: counts each library search as it is sent."""

from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "insight"
    verbose_name = "Search insight"

    def ready(self):
        from search.searched import library_searched

        from .recording import RECEIVER, count_search

        library_searched.connect(count_search, dispatch_uid=RECEIVER)
