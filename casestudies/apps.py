from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = "Practice content"
