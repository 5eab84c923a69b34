"""The Wagtail editor creates case studies, and a failed save keeps what the editor typed."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, DriverOfChange
from tests.practice import case_study_form, case_study_index
from tests.signing_in import signed_in


class CaseStudyEditorTests(WagtailPageTestCase):
    def setUp(self):
        self.index = case_study_index()
        self.driver = DriverOfChange.objects.create(name="Voice and participation", slug="voice")
        self.user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
        signed_in(self.user, self.client)

    def form_data(self, **overrides):
        return case_study_form(
            slug="listening-circles",
            tags="circles, exclusion",
            partners=["local-authorities"],
            drivers=[self.driver],
            **overrides,
        )

    def test_editor_can_create_a_case_study_under_the_index(self):
        self.assertCanCreate(self.index, CaseStudyPage, self.form_data())
        page = CaseStudyPage.objects.get(slug="listening-circles")
        self.assertEqual(page.lead_sector.slug, "education")
        self.assertEqual([d.slug for d in page.drivers.all()], ["voice"])
        self.assertEqual(sorted(t.name for t in page.tags.all()), ["circles", "exclusion"])

    def test_case_studies_can_only_be_created_under_the_index(self):
        self.assertAllowedParentPageTypes(CaseStudyPage, {CaseStudyIndexPage})
        self.assertCanNotCreateAt(CaseStudyIndexPage, CaseStudyIndexPage)

    def test_a_failed_publish_keeps_the_text_and_says_what_to_fix(self):
        url = reverse(
            "wagtailadmin_pages:add", args=("casestudies", "casestudypage", self.index.pk)
        )
        data = self.form_data(summary="x" * 301, ended="2020-01-01", **{"action-publish": "1"})
        response = self.client.post(url, data)

        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("The page could not be created due to validation errors", html)
        self.assertIn("Ensure this value has at most 300 characters", html)
        self.assertIn("The end date is before the start date.", html)
        # What the editor typed is still in the form.
        self.assertIn("Listening circles in pupil referral units", html)
        self.assertIn("East London Learning Trust (illustrative)", html)
        self.assertFalse(CaseStudyPage.objects.filter(slug="listening-circles").exists())

    def test_taxonomy_values_are_chosen_not_typed(self):
        url = reverse(
            "wagtailadmin_pages:add", args=("casestudies", "casestudypage", self.index.pk)
        )
        response = self.client.post(url, self.form_data(lead_sector=999999))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Select a valid choice", response.content.decode())
        self.assertFalse(CaseStudyPage.objects.exists())
