"""Email addresses and phone numbers never survive into saved search words."""

import pytest

from insight.scrub import without_contact_details


@pytest.mark.parametrize(
    "typed",
    [
        "07700 900123",
        "07700900123",
        "+44 20 7946 0958",
        "+447700900123",
        "020-7946-0958",
        "(020) 7946 0958",
        "020 7946 0958",
        "0207.946.0958",
        "+44 (0)20 7946 0958",
        "+1 (555) 010-4477",
        "1234567",
    ],
)
def test_phone_numbers_in_uk_and_international_forms_are_replaced(typed):
    assert without_contact_details(f"ring {typed} today") == "ring [phone] today"


@pytest.mark.parametrize(
    "typed",
    ["jo@example.org", "Jo.Bloggs+school@example.co.uk", "first_last@sub.example.gov.uk", "a@b"],
)
def test_email_addresses_are_replaced(typed):
    assert without_contact_details(f"write to {typed} please") == "write to [email] please"


def test_an_email_address_with_digits_is_one_email_not_a_phone_number():
    assert without_contact_details("jo.07700900123@example.org") == "[email]"


def test_several_in_one_search_are_each_replaced():
    assert (
        without_contact_details("call 07700 900123 or jo@example.org about exclusion")
        == "call [phone] or [email] about exclusion"
    )


@pytest.mark.parametrize(
    "typed",
    [
        "exclusion",
        "year 7 transition",
        "covid-19 recovery",
        "top 10 ideas",
        "2024 evaluation",
        "evaluation 2019 2020",
        "2019-2020 outcomes",
    ],
)
def test_ordinary_search_words_with_a_few_digits_are_left_alone(typed):
    assert without_contact_details(typed) == typed
