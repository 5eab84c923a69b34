"""Controlled lists that editors own: sectors, drivers of change, boroughs, principles.

They are data, not code: moderators can reword or reorder them in the admin, and champions
pick from them, so nobody can file practice under a misspelt sector. A value's slug is set
when the value is made and never changes: library links such as /library/?sector=education
are bookmarked and shared.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from core.public import public_pages


class SetOnceFieldPanel(FieldPanel):
    """A field that is filled in when the object is made and shown read-only after that."""

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            # Read-only rather than disabled: the browser still sends the value, so the
            # model's clean() sees a changed one and says why it is refused.
            if self.bound_field is not None and self.instance.pk is not None:
                self.bound_field.field.widget.attrs["readonly"] = True


class Taxonomy(index.Indexed, models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text="Identifies the value in links such as /library/?sector=education, which "
        "people bookmark and share, so it cannot change once saved. Reword the name instead.",
    )
    description = models.TextField(blank=True, help_text="One or two plain sentences.")
    sort_order = models.PositiveIntegerField(
        default=0, help_text="Lower numbers come first in lists and filters."
    )

    panels = [
        FieldPanel("name"),
        SetOnceFieldPanel("slug"),
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

    def clean(self):
        super().clean()
        if self.pk is None:
            return
        saved = type(self)._default_manager.filter(pk=self.pk).values_list("slug", flat=True)
        saved = saved.first()
        if saved is not None and saved != self.slug:
            raise ValidationError(
                {
                    "slug": f"The slug cannot change once saved: links that use “{saved}” are "
                    "bookmarked and shared. Keep it, and reword the name instead."
                }
            )

    @property
    def library_url(self):
        if not self.library_parameter:
            return ""
        return f"{reverse('library')}?{self.library_parameter}={self.slug}"

    @property
    def feed_url(self):
        """The Atom feed of new practice with this value."""
        if not self.library_parameter:
            return ""
        return f"{reverse('library-feed')}?{self.library_parameter}={self.slug}"


class Sector(Taxonomy):
    needs_safeguarding_review = models.BooleanField(
        "needs a safeguarding check",
        default=False,
        help_text="Tick for sectors whose work involves children or young people, such as "
        "young people's voice. A case study filed under this sector, as lead or partner, then "
        "goes through the safeguarding check in moderation before it is published.",
    )

    panels = Taxonomy.panels + [FieldPanel("needs_safeguarding_review")]

    library_parameter = "sector"

    class Meta(Taxonomy.Meta):
        verbose_name = "sector"


class DriverOfChange(Taxonomy):
    library_parameter = "driver"

    class Meta(Taxonomy.Meta):
        verbose_name = "driver of change"
        verbose_name_plural = "drivers of change"

    @classmethod
    def explanation_pages(cls):
        """Driver slug -> the public page that explains it ("How change happens").

        The pages hang off each driver as `explanation` (a one-to-one from the drivers app);
        a driver without one, or whose page the public may not see, is left out. Two queries.
        """
        rows = dict(
            cls.objects.filter(explanation__isnull=False).values_list("explanation", "slug")
        )
        return {rows[page.pk]: page for page in public_pages(list(rows))}


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
