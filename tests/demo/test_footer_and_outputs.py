"""The demo site's footer (accessibility statement, privacy notice, contact) on every public
page, and the home page's signposts to the programme's five outputs, each only while public."""

import datetime
import html
import re
import time

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import PageViewRestriction, Site

import pytest

from casestudies.models import (
    CaseStudyIndexPage,
    DefinitionPage,
    RecommendationIndexPage,
)
from demo.builder import load_demo_content
from home.models import FooterLinks, StandardPage
from roadmap.models import LandscapePage, RoadmapPage
from tests.demo_site import demo_loaded_once, demo_public_paths

pytestmark = pytest.mark.django_db

FOOTER = [
    ("/accessibility-statement/", "Accessibility statement"),
    ("/privacy-notice/", "Privacy notice"),
    ("/contact/", "Contact us"),
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_loaded_once(django_db_blocker, tmp_path_factory) as report:
        yield report


@pytest.fixture
def database_library(settings):
    """The library answers from the database copy, and keeps its rendered pages."""
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": "", "opensearch": ""}
    settings.LIBRARY_PAGE_CACHE = True


def public_paths():
    return {**demo_public_paths(), "page not found": "/no-such-page/"}


def footer_links(client, path):
    """(href, text) of each link in the footer's navigation, in order."""
    content = client.get(path).content.decode()
    footer = re.search(r'<footer class="site-footer">.*?</footer>', content, re.S).group(0)
    nav = re.search(r'<nav class="site-footer__nav".*?</nav>', footer, re.S)
    if nav is None:
        return []
    return [
        (href, html.unescape(text))
        for href, text in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav.group(0))
    ]


def signposts(client):
    """(href, heading, description) of each signpost on the home page, in order."""
    content = client.get("/").content.decode()
    section = re.search(r'<section class="signposts".*?</section>', content, re.S)
    if section is None:
        return []
    return [
        (href, html.unescape(title), html.unescape(description))
        for href, title, description in re.findall(
            r'<h3 class="signpost__title"><a href="([^"]+)">([^<]+)</a></h3>\s*'
            r'<p class="signpost__description">([^<]+)</p>',
            section.group(0),
        )
    ]


def text_of(client, path):
    """The page's main content as plain text, tags removed and spaces collapsed."""
    content = client.get(path).content.decode()
    main = re.search(r"<main.*?</main>", content, re.S).group(0)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def headings(client, path, level):
    content = client.get(path).content.decode()
    return [
        html.unescape(re.sub(r"<[^>]+>", "", heading)).strip()
        for heading in re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", content, re.S)
    ]


def footer_page(slug):
    return StandardPage.objects.get(slug=slug)


def hide(page, how):
    """Take `page` from the public as an editor or the clock would."""
    if how == "unpublished":
        page.unpublish()
    elif how == "private":
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="not-public"
        )
    else:  # expired, before the scheduled job has unpublished it
        page.expire_at = timezone.now() + datetime.timedelta(seconds=2)
        page.save_revision().publish()
        time.sleep(2.5)  # the clock passes the expiry time


def test_every_public_page_type_links_to_the_three_footer_pages(demo, client, database_library):
    for name, path in public_paths().items():
        assert footer_links(client, path) == FOOTER, name


def test_the_footer_links_are_an_editable_site_setting(demo):
    from wagtail.contrib.settings.registry import registry

    assert FooterLinks in registry
    links = FooterLinks.for_site(Site.objects.get(is_default_site=True))
    assert [
        links.accessibility_statement.title,
        links.privacy_notice.title,
        links.contact.title,
    ] == [text for _, text in FOOTER]


def test_the_footer_pages_stay_out_of_the_main_navigation(demo, client):
    content = client.get("/").content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', content, re.S).group(0)
    for href, _ in FOOTER:
        assert href not in nav


def test_the_accessibility_statement_follows_the_model_statement(demo, client):
    path = "/accessibility-statement/"
    sections = headings(client, path, 2)
    for heading in (
        "How accessible this website is",
        "What to do if you cannot access parts of this website",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website's accessibility",
        "Non-accessible content",
        "How we tested this website",
        "Preparation of this accessibility statement",
    ):
        assert heading in sections, heading
    assert "Compliance status" in headings(client, path, 3)
    text = text_of(client, path)
    assert "This website is run by London's Violence Reduction Unit" in text
    assert (
        "partially compliant with the Web Content Accessibility Guidelines version 2.2 AA "
        "standard" in text
    )
    assert (
        "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
        "Regulations 2018" in text
    )
    assert "Equality and Human Rights Commission (EHRC)" in text
    assert "Equality Advisory and Support Service (EASS)" in text
    assert "practice-library@london.gov.uk" in text
    assert re.search(r"This statement was prepared on \d{1,2} \w+ \d{4}", text)


