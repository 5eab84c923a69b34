"""The demo "How change happens" section: an index and a page for each illustrative driver,
with its theory of change, evidence and signs that it is working.

Built after the roadmap, through the same `DemoBuilder`, so a second run changes nothing. The
driver pages draw their roadmap stages, recommendations and case studies from the rest of the
demo site when they are shown. Every step, source and sign here is illustrative; the one real
source, the Office for Health Improvement and Disparities' working definition, is cited only
for what it says.
"""

from wagtail.models import Site

from casestudies.models import DriverOfChange
from drivers.models import DriverIndicator, DriverPage, HowChangeHappensPage

from .case_studies import PARTNERSHIP, TRUST, VOICE, WELLBEING

INDEX = {
    "title": "How change happens",
    "slug": "how-change-happens",
    "introduction": "<p>The programme's research found four drivers of change. Each one "
    "explains how trauma-informed practice leads to better outcomes for young people, "
    "families and communities, and so to less violence. Each page sets out one driver's "
    "theory of change, step by step, with the evidence for each step and the signs that tell "
    "you it is working.</p><p>The drivers, steps, sources and signs on these pages are "
    "illustrative.</p>",
}

WORKING_DEFINITION = {
    "title": "Working definition of trauma-informed practice, Office for Health Improvement "
    "and Disparities (2022)",
    "url": "https://www.gov.uk/government/publications/working-definition-of-trauma-informed-"
    "practice/working-definition-of-trauma-informed-practice",
}


def _source(title, finding=""):
    """An illustrative source: no link, since it stands in for the programme's evidence."""
    return {"title": f"{title} (illustrative)", "url": "", "finding": finding}


def _principle(finding):
    return {**WORKING_DEFINITION, "finding": finding}


def _step(kind, text, *sources, for_whom=None):
    value = {"text": text, "evidence": list(sources)}
    if for_whom:
        value = {"for_whom": for_whom, **value}
    return {"type": kind, "value": value}


