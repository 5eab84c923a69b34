"""The Wagtail editor makes the "How change happens" index and driver pages, where the rules
allow, and says clearly what to fix: steps out of order, a kind of step missing, a driver that
already has its page."""

from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casestudies.models import CaseStudyIndexPage
from drivers.models import DriverPage, HowChangeHappensPage
from home.models import HomePage
from moderation.roles import MODERATORS
from tests.drivers.conftest import driver_page, how_change_happens
from tests.moderation.conftest import person
from tests.practice import case_study_index, driver, home_page
from tests.signing_in import signed_in

SOURCE = {
    "title": "Key worker pilot evaluation",
    "url": "https://example.org/key-workers",
    "finding": "Young people stayed in touch for longer.",
}


def posted_step(kind, text, for_whom="", sources=()):
    value = {"text": text, "evidence": streamfield([("item", s) for s in sources])}
    if kind == "outcome":
        value = {"for_whom": for_whom or "young-people", **value}
    return (kind, value)


GOOD_STEPS = [
    posted_step("practice", "Young people keep the same worker.", sources=[SOURCE]),
    posted_step("change", "Young people trust that adults will come back."),
    posted_step("outcome", "Families feel less judged.", for_whom="families"),
    posted_step("less_violence", "Fewer young people are drawn into violence."),
]


class DriverPageEditorTests(WagtailPageTestCase):
    def setUp(self):
        self.home = home_page()
        self.trust = driver("relationships", "Relationships and trust")
        self.index = how_change_happens()
        self.editor = self.create_superuser("editor", "editor@example.org", "pw")
        signed_in(self.editor, self.client)

    def add_url(self, parent=None):
        parent = parent or self.index
        return reverse("wagtailadmin_pages:add", args=("drivers", "driverpage", parent.pk))

    def form_data(self, steps=GOOD_STEPS, title="", slug="", chosen=None, **extra):
        data = {
            "title": title,
            "slug": slug,
            "driver": (chosen or self.trust).pk,
            "introduction": "Trusted relationships help people feel safe enough to ask for help.",
            "steps": streamfield(list(steps)),
            "indicators": inline_formset(
                [{"text": "People can name their worker."}, {"text": "Promises are kept."}]
            ),
        }
        data.update(extra)
        return nested_form_data(data)

    def stream_errors(self, response):
        """The theory of change's own messages, as the editor sees them above the steps."""
        errors = response.context["form"].errors.as_data().get("steps", [])
        return [message for error in errors for message in error.non_block_errors]

    def test_the_page_types_stand_where_the_rules_say(self):
        self.assertAllowedParentPageTypes(HowChangeHappensPage, {HomePage})
        self.assertAllowedSubpageTypes(HowChangeHappensPage, {DriverPage})
        self.assertAllowedParentPageTypes(DriverPage, {HowChangeHappensPage})
        self.assertAllowedSubpageTypes(DriverPage, set())
        self.assertIn(HowChangeHappensPage, HomePage.allowed_subpage_models())
        self.assertEqual(HowChangeHappensPage.max_count, 1)
        # One index already exists: no second one, and driver pages only under it.
        self.assertFalse(HowChangeHappensPage.can_create_at(self.home))
        self.assertCanCreateAt(HowChangeHappensPage, DriverPage)
        self.assertCanNotCreateAt(HomePage, DriverPage)
        self.assertCanNotCreateAt(CaseStudyIndexPage, DriverPage)
        self.assertFalse(DriverPage.can_create_at(case_study_index()))

    def test_the_index_can_be_made_in_the_editor(self):
        self.index.delete()
        self.assertCanCreateAt(HomePage, HowChangeHappensPage)
        self.assertCanCreate(
            self.home,
            HowChangeHappensPage,
            nested_form_data(
                {
                    "title": "How change happens",
                    "slug": "how-change-happens",
                    "introduction": rich_text("Four drivers of change."),
                }
            ),
        )

    def test_the_add_form_shows_every_part_and_saves_with_the_drivers_name(self):
        form = self.client.get(self.add_url())
        self.assertEqual(form.status_code, 200)
        for label in ("Driver of change", "What the driver is", "Theory of change", "Signs"):
            self.assertContains(form, label)

        response = self.client.post(self.add_url(), self.form_data(**{"action-publish": "1"}))

        self.assertEqual(response.status_code, 302, response.content.decode()[:3000])
        page = DriverPage.objects.get(driver=self.trust)
        self.assertTrue(page.live)
        self.assertEqual(page.title, "Relationships and trust")
        self.assertEqual(page.slug, "relationships")
        self.assertEqual(
            [step.block_type for step in page.steps],
            ["practice", "change", "outcome", "less_violence"],
        )
        self.assertEqual(page.steps[0].value["evidence"][0]["title"], SOURCE["title"])
        self.assertEqual(page.steps[2].value.heading, "Outcome for families")
        self.assertEqual(
            [sign.text for sign in page.indicators.all()],
            ["People can name their worker.", "Promises are kept."],
        )
        self.assertEqual(self.trust.explanation, page)

    def test_an_editor_can_give_a_title_of_their_own(self):
        data = self.form_data(title="Trust", slug="trust", **{"action-publish": "1"})
        self.assertEqual(self.client.post(self.add_url(), data).status_code, 302)
        page = DriverPage.objects.get(driver=self.trust)
        self.assertEqual((page.title, page.slug), ("Trust", "trust"))

    def test_steps_out_of_order_are_refused_with_a_message(self):
        steps = [GOOD_STEPS[1], GOOD_STEPS[0], *GOOD_STEPS[2:]]
        for action in ({"action-publish": "1"}, {}):  # publishing, and saving a draft
            response = self.client.post(self.add_url(), self.form_data(steps, **action))

            self.assertEqual(response.status_code, 200)
            self.assertContains(response, "The page could not be created due to validation errors")
            self.assertEqual(
                self.stream_errors(response),
                [
                    "Step 2 (“Practice”) comes after step 1 (“What changes”): the steps go "
                    "from practice, to what changes, to outcomes, to less violence. Move it up."
                ],
            )
            self.assertContains(response, "Move it up.")
            self.assertFalse(DriverPage.objects.exists())

    def test_less_violence_comes_last(self):
        steps = [*GOOD_STEPS[:2], GOOD_STEPS[3], GOOD_STEPS[2]]
        response = self.client.post(self.add_url(), self.form_data(steps))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Step 4 (“Outcome”) comes after step 3", self.stream_errors(response)[0])

    def test_every_kind_of_step_is_needed_to_publish_but_not_for_a_draft(self):
        steps = [GOOD_STEPS[0], GOOD_STEPS[2]]
        response = self.client.post(
            self.add_url(), self.form_data(steps, **{"action-publish": "1"})
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            self.stream_errors(response),
            [
                f"Add at least one “{label}” step: the theory of change runs from practice, "
                "through what changes and the outcomes, to less violence."
                for label in ("What changes", "Less violence")
            ],
        )
        self.assertFalse(DriverPage.objects.exists())

        # A draft may be unfinished.
        self.assertEqual(self.client.post(self.add_url(), self.form_data(steps)).status_code, 302)
        draft = DriverPage.objects.get(driver=self.trust)
        self.assertFalse(draft.live)

    def test_an_outcome_says_whom_it_is_for(self):
        steps = [GOOD_STEPS[0], GOOD_STEPS[1], ("outcome", {**GOOD_STEPS[2][1], "for_whom": ""})]
        response = self.client.post(
            self.add_url(), self.form_data([*steps, GOOD_STEPS[3]], **{"action-publish": "1"})
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(DriverPage.objects.exists())

    def test_a_second_page_for_the_same_driver_is_refused_by_name(self):
        first = driver_page(self.trust, title="Relationships and trust")
        response = self.client.post(
            self.add_url(), self.form_data(slug="trust-again", **{"action-publish": "1"})
        )

        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.context["form"].errors["driver"],
            [
                "Relationships and trust already has a page, “Relationships and trust”. Edit "
                "that page instead, or choose another driver."
            ],
        )
        self.assertContains(response, "already has a page")
        self.assertEqual(list(DriverPage.objects.all()), [first])

    def test_editing_a_page_keeps_its_own_driver(self):
        page = driver_page(self.trust)
        url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        data = self.form_data(
            title=page.title, slug=page.slug, introduction="Reworded.", **{"action-publish": "1"}
        )
        self.assertEqual(self.client.post(url, data).status_code, 302)
        self.assertEqual(DriverPage.objects.get(pk=page.pk).introduction, "Reworded.")


