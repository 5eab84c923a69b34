"""Build the illustrative demo site through Wagtail's page APIs.

Idempotent: pages are found by slug under their parent, and a page gets a new published
revision only when something about it has changed. A second run writes nothing.
"""

from django.conf import settings
from django.db import models, transaction
from django.utils.text import slugify

from wagtail.fields import StreamField
from wagtail.models import Site

from casestudies.models import (
    Borough,
    CaseStudyIndexPage,
    CaseStudyPage,
    DefinitionPage,
    DriverOfChange,
    GlossaryPage,
    Principle,
    RecommendationCaseStudy,
    RecommendationIndexPage,
    RecommendationPage,
    RelatedCaseStudy,
    RelatedDefinition,
    Sector,
)
from home.models import FeaturedPractice, StandardPage

from . import content
from .case_studies import case_study_specs
from .drivers import build_drivers
from .images import ensure_images
from .people import ensure_demo_people
from .roadmap import build_roadmap
from .site_pages import build_site_pages


def _without_ids(value):
    """Stream data with the block ids left out, so that equal content compares equal."""
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list | tuple):
        return [_without_ids(item) for item in value]
    return value


def _pk_or_value(value):
    return value.pk if isinstance(value, models.Model) else value


def _in_order(child_model, rows):
    """Orderable rows with their place in the list: only the admin's forms set it otherwise."""
    if not hasattr(child_model, "sort_order_field"):
        return rows
    return [{**row, child_model.sort_order_field: i} for i, row in enumerate(rows)]


def _stream_key(stream_value):
    return _without_ids(
        [(child.block_type, child.block.get_prep_value(child.value)) for child in stream_value]
    )


