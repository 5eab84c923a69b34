"""The theory-of-change picture: the same steps as the numbered list, in the same order,
across the page on wide screens and down it on narrow ones, with words kept whole."""

import re
from html import unescape

import pytest

from drivers.flow import NARROW, WIDE, change_flow, steps_in_order, wrap
from tests.drivers.conftest import STEPS, SVG, driver_page, parse_svg, step, svg_boxes
from tests.practice import driver

pytestmark = pytest.mark.django_db


def pictures(html):
    return {
        variant: svg
        for svg in re.findall(r"<svg class=\"change-flow__svg.*?</svg>", html, re.S)
        for variant in re.findall(r"change-flow__svg--(\w+)", svg)[:1]
    }


def listed_steps(html):
    """(kind, heading, text) of each item of the numbered list of steps."""
    steps = re.search(r'<ol class="change-flow__steps">(.*?)</ol>\s*</div>', html, re.S).group(1)
    return [
        (kind, unescape(heading), unescape(text))
        for kind, heading, text in re.findall(
            r'<li class="change-flow__item" data-kind="(\w+)">\s*'
            r'<p class="change-flow__item-kind">([^<]*)</p>\s*'
            r'<p class="change-flow__item-text">([^<]*)</p>',
            steps,
        )
    ]


def boxes_with_places(svg):
    """(kind, x, y) of each step's box, in drawing order."""
    root = parse_svg(svg)
    return [
        (group.get("data-kind"), float(rect.get("x")), float(rect.get("y")))
        for group in root.iter(f"{SVG}g")
        for rect in group.iter(f"{SVG}rect")
    ]


def test_the_picture_and_the_list_carry_the_same_steps_in_order(client):
    page = driver_page(driver("relationships", "Relationships and trust"))

    html = client.get(page.url).content.decode()

    listed = listed_steps(html)
    assert listed == [
        ("practice", "Practice", "Young people keep the same worker."),
        ("change", "What changes", "Young people trust that adults will come back."),
        ("outcome", "Outcome for young people", "Young people ask for help earlier."),
        ("outcome", "Outcome for families", "Families feel less judged."),
        ("less_violence", "Less violence", "Fewer young people are drawn into violence."),
    ]
    drawn = pictures(html)
    assert set(drawn) == {"wide", "narrow"}
    for svg in drawn.values():
        assert 'aria-hidden="true"' in svg.split(">", 1)[0]
        assert [(kind, text) for kind, _for, text in svg_boxes(svg)] == [
            (kind, text) for kind, _heading, text in listed
        ]
        # An outcome's box says whom it is for, as the list does.
        assert [
            f"Outcome {lead[0].lower()}{lead[1:]}" for _k, lead, _t in svg_boxes(svg) if lead
        ] == [heading for kind, heading, _text in listed if kind == "outcome"]
    # The evidence is in the list, with its link.
    assert 'href="https://example.org/key-workers"' in html
    assert "Key worker pilot evaluation</a>: Young people stayed in touch for longer." in html


def test_wide_runs_across_and_narrow_runs_down(client):
    steps = steps_in_order(driver_page(driver()).steps)
    picture = change_flow(steps)

    wide = boxes_with_places(str(picture["wide"]))
    columns = {}
    for kind, x, _y in wide:
        columns.setdefault(kind, set()).add(x)
    lefts = [min(columns[kind]) for kind in ("practice", "change", "outcome", "less_violence")]
    assert lefts == sorted(lefts) and len(set(lefts)) == 4

    narrow = boxes_with_places(str(picture["narrow"]))
    assert {x for _kind, x, _y in narrow} == {1}
    tops = [y for _kind, _x, y in narrow]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
    root = parse_svg(str(picture["narrow"]))
    assert root.get("viewBox").split()[2] == str(NARROW.width)


def test_long_text_is_wrapped_between_words_and_escaped():
    text = (
        "Staff & young people <agree> on what “safe” means, and trauma-informed practice "
        "becomes how the whole organisation works every single day"
    )
    page_steps = steps_in_order(
        driver_page(
            driver(),
            steps=[
                step("practice", text),
                step("change", "Change."),
                step("outcome", "Outcome.", for_whom="staff"),
                step("less_violence", "Less violence."),
            ],
        ).steps
    )
    picture = change_flow(page_steps)
    for variant, shape in (("wide", WIDE), ("narrow", NARROW)):
        boxes = svg_boxes(picture[variant])
        assert boxes[0] == ("practice", "", text)
        root = parse_svg(str(picture[variant]))
        first = next(root.iter(f"{SVG}g"))
        lines = [span.text for span in first.iter(f"{SVG}tspan")]
        assert len(lines) > 1
        words = text.split()
        assert " ".join(lines).split() == words  # no word split across lines
        assert all(line == line.strip() for line in lines)
        # Ordinary words fit their box at the picture's own text size.
        assert first.find(f"{SVG}text[@class='change-flow__text']").get("font-size") == str(
            shape.font
        )
    assert wrap("an extraordinarily-long-hyphenated-word here", 10) == [
        "an",
        "extraordinarily-long-hyphenated-word",
        "here",
    ]


def test_the_list_and_picture_follow_the_theory_of_change_order_whatever_is_stored(client):
    # Saved outside the editor, which would refuse this order.
    page = driver_page(driver(), steps=[STEPS[4], STEPS[0], STEPS[2], STEPS[1]])
    html = client.get(page.url).content.decode()
    kinds = [kind for kind, _heading, _text in listed_steps(html)]
    assert kinds == ["practice", "change", "outcome", "less_violence"]
    assert [kind for kind, _for, _text in svg_boxes(pictures(html)["narrow"])] == kinds


def test_a_page_without_steps_has_no_picture(client):
    page = driver_page(driver(), steps=[])
    response = client.get(page.url)
    assert response.status_code == 200
    assert "change-flow__svg" not in response.content.decode()
