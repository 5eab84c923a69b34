"""Playwright in Debian's Chromium, against Django's live test server.

Playwright's own browser download cannot work here, so the tests drive /usr/bin/chromium.
Screenshots go to var/screenshots/ (git-ignored).
"""

import json
import os
import re
import uuid
from contextlib import contextmanager
from pathlib import Path

from django.contrib.auth import get_user_model

import pytest
from playwright.sync_api import sync_playwright

from accounts.two_step import must_use_two_step
from search import index
from search.engine import configured_engine
from tests.conftest import engine
from tests.practice import TEST_PASSWORD
from tests.signing_in import app_code, paired_app

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `make test` installs Debian's chromium.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextmanager
def browser_page(chromium, viewport=DESKTOP, **options):
    """A page in a fresh browser context: its own cookies, as another person's browser."""
    context = chromium.new_context(viewport=viewport, **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        yield page
    finally:
        context.close()


def sign_in(page, live_server, username, password=TEST_PASSWORD):
    """Sign in to the Wagtail admin as a person would, and wait for the dashboard.

    Moderators and superusers also give the code their (already paired) app shows.
    """
    user = get_user_model().objects.get(username=username)
    app = paired_app(user) if must_use_two_step(user) else None
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if app is not None:
        page.wait_for_url("**/admin/two-step/verify/**")
        page.get_by_role("textbox", name=re.compile(r"^Code")).fill(app_code(app))
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/admin/")


@pytest.fixture
def page(chromium):
    with browser_page(chromium) as page:
        yield page


@pytest.fixture
def second_page(chromium):
    """A second person's browser beside `page`, e.g. a moderator beside a champion."""
    with browser_page(chromium) as page:
        yield page


@pytest.fixture
def screenshot():
    """Save a full-page screenshot as var/screenshots/<name>.png and return its path."""

    def take(page, name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def elasticsearch_library(settings):
    """The library on the real Elasticsearch, with an index of its own for this test."""
    config = engine("elasticsearch")
    settings.SEARCH_ENGINE_URLS = {"elasticsearch": config.url, "opensearch": ""}
    settings.LIBRARY_INDEX_PREFIX = f"test-library-{uuid.uuid4().hex[:10]}"
    index.ensure_index(configured_engine())
    yield
    index.drop(config)


@pytest.fixture
def axe_violations():
    """Run axe-core (from npm, built by `make test`) on the open page at WCAG 2.2 A and AA."""
    if not AXE.exists():
        pytest.fail(f"axe-core not found at {AXE}: `make test` installs the npm packages.")

    source = AXE.read_text()

    def check(page):
        # Evaluated by the browser's own protocol, which the page's Content Security Policy
        # does not govern; a <script> tag with the same text would be refused by it.
        page.evaluate(source)
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA
        )
        return [
            f"{v['id']} ({v['impact']}): {v['help']} -> "
            + json.dumps([n["target"] for n in v["nodes"][:3]])
            for v in result["violations"]
        ]

    return check