class DemoBuilder:
    def __init__(self):
        self.created = []  # pages created by this run
        self.updated = []  # pages that got a new revision
        self.unchanged = 0
        self.other_changes = 0  # snippets and images

    # Pages -------------------------------------------------------------------------------

    def ensure_page(
        self,
        parent,
        model,
        *,
        slug,
        title,
        fields=None,
        m2m=None,
        tags=None,
        children=None,
        existing=None,
    ):
        """The child of `parent` with this slug, created or brought up to date and published.

        fields: plain, foreign key and stream field values; m2m: name -> model instances;
        tags: topic tag names; children: inline relation name -> (model, [field dicts]).
        existing: the parent's current children of this type by slug, if already fetched.
        """
        fields, m2m, children = fields or {}, m2m or {}, children or {}
        if existing is None:
            page = model.objects.child_of(parent).filter(slug=slug).first()
        else:
            page = existing.get(slug)
        if page is None:
            page = model(title=title, slug=slug, **fields)
            for name, values in m2m.items():
                getattr(page, name).set(values)
            if tags is not None:
                page.tags.set(tags)
            for relation, (child_model, rows) in children.items():
                setattr(
                    page, relation, [child_model(**row) for row in _in_order(child_model, rows)]
                )
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.created.append(page)
            return page
        if self._apply(page, dict(fields, title=title), m2m, tags, children) or not page.live:
            page.save_revision().publish()
            if page not in self.created and page not in self.updated:
                self.updated.append(page)
        else:
            self.unchanged += 1
        return page

    def ensure_inline_links(self, page, relation, child_model, rows, fields=None):
        """Bring one inline list of an existing page (and any `fields`) up to date, publishing
        the page only if something changed."""
        if self._apply(page, fields or {}, {}, None, {relation: (child_model, rows)}):
            page.save_revision().publish()
            if page not in self.created and page not in self.updated:
                self.updated.append(page)
        else:
            self.unchanged += 1

    def _apply(self, page, fields, m2m, tags, children):
        """Set on `page` whatever differs from the wanted values; True if anything did."""
        changed = False
        for name, value in fields.items():
            field = page._meta.get_field(name)
            if isinstance(field, StreamField):
                wanted = field.to_python(value)
                if _stream_key(getattr(page, name)) != _stream_key(wanted):
                    setattr(page, name, wanted)
                    changed = True
            elif isinstance(field, models.ForeignKey):
                if getattr(page, field.attname) != (value.pk if value is not None else None):
                    setattr(page, name, value)
                    changed = True
            elif getattr(page, name) != value:
                setattr(page, name, value)
                changed = True
        for name, values in m2m.items():
            manager = getattr(page, name)
            if {item.pk for item in manager.all()} != {item.pk for item in values}:
                manager.set(values)
                changed = True
        if tags is not None and sorted(tag.name for tag in page.tags.all()) != sorted(tags):
            page.tags.set(tags)
            changed = True
        for relation, (child_model, rows) in children.items():
            rows = _in_order(child_model, rows)
            names = sorted(rows[0]) if rows else []
            current = [
                tuple(getattr(child, child._meta.get_field(name).attname) for name in names)
                for child in getattr(page, relation).all()
            ]
            wanted = [tuple(_pk_or_value(row[name]) for name in names) for row in rows]
            if current != wanted:
                setattr(page, relation, [child_model(**row) for row in rows])
                changed = True
        return changed

    # The site ----------------------------------------------------------------------------

    def build(self):
        home = Site.objects.get(is_default_site=True).root_page.specific
        sectors = {item.slug: item for item in Sector.objects.all()}
        boroughs = {item.slug: item for item in Borough.objects.all()}
        principles = {item.slug: item for item in Principle.objects.all()}
        drivers = self.ensure_drivers()
        images, images_created, images_updated = ensure_images()
        self.other_changes += images_created + images_updated

        def pick(lookup, slugs, kind):
            missing = [slug for slug in slugs if slug not in lookup]
            if missing:
                raise LookupError(f"Missing {kind} {missing}: run `manage.py migrate` first.")
            return [lookup[slug] for slug in slugs]

        for page in content.STANDARD_PAGES:
            self.ensure_page(
                home,
                StandardPage,
                slug=page["slug"],
                title=page["title"],
                fields={"introduction": page["introduction"], "body": page["body"]},
            )

        # Case studies
        index = self.ensure_page(
            home,
            CaseStudyIndexPage,
            slug=content.CASE_STUDY_INDEX["slug"],
            title=content.CASE_STUDY_INDEX["title"],
            fields={
                "introduction": content.CASE_STUDY_INDEX["introduction"],
                "show_in_menus": True,
            },
        )
        existing = {
            page.slug: page
            for page in CaseStudyPage.objects.child_of(index).prefetch_related(
                "drivers",
                "partner_sectors",
                "boroughs",
                "principles",
                "tagged_items__tag",
                "related_case_studies",
            )
        }
        case_studies = {}
        image_turn = 0
        for spec in case_study_specs():
            image = None
            if spec["image"]:
                image = images[image_turn % len(images)]
                image_turn += 1
            fields = {
                name: spec[name]
                for name in (
                    "summary",
                    "organisation",
                    "population",
                    "age_group",
                    "setting",
                    "content_note",
                    "challenge",
                    "approach",
                    "outcomes",
                    "learning",
                    "evidence_level",
                    "status",
                    "started",
                    "ended",
                    "body",
                )
            }
            for name in ("contact_name", "contact_role", "contact_email"):
                fields[name] = spec.get(name, "")
            fields["contact_consent"] = spec.get("contact_consent", False)
            fields["lead_sector"] = pick(sectors, [spec["lead_sector"]], "sector")[0]
            fields["image"] = image
            related = [{"page": case_studies[key]} for key in spec["related"]]
            case_studies[spec["key"]] = self.ensure_page(
                index,
                CaseStudyPage,
                slug=spec["slug"],
                title=spec["title"],
                fields=fields,
                m2m={
                    "partner_sectors": pick(sectors, spec["partner_sectors"], "sector"),
                    "boroughs": pick(boroughs, spec["boroughs"], "borough"),
                    "drivers": [drivers[slug] for slug in spec["drivers"]],
                    "principles": pick(principles, spec["principles"], "principle"),
                },
                tags=spec["tags"],
                children={"related_case_studies": (RelatedCaseStudy, related)},
                existing=existing,
            )

        # Recommendations
        index = self.ensure_page(
            home,
            RecommendationIndexPage,
            slug=content.RECOMMENDATION_INDEX["slug"],
            title=content.RECOMMENDATION_INDEX["title"],
            fields={
                "introduction": content.RECOMMENDATION_INDEX["introduction"],
                "show_in_menus": True,
            },
        )
        existing = {
            page.slug: page
            for page in RecommendationPage.objects.child_of(index).prefetch_related(
                "sectors", "drivers", "linked_case_studies"
            )
        }
        recommendations = {}
        for item in content.RECOMMENDATIONS:
            recommendations[item["title"]] = self.ensure_page(
                index,
                RecommendationPage,
                slug=slugify(item["title"]),
                title=item["title"],
                fields={
                    "summary": item["summary"],
                    "audience": item["audience"],
                    "actions": item["actions"],
                    "rationale": item["rationale"] + content.ILLUSTRATIVE_RECOMMENDATION,
                },
                m2m={
                    "sectors": pick(sectors, item["sectors"], "sector"),
                    "drivers": [drivers[slug] for slug in item["drivers"]],
                },
                children={
                    "linked_case_studies": (
                        RecommendationCaseStudy,
                        [{"page": case_studies[key]} for key in item["case_studies"]],
                    )
                },
                existing=existing,
            )

        # Glossary: the featured definition is set once the definitions exist.
        glossary = self.ensure_page(
            home,
            GlossaryPage,
            slug=content.GLOSSARY["slug"],
            title=content.GLOSSARY["title"],
            fields={"introduction": content.GLOSSARY["introduction"], "show_in_menus": True},
        )
        existing = {
            page.slug: page
            for page in DefinitionPage.objects.child_of(glossary).prefetch_related("related_terms")
        }
        definitions = {}
        for item in content.DEFINITIONS:
            definitions[item["title"]] = self.ensure_page(
                glossary,
                DefinitionPage,
                slug=slugify(item["title"]),
                title=item["title"],
                fields={
                    name: item[name]
                    for name in ("short_definition", "full_text", "london_context", "sources")
                },
                children={
                    "related_terms": (
                        RelatedDefinition,
                        [{"page": definitions[term]} for term in item["related"]],
                    )
                },
                existing=existing,
            )
        self.ensure_page(
            home,
            GlossaryPage,
            slug=content.GLOSSARY["slug"],
            title=content.GLOSSARY["title"],
            fields={
                "introduction": content.GLOSSARY["introduction"],
                "featured_definition": definitions[content.FEATURED_DEFINITION],
            },
        )

        # The home page itself
        featured = []
        for kind, *key in content.FEATURED:
            if kind == "case-study":
                featured.append(case_studies[tuple(key)])
            elif kind == "recommendation":
                featured.append(recommendations[key[0]])
            else:
                featured.append(definitions[key[0]])
        self.ensure_inline_links(
            home,
            "featured_practice",
            FeaturedPractice,
            [{"page": page} for page in featured],
            fields={"introduction": content.HOME_INTRODUCTION},
        )

        return self.report(len(case_studies), len(recommendations), len(definitions), images)

    def ensure_drivers(self):
        drivers = {}
        for order, (slug, name, description) in enumerate(content.DRIVERS):
            # By slug, or by name if an editor has changed the slug of a demo driver.
            driver = (
                DriverOfChange.objects.filter(slug=slug).first()
                or DriverOfChange.objects.filter(name=name).first()
            )
            wanted = {"slug": slug, "name": name, "description": description, "sort_order": order}
            if driver is None:
                driver = DriverOfChange.objects.create(**wanted)
                self.other_changes += 1
            elif any(getattr(driver, key) != value for key, value in wanted.items()):
                for key, value in wanted.items():
                    setattr(driver, key, value)
                driver.save()
                self.other_changes += 1
            drivers[slug] = driver
        return drivers

    def report(self, case_studies, recommendations, definitions, images):
        return (
            f"Demo content ready: {case_studies} case studies, {recommendations} "
            f"recommendations, {definitions} definitions, {len(content.STANDARD_PAGES)} site "
            f"pages, {len(content.DRIVERS)} drivers of change and {len(images)} images. "
            f"This run created {len(self.created)} pages, updated {len(self.updated)} and left "
            f"{self.unchanged} unchanged; {self.other_changes} drivers or images were added or "
            "changed."
        )


def load_demo_content(people=None):
    """Create or update the illustrative demo site. Returns a short report.

    people: also make the demo champion and moderator; by default only when DEBUG is on.
    """
    with transaction.atomic():
        report = DemoBuilder().build()
        report += "\n" + build_roadmap(DemoBuilder())
        report += "\n" + build_drivers(DemoBuilder())
        report += "\n" + build_site_pages(DemoBuilder())
        if settings.DEBUG if people is None else people:
            report += "\n" + ensure_demo_people()
        return report
