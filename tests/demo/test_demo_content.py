"""The demo content builder: a full illustrative site, built the same way every time."""

from collections import Counter

from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

import pytest

from casestudies.models import (
    CaseStudyPage,
    DefinitionPage,
    DriverOfChange,
    GlossaryPage,
    RecommendationPage,
    RelatedCaseStudy,
    Sector,
)
from demo.builder import load_demo_content
from home.models import FeaturedPractice, HomePage, StandardPage
from tests.demo_site import demo_loaded_once

pytestmark = pytest.mark.django_db


def page_counts():
    return Counter(page.specific_class.__name__ for page in Page.objects.all())


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_loaded_once(django_db_blocker, tmp_path_factory) as first_report:
        yield {
            "first_report": first_report,
            "counts": page_counts(),
            "revisions": Revision.objects.count(),
            "images": get_image_model().objects.count(),
        }


def test_a_second_run_creates_nothing(demo):
    second_report = load_demo_content()
    assert page_counts() == demo["counts"]
    assert Revision.objects.count() == demo["revisions"]
    assert get_image_model().objects.count() == demo["images"]
    assert DriverOfChange.objects.count() == 4
    assert "created 0 pages, updated 0" in second_report
    assert "0 drivers or images were added or changed" in second_report


def test_a_run_puts_back_a_changed_or_unpublished_page(demo):
    page = RelatedCaseStudy.objects.order_by("pk").first().source
    related = [link.page_id for link in page.related_case_studies.all()]
    summary, drivers = page.summary, set(page.drivers.all())
    tags = sorted(tag.name for tag in page.tags.all())
    page.summary = "Changed by an editor."
    page.drivers.set([DriverOfChange.objects.order_by("slug").last()])
    page.tags.set(["something else"])
    page.related_case_studies = []
    page.save_revision().publish()
    page.unpublish()

    report = load_demo_content()

    page = CaseStudyPage.objects.get(pk=page.pk)
    assert page.live and not page.has_unpublished_changes
    assert page.summary == summary
    assert set(page.drivers.all()) == drivers
    assert sorted(tag.name for tag in page.tags.all()) == tags
    assert [link.page_id for link in page.related_case_studies.all()] == related
    assert "created 0 pages, updated 1 " in report
    assert page_counts() == demo["counts"]


def test_no_duplicate_pages_or_links(demo):
    for parent in Page.objects.all():
        slugs = list(parent.get_children().values_list("slug", flat=True))
        assert len(slugs) == len(set(slugs)), parent.title
    titles = list(CaseStudyPage.objects.values_list("title", flat=True))
    assert len(titles) == len(set(titles))
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    featured = list(FeaturedPractice.objects.filter(home=home).values_list("page_id", flat=True))
    assert 3 <= len(featured) <= 4
    assert len(featured) == len(set(featured))


def test_every_page_type_is_built_under_the_home_page(demo):
    counts = demo["counts"]
    assert counts["HomePage"] == 1
    assert counts["CaseStudyIndexPage"] == 1
    assert counts["RecommendationIndexPage"] == 1
    assert counts["GlossaryPage"] == 1
    assert set(StandardPage.objects.values_list("slug", flat=True)) >= {
        "about",
        "findings",
        "drivers-of-change",
    }
    home = Site.objects.get(is_default_site=True).root_page
    for slug in ("case-studies", "recommendations", "glossary", "about", "findings"):
        assert home.get_children().filter(slug=slug).exists(), slug
    assert home.specific.introduction


def test_case_studies_cover_every_sector_driver_and_many_boroughs(demo):
    case_studies = CaseStudyPage.objects.all()
    assert case_studies.count() >= 40
    leads = Counter(case_studies.values_list("lead_sector__slug", flat=True))
    for sector in Sector.objects.all():
        assert leads[sector.slug] >= 5, sector.slug
    for driver in DriverOfChange.objects.all():
        assert driver.case_studies.count() >= 8, driver.slug
        assert "(illustrative)" in driver.name
        assert "illustrative" not in driver.slug
    boroughs = set(case_studies.exclude(boroughs=None).values_list("boroughs__slug", flat=True))
    assert len(boroughs) >= 20
    assert case_studies.filter(boroughs=None).count() >= 3
    levels = set(case_studies.values_list("evidence_level", flat=True))
    assert levels == set(CaseStudyPage.EvidenceLevel.values)
    assert RelatedCaseStudy.objects.count() >= 2


