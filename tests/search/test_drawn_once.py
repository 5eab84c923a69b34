"""Checkboxes and result cards drawn once give the same HTML as drawing them every time."""

from datetime import date

from django.template.loader import get_template

import pytest

from search import facet_panel, result_cards
from tests.practice import case_study, sector

pytestmark = pytest.mark.django_db

LABELS = {
    "sector": {"education": "Education & schools", "odd": 'Youth <b>"work"</b>'},
    "evidence": {"evaluated": "Evaluated"},
}
HINTS = {"evidence": {"evaluated": "Someone looked at what changed."}}


def drawn_each_time(facet, options):
    template = get_template("search/includes/facet_option.html")
    return "".join(
        template.render(
            {"facet": facet, "option": {**o, "hint": HINTS.get(facet, {}).get(o["value"], "")}}
        )
        for o in options
    )


@pytest.mark.parametrize("facet", ["sector", "evidence"])
def test_checkboxes_match_a_fresh_render_ticked_or_not_with_any_count(facet):
    values = list(LABELS[facet])
    for selected in (False, True):
        for count in (0, 7, 12345):
            options = [
                {"value": v, "label": LABELS[facet][v], "count": count, "selected": selected}
                for v in values
            ]
            html = facet_panel.checkboxes(facet, options, LABELS, HINTS)
            assert html == drawn_each_time(facet, options)
    assert "Youth &lt;b&gt;&quot;work&quot;&lt;/b&gt;" in facet_panel.checkboxes(
        "sector", [{"value": "odd", "label": "x", "count": 1, "selected": False}], LABELS, HINTS
    )


def test_renamed_labels_are_drawn_again():
    first = {"sector": {"education": "Education"}}
    renamed = {"sector": {"education": "Schools and colleges"}}
    option = [{"value": "education", "label": "", "count": 3, "selected": True}]
    assert "Education <span" in facet_panel.checkboxes("sector", option, first, {})
    assert "Schools and colleges <span" in facet_panel.checkboxes("sector", option, renamed, {})


def test_a_label_holding_the_marker_is_drawn_per_search():
    name = f"Odd {facet_panel.COUNT} name"
    option = [{"value": "odd", "label": name, "count": 4, "selected": False}]
    html = facet_panel.checkboxes("sector", option, {"sector": {"odd": name}}, {})
    assert html == drawn_each_time("sector", option)
    assert "(4)" in html


def card(**changes):
    hit = {
        "url": "/practice/panels/",
        "title": "Youth voice panels",
        "summary": "Young people <shape> the service & its rules.",
        "highlight": "",
        "published_on": date(2026, 3, 9),
        "labels": {
            "type": "Case study",
            "evidence": ["Evaluated"],
            "sectors": ["Education", "Health"],
            "drivers": ["Relationships"],
        },
    }
    return {**hit, **changes}


def card_each_time(hit):
    summary = result_cards.summary_of(hit)
    return get_template("search/includes/result_card.html").render({"hit": hit, "summary": summary})


@pytest.mark.parametrize(
    "hit",
    [
        card(),
        card(highlight="Young people <mark>shape</mark> the service &amp; its rules."),
        card(promoted=True),
        card(published_on=None, labels={**card()["labels"], "evidence": [], "drivers": []}),
        card(title=f"Holding {result_cards.SUMMARY} the marker"),
    ],
)
def test_cards_match_a_fresh_render_first_time_and_after(hit):
    assert result_cards.cards([hit]) == card_each_time(hit)
    assert result_cards.cards([hit]) == card_each_time(hit)


def test_a_card_shows_a_new_title_and_each_searchs_own_highlight():
    assert "Young people &lt;shape&gt; the service &amp; its rules." in result_cards.cards([card()])
    marked = result_cards.cards([card(highlight="<mark>Young</mark> people")])
    assert '<p class="card__summary"><mark>Young</mark> people</p>' in marked
    assert "Panels for young people" in result_cards.cards([card(title="Panels for young people")])


def test_the_library_page_shows_drawn_checkboxes_and_cards(client, library_backend, indexed):
    with indexed():
        case_study("Youth voice panels", lead_sector=sector("education"))
    html = client.get("/library/", {"q": "panels", "sector": "education"}).content.decode()
    assert 'id="f-sector-education" checked>' in html
    assert '<span class="facet__count">(1)</span>' in html
    assert '<h3 class="card__title"><a href="/' in html and ">Youth voice panels</a></h3>" in html
