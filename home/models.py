"""The home page and the standard content page used for findings, drivers and about pages."""

from django.db import models

from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from core.blocks import BaseStreamBlock


class HomePage(Page):
    introduction = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="One or two sentences that say what the library is for.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        InlinePanel("featured_practice", label="Featured practice", max_num=6),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "casestudies.CaseStudyIndexPage",
        "casestudies.RecommendationIndexPage",
        "casestudies.GlossaryPage",
        "home.StandardPage",
        "roadmap.RoadmapPage",
        "roadmap.LandscapePage",
    ]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from casestudies.models import DriverOfChange, Sector
        from core.public import public_linked_pages

        context = super().get_context(request, *args, **kwargs)
        context["sectors"] = Sector.objects.all()
        context["drivers"] = DriverOfChange.objects.all()
        context["featured"] = public_linked_pages(self.featured_practice)
        return context


class FeaturedPractice(Orderable):
    home = ParentalKey(HomePage, related_name="featured_practice", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="A case study, recommendation or definition to show on the home page.",
    )

    panels = [
        PageChooserPanel(
            "page",
            [
                "casestudies.CaseStudyPage",
                "casestudies.RecommendationPage",
                "casestudies.DefinitionPage",
            ],
        )
    ]


class StandardPage(Page):
    """Findings, the drivers of change, about pages: a title, an introduction and a body."""

    introduction = models.TextField(
        blank=True, max_length=400, help_text="A short opening paragraph in plain words."
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
