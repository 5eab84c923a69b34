"""A synthetic library of practice pages for benchmarks, reproducible from a seed.

Never real stories: titles and text are put together from a fixed vocabulary of practice
words. Field distributions follow the demo content: most pages are case studies, local
authorities lead the most work, a few drivers and boroughs are far more common
than others, and most case studies name one to three boroughs.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Page, Site

from casestudies.models import (
    Borough,
    CaseStudyIndexPage,
    CaseStudyPage,
    DefinitionPage,
    DriverOfChange,
    GlossaryPage,
    RecommendationIndexPage,
    RecommendationPage,
    Sector,
)

# Four drivers of change, as the programme has; the benchmark needs their number and slugs,
# not their words.
DRIVERS = [
    (f"driver-{n}", f"Driver of change {n} (synthetic)", "A synthetic driver for benchmarks.")
    for n in range(1, 5)
]
# The sections the corpus's case studies and definitions live under: the benchmark samples its
# case studies, and the mixed site load reads its glossary, there.
CASE_STUDY_SECTION = "bench-case-studies"
GLOSSARY_SECTION = "bench-glossary"
TYPE_WEIGHTS = {"case-study": 80, "recommendation": 12, "definition": 8}
SECTOR_WEIGHTS = {
    "local-authorities": 30,
    "nhs-integrated-care-boards": 20,
    "metropolitan-police-service": 15,
    "education": 15,
    "voluntary-and-community-organisations": 15,
    "young-peoples-voice": 5,
}
ADJECTIVES = (
    "trauma-informed",
    "relational",
    "community-led",
    "whole-school",
    "peer-led",
    "restorative",
    "joined-up",
    "culturally safe",
    "youth-centred",
    "multi-agency",
    "compassionate",
    "consistent",
)
NOUNS = (
    "mentoring",
    "reflective supervision",
    "training",
    "early help",
    "custody suites",
    "safer spaces",
    "family support",
    "outreach",
    "housing advice",
    "transitions",
    "assessment",
    "supervision",
    "co-production",
    "referral pathways",
    "exclusions",
    "emergency care",
    "mental health support",
    "youth work",
    "school nursing",
    "policing",
)
PLACES = (
    "schools",
    "youth clubs",
    "GP practices",
    "custody",
    "hostels",
    "A&E",
    "libraries",
    "children's centres",
    "the high street",
    "estates",
    "sports clubs",
    "faith groups",
)
SENTENCE_PARTS = (
    "staff learned to notice signs of distress and respond with care",
    "young people helped to design the service and review how it went",
    "partners agreed one shared plan so families told their story once",
    "managers made time for reflective practice every fortnight",
    "waiting rooms were changed to feel calmer and more private",
    "a peer worker with lived experience joined the team",
    "referrals between services became quicker and warmer",
    "practitioners used plain language and explained every choice",
    "the team tracked re-referrals, attendance and how safe people felt",
    "training was followed by coaching on the job",
    "leaders changed policies that had caused harm without meaning to",
    "schools reduced exclusions by working with families early",
)


def _weighted(rng, weights, k=1):
    population = list(weights)
    chosen = set()
    while len(chosen) < min(k, len(population)):
        chosen.add(rng.choices(population, weights=[weights[p] for p in population])[0])
    return [p for p in population if p in chosen]


def _text(rng, sentences):
    return " ".join(rng.choice(SENTENCE_PARTS).capitalize() + "." for _ in range(sentences))


def _title(rng, number):
    return (
        f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS)} in "
        f"{rng.choice(PLACES)} {number}"
    )


class CorpusBuilder:
    """Adds synthetic pages under three section pages until the library holds `size` pages."""

    def __init__(self, seed=20261130):
        self.rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
        home = Site.objects.get(is_default_site=True).root_page.specific
        self.sections = {
            "case-study": self._section(home, CaseStudyIndexPage, CASE_STUDY_SECTION),
            "recommendation": self._section(home, RecommendationIndexPage, "bench-recs"),
            "definition": self._section(home, GlossaryPage, GLOSSARY_SECTION),
        }
        self.sectors = {s.slug: s for s in Sector.objects.all()}
        self.drivers = self._drivers()
        boroughs = list(Borough.objects.order_by("name"))
        # A few boroughs are named far more often than the rest, as in the programme's data.
        self.rng.shuffle(boroughs)
        self.borough_weights = {b: max(1, 40 - 2 * i) for i, b in enumerate(boroughs)}
        self.driver_weights = dict(zip(self.drivers, (40, 30, 20, 10), strict=False))
        self.number = sum(section.get_children().count() for section in self.sections.values())

    @staticmethod
    def _section(home, model, slug):
        existing = model.objects.child_of(home).filter(slug=slug).first()
        if existing:
            return existing
        page = model(title=slug.replace("-", " ").capitalize(), slug=slug)
        home.add_child(instance=page)
        return page

    @staticmethod
    def _drivers():
        drivers = []
        for order, (slug, name, description) in enumerate(DRIVERS):
            driver, _ = DriverOfChange.objects.get_or_create(
                slug=slug, defaults={"name": name, "description": description, "sort_order": order}
            )
            drivers.append(driver)
        return drivers

    def page_count(self):
        return Page.objects.count()

    def grow_to(self, size, on_progress=None):
        """Add pages until there are `size`; returns how many were added."""
        added = 0
        while self.number < size:
            with transaction.atomic():
                for _ in range(min(250, size - self.number)):
                    self._add_page()
                    added += 1
            if on_progress:
                on_progress(self.number)
        return added

    def _add_page(self):
        rng = self.rng
        self.number += 1
        kind = rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()))[0]
        title = _title(rng, self.number)
        published = timezone.make_aware(
            datetime.datetime(2018, 1, 1) + datetime.timedelta(days=rng.randint(0, 8 * 365))
        )
        common = {
            "title": title,
            "slug": slugify(title)[:80],
            "live": True,
            "first_published_at": published,
            "last_published_at": published,
        }
        if kind == "case-study":
            lead, *partners = _weighted(rng, SECTOR_WEIGHTS, k=rng.choice((1, 1, 2, 3)))
            page = CaseStudyPage(
                **common,
                summary=_text(rng, 2)[:300],
                organisation=f"{rng.choice(ADJECTIVES).capitalize()} partnership",
                lead_sector=self.sectors[lead],
                challenge=f"<p>{_text(rng, 3)}</p>",
                approach=f"<p>{_text(rng, 4)}</p>",
                outcomes=f"<p>{_text(rng, 3)}</p>",
                learning=f"<p>{_text(rng, 2)}</p>",
                evidence_level=rng.choices(
                    ["self-reported", "evaluated", "independently-evaluated"], weights=[6, 3, 1]
                )[0],
                status=rng.choices(
                    ["running", "completed", "pilot", "planned"], weights=[5, 3, 1, 1]
                )[0],
            )
            page.partner_sectors = [self.sectors[s] for s in partners]
            page.drivers = _weighted(rng, self.driver_weights, k=rng.choice((1, 1, 2, 3)))
            page.boroughs = _weighted(rng, self.borough_weights, k=rng.choice((1, 1, 2, 3)))
        elif kind == "recommendation":
            page = RecommendationPage(
                **common,
                summary=_text(rng, 2)[:300],
                audience=rng.choice(["implementers", "system-leaders", "vru"]),
                rationale=f"<p>{_text(rng, 3)}</p>",
            )
            page.sectors = [self.sectors[s] for s in _weighted(rng, SECTOR_WEIGHTS, k=2)]
            page.drivers = _weighted(rng, self.driver_weights, k=rng.choice((1, 2)))
        else:
            page = DefinitionPage(
                **common,
                short_definition=_text(rng, 1),
                full_text=f"<p>{_text(rng, 3)}</p>",
            )
        # Straight to the tree, as a published page: benchmarks need many pages quickly and
        # the library's own index is built afterwards in one rebuild.
        self.sections[kind].add_child(instance=page)
