"""Case studies of promising practice, and the index page they live under."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.forms import CheckboxSelectMultiple, Select

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from core.kept_pages import KeptForThePublic
from core.public import public, public_linked_pages

from .mixins import LibraryPageMixin, ReviewDatesMixin, SummaryMixin, plain_text, slugs_and_labels


class CaseStudyIndexPage(KeptForThePublic, Page):
    introduction = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.CaseStudyPage"]
    max_count = 1

    class Meta:
        verbose_name = "case study index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["case_studies"] = (
            CaseStudyPage.objects.child_of(self)
            .live()
            .public()
            .select_related("lead_sector")
            .order_by("-first_published_at")
        )
        return context


class CaseStudyTag(TaggedItemBase):
    content_object = ParentalKey(
        "casestudies.CaseStudyPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class CaseStudyPage(KeptForThePublic, LibraryPageMixin, SummaryMixin, ReviewDatesMixin, Page):
    library_type = "case-study"
    library_type_label = "Case study"
    library_order = 1
    library_related = (
        ("lead_sector",),
        ("partner_sectors", "drivers", "boroughs", "tags", "principles"),
    )

    class EvidenceLevel(models.TextChoices):
        SELF_REPORTED = "self-reported", "Self-reported"
        EVALUATED = "evaluated", "Evaluated"
        INDEPENDENTLY_EVALUATED = "independently-evaluated", "Independently evaluated"

    # What each level means, in plain words for readers choosing between them.
    EVIDENCE_EXPLAINED = {
        EvidenceLevel.SELF_REPORTED: "The team that did the work describes what changed.",
        EvidenceLevel.EVALUATED: "The team measured what changed, for example with surveys or "
        "data collected before and after.",
        EvidenceLevel.INDEPENDENTLY_EVALUATED: "People outside the team, such as a university, "
        "checked what changed.",
    }

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        PILOT = "pilot", "Pilot"
        RUNNING = "running", "Running"
        COMPLETED = "completed", "Completed"

    class AgeGroup(models.TextChoices):
        CHILDREN = "children", "Children (under 12)"
        YOUNG_PEOPLE = "young-people", "Young people (12 to 17)"
        YOUNG_ADULTS = "young-adults", "Young adults (18 to 25)"
        ADULTS = "adults", "Adults"
        FAMILIES = "families", "Families"
        ALL_AGES = "all-ages", "All ages"

    # Who and where
    organisation = models.CharField(
        max_length=200, help_text="The organisation or partnership that led the work."
    )
    lead_sector = models.ForeignKey(
        "casestudies.Sector",
        on_delete=models.PROTECT,
        related_name="led_case_studies",
        help_text="The sector of the organisation that led the work.",
    )
    partner_sectors = ParentalManyToManyField(
        "casestudies.Sector",
        blank=True,
        related_name="partnered_case_studies",
        help_text="Other sectors that worked on it with the lead.",
    )
    boroughs = ParentalManyToManyField(
        "casestudies.Borough",
        blank=True,
        related_name="case_studies",
        help_text="Where the work took place. Leave blank if it was London-wide.",
    )
    drivers = ParentalManyToManyField(
        "casestudies.DriverOfChange",
        related_name="case_studies",
        help_text="The drivers of change this practice shows. Pick at least one.",
    )
    principles = ParentalManyToManyField(
        "casestudies.Principle",
        blank=True,
        related_name="case_studies",
        help_text="The trauma-informed principles the work put into practice.",
    )
    population = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who the work was for, e.g. 'young people excluded from school'.",
    )
    age_group = models.CharField(max_length=20, choices=AgeGroup.choices, blank=True)
    setting = models.CharField(
        max_length=200,
        blank=True,
        help_text="Where it happens, e.g. 'custody suites' or 'GP practices'.",
    )

    # The story
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. Avoid photos in which people could be recognised.",
    )
    content_note = models.TextField(
        blank=True,
        max_length=400,
        validators=[MaxLengthValidator(400)],
        help_text="If the case study describes distressing experiences, say so here in a sentence. "
        "Readers see it before the story and choose whether to go on.",
    )
    challenge = RichTextField(
        features=RICH_TEXT_FEATURES, help_text="What needed to change, and why."
    )
    approach = RichTextField(
        "what was done", features=RICH_TEXT_FEATURES, help_text="What you did, step by step."
    )
    outcomes = RichTextField(
        "what changed",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="What changed for people, staff or the system. Say how you know.",
    )
    learning = RichTextField(
        "evidence and learning",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="The evidence you have and what others could learn from you.",
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name="more detail",
        help_text="Optional: quotes, key facts, images and documents.",
    )
    evidence_level = models.CharField(
        max_length=30, choices=EvidenceLevel.choices, default=EvidenceLevel.SELF_REPORTED
    )

    # When
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RUNNING)
    started = models.DateField(null=True, blank=True, help_text="When the work began.")
    ended = models.DateField(null=True, blank=True, help_text="Leave blank if it is still running.")

    # Contact
    contact_name = models.CharField(max_length=120, blank=True)
    contact_role = models.CharField(max_length=120, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_consent = models.BooleanField(
        "show contact details",
        default=False,
        help_text="Tick only if the contact has agreed to their details being shown publicly.",
    )

    tags = ClusterTaggableManager(
        through=CaseStudyTag,
        blank=True,
        help_text="Free topic words, e.g. 'mentoring' or 'school exclusion'.",
    )

    content_panels = Page.content_panels + [
        *SummaryMixin.summary_panels,
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("lead_sector", widget=Select),
                FieldPanel("partner_sectors", widget=CheckboxSelectMultiple),
                FieldPanel("boroughs", widget=CheckboxSelectMultiple),
            ],
            heading="Who and where",
        ),
        MultiFieldPanel(
            [
                FieldPanel("drivers", widget=CheckboxSelectMultiple),
                FieldPanel("principles", widget=CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading="Drivers of change, principles and topics",
        ),
        MultiFieldPanel(
            [FieldPanel("population"), FieldPanel("age_group"), FieldPanel("setting")],
            heading="Who it was for",
        ),
        MultiFieldPanel(
            [
                FieldPanel("content_note"),
                FieldPanel("image"),
                FieldPanel("challenge"),
                FieldPanel("approach"),
                FieldPanel("outcomes"),
                FieldPanel("learning"),
                FieldPanel("evidence_level"),
                FieldPanel("body"),
            ],
            heading="The story",
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("started"), FieldPanel("ended")]),
            ],
            heading="Dates and status",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_role")]),
                FieldPanel("contact_email"),
                FieldPanel("contact_consent"),
            ],
            heading="Contact",
            help_text="Contact details are shown publicly only when 'show contact details' is ticked.",
        ),
        InlinePanel("related_case_studies", label="Related case studies", max_num=6),
    ]

    search_fields = (
        Page.search_fields
        + SummaryMixin.search_fields
        + [
            index.SearchField("organisation"),
            index.SearchField("challenge"),
            index.SearchField("approach"),
            index.SearchField("outcomes"),
            index.FilterField("lead_sector"),
            index.FilterField("evidence_level"),
            index.FilterField("status"),
        ]
    )

    settings_panels = Page.settings_panels + ReviewDatesMixin.review_panels

    parent_page_types = ["casestudies.CaseStudyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"

    def clean(self):
        super().clean()
        errors = {}
        if self.started and self.ended and self.ended < self.started:
            errors["ended"] = "The end date is before the start date."
        if self.status == self.Status.COMPLETED and not self.ended and self.started:
            errors["ended"] = "Add the end date of completed work."
        if self.contact_consent and not (self.contact_email or self.contact_name):
            errors["contact_consent"] = (
                "Add a contact name or email, or untick 'show contact details'."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def public_contact(self):
        """The contact details that may be shown: none at all without consent."""
        if not self.contact_consent:
            return None
        return {"name": self.contact_name, "role": self.contact_role, "email": self.contact_email}

    def status_line(self):
        """Where the work stands, in words: "Running since March 2024", "Completed in May 2023"."""
        if self.status == self.Status.COMPLETED:
            return f"Completed in {self.ended:%B %Y}" if self.ended else "Completed"
        if self.status == self.Status.PLANNED:
            return f"Planned to start in {self.started:%B %Y}" if self.started else "Planned"
        label = self.get_status_display()
        return f"{label} since {self.started:%B %Y}" if self.started else label

    def library_fields(self):
        sectors, sector_labels = slugs_and_labels(self.all_sectors())
        drivers, driver_labels = slugs_and_labels(self.library_values("drivers"))
        boroughs, borough_labels = slugs_and_labels(self.library_values("boroughs"))
        tags = sorted(tag.name for tag in self.library_values("tags"))
        return {
            "summary": self.summary,
            "body": plain_text(
                self.organisation,
                self.population,
                self.setting,
                self.challenge,
                self.approach,
                self.outcomes,
                self.learning,
                # The blocks' own searchable text: no templates rendered for the index.
                *self.body.stream_block.get_searchable_content(self.body),
                " ".join(tags),
            ),
            "sector": sectors,
            "driver": drivers,
            "borough": boroughs,
            "principle": [principle.slug for principle in self.library_values("principles")],
            "evidence_level": self.evidence_level,
            "evidence": [self.evidence_level],
            "lead_sector": self.lead_sector.slug,
            "tags": tags,
            "labels": {"sector": sector_labels, "driver": driver_labels, "borough": borough_labels},
            "details": {
                "status": self.status_line(),
                "started": self.started.isoformat() if self.started else None,
                "ended": self.ended.isoformat() if self.ended else None,
            },
        }

    def all_sectors(self):
        """Lead sector first, then partner sectors in editorial order."""
        partners = [
            s for s in self.library_values("partner_sectors") if s.pk != self.lead_sector_id
        ]
        return [self.lead_sector, *sorted(partners, key=lambda s: (s.sort_order, s.name))]

    def live_related_case_studies(self):
        return public_linked_pages(self.related_case_studies)

    def words_explained(self):
        """The glossary and its featured definition, for readers new to the words used here."""
        from .definitions import DefinitionPage, GlossaryPage

        glossary = public(GlossaryPage.objects.all()).first()
        if glossary is None:
            return None
        featured = public(DefinitionPage.objects.filter(pk=glossary.featured_definition_id)).first()
        return {"glossary": glossary, "featured": featured}


class RelatedCaseStudy(Orderable):
    source = ParentalKey(
        CaseStudyPage, related_name="related_case_studies", on_delete=models.CASCADE
    )
    page = models.ForeignKey(
        "casestudies.CaseStudyPage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page", "casestudies.CaseStudyPage")]
