"""The home page, the standard content page used for findings, drivers, about and footer pages,
and the footer's links (`site_settings`)."""

from django.db import models

from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from core.blocks import BaseStreamBlock
from core.kept_pages import KeptForThePublic

# The footer's links are a site setting; Django finds models through this module.
from .site_settings import FooterLinks  # noqa: F401


class HomePage(KeptForThePublic, Page):
    introduction = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="One or two sentences that say what the library is for.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        InlinePanel(
            "signposts",
            label="Signpost",
            heading="The programme's work",
            help_text="The pages that lead people to what the programme has produced, in order.",
            max_num=6,
        ),
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
        "drivers.HowChangeHappensPage",
    ]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from casestudies.models import DriverOfChange, Sector
        from core.public import public_linked_pages

        context = super().get_context(request, *args, **kwargs)
        context["sectors"] = Sector.objects.all()
        context["drivers"] = DriverOfChange.objects.all()
        context["signposts"] = self.public_signposts()
        context["featured"] = public_linked_pages(self.featured_practice)
        return context

    def public_signposts(self):
        """(page, description) for each signpost whose page the public may see, in order."""
        from core.public import public_pages

        rows = list(self.signposts.all())
        descriptions = {row.page_id: row.description for row in rows}
        return [(page, descriptions[page.pk]) for page in public_pages([r.page_id for r in rows])]


class HomeSignpost(Orderable):
    """One of the programme's outputs on the home page: a page and a sentence about it."""

    home = ParentalKey(HomePage, related_name="signposts", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The page this signpost leads to. Its title is the signpost's heading.",
    )
    description = models.CharField(
        max_length=200, help_text="One sentence in plain words: what someone will find there."
    )

    panels = [PageChooserPanel("page"), FieldPanel("description")]


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


class StandardPage(KeptForThePublic, Page):
    """Findings, the drivers of change, about pages and the footer's pages (accessibility
    statement, privacy notice, contact): a title, an introduction and a body."""

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
