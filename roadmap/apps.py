"""The roadmap app's configuration."""

from django.apps import AppConfig


class RoadmapConfig(AppConfig):
    name = "roadmap"
    verbose_name = "Roadmap and landscape"