class ModeratorTests(WagtailPageTestCase):
    def test_a_vru_moderator_writes_and_publishes_a_driver_page(self):
        trust = driver("relationships", "Relationships and trust")
        index = how_change_happens()
        moderator = person("moderator", MODERATORS)
        client = signed_in(moderator)
        url = reverse("wagtailadmin_pages:add", args=("drivers", "driverpage", index.pk))
        data = nested_form_data(
            {
                "title": "",
                "slug": "",
                "driver": trust.pk,
                "introduction": "Trusted relationships help people feel safe.",
                "steps": streamfield(GOOD_STEPS),
                "indicators": inline_formset([]),
                "action-publish": "1",
            }
        )

        response = client.post(url, data)

        self.assertEqual(response.status_code, 302, response.content.decode()[:3000])
        page = DriverPage.objects.get(driver=trust)
        self.assertTrue(page.live)
        self.assertTrue(page.permissions_for_user(moderator).can_publish())


class DriverDeletionTests(WagtailPageTestCase):
    def test_a_driver_with_a_page_cannot_be_deleted_and_the_editor_is_told(self):
        trust = driver("relationships", "Relationships and trust")
        driver_page(trust, title="Trust")
        client = signed_in(self.create_superuser("editor", "editor@example.org", "pw"))
        url = reverse("wagtailsnippets_casestudies_driverofchange:delete", args=(trust.pk,))
        listing = reverse("wagtailsnippets_casestudies_driverofchange:list")

        for response in (client.get(url), client.post(url)):
            self.assertRedirects(response, listing, fetch_redirect_response=False)
        messages = [str(m) for m in client.get(listing).context["messages"]]

        self.assertTrue(DriverPage.objects.filter(driver=trust).exists())
        self.assertIn(
            "Relationships and trust cannot be deleted: its page “Trust” under How change "
            "happens explains it. Delete that page first, or reword the driver instead.",
            messages,
        )

    def test_a_driver_without_a_page_can_still_be_deleted(self):
        wellbeing = driver("wellbeing", "Workforce wellbeing")
        client = signed_in(self.create_superuser("editor", "editor@example.org", "pw"))
        url = reverse("wagtailsnippets_casestudies_driverofchange:delete", args=(wellbeing.pk,))
        self.assertEqual(client.post(url).status_code, 302)
        self.assertFalse(type(wellbeing).objects.filter(pk=wellbeing.pk).exists())
