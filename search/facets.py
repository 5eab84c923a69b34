"""The library's facets, in one place.

Each facet has one name that is at once its URL parameter, its field in the index document and
its key in the JSON API, a heading for the library page, and where its values come from: the
page types, a case study's evidence levels, or the editor-owned taxonomy whose slugs and names
it lists (the taxonomy models name their facet in `library_parameter`). The index, the query, the views, the API, the landscape and the sync all
read this module.
"""

from dataclasses import dataclass

from django.apps import apps

from casestudies.models import CaseStudyPage
from core.versions import per_version

from .documents import types


@dataclass(frozen=True)
class Facet:
    name: str
    title: str
    taxonomy: str = ""  # model name in the casestudies app; "" for the page type

    def model(self):
        return apps.get_model("casestudies", self.taxonomy) if self.taxonomy else None


REGISTRY = (
    Facet("type", "Type"),
    Facet("sector", "Sector", "Sector"),
    Facet("driver", "Driver of change", "DriverOfChange"),
    Facet("evidence", "Evidence"),
    Facet("borough", "Borough", "Borough"),
)
FACETS = tuple(facet.name for facet in REGISTRY)
TITLES = {facet.name: facet.title for facet in REGISTRY}


def facet_of_taxonomy(model):
    """The facet a taxonomy model's values appear under, or None."""
    return model.library_parameter if model.library_parameter in FACETS else None


def taxonomy_models():
    return [facet.model() for facet in REGISTRY if facet.taxonomy]


def known_values():
    """Facet value slugs and labels, from the editor-owned taxonomies (read once per version)."""
    return per_version("facet-labels", _read_known_values)


def evidence_levels():
    """Evidence level slug -> label, weakest first."""
    return dict(CaseStudyPage.EvidenceLevel.choices)


def evidence_explained():
    """Evidence level slug -> what it means, in plain words."""
    return {str(level): words for level, words in CaseStudyPage.EVIDENCE_EXPLAINED.items()}


def _read_known_values():
    values = {"type": types(), "evidence": evidence_levels()}
    for facet in REGISTRY:
        if facet.taxonomy:
            values[facet.name] = dict(facet.model().objects.values_list("slug", "name"))
    return {facet.name: values[facet.name] for facet in REGISTRY}


def facet_sizes():
    """Enough buckets for every value of every facet: no silent cut at ten."""
    return {facet: len(values) + 10 for facet, values in known_values().items()}
