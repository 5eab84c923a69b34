"""How change happens: the index of the drivers of change, and a page for each driver with its
theory of change, the signs that it is working, and what the rest of the site says about it.

The roadmap stages, recommendations and case studies on a driver page are read live from the
roadmap, the recommendations and the library, never typed twice.
"""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.forms import Select
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from core.kept_pages import KeptForThePublic
from core.public import public

from .blocks import FOR_WHOM, TheoryOfChangeBlock
from .flow import change_flow, overview, steps_in_order
from .forms import DriverPageForm

INTRODUCTION_LENGTH = 600


class HowChangeHappensPage(KeptForThePublic, Page):
    introduction = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="What the drivers of change are and how to read the pages below, in a few "
        "plain sentences.",
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["drivers.DriverPage"]
    max_count = 1

    class Meta:
        verbose_name = "How change happens"
        verbose_name_plural = "How change happens"

    def driver_pages(self):
        """The public driver pages below, in the drivers' own order."""
        return list(
            public(DriverPage.objects.child_of(self))
            .select_related("driver")
            .order_by("driver__sort_order", "driver__name")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = self.driver_pages()
        reached = {step.get("for_whom") for page in pages for step in page.steps_in_order}
        for_whom = [label for value, label in FOR_WHOM if value in reached]
        context["driver_pages"] = pages
        context["outcomes_for"] = for_whom
        context["picture"] = overview([page.title for page in pages], for_whom)
        return context


class DriverPage(KeptForThePublic, Page):
    driver = models.OneToOneField(
        "casestudies.DriverOfChange",
        related_name="explanation",
        on_delete=models.PROTECT,
        verbose_name="driver of change",
        help_text="The driver this page explains. Each driver has one page.",
    )
    introduction = models.TextField(
        "what the driver is",
        max_length=INTRODUCTION_LENGTH,
        validators=[MaxLengthValidator(INTRODUCTION_LENGTH)],
        help_text=f"Up to {INTRODUCTION_LENGTH} characters: what this driver is and why it "
        "matters, in plain words.",
    )
    steps = StreamField(
        TheoryOfChangeBlock(),
        verbose_name="theory of change",
        help_text="The steps from practice to less violence, in order: practice, then what "
        "changes, then outcomes (say for whom), then less violence. At least one of each, with "
        "the evidence for each step.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("driver", widget=Select),
        FieldPanel("introduction"),
        FieldPanel("steps"),
        InlinePanel(
            "indicators",
            label="Sign",
            heading="Signs that it is working",
            help_text="Things an organisation can look for that show this driver is working, "
            "one short sentence each.",
            max_num=8,
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    base_form_class = DriverPageForm
    parent_page_types = ["drivers.HowChangeHappensPage"]
    subpage_types = []

    class Meta:
        verbose_name = "driver of change page"

    @cached_property
    def steps_in_order(self):
        return steps_in_order(self.steps)

    def get_context(self, request, *args, **kwargs):
        from .practice import driver_case_studies, driver_recommendations, roadmap_stages

        context = super().get_context(request, *args, **kwargs)
        context["flow_steps"] = self.steps_in_order
        context["picture"] = change_flow(self.steps_in_order)
        context["roadmap"] = roadmap_stages(self.driver, request)
        context["recommendations"] = driver_recommendations(self.driver, request)
        context["case_studies"] = driver_case_studies(self.driver)
        return context


class DriverIndicator(Orderable):
    """A sign that the driver is working, which an organisation can look for."""

    page = ParentalKey(DriverPage, related_name="indicators", on_delete=models.CASCADE)
    text = models.CharField(
        max_length=200,
        help_text="e.g. 'People who use the service can name the worker they go to.'",
    )

    panels = [FieldPanel("text")]

    def __str__(self):
        return self.text
