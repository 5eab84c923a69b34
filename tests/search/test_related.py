"""Related practice on a case study page, on Elasticsearch, OpenSearch and the database fallback:
the editors' picks first, then the library's suggestions, four in all, only ever public pages."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from casestudies.models import RelatedCaseStudy
from core import versions
from search import breaker, related
from search.engine import configured_engine
from search.related import related_practice
from tests.practice import case_study, driver, expire, sector

pytestmark = pytest.mark.django_db

ENGINES = ["elasticsearch", "opensearch"]
CALM = {
    "summary": "Staff made waiting areas calmer and quieter so frightened young people felt safe.",
    "challenge": "<p>Young people waited for hours in loud, bright waiting areas.</p>",
    "approach": "<p>Staff dimmed the lights, explained each step and offered a quiet room.</p>",
    "outcomes": "<p>Fewer young people became distressed while waiting.</p>",
}
UNRELATED = {
    "summary": "Weekend football for families, run with a local club.",
    "challenge": "<p>Parents said there was nothing to do on Saturdays.</p>",
    "approach": "<p>Coaches ran matches in the park.</p>",
    "outcomes": "<p>More families came each month.</p>",
    "tags": ["sport"],
}
# The case study the page is about, and the best match for it: as similar, sharing its
# driver, but led by another sector.
OWN = "Calm custody waiting areas"
ELSEWHERE = "Calm school waiting areas"
# Even more like it in words, sharing its driver, but led by the same sector.
SAME_LEAD = "Calm custody waiting areas at night"


def titles(items):
    return [item.title for item in items]


def relationships():
    return driver("relationships", "Relationships and trust")


def wellbeing():
    return driver("wellbeing", "Workforce wellbeing")


def calm(title, lead, drivers, **fields):
    return case_study(title, lead_sector=sector(lead), drivers=drivers, **{**CALM, **fields})


@pytest.fixture
def work_outs(monkeypatch):
    """The pages whose related practice was worked out afresh, not read from the kept answer."""
    calls = []
    original = related._work_out

    def counting(page, *args):
        calls.append(page.pk)
        return original(page, *args)

    monkeypatch.setattr(related, "_work_out", counting)
    return calls


def pick(page, *picks):
    """The editor pins `picks` on `page`, in that order, and publishes it."""
    page.related_case_studies = [RelatedCaseStudy(page=p) for p in picks]
    page.save_revision().publish()
    return page


@pytest.fixture
def practice(indexed):
    """The page, and case studies like it in different ways."""
    with indexed():
        own = calm(OWN, "metropolitan-police-service", [relationships()])
        pages = {
            "elsewhere": calm(ELSEWHERE, "education", [relationships()]),
            "same lead": calm(SAME_LEAD, "metropolitan-police-service", [relationships()]),
            "other driver": calm("Calm staff rooms", "education", [wellbeing()]),
            "unrelated": case_study(
                "Saturday football",
                lead_sector=sector("local-authorities"),
                drivers=[wellbeing()],
                **UNRELATED,
            ),
        }
    return own, pages


def test_a_similar_case_study_led_by_another_sector_sharing_a_driver_comes_first(
    library_backend, practice
):
    own, pages = practice

    items = related_practice(own)

    assert titles(items)[0] == ELSEWHERE
    assert SAME_LEAD in titles(items)
    assert OWN not in titles(items)
    assert "Saturday football" not in titles(items)
    assert len(items) <= 4
    first = items[0]
    assert first.url == pages["elsewhere"].url
    assert first.summary == CALM["summary"]
    assert first.lead_sector == "Education"
    assert first.drivers == ("Relationships and trust",)
    assert first.reason == "Same driver of change, in another sector"
    assert not first.pinned
    assert items[titles(items).index(SAME_LEAD)].reason == "Same driver of change"


@pytest.mark.parametrize("library_backend", ENGINES, indirect=True)
def test_engines_also_suggest_similar_words_without_a_shared_driver(library_backend, practice):
    own, _ = practice
    items = related_practice(own)
    assert titles(items)[:2] == [ELSEWHERE, SAME_LEAD]
    assert "Calm staff rooms" in titles(items)
    assert items[titles(items).index("Calm staff rooms")].reason == "Similar work"


@pytest.mark.parametrize("library_backend", ["database"], indirect=True)
def test_the_database_ranks_shared_drivers_then_shared_sectors_then_newest(
    library_backend, indexed
):
    voice = driver("voice", "Voice and participation")
    both = [relationships(), wellbeing()]
    police, education = sector("metropolitan-police-service"), sector("education")
    with indexed():
        own = case_study(
            "Own",
            lead_sector=education,
            drivers=both,
            partner_sectors=[sector("local-authorities")],
        )
        # Published in this order, so the later of two equals is the newer.
        for title, lead, drivers in (
            ("Sector only", sector("local-authorities"), [voice]),
            ("Sector only, newer", sector("local-authorities"), [voice]),
            ("One driver, same lead", education, [wellbeing()]),
            ("One driver, elsewhere", police, [wellbeing()]),
            ("Two drivers, same lead", education, both),
            ("Two drivers, elsewhere", police, both),
            ("Nothing shared", police, [voice]),
        ):
            case_study(title, lead_sector=lead, drivers=drivers)

    # A shared driver led elsewhere counts double: two elsewhere (4), then two in the same
    # sector (2, sharing a sector too) and one elsewhere (2), then one in the same sector (1).
    assert titles(related_practice(own, limit=10)) == [
        "Two drivers, elsewhere",
        "Two drivers, same lead",
        "One driver, elsewhere",
        "One driver, same lead",
        "Sector only, newer",
        "Sector only",
    ]


def test_picks_come_first_then_suggestions_up_to_four(library_backend, practice, indexed):
    own, pages = practice
    with indexed():
        more = [
            calm(
                f"Calm custody waiting rooms {n}", "metropolitan-police-service", [relationships()]
            )
            for n in (1, 2)
        ]
        pick(own, pages["unrelated"], pages["same lead"])

    items = related_practice(own)

    assert titles(items)[:2] == ["Saturday football", SAME_LEAD]
    assert all(item.pinned for item in items[:2])
    assert items[0].reason == "Chosen by our editors"
    assert items[0].lead_sector == "Local authorities"
    assert len(items) == 4
    assert titles(items)[2] == ELSEWHERE
    assert len(set(titles(items))) == 4
    assert OWN not in titles(items)
    assert not any(item.pinned for item in items[2:])
    assert set(titles(items[3:])) <= {"Calm staff rooms", *(page.title for page in more)}


def test_every_public_pick_is_shown_even_beyond_four(library_backend, practice, indexed):
    own, pages = practice
    with indexed():
        extra = calm("Calm clinic waiting areas", "education", [relationships()])
        pick(own, *pages.values(), extra)

    items = related_practice(own)

    assert titles(items) == [
        ELSEWHERE,
        SAME_LEAD,
        "Calm staff rooms",
        "Saturday football",
        "Calm clinic waiting areas",
    ]
    assert all(item.pinned for item in items)


def restrict(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="not-for-the-public"
    )


def hidden_pages():
    """A page for every way a case study is kept from the public, each one a best match."""
    champion = get_user_model().objects.create_user("champion", password="x")

    def hidden(way):
        return calm(f"Calm waiting areas ({way})", "education", [relationships()])

    draft = calm("Calm waiting areas (draft)", "education", [relationships()], publish=False)
    submitted = calm(
        "Calm waiting areas (in moderation)", "education", [relationships()], publish=False
    )
    submitted.get_workflow().start(submitted, champion)
    unpublished = hidden("unpublished")
    unpublished.unpublish()
    restricted = hidden("restricted")
    restrict(restricted)
    expired = hidden("expired")
    expire(expired)
    # Live, with new wording waiting for a moderator: the public sees the live version.
    moderated = hidden("moderated")
    moderated.title = "Calm waiting areas, new wording"
    moderated.save_revision(user=champion)
    moderated.get_workflow().start(moderated, champion)
    return [draft, submitted, unpublished, restricted, expired], moderated


def test_never_a_page_the_public_may_not_see_picked_or_suggested(client, library_backend, indexed):
    with indexed():
        own = calm(OWN, "metropolitan-police-service", [relationships()])
        hidden, moderated = hidden_pages()
        pick(own, *hidden, moderated)

    items = related_practice(own)
    html = client.get(own.url).content.decode()

    assert titles(items) == ["Calm waiting areas (moderated)"]
    assert items[0].pinned
    for page in hidden:
        assert page.title not in html
    assert "new wording" not in html
    assert "Calm waiting areas (moderated)" in html
    # Not picked, they are not suggested either.
    pick(own)
    assert titles(related_practice(own)) == ["Calm waiting areas (moderated)"]


def test_an_expiry_that_passes_before_the_scheduled_job_runs_hides_the_page(
    library_backend, indexed, monkeypatch
):
    with indexed():
        own = calm(OWN, "metropolitan-police-service", [relationships()])
        expiring_pick = calm("Calm clinic waiting areas", "education", [relationships()])
        expiring_match = calm(ELSEWHERE, "education", [relationships()])
        for page in (expiring_pick, expiring_match):
            page.expire_at = timezone.now() + datetime.timedelta(hours=1)
            page.save_revision().publish()
        pick(own, expiring_pick)
    assert titles(related_practice(own)) == ["Calm clinic waiting areas", ELSEWHERE]

    # The time comes; the scheduled job has not run yet.
    later = timezone.now() + datetime.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert related_practice(own) == []


@pytest.mark.parametrize("library_backend", ENGINES, indirect=True)
def test_a_page_the_engine_still_holds_is_not_shown_once_taken_down(library_backend, practice):
    own, pages = practice
    assert titles(related_practice(own))[0] == ELSEWHERE

    # Taken down outside `indexed()`: the engine keeps its copy, the library does not.
    pages["elsewhere"].unpublish()

    assert ELSEWHERE not in titles(related_practice(own))


def test_the_answer_is_kept_until_the_library_changes(
    library_backend, practice, indexed, work_outs
):
    own, _ = practice
    first = related_practice(own)
    assert related_practice(own) == first
    assert work_outs == [own.pk]

    with indexed():
        calm("Calm clinic waiting areas", "education", [relationships()])
    assert "Calm clinic waiting areas" in titles(related_practice(own))
    assert work_outs == [own.pk, own.pk]


def test_a_kept_answer_never_shows_a_page_taken_down_since(
    library_backend, practice, indexed, work_outs, monkeypatch
):
    """Another process may read the library's version a moment late: the guard still holds."""
    own, pages = practice
    assert titles(related_practice(own))[0] == ELSEWHERE
    monkeypatch.setattr(versions, "recent_version", lambda: "the version read a moment ago")
    related_practice(own)

    with indexed():
        pages["elsewhere"].unpublish()

    assert ELSEWHERE not in titles(related_practice(own))
    assert SAME_LEAD in titles(related_practice(own))
    assert len(work_outs) == 2  # the answer kept at the version read


