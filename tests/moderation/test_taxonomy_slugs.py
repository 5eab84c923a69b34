"""A taxonomy value's slug is set when it is made and fixed after: shared library links use it."""

import re

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from casestudies.models import Borough, DriverOfChange, Principle, Sector
from tests.practice import driver

from .conftest import signed_in

pytestmark = pytest.mark.django_db

TAXONOMIES = [Sector, DriverOfChange, Borough, Principle]


def url(model, action, *args):
    return reverse(f"wagtailsnippets_casestudies_{model._meta.model_name}:{action}", args=args)


def slug_input(html):
    (tag,) = re.findall(r"<input[^>]*\bname=\"slug\"[^>]*>", html)
    return tag


def form(value, **changes):
    data = {
        "name": value.name,
        "slug": value.slug,
        "description": value.description,
        "sort_order": value.sort_order,
    }
    return {**data, **changes}


@pytest.fixture
def values():
    driver()
    return {model: model.objects.order_by("pk").first() for model in TAXONOMIES}


@pytest.mark.parametrize("model", TAXONOMIES, ids=lambda model: model.__name__)
def test_a_slug_is_set_when_the_value_is_made_and_read_only_after(model, values, moderator):
    client = signed_in(moderator)
    assert "readonly" not in slug_input(client.get(url(model, "add")).content.decode())
    response = client.post(
        url(model, "add"),
        {"name": "A brand new value", "slug": "brand-new", "description": "", "sort_order": 0},
    )
    assert response.status_code == 302
    assert model.objects.get(slug="brand-new").name == "A brand new value"

    value = values[model]

    assert "readonly" in slug_input(client.get(url(model, "edit", value.pk)).content.decode())

    response = client.post(url(model, "edit", value.pk), form(value, slug="renamed-slug"))
    assert response.status_code == 200
    assert "The slug cannot change once saved" in response.content.decode()
    assert model.objects.get(pk=value.pk).slug == value.slug

    # The name can still be reworded.
    response = client.post(url(model, "edit", value.pk), form(value, name="Reworded name"))
    assert response.status_code == 302
    saved = model.objects.get(pk=value.pk)
    assert (saved.name, saved.slug) == ("Reworded name", value.slug)


def test_the_model_refuses_a_changed_slug_outside_the_admin_too():
    sector = Sector.objects.get(slug="education")
    sector.slug = "schools"
    with pytest.raises(ValidationError) as refused:
        sector.full_clean()
    assert "cannot change once saved" in str(refused.value.message_dict["slug"])
