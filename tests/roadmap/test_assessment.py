"""The stage rule and the reading of answers from a link, without a database."""

from django.http import QueryDict

import pytest

from roadmap.assessment import DamagedLink, bands, read_answers, stage_index


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([1, 1], 0),
        ([1, 2], 0),  # average 1.5
        ([2, 2], 1),  # average 2
        ([1, 2, 2, 2], 1),  # average 1.75: on a boundary, the higher stage
        ([2, 3], 2),  # average 2.5
        ([3, 3], 2),
        ([3, 4, 3, 3], 3),  # average 3.25
        ([4, 4], 3),
    ],
)
def test_the_average_answer_places_a_driver_at_a_stage(values, expected):
    assert stage_index(values, 4) == expected


def test_no_answers_means_no_stage():
    assert stage_index([], 4) is None


def test_bands_split_the_scale_evenly_and_cover_it():
    assert [(float(low), float(high)) for low, high in bands(4)] == [
        (1.0, 1.75),
        (1.75, 2.5),
        (2.5, 3.25),
        (3.25, 4.0),
    ]
    assert stage_index([4], 3) == 2 and stage_index([1], 3) == 0


def read(query, ids=(1, 2, 3)):
    return read_answers(QueryDict(query), set(ids), {"implementers": "Implementers"}, {"education"})


def test_answers_audience_and_sector_are_read():
    answers = read("audience=implementers&sector=education&s-1=2&s-2=4&s-3=")
    assert answers.values == {1: 2, 2: 4}
    assert (answers.audience, answers.sector) == ("implementers", "education")
    assert answers.problems == []


@pytest.mark.parametrize(
    ("query", "kept", "message"),
    [
        ("s-1=2&s-2=9", {1: 2}, "not on the scale"),
        ("s-1=2&s-2=abc", {1: 2}, "not on the scale"),
        ("s-1=2&s-2=-1", {1: 2}, "not on the scale"),
        ("s-1=2&s-2=²", {1: 2}, "not on the scale"),
        ("s-1=2&s-2=３", {1: 2}, "not on the scale"),
        ("s-1=2&s-²=3", {1: 2}, "not on this page any more"),
        ("s-1=2&s-١=3", {1: 2}, "not on this page any more"),
        ("s-1=2&s-999=3", {1: 2}, "not on this page any more"),
        ("s-1=2&s-x=3", {1: 2}, "not on this page any more"),
        ("s-1=2&audience=mayor", {1: 2}, "did not recognise the role"),
        ("s-1=2&sector=nowhere", {1: 2}, "did not recognise the sector"),
    ],
)
def test_tampered_answers_are_left_out_with_a_message(query, kept, message):
    answers = read(query)
    assert answers.values == kept
    assert any(message in problem for problem in answers.problems)


@pytest.mark.parametrize(
    "query",
    ["s-1=" + "3" * 5000, "s-" + "1" * 500 + "=3", "&".join(f"x{i}=1" for i in range(400))],
)
def test_huge_links_are_refused(query):
    with pytest.raises(DamagedLink):
        read(query)
