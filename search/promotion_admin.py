"""Promoted results in the admin: a snippet the moderators keep under "Promoted results".

The add form can start from a phrase (`?phrase=…`), so the search insight report's "found
nothing" list links straight to recommending pages for those words.
"""

from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .models import Promotion
from .words import phrase_of


class PromotionCreateView(CreateView):
    def get_initial_form_instance(self):
        phrase = phrase_of(self.request.GET.get("phrase", ""))[:200]
        return Promotion(phrase=phrase) if phrase else super().get_initial_form_instance()


class PromotionViewSet(SnippetViewSet):
    model = Promotion
    add_view_class = PromotionCreateView
    icon = "pick"
    menu_label = "Promoted results"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["phrase", "created_at"]
    search_fields = ["phrase"]
