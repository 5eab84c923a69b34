"""Each practice page type is created, published and rendered through Wagtail's page APIs."""

import datetime

from django.core.exceptions import ValidationError

import pytest

from casestudies.models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    DefinitionPage,
    GlossaryPage,
    RecommendationCaseStudy,
    RecommendationIndexPage,
    RecommendationPage,
    RelatedCaseStudy,
    RelatedDefinition,
)
from drivers.models import HowChangeHappensPage
from home.models import HomePage, StandardPage
from roadmap.models import LandscapePage, RoadmapPage
from tests.practice import (
    borough,
    case_study,
    case_study_index,
    driver,
    glossary,
    home_page,
    publish_page,
    recommendation_index,
    sector,
)
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db


def test_case_study_renders_its_story_and_taxonomy_links(client):
    page = case_study(
        partner_sectors=[sector("nhs-integrated-care-boards")],
        boroughs=[borough("hackney"), borough("newham")],
        tags=["de-escalation", "custody"],
        population="Young people held in custody",
        setting="Custody suites",
    )
    response = client.get(page.url)
    html = response.content.decode()

    assert response.status_code == 200
    assert "<h1>Calm spaces in custody</h1>" in html
    assert "Young people arrived in custody frightened." in html
    assert 'href="/library/?sector=metropolitan-police-service"' in html
    assert 'href="/library/?sector=nhs-integrated-care-boards"' in html
    assert 'href="/library/?driver=relationships"' in html
    assert 'href="/library/?borough=newham"' in html
    # Each tag is listed under "Topics" as its own label (tags are not library filters).
    topics = html[html.index('<h3 class="taxonomy__label">Topics</h3>') :]
    topics = topics[: topics.index("</ul>")]
    assert '<li><span class="tag tag--plain">custody</span></li>' in topics
    assert '<li><span class="tag tag--plain">de-escalation</span></li>' in topics
    assert "<dt>Setting</dt><dd>Custody suites</dd>" in html
    assert 'aria-label="Breadcrumb"' in html


@pytest.mark.parametrize(
    ("status", "dates", "line"),
    [
        ("running", {"started": datetime.date(2024, 3, 1)}, "Running since March 2024"),
        ("pilot", {}, "Pilot"),
        (
            "completed",
            {"started": datetime.date(2021, 11, 1), "ended": datetime.date(2023, 5, 1)},
            "Completed in May 2023",
        ),
        ("planned", {"started": datetime.date(2027, 1, 1)}, "Planned to start in January 2027"),
    ],
)
def test_case_study_says_where_the_work_stands(client, status, dates, line):
    page = case_study(status=status, **{"started": None, **dates})
    assert f"· {line}" in client.get(page.url).content.decode()


def test_case_study_revision_is_what_the_public_sees(client):
    page = case_study()
    page.title = "A newer title still in draft"
    page.save_revision()

    html = client.get(page.url).content.decode()
    assert "Calm spaces in custody" in html
    assert "A newer title still in draft" not in html


def test_contact_details_are_hidden_without_consent(client):
    page = case_study(
        contact_name="Project lead",
        contact_email="custody-project@example.org",
        contact_consent=False,
    )
    html = client.get(page.url).content.decode()
    assert "custody-project@example.org" not in html
    assert "Project lead" not in html
    assert page.public_contact is None

    page.contact_consent = True
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert 'href="mailto:custody-project@example.org"' in html


def test_content_note_comes_before_the_story_with_a_way_to_continue(client):
    page = case_study(content_note="This case study describes a serious assault.")
    html = client.get(page.url).content.decode()
    note = html.index("This case study describes a serious assault.")
    assert note < html.index("The challenge")
    assert 'href="#case-study-story"' in html
    assert 'id="case-study-story"' in html


def test_unpublished_related_case_studies_are_not_linked(client):
    shown = case_study("Shown partner")
    hidden = case_study("Hidden partner")
    page = case_study("Main story")
    page.related_case_studies = [RelatedCaseStudy(page=shown), RelatedCaseStudy(page=hidden)]
    page.save_revision().publish()
    hidden.unpublish()

    html = client.get(page.url).content.decode()
    assert "Shown partner" in html
    assert "Hidden partner" not in html


def test_recommendation_renders_actions_audience_and_linked_case_studies(client):
    linked = case_study("Trauma-informed custody")
    page = RecommendationPage(
        title="Train every custody officer",
        summary="Give custody staff time to learn trauma-informed ways of working.",
        audience=RecommendationPage.Audience.SYSTEM_LEADERS,
        actions=[
            ("action", {"action": "Fund protected training time", "detail": "Two days a year."})
        ],
        rationale="<p>Staff asked for it.</p>",
    )
    page.sectors = [sector("metropolitan-police-service")]
    page.drivers = [driver()]
    page.linked_case_studies = [RecommendationCaseStudy(page=linked)]
    publish_page(recommendation_index(), page)

    html = client.get(page.url).content.decode()
    assert "Recommendation for system leaders" in html
    assert "Fund protected training time" in html
    assert "Trauma-informed custody" in html

    index_html = client.get(recommendation_index().url).content.decode()
    assert "For system leaders" in index_html and "Train every custody officer" in index_html


