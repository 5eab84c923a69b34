"""The reviews app: keeps practice fresh, with review dates, reminders and receipts."""

from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Reviews"

    def ready(self):
        from . import receipts

        receipts.connect()
