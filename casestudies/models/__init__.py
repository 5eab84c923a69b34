"""Practice content models: taxonomies, case studies, recommendations and definitions."""

from .case_studies import CaseStudyIndexPage, CaseStudyPage, CaseStudyTag, RelatedCaseStudy
from .definitions import DefinitionPage, GlossaryPage, RelatedDefinition
from .recommendations import RecommendationCaseStudy, RecommendationIndexPage, RecommendationPage
from .taxonomies import Borough, DriverOfChange, Principle, Sector

__all__ = [
    "Borough",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "CaseStudyTag",
    "DefinitionPage",
    "DriverOfChange",
    "GlossaryPage",
    "Principle",
    "RecommendationCaseStudy",
    "RecommendationIndexPage",
    "RecommendationPage",
    "RelatedCaseStudy",
    "RelatedDefinition",
    "Sector",
]