def test_case_studies_are_consistent_and_careful(demo):
    for page in CaseStudyPage.objects.all():
        assert len(page.summary) <= 300, page.title
        assert "(illustrative)" in page.organisation
        assert 1 <= page.principles.count() <= 3
        assert 1 <= page.tags.count() <= 3
        if page.status == CaseStudyPage.Status.COMPLETED:
            assert page.started and page.ended and page.ended > page.started, page.title
        else:
            assert page.ended is None, page.title
        if page.contact_email:
            assert page.contact_email.endswith("@example.org")
        for block in page.body:
            if block.block_type == "quote":
                assert block.value["consent"] is True
        page.full_clean()
    pages = CaseStudyPage.objects.all()
    with_contact = pages.exclude(contact_email="")
    assert 0 < with_contact.filter(contact_consent=True).count() < with_contact.count()
    assert pages.exclude(content_note="").exists()
    assert pages.exclude(partner_sectors=None).exists()
    bodies = [block.block_type for page in pages for block in page.body]
    assert "quote" in bodies and "key_facts" in bodies


def test_recommendations_for_every_audience(demo):
    for audience in RecommendationPage.Audience.values:
        recommendations = RecommendationPage.objects.filter(audience=audience)
        assert recommendations.count() >= 3, audience
        for recommendation in recommendations:
            assert len(recommendation.summary) <= 300
            assert 2 <= len(recommendation.actions) <= 4
            assert all(block.block_type == "action" for block in recommendation.actions)
            assert 1 <= recommendation.linked_case_studies.count() <= 3
            assert recommendation.drivers.exists()


def test_glossary_features_trauma_informed_practice(demo):
    glossary = GlossaryPage.objects.get()
    definitions = DefinitionPage.objects.child_of(glossary)
    assert definitions.count() >= 15
    assert glossary.featured_definition.title == "Trauma-informed practice"
    featured = glossary.featured_definition
    sources = [block.value for block in featured.sources]
    assert any(
        source["publisher"] == "Office for Health Improvement and Disparities"
        and source["year"] == 2022
        for source in sources
    )
    assert "illustrative" in (featured.short_definition + featured.london_context).lower()
    assert any(definition.related_terms.exists() for definition in definitions)


def test_all_demo_pages_are_live_and_published(demo):
    for page in Page.objects.filter(depth__gt=1).specific():
        assert page.live, page.title
        assert not page.has_unpublished_changes, page.title
        if isinstance(page, CaseStudyPage | RecommendationPage):
            assert len(page.summary) <= 300


def test_images_have_alt_text_and_illustrate_about_half(demo):
    images = get_image_model().objects.filter(collection__name="Demo images")
    assert images.exists()
    for image in images:
        assert image.description, image.title
        assert image.width > 0 and image.height > 0
    with_image = CaseStudyPage.objects.exclude(image=None).count()
    total = CaseStudyPage.objects.count()
    assert total // 3 <= with_image <= total * 2 // 3


def test_the_command_prints_a_report(demo, capsys):
    call_command("load_demo_content")
    output = capsys.readouterr().out
    assert "case studies" in output
    assert "created 0 pages" in output


def test_the_main_navigation_leads_to_every_part_of_the_programme(demo, client):
    import re

    html = client.get("/").content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    names = re.findall(r">([^<>]+)</a>", nav)
    assert names[0] == "Practice library"
    for part in ("Case studies", "Recommendations", "Glossary", "Roadmap", "Landscape"):
        assert any(part.lower() in name.lower() for name in names), f"{part} not in {names}"
