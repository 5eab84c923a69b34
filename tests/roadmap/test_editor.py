"""The Wagtail editor creates a roadmap and a landscape, and is told when the parts do not fit."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from roadmap.models import LandscapePage, RoadmapPage
from tests.practice import driver, home_page
from tests.signing_in import signed_in

STAGES = [{"name": name, "description": f"{name} stage."} for name in ("Aware", "Embedded")]


class RoadmapEditorTests(WagtailPageTestCase):
    def setUp(self):
        self.home = home_page()
        self.driver = driver("voice", "Voice and participation")
        self.other = driver("wellbeing", "Workforce wellbeing")
        user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
        signed_in(user, self.client)

    def form_data(self, stage_descriptions=2, statement_driver=None):
        stages = [
            {
                "description": f"Voice at stage {n}.",
                "recommendations": streamfield([]),
                "case_studies": streamfield([]),
            }
            for n in range(stage_descriptions)
        ]
        return nested_form_data(
            {
                "title": "Roadmap",
                "slug": "roadmap",
                "introduction": rich_text("Where organisations are on the way."),
                "stages": inline_formset(STAGES, min=2, max=6),
                "drivers": streamfield(
                    [
                        (
                            "driver",
                            {
                                "driver": self.driver.pk,
                                "introduction": "",
                                "stages": streamfield([("item", stage) for stage in stages]),
                            },
                        )
                    ]
                ),
                "assessment_introduction": rich_text(""),
                "statements": inline_formset(
                    [
                        {
                            "driver": (statement_driver or self.driver).pk,
                            "text": "People help decide how the service is run.",
                        }
                    ]
                ),
            }
        )

    def test_editor_can_create_a_roadmap_and_a_landscape(self):
        self.assertCanCreateAt(type(self.home), RoadmapPage)
        self.assertCanCreateAt(type(self.home), LandscapePage)
        self.assertCanCreate(self.home, RoadmapPage, self.form_data())
        page = RoadmapPage.objects.get(slug="roadmap")
        self.assertEqual([s.name for s in page.stages.all()], ["Aware", "Embedded"])
        self.assertEqual([s.driver for s in page.statements.all()], [self.driver])
        self.assertCanCreate(
            self.home,
            LandscapePage,
            nested_form_data(
                {"title": "Landscape", "slug": "landscape", "introduction": rich_text("")}
            ),
        )

    def add(self, data):
        url = reverse("wagtailadmin_pages:add", args=("roadmap", "roadmappage", self.home.pk))
        return self.client.post(url, data)

    def test_a_driver_needs_one_description_per_stage(self):
        response = self.add(self.form_data(stage_descriptions=1))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "describes 1 stages but the roadmap has 2")
        self.assertFalse(RoadmapPage.objects.exists())

    def test_statements_must_belong_to_a_driver_on_the_roadmap(self):
        response = self.add(self.form_data(statement_driver=self.other))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "not one of the roadmap")
        self.assertFalse(RoadmapPage.objects.exists())
