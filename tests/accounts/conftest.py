"""People with and without publishing rights, and signing in through the real login form."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

import pytest

from moderation.roles import CHAMPIONS, MODERATORS
from tests.practice import TEST_PASSWORD


def person(username, group=None, **fields):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", TEST_PASSWORD, **fields
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def champion(db):
    return person("amara", CHAMPIONS)


@pytest.fixture
def moderator(db):
    return person("rowan", MODERATORS)


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        "site-admin", "admin@example.org", TEST_PASSWORD
    )


def password_sign_in(username, password=TEST_PASSWORD, address="203.0.113.7", client=None):
    """Post the admin's sign-in form as a browser would; the response, and the client."""
    client = client or Client(REMOTE_ADDR=address)
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password, "next": reverse("wagtailadmin_home")},
        REMOTE_ADDR=address,
    )
    return response, client
