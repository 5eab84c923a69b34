"""What a champion writes is shown as text in the library, highlighted or not, on every backend.

The engines mark the words searched for in a summary, and the library page shows that marked
summary as HTML. A summary holding markup must still reach the reader as the words typed.
"""

from html.parser import HTMLParser

import pytest

from casestudies.models import CaseStudyPage
from moderation.roles import CHAMPIONS, MODERATORS
from tests.moderation.conftest import person, submit_new_case_study, workflow_action
from tests.practice import case_study_index

pytestmark = pytest.mark.django_db

TITLE = "Zephyr circles for young people"
SUMMARY = (
    "Zephyr circles: <script>alert(1)</script> <img src=x onerror=alert(1)> "
    "and an unclosed <b>bold claim"
)


class CardSummaries(HTMLParser):
    """The text and the elements inside each result's summary on a library page."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.summaries = []
        self.inside = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "p" and ("class", "card__summary") in attrs:
            self.inside = True
            self.summaries.append({"text": "", "elements": []})
        elif self.inside:
            self.summaries[-1]["elements"].append(tag)

    def handle_endtag(self, tag):
        if tag == "p":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.summaries[-1]["text"] += data


@pytest.fixture
def written_by_a_champion(indexed):
    """The case study as a champion typed it in the editor, approved by a VRU moderator."""
    champion = person("champion", CHAMPIONS)
    moderator = person("moderator", MODERATORS)
    with indexed():
        page = submit_new_case_study(champion, case_study_index(), TITLE, summary=SUMMARY)
        assert workflow_action(moderator, page, "approve").status_code == 302
    page = CaseStudyPage.objects.get(pk=page.pk)
    assert page.live and page.summary == SUMMARY
    return page


def test_a_summary_holding_markup_is_shown_as_text_in_the_library(
    client, library_backend, written_by_a_champion
):
    body = client.get("/api/library/", {"q": "zephyr"}).json()
    assert [r["title"] for r in body["results"]] == [TITLE]
    highlight = body["results"][0]["highlight"]

    html = client.get("/library/", {"q": "zephyr"}).content.decode()

    (summary,) = CardSummaries(html).summaries
    assert summary["text"] == SUMMARY
    # The engine (or PostgreSQL's full-text search, for the database copy) marked the word
    # searched for, and nothing else became an element.
    assert "<mark>Zephyr</mark>" in highlight
    assert summary["elements"] == ["mark"]
    for markup in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>bold"):
        assert markup not in html
        assert markup not in highlight
    assert "&lt;script&gt;alert(1)&lt;" in html
