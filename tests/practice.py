"""Small builders for practice pages, made through Wagtail's page APIs."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casestudies.models import (
    Borough,
    CaseStudyIndexPage,
    CaseStudyPage,
    DriverOfChange,
    GlossaryPage,
    RecommendationIndexPage,
    RecommendationPage,
    Sector,
)

# The password of every account the tests make.
TEST_PASSWORD = "a-long-password"  # noqa: S105


def home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


def publish_page(parent, page):
    """Add `page` under `parent`, save a revision and publish it, as the editor does."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def draft_page(parent, page):
    """Add `page` under `parent` as a draft that has never been published."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    return page


def driver(slug="relationships", name="Relationships and trust"):
    return DriverOfChange.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def sector(slug="education"):
    return Sector.objects.get(slug=slug)


def borough(slug="hackney"):
    return Borough.objects.get(slug=slug)


def section(model, slug, title):
    home = home_page()
    existing = model.objects.child_of(home).filter(slug=slug).first()
    return existing or publish_page(home, model(title=title, slug=slug))


def case_study_index():
    return section(CaseStudyIndexPage, "case-studies", "Case studies")


def recommendation_index():
    return section(RecommendationIndexPage, "recommendations", "Recommendations")


def glossary():
    return section(GlossaryPage, "glossary", "Glossary")


def case_study(title="Calm spaces in custody", publish=True, **fields):
    """A complete case study under the case-study index, published unless told otherwise."""
    sectors = fields.pop("partner_sectors", [])
    boroughs = fields.pop("boroughs", [borough()])
    drivers = fields.pop("drivers", [driver()])
    tags = fields.pop("tags", ["de-escalation"])
    defaults = {
        "summary": "Officers and nurses made custody calmer for young people.",
        "organisation": "South Thames Custody Partnership (illustrative)",
        "lead_sector": sector("metropolitan-police-service"),
        "challenge": "<p>Young people arrived in custody frightened.</p>",
        "approach": "<p>Staff learned to explain each step.</p>",
        "outcomes": "<p>Fewer incidents of restraint.</p>",
        "started": datetime.date(2024, 1, 1),
    }
    page = CaseStudyPage(title=title, **{**defaults, **fields})
    page.partner_sectors = sectors
    page.boroughs = boroughs
    page.drivers = drivers
    page.tags.set(tags)
    return (publish_page if publish else draft_page)(case_study_index(), page)


def case_study_form(
    title="Listening circles in pupil referral units",
    lead="education",
    partners=(),
    drivers=None,
    **extra,
):
    """The add or edit form for a case study, as the Wagtail editor posts it."""
    data = {
        "title": title,
        "slug": slugify(title),
        "summary": "Young people and staff meet weekly to talk about what feels safe.",
        "organisation": "East London Learning Trust (illustrative)",
        "lead_sector": sector(lead).pk,
        "tags": "circles",
        "population": "",
        "age_group": "",
        "setting": "",
        "content_note": "",
        "challenge": rich_text("Pupils felt unheard."),
        "approach": rich_text("Weekly circles with a trained facilitator."),
        "outcomes": rich_text(""),
        "learning": rich_text(""),
        "evidence_level": "self-reported",
        "body": streamfield([]),
        "status": "running",
        "started": "2024-09-01",
        "ended": "",
        "contact_name": "",
        "contact_role": "",
        "contact_email": "",
        "related_case_studies": inline_formset([]),
    }
    data.update(extra)
    form = nested_form_data(data)
    # Checkbox lists post one value per ticked box.
    form["partner_sectors"] = [sector(slug).pk for slug in partners]
    form["drivers"] = [d.pk for d in drivers] if drivers is not None else [driver().pk]
    return form


def recommendation(title="Give teachers time to reflect", sectors=("education",)):
    """A published recommendation for implementers, with one action."""
    page = RecommendationPage(
        title=title,
        summary="Protected time for reflective practice.",
        audience="implementers",
        actions=[("action", {"action": "Protect time", "detail": ""})],
    )
    page.sectors = [sector(slug) for slug in sectors]
    return publish_page(recommendation_index(), page)


def expire(page):
    """An editor schedules the page's expiry, the time comes and the scheduled job runs."""
    page.expire_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision().publish()
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled", stdout=io.StringIO())
