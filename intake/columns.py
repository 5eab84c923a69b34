"""The spreadsheet's columns: which page type uses each one, for which model field, and what a
person should write in it.

One row is one case study, recommendation or definition, named in the `type` column. A column
that a type does not use stays blank on that type's rows. The header row holds the column
names below; case, spaces and hyphens in a header are ignored.
"""

from dataclasses import dataclass, field

from wagtail.admin.panels import InlinePanel

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

CASE_STUDY = "case-study"
RECOMMENDATION = "recommendation"
DEFINITION = "definition"
ALL_TYPES = (CASE_STUDY, RECOMMENDATION, DEFINITION)

# The external ID the template's example row carries: importing it is refused, so that an
# example nobody replaced never reaches moderation.
EXAMPLE_ID = "EXAMPLE-1"
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class PageType:
    key: str  # the library's slug for the type
    label: str  # in the users' words, as a cell may spell it
    model: type
    section: type  # the one index page the type lives under
    relation: str  # the inline list the `related` column fills
    relation_model: type
    relation_target: type

    @property
    def plural(self):
        return str(self.model._meta.verbose_name_plural)

    @property
    def article(self):
        return "an" if self.label[0] in "aeiou" else "a"

    def related_limit(self):
        """How many related pages the editor allows (its InlinePanel's max_num), or None."""
        panels = list(self.model.content_panels)
        while panels:
            panel = panels.pop()
            if isinstance(panel, InlinePanel) and panel.relation_name == self.relation:
                return panel.max_num
            panels.extend(getattr(panel, "children", []))
        return None


PAGE_TYPES = {
    CASE_STUDY: PageType(
        CASE_STUDY,
        "case study",
        CaseStudyPage,
        CaseStudyIndexPage,
        "related_case_studies",
        RelatedCaseStudy,
        CaseStudyPage,
    ),
    RECOMMENDATION: PageType(
        RECOMMENDATION,
        "recommendation",
        RecommendationPage,
        RecommendationIndexPage,
        "linked_case_studies",
        RecommendationCaseStudy,
        CaseStudyPage,
    ),
    DEFINITION: PageType(
        DEFINITION,
        "definition",
        DefinitionPage,
        GlossaryPage,
        "related_terms",
        RelatedDefinition,
        DefinitionPage,
    ),
}


@dataclass(frozen=True)
class Column:
    """One column. `fields` maps each page type that uses it to its model field (for
    `sectors` on a case study, the lead and the partner fields); `kind` says how a cell
    becomes a value."""

    name: str
    kind: str
    fields: dict = field(default_factory=dict)
    notes: str = ""
    taxonomy: type | None = None

    def field_for(self, type_key):
        return self.fields.get(type_key)

    def used_by(self, type_key):
        return type_key in self.fields


def _for(*types, name):
    return dict.fromkeys(types, name)


