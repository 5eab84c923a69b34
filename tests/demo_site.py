"""The demo site in tests: loaded once for a test module, and where each public page type
lives on it."""

from contextlib import contextmanager

from django.db import transaction
from django.test import override_settings

from casestudies.models import CaseStudyPage, DefinitionPage, RecommendationPage
from demo.builder import load_demo_content
from drivers.models import DriverPage


@contextmanager
def demo_loaded_once(django_db_blocker, tmp_path_factory, **options):
    """Load the demo site (images in a media folder of their own) inside a transaction that
    is rolled back afterwards, for a module-scoped fixture; yields the builder's report.

    Each test still runs in its own savepoint inside this transaction, so what one test
    changes (a second load, for example) is undone before the next.
    """
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)):
        with transaction.atomic():
            yield load_demo_content(**options)
            transaction.set_rollback(True)


def demo_public_paths():
    """Page type -> a path on the demo site that shows it."""
    return {
        "home": "/",
        "standard page": "/about/",
        "case study index": "/case-studies/",
        "case study": CaseStudyPage.objects.live().first().url,
        "recommendation index": "/recommendations/",
        "recommendation": RecommendationPage.objects.live().first().url,
        "glossary": "/glossary/",
        "definition": DefinitionPage.objects.live().first().url,
        "library": "/library/",
        "roadmap": "/roadmap/",
        "landscape": "/landscape/",
        "accessibility statement": "/accessibility-statement/",
        "how change happens": "/how-change-happens/",
        "driver of change": DriverPage.objects.live().first().url,
    }
