"""Controlled lists that editors own: sectors, drivers of change, boroughs, principles.

They are data, not code: moderators can reword or reorder them in the admin, and champions
pick from them, so nobody can file practice under a misspelt sector.
"""

from django.db import models
from django.urls import reverse

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Taxonomy(index.Indexed, models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text="Used in library links such as /library/?sector=education. Avoid changing it: "
        "shared links use it.",
    )
    description = models.TextField(blank=True, help_text="One or two plain sentences.")
    sort_order = models.PositiveIntegerField(
        default=0, help_text="Lower numbers come first in lists and filters."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    # The query string parameter that filters the library by this taxonomy.
    library_parameter = ""

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def library_url(self):
        if not self.library_parameter:
            return ""
        return f"{reverse('library')}?{self.library_parameter}={self.slug}"


class Sector(Taxonomy):
    library_parameter = "sector"

    class Meta(Taxonomy.Meta):
        verbose_name = "sector"


class DriverOfChange(Taxonomy):
    library_parameter = "driver"

    class Meta(Taxonomy.Meta):
        verbose_name = "driver of change"
        verbose_name_plural = "drivers of change"


class Borough(Taxonomy):
    library_parameter = "borough"

    class Meta(Taxonomy.Meta):
        verbose_name = "borough"


class Principle(Taxonomy):
    """A principle of trauma-informed practice, e.g. safety or trustworthiness.

    Shown on case studies but not a library filter, so it has no library link.
    """

    class Meta(Taxonomy.Meta):
        verbose_name = "trauma-informed principle"
