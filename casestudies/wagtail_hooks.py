"""Editor-owned taxonomies, grouped under one menu item in the admin."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Borough, DriverOfChange, Principle, Sector


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]
    search_fields = ["name"]


class SectorViewSet(TaxonomyViewSet):
    model = Sector
    icon = "group"
    list_display = [*TaxonomyViewSet.list_display, "needs_safeguarding_review"]


class DriverOfChangeViewSet(TaxonomyViewSet):
    model = DriverOfChange
    icon = "resubmit"


class BoroughViewSet(TaxonomyViewSet):
    model = Borough
    icon = "site"


class PrincipleViewSet(TaxonomyViewSet):
    model = Principle
    icon = "pick"


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "Taxonomies"
    menu_icon = "tag"
    menu_order = 300
    items = (SectorViewSet, DriverOfChangeViewSet, BoroughViewSet, PrincipleViewSet)


register_snippet(TaxonomyGroup)
