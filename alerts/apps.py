"""The alerts app: weekly emails about new practice that matches a saved library filter."""

from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = "Email alerts"
