"""The home page."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    introduction = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="One or two sentences that say what the library is for.",
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
