"""What the roadmap page shows: the framework, the self-assessment form and a person's profile.

The profile is worked out from the answers in the link on every request and never stored.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse

from casestudies.models import CaseStudyPage, RecommendationPage, Sector
from core.public import public_pages

from . import assessment


@dataclass
class StageGuide:
    stage: object  # RoadmapStage
    number: int  # from 1
    description: str
    recommendations: list
    case_studies: list


@dataclass
class DriverGuide:
    driver: object  # DriverOfChange
    introduction: str
    stages: list  # StageGuide, one per roadmap stage
    statements: list = field(default_factory=list)


@dataclass
class DriverProfile:
    guide: DriverGuide
    answered: int
    average: object  # Fraction, or None when nothing was answered
    stage: object = None  # RoadmapStage where the person is now
    stage_number: int = 0
    next_stage: object = None  # StageGuide to work towards (the last one when already there)
    recommendations: list = field(default_factory=list)
    recommendations_for_everyone: bool = False
    case_studies: list = field(default_factory=list)
    case_studies_from_other_sectors: bool = False
    library_url: str = ""

    @property
    def average_text(self):
        return assessment.format_number(self.average) if self.average is not None else ""


def framework(page):
    """Every driver on the roadmap with what each stage looks like and its statements."""
    stages = page.stage_list
    statements = list(page.statements.all())
    # A driver deleted from the taxonomy leaves a block without one: it is left out.
    blocks = [block for block in page.drivers if block.value["driver"] is not None]
    # Every page chosen anywhere on the roadmap, checked for the public in one query.
    visible = {
        page.pk: page
        for page in public_pages(
            [
                chosen.pk
                for block in blocks
                for value in block.value["stages"]
                for name in ("recommendations", "case_studies")
                for chosen in value[name]
                if chosen is not None
            ]
        )
    }

    def shown(chosen_pages):
        return [visible[p.pk] for p in chosen_pages if p is not None and p.pk in visible]

    guides = []
    for block in blocks:
        driver = block.value["driver"]
        descriptions = list(block.value["stages"])
        guide_stages = []
        for number, stage in enumerate(stages, start=1):
            value = descriptions[number - 1] if number <= len(descriptions) else None
            guide_stages.append(
                StageGuide(
                    stage=stage,
                    number=number,
                    description=value["description"] if value else "",
                    recommendations=shown(value["recommendations"]) if value else [],
                    case_studies=shown(value["case_studies"]) if value else [],
                )
            )
        guides.append(
            DriverGuide(
                driver=driver,
                introduction=block.value["introduction"],
                stages=guide_stages,
                statements=[s for s in statements if s.driver_id == driver.pk],
            )
        )
    return guides


def case_studies_in_sector(guides, sector):
    """Ids of the roadmap's case studies that the sector leads or partners in: one query."""
    chosen = {c.pk for guide in guides for stage in guide.stages for c in stage.case_studies}
    return set(
        CaseStudyPage.objects.filter(pk__in=chosen)
        .filter(Q(lead_sector=sector) | Q(partner_sectors=sector))
        .values_list("pk", flat=True)
    )


def driver_profile(guide, answers, audience, sector, in_sector=frozenset()):
    values = [answers.values[s.pk] for s in guide.statements if s.pk in answers.values]
    profile = DriverProfile(guide=guide, answered=len(values), average=assessment.average(values))
    index = assessment.stage_index(values, len(guide.stages))
    if index is None:
        return profile
    profile.stage = guide.stages[index].stage
    profile.stage_number = index + 1
    profile.next_stage = guide.stages[min(index + 1, len(guide.stages) - 1)]

    recommendations = profile.next_stage.recommendations
    if audience:
        matching = [r for r in recommendations if r.audience == audience]
        profile.recommendations_for_everyone = not matching and bool(recommendations)
        recommendations = matching or recommendations
    profile.recommendations = recommendations

    case_studies = profile.next_stage.case_studies
    if sector:
        matching = [c for c in case_studies if c.pk in in_sector]
        profile.case_studies_from_other_sectors = not matching and bool(case_studies)
        case_studies = matching or case_studies
    profile.case_studies = case_studies

    params = [("type", "case-study")]
    if sector:
        params.append(("sector", sector.slug))
    params.append(("driver", guide.driver.slug))
    profile.library_url = reverse("library") + "?" + urlencode(params)
    return profile


def share_query(guides, answers):
    """The canonical query string for a profile: only the answers we could read."""
    params = []
    if answers.audience:
        params.append(("audience", answers.audience))
    if answers.sector:
        params.append(("sector", answers.sector))
    for guide in guides:
        for statement in guide.statements:
            if statement.pk in answers.values:
                params.append(
                    (assessment.parameter_name(statement.pk), answers.values[statement.pk])
                )
    return urlencode(params)


def explanation(stages):
    """The stage rule in words, worked out from the page's own stages."""
    rows = []
    bands = assessment.bands(len(stages))
    for number, (stage, (low, high)) in enumerate(zip(stages, bands, strict=True), start=1):
        last = number == len(stages)
        rows.append(
            {
                "stage": stage,
                "low": assessment.format_number(low),
                "high": assessment.format_number(high),
                "last": last,
            }
        )
    return rows


def roadmap_context(page, request):
    guides = framework(page)
    stages = page.stage_list
    sectors = list(Sector.objects.all())
    audiences = dict(RecommendationPage.Audience.choices)
    statement_ids = {s.pk for guide in guides for s in guide.statements}
    context = {
        "framework": guides,
        "scale": assessment.SCALE,
        "audiences": audiences,
        "sectors": sectors,
        "explanation": explanation(stages) if stages else [],
        "scale_low": assessment.LOWEST,
        "scale_high": assessment.HIGHEST,
        "answers": assessment.Answers(),
    }
    try:
        answers = assessment.read_answers(
            request.GET, statement_ids, audiences, {s.slug for s in sectors}
        )
    except assessment.DamagedLink as error:
        context["damaged_link"] = str(error)
        return context
    context["answers"] = answers
    for guide in guides:
        for statement in guide.statements:
            statement.answer = answers.values.get(statement.pk)  # to tick the form again
    if not answers.submitted:
        if any(key.startswith(assessment.STATEMENT_PREFIX) for key in request.GET):
            answers.problems.append(
                "We could not find any answers we could use in the link. "
                "You can answer the statements below."
            )
        return context
    sector = next((s for s in sectors if s.slug == answers.sector), None)
    in_sector = case_studies_in_sector(guides, sector) if sector else frozenset()
    profiles = [driver_profile(g, answers, answers.audience, sector, in_sector) for g in guides]
    query = share_query(guides, answers)
    context.update(
        {
            "profiles": profiles,
            "audience_label": audiences.get(answers.audience, ""),
            "sector": sector,
            "share_url": request.build_absolute_uri(f"{request.path}?{query}#profile"),
            "answered": sum(p.answered for p in profiles),
            "statement_count": len(statement_ids),
        }
    )
    return context