def test_a_page_not_in_the_library_gets_suggestions_from_its_own_words(
    library_backend, practice, work_outs
):
    draft = calm(
        "Calm hospital waiting areas",
        "metropolitan-police-service",
        [relationships()],
        publish=False,
    )

    assert titles(related_practice(draft))[0] == ELSEWHERE
    related_practice(draft)
    assert len(work_outs) == 2  # never kept: a preview may change at every save


@pytest.mark.parametrize("library_backend", ENGINES, indirect=True)
def test_an_engine_that_cannot_answer_leaves_the_database_to_answer(
    library_backend, practice, settings, unused_port, work_outs
):
    own, _ = practice
    live_urls = dict(settings.SEARCH_ENGINE_URLS)
    settings.SEARCH_ENGINE_URLS = {**live_urls, library_backend: f"http://127.0.0.1:{unused_port}"}

    # The database's ranking: shared drivers (double led elsewhere), then newest.
    assert titles(related_practice(own)) == [ELSEWHERE, SAME_LEAD]
    for _ in range(settings.SEARCH_BREAKER_FAILURES):
        related_practice(own)
    assert breaker.is_open(configured_engine())
    assert titles(related_practice(own)) == [ELSEWHERE, SAME_LEAD]
    assert len(work_outs) == settings.SEARCH_BREAKER_FAILURES + 2  # none of them kept

    # The engine returns: its answer, with similar words, replaces the fallback's.
    settings.SEARCH_ENGINE_URLS = live_urls
    breaker.reset()
    assert "Calm staff rooms" in titles(related_practice(own))


def test_the_case_study_page_shows_related_practice(client, library_backend, practice, settings):
    own, pages = practice
    pick(own, pages["unrelated"])

    html = client.get(own.url).content.decode()

    section = html[html.index('<section class="related"') :]
    section = section[: section.index("</section>")]
    assert '<h2 id="related-heading">Related practice</h2>' in section
    assert '<ul class="card-list">' in section
    assert section.index("Saturday football") < section.index(ELSEWHERE)
    assert f'<a href="{pages["elsewhere"].url}">{ELSEWHERE}</a>' in section
    assert section.count("<li>") <= 4
    assert f">{OWN}</a>" not in section

    # A setting, not content: the page kept for the public stays until the version moves on
    # (a deployment with the setting off starts new processes, which keep nothing yet).
    settings.LIBRARY_RELATED_PRACTICE = False
    settings.LIBRARY_PAGE_CACHE = False
    html = client.get(own.url).content.decode()
    assert "Related practice" not in html and "Saturday football" not in html
