"""The programme's recommendations, addressed to implementers, system leaders or the VRU."""

from django.db import models
from django.forms import CheckboxSelectMultiple

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from core.blocks import RICH_TEXT_FEATURES
from core.kept_pages import KeptForThePublic
from core.public import public, public_linked_pages

from .mixins import LibraryPageMixin, ReviewDatesMixin, SummaryMixin, plain_text, slugs_and_labels


class ActionBlock(blocks.StructBlock):
    action = blocks.CharBlock(
        max_length=200, help_text="Start with a verb: 'Train', 'Ask', 'Fund'."
    )
    detail = blocks.TextBlock(required=False, help_text="Optional: how, and who should do it.")

    class Meta:
        icon = "tick"
        template = "blocks/action_block.html"
        description = "One thing to do"


class RecommendationIndexPage(KeptForThePublic, Page):
    introduction = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.RecommendationPage"]
    max_count = 1

    class Meta:
        verbose_name = "recommendation index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        recommendations = list(public(RecommendationPage.objects.child_of(self)).order_by("path"))
        context["audiences"] = [
            (label, [r for r in recommendations if r.audience == value])
            for value, label in RecommendationPage.Audience.choices
        ]
        return context


class RecommendationPage(KeptForThePublic, LibraryPageMixin, SummaryMixin, ReviewDatesMixin, Page):
    library_type = "recommendation"
    library_type_label = "Recommendation"
    library_order = 2
    library_related = ((), ("sectors", "drivers"))

    class Audience(models.TextChoices):
        IMPLEMENTERS = "implementers", "Implementers"
        SYSTEM_LEADERS = "system-leaders", "System leaders"
        VRU = "vru", "London's Violence Reduction Unit"

    audience = models.CharField(
        max_length=20,
        choices=Audience.choices,
        help_text="Who the recommendation asks to act.",
    )
    sectors = ParentalManyToManyField(
        "casestudies.Sector",
        blank=True,
        related_name="recommendations",
        help_text="Sectors it applies to. Leave blank if it applies to all.",
    )
    drivers = ParentalManyToManyField(
        "casestudies.DriverOfChange", blank=True, related_name="recommendations"
    )
    actions = StreamField(
        [("action", ActionBlock())],
        help_text="The concrete steps, one per item.",
    )
    rationale = RichTextField(
        "rationale and evidence",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Why this matters and what the research found.",
    )

    content_panels = Page.content_panels + [
        *SummaryMixin.summary_panels,
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("sectors", widget=CheckboxSelectMultiple),
                FieldPanel("drivers", widget=CheckboxSelectMultiple),
            ],
            heading="Who and what it is about",
        ),
        FieldPanel("actions"),
        FieldPanel("rationale"),
        InlinePanel(
            "linked_case_studies", label="Case studies that show it in practice", max_num=8
        ),
    ]

    search_fields = (
        Page.search_fields
        + SummaryMixin.search_fields
        + [
            index.SearchField("rationale"),
            index.FilterField("audience"),
        ]
    )

    settings_panels = Page.settings_panels + ReviewDatesMixin.review_panels

    parent_page_types = ["casestudies.RecommendationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "recommendation"

    def library_fields(self):
        sectors, sector_labels = slugs_and_labels(self.library_values("sectors"))
        drivers, driver_labels = slugs_and_labels(self.library_values("drivers"))
        actions = " ".join(f"{a.value['action']} {a.value['detail']}" for a in self.actions)
        return {
            "summary": self.summary,
            "body": plain_text(self.get_audience_display(), actions, self.rationale),
            "sector": sectors,
            "driver": drivers,
            "labels": {"sector": sector_labels, "driver": driver_labels, "borough": {}},
        }

    def live_case_studies(self):
        return public_linked_pages(self.linked_case_studies)


class RecommendationCaseStudy(Orderable):
    recommendation = ParentalKey(
        RecommendationPage, related_name="linked_case_studies", on_delete=models.CASCADE
    )
    page = models.ForeignKey(
        "casestudies.CaseStudyPage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page", "casestudies.CaseStudyPage")]