def test_glossary_lists_the_london_definition_first_then_terms_a_to_z(client):
    index = glossary()
    london = publish_page(
        index,
        DefinitionPage(
            title="Trauma-informed practice",
            short_definition="Working in ways that recognise the impact of trauma.",
        ),
    )
    for title in ["Vicarious trauma", "Adverse childhood experiences", "Re-traumatisation"]:
        publish_page(index, DefinitionPage(title=title, short_definition=f"About {title}."))
    index.featured_definition = london
    index.save_revision().publish()
    vicarious = DefinitionPage.objects.get(title="Vicarious trauma")
    vicarious.related_terms = [RelatedDefinition(page=london)]
    vicarious.save_revision().publish()

    html = client.get(index.url).content.decode()
    assert html.index("Trauma-informed practice") < html.index('aria-label="Glossary A to Z"')
    positions = [html.index(t) for t in ["Adverse", "Re-traumatisation", "Vicarious trauma"]]
    assert positions == sorted(positions)
    assert 'href="#letter-A"' in html

    term_html = client.get(vicarious.url).content.decode()
    assert "Related terms" in term_html and "Trauma-informed practice" in term_html


def test_home_and_standard_pages_render_ways_in(client):
    home = home_page()
    publish_page(home, StandardPage(title="About the programme", introduction="Who we are."))
    html = client.get("/").content.decode()
    assert 'href="/library/?sector=education"' in html
    assert 'action="/library/"' in html
    assert client.get("/about-the-programme/").status_code == 200


def test_page_type_rules_keep_content_in_its_place():
    assert CaseStudyPage.allowed_parent_page_models() == [CaseStudyIndexPage]
    assert RecommendationPage.allowed_parent_page_models() == [RecommendationIndexPage]
    assert DefinitionPage.allowed_parent_page_models() == [GlossaryPage]
    assert CaseStudyPage.allowed_subpage_models() == []
    assert set(HomePage.allowed_subpage_models()) == {
        CaseStudyIndexPage,
        RecommendationIndexPage,
        GlossaryPage,
        StandardPage,
        RoadmapPage,
        LandscapePage,
        HowChangeHappensPage,
    }
    home = home_page()
    assert not CaseStudyPage.can_create_at(home)
    assert not CaseStudyPage.can_create_at(glossary())
    assert CaseStudyIndexPage.can_exist_under(home)


def test_the_site_has_at_most_one_case_study_section():
    home = home_page()
    assert not CaseStudyIndexPage.objects.exists()
    assert CaseStudyIndexPage.can_create_at(home)

    case_study_index()

    assert not CaseStudyIndexPage.can_create_at(home)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"summary": "x" * 301}, "summary", "at most 300"),
        ({"ended": datetime.date(2020, 1, 1)}, "ended", "before the start"),
        ({"contact_consent": True}, "contact_consent", "Add a contact name or email"),
    ],
)
def test_case_study_validation_says_what_to_fix(fields, field, message):
    valid = {
        "title": "Checked",
        "slug": "checked",
        "summary": "Fine.",
        "organisation": "An organisation",
        "lead_sector": sector(),
        "challenge": "<p>x</p>",
        "approach": "<p>y</p>",
        "started": datetime.date(2024, 1, 1),
    }
    page = CaseStudyPage(**{**valid, **fields})
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    assert field in raised.value.message_dict
    assert message in " ".join(raised.value.message_dict[field])


def test_editors_can_jump_to_edit_the_page_they_see_and_the_public_cannot(admin_user, client):
    page = case_study("Userbar practice")
    assert "wagtail-userbar" in signed_in(admin_user).get(page.url).content.decode()
    assert "wagtail-userbar" not in client.get(page.url).content.decode()


def test_a_restricted_featured_definition_is_not_shown_on_the_glossary_or_case_studies(client):
    from wagtail.models import PageViewRestriction

    index = glossary()
    london = publish_page(
        index,
        DefinitionPage(title="Guarded London definition", short_definition="Not public yet."),
    )
    index.featured_definition = london
    index.save_revision().publish()
    page = case_study("Featured privacy practice")
    assert "Guarded London definition" in client.get(index.url).content.decode()

    PageViewRestriction.objects.create(page=london, restriction_type="password", password="x")
    assert "Guarded London definition" not in client.get(index.url).content.decode()
    assert "Guarded London definition" not in client.get(page.url).content.decode()
