"""Definitions of trauma-informed practice terms, and the glossary that lists them A to Z."""

from itertools import groupby

from django.core.validators import MaxLengthValidator
from django.db import models

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from core.blocks import RICH_TEXT_FEATURES
from core.kept_pages import KeptForThePublic
from core.public import public, public_linked_pages

from .mixins import LibraryPageMixin, plain_text


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=250)
    publisher = blocks.CharBlock(required=False, max_length=200)
    year = blocks.IntegerBlock(required=False, min_value=1900, max_value=2100)
    url = blocks.URLBlock(required=False)

    class Meta:
        icon = "link"
        template = "blocks/source_block.html"
        description = "A publication the definition draws on"


class GlossaryPage(KeptForThePublic, Page):
    introduction = RichTextField(blank=True, features=["bold", "italic", "link"])
    featured_definition = models.ForeignKey(
        "casestudies.DefinitionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown first, above the A to Z: London's definition of trauma-informed practice.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        PageChooserPanel("featured_definition", "casestudies.DefinitionPage"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.DefinitionPage"]
    max_count = 1

    class Meta:
        verbose_name = "glossary"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        terms = sorted(
            public(DefinitionPage.objects.child_of(self)), key=lambda d: d.title.casefold()
        )
        context["featured"] = public(
            DefinitionPage.objects.filter(pk=self.featured_definition_id)
        ).first()
        context["letters"] = [
            (letter, list(group)) for letter, group in groupby(terms, key=lambda d: d.initial)
        ]
        return context


class DefinitionPage(KeptForThePublic, LibraryPageMixin, Page):
    library_type = "definition"
    library_type_label = "Definition"
    library_order = 3

    short_definition = models.TextField(
        max_length=300,
        validators=[MaxLengthValidator(300)],
        help_text="One or two sentences in plain words. Shown in the glossary.",
    )
    full_text = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    london_context = RichTextField(
        "in London",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="What the term means for practice in London, with examples.",
    )
    sources = StreamField([("source", SourceBlock())], blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("short_definition"),
        FieldPanel("full_text"),
        FieldPanel("london_context"),
        FieldPanel("sources"),
        InlinePanel("related_terms", label="Related terms", max_num=8),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("short_definition"),
        index.SearchField("full_text"),
    ]

    parent_page_types = ["casestudies.GlossaryPage"]
    subpage_types = []

    class Meta:
        verbose_name = "definition"

    @property
    def initial(self):
        first = self.title[:1].upper()
        return first if first.isalpha() else "#"

    @property
    def summary(self):
        return self.short_definition

    def library_fields(self):
        return {
            "summary": self.short_definition,
            "body": plain_text(self.full_text, self.london_context),
        }

    def live_related_terms(self):
        return public_linked_pages(self.related_terms)


class RelatedDefinition(Orderable):
    source = ParentalKey(DefinitionPage, related_name="related_terms", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "casestudies.DefinitionPage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page", "casestudies.DefinitionPage")]