# driver slug -> introduction, steps (in order), signs that it is working
DRIVER_PAGES = {
    TRUST: {
        "introduction": "When people have someone they can rely on, they feel safe enough to "
        "ask for help and to accept it. This driver is about steady, honest relationships "
        "between the people who use services and the staff who support them, and about "
        "services that do what they say they will do. The steps and sources on this page are "
        "illustrative.",
        "steps": [
            _step(
                "practice",
                "Young people keep the same worker for as long as they need, and are told "
                "honestly when anything changes.",
                _source(
                    "Keeping the same worker: a review of London youth services",
                    "Young people who kept one worker stayed in touch with support for longer.",
                ),
            ),
            _step(
                "practice",
                "Staff do what they say they will do, or explain why they could not.",
                _principle(
                    "Names trustworthiness as one of six principles of trauma-informed practice."
                ),
            ),
            _step(
                "change",
                "Young people start to trust that adults will listen and will come back when "
                "things get hard.",
                _source(
                    "Listening to young people about trust, a peer research project",
                    "Being believed and not passed on were what young people said mattered most.",
                ),
            ),
            _step(
                "outcome",
                "Young people ask for help earlier, before things reach a crisis, and stay with "
                "the support they need.",
                for_whom="young-people",
            ),
            _step(
                "outcome",
                "Families feel less judged and are more willing to work with services.",
                for_whom="families",
            ),
            _step(
                "less_violence",
                "Fewer young people are drawn into violence, because someone noticed and "
                "stayed with them.",
            ),
        ],
        "signs": [
            "People who use the service can name the worker they go to.",
            "Fewer people are passed between workers or services without being asked.",
            "Missed appointments are followed up with a call, not closed.",
            "Feedback says staff kept their promises, or explained honestly when they could not.",
        ],
    },
    WELLBEING: {
        "introduction": "Staff who feel safe, supported and able to reflect are better able to "
        "offer safety to others. This driver is about looking after the people who do the "
        "work, so that they can stay calm, kind and present with the people they support. The "
        "steps and sources on this page are illustrative.",
        "steps": [
            _step(
                "practice",
                "Staff have regular reflective supervision with someone trained to support them.",
                _source(
                    "Reflective supervision in frontline teams, an evaluation",
                    "Teams with monthly reflective supervision reported less burnout.",
                ),
            ),
            _step(
                "practice",
                "After a difficult incident, someone checks in with each member of staff "
                "within a day.",
            ),
            _step(
                "change",
                "Staff feel able to say when they are struggling, and stress is noticed and "
                "eased earlier.",
                _principle(
                    "Names safety, for staff as well as the people they support, as a "
                    "principle of trauma-informed practice."
                ),
            ),
            _step(
                "outcome",
                "Staff stay in their roles for longer and take less time off sick.",
                _source("Workforce survey of London's violence reduction partners"),
                for_whom="staff",
            ),
            _step(
                "outcome",
                "Young people meet calm, steady adults who have the time to listen.",
                for_whom="young-people",
            ),
            _step(
                "less_violence",
                "Fewer tense moments turn into harm, because staff can stay calm under pressure.",
            ),
        ],
        "signs": [
            "Every member of staff has reflective supervision at least once a month.",
            "Staff turnover and sickness absence are falling.",
            "Staff surveys say people feel safe to speak up when they are struggling.",
        ],
    },
    PARTNERSHIP: {
        "introduction": "Young people's lives do not divide up the way services do. This "
        "driver is about leaders across policing, health, councils, schools and community "
        "groups sharing a vision, planning together and removing the barriers that stop "
        "services joining up around people. The steps and sources on this page are "
        "illustrative.",
        "steps": [
            _step(
                "practice",
                "Leaders from each sector agree a shared approach and meet regularly to keep it "
                "going.",
                _source(
                    "Joining up around young people: learning from three London boroughs",
                    "Boroughs with a shared plan named fewer gaps between services.",
                ),
            ),
            _step(
                "practice",
                "Partners share information safely and agree with the family who will do what.",
                _principle(
                    "Names collaboration as one of six principles of trauma-informed practice."
                ),
            ),
            _step(
                "change",
                "Families tell their story once, and services stop pulling in different "
                "directions.",
            ),
            _step(
                "outcome",
                "Young people get joined-up support at the right time, with fewer gaps "
                "between services.",
                for_whom="young-people",
            ),
            _step(
                "outcome",
                "Communities see services working together and trust them more.",
                for_whom="communities",
            ),
            _step(
                "less_violence",
                "Risks are spotted and acted on sooner, so fewer young people come to harm.",
                _source("Multi-agency safeguarding reviews in London, a summary"),
            ),
        ],
        "signs": [
            "Partners have a shared plan with a named lead from each sector.",
            "Families say they did not have to repeat their story.",
            "Joint meetings end with actions that are followed up.",
            "Some posts or budgets are shared between partners.",
        ],
    },
    VOICE: {
        "introduction": "Young people, families and communities know what would help. This "
        "driver is about giving them real influence over the services meant for them, and "
        "being honest about what changed because they spoke up. The steps and sources on this "
        "page are illustrative.",
        "steps": [
            _step(
                "practice",
                "Young people and families help design services, and are paid or thanked for "
                "their time.",
                _principle(
                    "Names empowerment, voice and choice as principles of trauma-informed practice."
                ),
            ),
            _step(
                "practice",
                "Services tell people what changed because of their feedback.",
            ),
            _step(
                "change",
                "People feel listened to, and services fit what people actually need.",
                _source(
                    "Young people's action group: what we asked for and what changed",
                    "Young people said being told what changed made them more willing to take "
                    "part again.",
                ),
            ),
            _step(
                "outcome",
                "Young people feel they have a say over their lives and their area.",
                for_whom="young-people",
            ),
            _step(
                "outcome",
                "Communities trust services more and work with them.",
                for_whom="communities",
            ),
            _step(
                "less_violence",
                "Fewer young people feel that violence is the only way to be heard or to stay "
                "safe.",
            ),
        ],
        "signs": [
            "Young people sit on the panels that plan and fund services.",
            "The service publishes what changed because of feedback.",
            "People with lived experience are paid for their time.",
        ],
    },
}


def build_drivers(builder):
    """Create or update the "How change happens" index and a page for each demo driver with
    `builder`. Returns a short report."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    drivers = {
        driver.slug: driver for driver in DriverOfChange.objects.filter(slug__in=DRIVER_PAGES)
    }
    # Found by type rather than slug: there is one index, and one page per driver, whatever
    # an editor has renamed them to.
    index = builder.ensure_page(
        home,
        HowChangeHappensPage,
        slug=INDEX["slug"],
        title=INDEX["title"],
        fields={"introduction": INDEX["introduction"], "show_in_menus": True},
        existing={INDEX["slug"]: HowChangeHappensPage.objects.child_of(home).first()},
    )
    slugs = {driver.pk: slug for slug, driver in drivers.items()}
    existing = {
        slugs.get(page.driver_id, page.slug): page
        for page in DriverPage.objects.child_of(index).prefetch_related("indicators")
    }
    for slug, spec in DRIVER_PAGES.items():
        driver = drivers[slug]
        builder.ensure_page(
            index,
            DriverPage,
            slug=slug,
            title=driver.name,
            fields={"driver": driver, "introduction": spec["introduction"], "steps": spec["steps"]},
            children={
                "indicators": (DriverIndicator, [{"text": text} for text in spec["signs"]]),
            },
            existing=existing,
        )
    return (
        f"How change happens ready: {len(DRIVER_PAGES)} driver pages. This run created "
        f"{len(builder.created)} of their pages and updated {len(builder.updated)}."
    )
