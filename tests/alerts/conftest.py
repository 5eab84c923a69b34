"""Fixtures for the email alert tests: the library's backends, people in each role, and
helpers that sign up, read the emails and follow their links as a person would."""

import re

from tests.moderation.conftest import champion, moderator, person  # noqa: F401
from tests.search.conftest import indexed, library_backend  # noqa: F401 - shared fixtures

SIGN_UP = "/library/alerts/"
CONFIRM_LINK = re.compile(r"https?://[^\s\"<>]+/library/alerts/confirm/[^/\s\"<>]+/")
STOP_LINK = re.compile(r"https?://[^\s\"<>]+/library/alerts/stop/[^/\s\"<>]+/")


def sign_up(client, email, query=""):
    """Post the sign-up form for the library filter in `query` ("sector=education&...")."""
    return client.post(SIGN_UP + ("?" + query if query else ""), {"email": email})


def link_in(message, pattern):
    """The one link of a kind in an email's text, as a path for the test client."""
    found = set(pattern.findall(message.body))
    assert len(found) == 1, message.body
    return re.sub(r"^https?://[^/]+", "", found.pop())


def confirm_path(message):
    return link_in(message, CONFIRM_LINK)


def stop_path(message):
    return link_in(message, STOP_LINK)