COLUMNS = [
    Column(
        "type",
        "type",
        dict.fromkeys(ALL_TYPES, None),
        "What the row is: case study, recommendation or definition.",
    ),
    Column(
        "external_id",
        "external_id",
        dict.fromkeys(ALL_TYPES, None),
        "Your own ID for the row, such as CS-001, different on every row. Importing a row "
        "with the same ID again updates that page instead of adding a second one, so keep "
        "the IDs once you have used them.",
    ),
    Column(
        "title",
        "text",
        _for(*ALL_TYPES, name="title"),
        "The page's title. For a definition, the term itself.",
    ),
    Column(
        "slug",
        "slug",
        _for(*ALL_TYPES, name="slug"),
        "Optional: the last part of the page's web address, in lower case with hyphens. "
        "Left blank, it is made from the title.",
    ),
    Column(
        "summary",
        "text",
        {CASE_STUDY: "summary", RECOMMENDATION: "summary", DEFINITION: "short_definition"},
        "Up to 300 characters in plain words: what it is and who it is for. For a definition, "
        "its short definition of one or two sentences.",
    ),
    Column(
        "organisation",
        "text",
        _for(CASE_STUDY, name="organisation"),
        "The organisation or partnership that led the work.",
    ),
    Column(
        "sectors",
        "sectors",
        {CASE_STUDY: ("lead_sector", "partner_sectors"), RECOMMENDATION: "sectors"},
        "Sectors by name, separated by semicolons. For a case study the lead sector comes "
        "first, then any partners. For a recommendation, leave blank if it applies to all.",
        taxonomy=Sector,
    ),
    Column(
        "drivers",
        "taxonomies",
        _for(CASE_STUDY, RECOMMENDATION, name="drivers"),
        "Drivers of change by name, separated by semicolons. A case study needs at least one.",
        taxonomy=DriverOfChange,
    ),
    Column(
        "boroughs",
        "taxonomies",
        _for(CASE_STUDY, name="boroughs"),
        "London boroughs where the work took place, separated by semicolons. Leave blank if it "
        "was London-wide.",
        taxonomy=Borough,
    ),
    Column(
        "principles",
        "taxonomies",
        _for(CASE_STUDY, name="principles"),
        "The trauma-informed principles the work put into practice, separated by semicolons.",
        taxonomy=Principle,
    ),
    Column(
        "population",
        "text",
        _for(CASE_STUDY, name="population"),
        "Who the work was for, such as 'young people excluded from school'.",
    ),
    Column("age_group", "choice", _for(CASE_STUDY, name="age_group"), "The age group it was for."),
    Column(
        "setting",
        "text",
        _for(CASE_STUDY, name="setting"),
        "Where it happens, such as 'custody suites' or 'GP practices'.",
    ),
    Column(
        "content_note",
        "text",
        _for(CASE_STUDY, name="content_note"),
        "If the case study describes distressing experiences, say so here in a sentence. "
        "Readers see it before the story and choose whether to go on.",
    ),
    Column(
        "image",
        "image",
        _for(CASE_STUDY, name="image"),
        "Optional: the file name of a picture in the folder of images sent with the "
        "spreadsheet. Avoid photos in which people could be recognised.",
    ),
    Column(
        "challenge",
        "rich",
        _for(CASE_STUDY, name="challenge"),
        "What needed to change, and why. Leave a blank line between paragraphs.",
    ),
    Column(
        "approach",
        "rich",
        _for(CASE_STUDY, name="approach"),
        "What was done, step by step. Leave a blank line between paragraphs.",
    ),
    Column(
        "outcomes",
        "rich",
        _for(CASE_STUDY, name="outcomes"),
        "What changed for people, staff or the system, and how you know.",
    ),
    Column(
        "learning",
        "rich",
        _for(CASE_STUDY, name="learning"),
        "The evidence there is, and what others could learn.",
    ),
    Column(
        "evidence_level",
        "choice",
        _for(CASE_STUDY, name="evidence_level"),
        "How strong the evidence is. Blank means self-reported.",
    ),
    Column(
        "status",
        "choice",
        _for(CASE_STUDY, name="status"),
        "Where the work stands. Blank means running.",
    ),
    Column(
        "started",
        "date",
        _for(CASE_STUDY, name="started"),
        "When the work began: a date cell, or a date written like 2024-03-31.",
    ),
    Column(
        "ended",
        "date",
        _for(CASE_STUDY, name="ended"),
        "When it ended, written the same way. Leave blank if it is still running.",
    ),
    Column("contact_name", "text", _for(CASE_STUDY, name="contact_name"), "Who to contact."),
    Column("contact_role", "text", _for(CASE_STUDY, name="contact_role"), "Their role."),
    Column("contact_email", "text", _for(CASE_STUDY, name="contact_email"), "Their email."),
    Column(
        "contact_consent",
        "bool",
        _for(CASE_STUDY, name="contact_consent"),
        "Yes only if the contact has agreed to their details being shown publicly; otherwise "
        "no or blank.",
    ),
    Column(
        "tags",
        "tags",
        _for(CASE_STUDY, name="tags"),
        "Free topic words, separated by semicolons, such as 'mentoring; school exclusion'.",
    ),
    Column(
        "audience",
        "choice",
        _for(RECOMMENDATION, name="audience"),
        "Who the recommendation asks to act.",
    ),
    Column(
        "actions",
        "actions",
        _for(RECOMMENDATION, name="actions"),
        "The concrete steps, one per line, each starting with a verb. To add detail to a step, "
        "put it after a colon: 'Train reception staff: start with the front desk team.'",
    ),
    Column(
        "rationale",
        "rich",
        _for(RECOMMENDATION, name="rationale"),
        "Why this matters and what the research found. Leave a blank line between paragraphs.",
    ),
    Column(
        "full_text",
        "rich",
        _for(DEFINITION, name="full_text"),
        "The definition in full. Leave a blank line between paragraphs.",
    ),
    Column(
        "london_context",
        "rich",
        _for(DEFINITION, name="london_context"),
        "What the term means for practice in London, with examples.",
    ),
    Column(
        "sources",
        "sources",
        _for(DEFINITION, name="sources"),
        "Publications the definition draws on, one per line: title | publisher | year | web "
        "address. Only the title is needed.",
    ),
    Column(
        "related",
        "related",
        dict.fromkeys(ALL_TYPES, None),
        "External IDs of related pages, separated by semicolons, from this file or an earlier "
        "import. A case study lists related case studies, a recommendation the case studies "
        "that show it in practice, a definition related terms.",
    ),
]

COLUMNS_BY_NAME = {column.name: column for column in COLUMNS}
REQUIRED_COLUMNS = ("type", "external_id", "title")


def header_key(text):
    """A header cell as a column name: case, spaces and hyphens ignored."""
    return "_".join(str(text or "").replace("-", " ").split()).casefold()


def model_fields(type_key):
    """The model fields the columns fill for a page type."""
    names = []
    for column in COLUMNS:
        target = column.field_for(type_key)
        if isinstance(target, tuple):
            names.extend(target)
        elif target:
            names.append(target)
    return names


def column_of_field(type_key, field_name):
    """The column that fills `field_name` on a page type, or None."""
    for column in COLUMNS:
        target = column.field_for(type_key)
        if target == field_name or (isinstance(target, tuple) and field_name in target):
            return column.name
    return None


def choice_field(column, type_key=None):
    """The model field behind a choice column (each is used by one page type)."""
    type_key = type_key or next(iter(column.fields))
    return PAGE_TYPES[type_key].model._meta.get_field(column.field_for(type_key))


def is_required(column, type_key):
    """Whether a type's rows must fill the column, read from the model's own fields."""
    if column.name in REQUIRED_COLUMNS:
        return True
    target = column.field_for(type_key)
    if column.kind == "sectors":
        target = target[0] if isinstance(target, tuple) else target
    if not target or column.kind == "slug":
        return False
    model_field = PAGE_TYPES[type_key].model._meta.get_field(target)
    return not model_field.blank and not model_field.has_default()
