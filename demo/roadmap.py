"""The demo roadmap (stages, what they look like per driver, self-assessment statements) and landscape.

Built after the rest of the demo site, through the same `DemoBuilder`, so a second run changes
nothing. The stages and statements are illustrative, like the drivers they describe.
"""

from wagtail.models import Site

from casestudies.models import CaseStudyPage, DriverOfChange, RecommendationPage, Sector
from roadmap.models import LandscapePage, RoadmapPage, RoadmapStage, RoadmapStatement

from .case_studies import PARTNERSHIP, TRUST, VOICE, WELLBEING

ROADMAP = {
    "title": "Roadmap",
    "slug": "roadmap",
    "introduction": "<p>The roadmap describes four stages on the way to being a trauma-informed "
    "organisation, for each driver of change, with practice that shows each stage. Use the "
    "self-assessment to see where your organisation is now and what could help next. The "
    "stages and statements on this page are illustrative.</p>",
    "assessment_introduction": "<p>Think about your team or organisation as it is today, not "
    "as you would like it to be. There are no wrong answers, and you can skip any statement.</p>",
}

STAGES = [
    (
        "Aware",
        "People know what trauma is and how it can affect the people they work with and each "
        "other.",
    ),
    (
        "Informed",
        "People understand trauma-informed practice and the organisation has started to plan "
        "for it.",
    ),
    (
        "Responsive",
        "Practice, policies and services are changing, and people can see the difference.",
    ),
    (
        "Embedded",
        "Trauma-informed practice is how the organisation works every day, and it lasts when "
        "people move on.",
    ),
]

# driver slug -> (introduction, [what each stage looks like], [self-assessment statements])
DRIVERS = {
    TRUST: (
        "Consistent, trusted relationships are how people feel safe enough to accept help.",
        [
            "Staff know that trust takes time and that past experiences shape how people "
            "respond to services.",
            "Teams talk about continuity of worker and keeping promises, and look at where "
            "people are passed between services.",
            "People mostly keep the same worker, hear back when they were told they would, and "
            "are told honestly when things change.",
            "Trusted relationships are designed into every service, and people say they can "
            "rely on the staff who support them.",
        ],
        [
            "People who use our service keep the same worker for as long as they need.",
            "When we say we will do something, we do it, or explain honestly why we could not.",
            "We ask people what matters to them before we plan their support.",
        ],
    ),
    WELLBEING: (
        "Staff who feel safe and supported are better able to offer safety to others.",
        [
            "Leaders know that the work can affect staff and that staff bring their own "
            "experiences to it.",
            "Supervision and wellbeing support are planned, and staff know where to find them.",
            "Staff have regular reflective supervision and are checked on after difficult "
            "incidents.",
            "Looking after staff is part of how work is planned, funded and measured.",
        ],
        [
            "Staff have regular time to reflect on their work with someone trained to support "
            "them.",
            "After a difficult incident, staff are checked on within a day.",
            "Staff feel able to say when they are struggling without worrying about how it "
            "will be seen.",
        ],
    ),
    PARTNERSHIP: (
        "Leaders across sectors share a vision and remove the barriers that stop services "
        "joining up.",
        [
            "Leaders know that people's needs cross the boundaries between services.",
            "Partners have talked about a shared approach and named the barriers between them.",
            "Partners plan, share information and solve problems together around the people "
            "they support.",
            "Shared leadership, budgets and accountability keep partners working as one system.",
        ],
        [
            "We plan our work with partners from other sectors, not only inform them.",
            "Our leaders have agreed a shared approach to trauma-informed practice with partners.",
            "When someone needs several services, partners agree who will do what, with them.",
        ],
    ),
    VOICE: (
        "Young people, families and communities shape services and see what changed.",
        [
            "Staff know that the people who use services are experts in their own lives.",
            "The organisation asks for feedback and has plans to involve people in decisions.",
            "People with lived experience help design services and are paid for their time.",
            "People who use services share decisions, and the organisation reports back on what "
            "changed.",
        ],
        [
            "People who use our service help decide how it is run.",
            "We tell people what changed because of their feedback.",
            "Young people and families are paid or thanked for the time they give us.",
        ],
    ),
}

LANDSCAPE = {
    "title": "Landscape of practice",
    "slug": "landscape",
    "introduction": "<p>How many published case studies the library holds for each sector and "
    "driver of change, and in each borough. Use it to see where practice is already shared and "
    "where there are gaps.</p>",
}


def _pick(items, turn):
    return [items[turn % len(items)]] if items else []


def _stage_links(driver, stage_number):
    """Practice for one driver at one stage: one case study per sector, one recommendation per
    audience, taken in turn so each stage shows different pages."""
    case_studies = CaseStudyPage.objects.live().filter(drivers=driver).order_by("path")
    recommendations = RecommendationPage.objects.live().filter(drivers=driver).order_by("path")
    picked_case_studies = []
    for sector in Sector.objects.all():
        led = list(case_studies.filter(lead_sector=sector))
        picked_case_studies += _pick(led, stage_number)
    picked_recommendations = []
    for audience in RecommendationPage.Audience.values:
        picked_recommendations += _pick(
            list(recommendations.filter(audience=audience)), stage_number
        )
    return {
        "recommendations": [page.pk for page in picked_recommendations],
        "case_studies": [page.pk for page in picked_case_studies],
    }


def build_roadmap(builder):
    """Create or update the roadmap and the landscape pages with `builder`. Returns a report."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    drivers = {driver.slug: driver for driver in DriverOfChange.objects.filter(slug__in=DRIVERS)}
    stream = []
    statements = []
    for slug, (introduction, stage_texts, statement_texts) in DRIVERS.items():
        driver = drivers[slug]
        stream.append(
            {
                "type": "driver",
                "value": {
                    "driver": driver.pk,
                    "introduction": introduction,
                    "stages": [
                        {"description": text, **_stage_links(driver, number)}
                        for number, text in enumerate(stage_texts)
                    ],
                },
            }
        )
        statements += [{"driver": driver, "text": text} for text in statement_texts]
    builder.ensure_page(
        home,
        RoadmapPage,
        slug=ROADMAP["slug"],
        title=ROADMAP["title"],
        fields={
            "show_in_menus": True,
            "introduction": ROADMAP["introduction"],
            "assessment_introduction": ROADMAP["assessment_introduction"],
            "drivers": stream,
        },
        children={
            "stages": (
                RoadmapStage,
                [{"name": name, "description": text} for name, text in STAGES],
            ),
            "statements": (RoadmapStatement, statements),
        },
    )
    builder.ensure_page(
        home,
        LandscapePage,
        slug=LANDSCAPE["slug"],
        title=LANDSCAPE["title"],
        fields={"introduction": LANDSCAPE["introduction"], "show_in_menus": True},
    )
    return (
        f"Roadmap and landscape ready: {len(STAGES)} stages, {len(statements)} statements. "
        f"This run created {len(builder.created)} of their pages and updated "
        f"{len(builder.updated)}."
    )
