"""Promoted results: pages the moderators recommend for a search phrase show first, marked
"Recommended", only for that phrase, only while public, and only within the chosen filters."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from moderation.roles import CHAMPIONS, MODERATORS
from search.models import Promotion
from tests.practice import TEST_PASSWORD, case_study, expire, sector
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db

PHRASE = "exclusion"


def promote(phrase, *pages):
    promotion = Promotion(phrase=phrase)
    for page in pages:
        promotion.pages.add(promotion.pages.model(page=page))
    promotion.save()
    return promotion


def cards(client, **params):
    """(title, recommended?) for each result card on the library page, in order."""
    soup = BeautifulSoup(client.get("/library/", params).content, "html.parser")
    return [
        (
            card.select_one(".card__title").get_text(strip=True),
            "Recommended" in card.select_one(".card__type").get_text(),
        )
        for card in soup.select("#library-results li.result")
    ]


@pytest.fixture
def practice(indexed):
    with indexed():
        pages = {
            "matching": case_study(
                "Keeping pupils in school",
                summary="Schools that reduced exclusion with nurture groups.",
                lead_sector=sector("education"),
            ),
            "chosen": case_study(
                "Family group conferences",
                summary="Families plan together before things reach crisis.",
                lead_sector=sector("local-authorities"),
            ),
            "also chosen": case_study(
                "Youth workers in A&E",
                summary="Reaching young people at a teachable moment.",
                lead_sector=sector("nhs-integrated-care-boards"),
            ),
        }
    return pages


def test_promoted_pages_show_first_marked_and_only_once(client, library_backend, practice, indexed):
    with indexed():
        promote(PHRASE, practice["also chosen"], practice["matching"])

    shown = cards(client, q="Exclusion ")

    assert shown[:2] == [("Youth workers in A&E", True), ("Keeping pupils in school", True)]
    # The page that matched the words anyway is not listed a second time below.
    assert [title for title, _ in shown].count("Keeping pupils in school") == 1
    body = client.get("/api/library/", {"q": "EXCLUSION"}).json()
    assert [item["title"] for item in body["promoted"]] == [
        "Youth workers in A&E",
        "Keeping pupils in school",
    ]


def test_a_promotion_shows_only_for_its_phrase_and_on_the_first_page(
    client, library_backend, practice, indexed
):
    with indexed():
        promote("school exclusion", practice["chosen"])

    assert cards(client, q="school  exclusion")[0] == ("Family group conferences", True)
    for other in ("exclusion", "school", "exclusion school", "school exclusions"):
        assert not any(recommended for _, recommended in cards(client, q=other)), other
        assert client.get("/api/library/", {"q": other}).json()["promoted"] == []
    assert (
        client.get("/api/library/", {"q": "school exclusion", "page": 2}).json()["promoted"] == []
    )
    assert not any(recommended for _, recommended in cards(client))


def test_a_promotion_keeps_to_the_chosen_filters(client, library_backend, practice, indexed):
    with indexed():
        promote(PHRASE, practice["chosen"], practice["also chosen"])

    in_health = cards(client, q=PHRASE, sector="nhs-integrated-care-boards")

    assert ("Youth workers in A&E", True) in in_health
    assert ("Family group conferences", True) not in in_health
    recommendations = client.get("/api/library/", {"q": PHRASE, "type": "recommendation"}).json()
    assert recommendations["promoted"] == []


def test_a_page_the_public_cannot_see_is_never_promoted(
    client, library_backend, practice, indexed, django_user_model
):
    champion = django_user_model.objects.create_user("champion", password="x")
    with indexed():
        draft = case_study("Draft practice", publish=False)
        submitted = case_study("Submitted practice", publish=False)
        submitted.get_workflow().start(submitted, champion)
        unpublished = case_study("Unpublished practice")
        restricted = case_study("Restricted practice")
        expired = case_study("Expired practice")
        promote(PHRASE, draft, submitted, unpublished)
        promote("quiet rooms", restricted, expired, practice["chosen"])
    with indexed():
        unpublished.unpublish()
        PageViewRestriction.objects.create(
            page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        expire(expired)

    assert not any(recommended for _, recommended in cards(client, q=PHRASE))
    assert client.get("/api/library/", {"q": PHRASE}).json()["promoted"] == []
    assert cards(client, q="quiet rooms") == [("Family group conferences", True)]
    body = client.get("/api/library/", {"q": "quiet rooms"}).json()
    assert [item["title"] for item in body["promoted"]] == ["Family group conferences"]


def test_changing_a_promotion_retires_kept_pages(client, library_backend, practice, indexed):
    assert not any(recommended for _, recommended in cards(client, q=PHRASE))
    with indexed():
        promotion = promote(PHRASE, practice["chosen"])
    assert cards(client, q=PHRASE)[0] == ("Family group conferences", True)
    with indexed():
        promotion.delete()
    assert not any(recommended for _, recommended in cards(client, q=PHRASE))


# --- the admin ---------------------------------------------------------------------------


def person(username, group):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", TEST_PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    return user


def promotion_form(phrase, *pages):
    form = {
        "phrase": phrase,
        "pages-TOTAL_FORMS": str(len(pages)),
        "pages-INITIAL_FORMS": "0",
        "pages-MIN_NUM_FORMS": "1",
        "pages-MAX_NUM_FORMS": "3",
    }
    for number, page in enumerate(pages):
        form.update(
            {
                f"pages-{number}-page": str(page.pk),
                f"pages-{number}-ORDER": str(number + 1),
                f"pages-{number}-id": "",
                f"pages-{number}-DELETE": "",
            }
        )
    return form


ADD = reverse("wagtailsnippets_search_promotion:add")


def test_a_moderator_promotes_pages_from_a_phrase_given_in_the_link(practice):
    moderator = signed_in(person("moderator", MODERATORS))

    form_page = moderator.get(ADD, {"phrase": "  School   Exclusion "})
    assert form_page.status_code == 200
    assert 'value="school exclusion"' in form_page.content.decode()

    response = moderator.post(
        ADD, promotion_form("School  Exclusion", practice["chosen"], practice["matching"])
    )

    assert response.status_code == 302
    promotion = Promotion.objects.get()
    assert promotion.phrase == "school exclusion"
    assert [p.page.title for p in promotion.pages.order_by("sort_order")] == [
        "Family group conferences",
        "Keeping pupils in school",
    ]


def test_at_most_three_pages_each_once_and_one_promotion_per_phrase(practice):
    moderator = signed_in(person("moderator", MODERATORS))
    fourth = case_study("Fourth page")
    pages = [practice["chosen"], practice["matching"], practice["also chosen"], fourth]

    too_many = moderator.post(ADD, promotion_form(PHRASE, *pages))
    twice = moderator.post(ADD, promotion_form(PHRASE, practice["chosen"], practice["chosen"]))
    assert Promotion.objects.count() == 0
    assert moderator.post(ADD, promotion_form(PHRASE, practice["chosen"])).status_code == 302
    again = moderator.post(ADD, promotion_form(" EXCLUSION", practice["matching"]))

    for response in (too_many, twice, again):
        assert response.status_code == 200
    assert "Recommend at most 3 pages" in too_many.content.decode()
    assert "recommended once" in twice.content.decode()
    assert "already recommended pages" in again.content.decode()
    assert Promotion.objects.count() == 1


def test_champions_cannot_promote_pages(practice):
    champion = signed_in(person("champion", CHAMPIONS))

    response = champion.post(ADD, promotion_form(PHRASE, practice["chosen"]))

    assert response.status_code in (302, 403)
    assert Promotion.objects.count() == 0
