"""The roadmap page (stages, what they look like per driver, a self-assessment) and the landscape page."""

from django.db import models
from django.forms import Select
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from core.kept_pages import KeptForThePublic

from .blocks import RoadmapDriverBlock
from .forms import RoadmapPageForm


class RoadmapStage(Orderable):
    page = ParentalKey("roadmap.RoadmapPage", related_name="stages", on_delete=models.CASCADE)
    name = models.CharField(max_length=60, help_text="One or two words, e.g. 'Aware'.")
    description = models.TextField(
        max_length=400, help_text="What an organisation at this stage is like, in plain words."
    )

    panels = [FieldPanel("name"), FieldPanel("description")]

    def __str__(self):
        return self.name


class RoadmapStatement(Orderable):
    """One statement of the self-assessment. Its id is part of shared links: edit, don't replace."""

    page = ParentalKey("roadmap.RoadmapPage", related_name="statements", on_delete=models.CASCADE)
    driver = models.ForeignKey(
        "casestudies.DriverOfChange", on_delete=models.CASCADE, related_name="+"
    )
    text = models.CharField(
        max_length=250,
        help_text="Something an organisation does, e.g. 'We ask people what matters to them "
        "before we plan their support.' People answer from 'Not yet' to 'Always'.",
    )

    panels = [FieldPanel("driver", widget=Select), FieldPanel("text")]

    def __str__(self):
        return self.text


class RoadmapPage(KeptForThePublic, Page):
    introduction = RichTextField(blank=True, features=["bold", "italic", "link"])
    drivers = StreamField(
        [("driver", RoadmapDriverBlock())],
        blank=True,
        verbose_name="drivers of change",
        help_text="For each driver of change, what each stage looks like.",
    )
    assessment_introduction = RichTextField(
        "self-assessment introduction",
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown above the self-assessment statements.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        InlinePanel("stages", label="Stages of progress", min_num=2, max_num=6),
        FieldPanel("drivers"),
        FieldPanel("assessment_introduction"),
        InlinePanel("statements", label="Self-assessment statements"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    base_form_class = RoadmapPageForm
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "roadmap"

    @cached_property
    def stage_list(self):
        return list(self.stages.all())

    def get_context(self, request, *args, **kwargs):
        from .profile import roadmap_context

        context = super().get_context(request, *args, **kwargs)
        context.update(roadmap_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", {}).get("damaged_link"):
            response.status_code = 400
        return response


class LandscapePage(KeptForThePublic, Page):
    """A live count of published case studies by sector and driver, and a map by borough.

    The map answers the sector and driver chosen in the query string (?sector=…&driver=…), so
    each request is counted afresh and a shared link shows what its sender saw.
    """

    introduction = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "landscape"

    def get_context(self, request, *args, **kwargs):
        from .heat import borough_map, landscape_tables

        context = super().get_context(request, *args, **kwargs)
        context.update(landscape_tables())
        context.update(borough_map(request.GET))
        return context