def test_the_privacy_notice_says_who_holds_what_why_for_how_long_and_your_rights(demo, client):
    path = "/privacy-notice/"
    text = text_of(client, path)
    assert "The GLA is the controller" in text
    assert "Greater London Authority" in text and "Violence Reduction Unit" in text
    for held in (
        "name, work email address and username",
        "the organisation you work for",
        "when you last signed in",
        "failed attempts to sign in",
        "second sign-in step",
        "Server logs",
        "email alerts",
    ):
        assert held.lower() in text.lower(), held
    assert "'public task' lawful basis" in text
    for right in ("access", "rectification", "erasure", "restriction", "objection"):
        assert f"({right})" in text, right
    assert "Information Commissioner's Office (ICO)" in text
    for heading in ("Who we are", "How long we keep it", "Who we share it with", "Your rights"):
        assert heading in headings(client, path, 2), heading


def test_the_contact_page_says_how_to_reach_the_team(demo, client):
    text = text_of(client, "/contact/")
    assert "practice-library@london.gov.uk" in text
    assert "116 123" in text and "999" in text


@pytest.mark.parametrize("how", ["unpublished", "private", "expired"])
def test_a_footer_page_the_public_cannot_see_leaves_the_footer(demo, client, database_library, how):
    # Rendered once first, so a kept library page would still carry the old footer.
    assert footer_links(client, "/library/") == FOOTER
    hide(footer_page("privacy-notice"), how)
    if how == "expired":
        # Every page follows the clock at once; kept library pages once the worker's scheduled
        # job has unpublished the page (within LIBRARY_SCHEDULE_SECONDS).
        assert footer_links(client, "/about/") == [FOOTER[0], FOOTER[2]]
        call_command("publish_scheduled")
    for name, path in public_paths().items():
        assert footer_links(client, path) == [FOOTER[0], FOOTER[2]], name


def test_changing_the_setting_changes_the_footer_on_kept_library_pages(
    demo, client, database_library
):
    assert footer_links(client, "/library/") == FOOTER
    links = FooterLinks.for_site(Site.objects.get(is_default_site=True))
    links.contact = None
    links.save()
    assert footer_links(client, "/library/") == FOOTER[:2]
    assert footer_links(client, "/") == FOOTER[:2]


def outputs():
    """The five outputs' pages, in the order the home page should lead to them."""
    return [
        DefinitionPage.objects.get(slug="trauma-informed-practice"),
        LandscapePage.objects.get(),
        CaseStudyIndexPage.objects.get(),
        RoadmapPage.objects.get(),
        RecommendationIndexPage.objects.get(),
    ]


def test_the_home_page_leads_to_the_five_outputs_in_order(demo, client):
    shown = signposts(client)
    assert [(href, title) for href, title, _ in shown] == [
        (page.url, page.title) for page in outputs()
    ]
    assert [title for _, title, _ in shown] == [
        "Trauma-informed practice",
        "Landscape of practice",
        "Case studies",
        "Roadmap",
        "Recommendations",
    ]
    for _, title, description in shown:
        assert description.endswith("."), title
        assert description.count(". ") == 0, f"more than one sentence for {title}"
    # A heading for the list, then one for each signpost: no level skipped.
    content = client.get("/").content.decode()
    section = re.search(r'<section class="signposts".*?</section>', content, re.S).group(0)
    assert re.findall(r"<h(\d)", section) == ["2"] + ["3"] * 5


@pytest.mark.parametrize("how", ["unpublished", "private", "expired"])
def test_an_output_the_public_cannot_see_is_not_linked(demo, client, how):
    definition, landscape, case_studies, roadmap, recommendations = outputs()
    hide(landscape, how)
    assert [href for href, _, _ in signposts(client)] == [
        definition.url,
        case_studies.url,
        roadmap.url,
        recommendations.url,
    ]


def test_a_second_run_leaves_the_footer_and_signposts_as_they_are(demo):
    report = load_demo_content()
    assert (
        "Site pages ready: 3 footer pages (unchanged in the footer) and 5 signposts on the home "
        "page. This run created 0 of their pages and updated 0." in report
    )
