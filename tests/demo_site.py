"""Where each public page type lives on the demo site (after `load_demo_content`)."""

from casestudies.models import CaseStudyPage, DefinitionPage, RecommendationPage
from drivers.models import DriverPage


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
