"""What must never be kept from someone's search words: email addresses and phone numbers.

People sometimes type their own details (or someone else's) into a search box. Before any
search words are saved, anything that looks like an email address becomes "[email]" and
anything that looks like a phone number, UK or international, becomes "[phone]". The patterns
err on the side of removing: a run of seven or more digits, with or without spaces, dots,
dashes or brackets between them, counts as a phone number, unless it is only years written
side by side ("2019 2020", "2019-2020"), which people search for far more often.
"""

import re

EMAIL = re.compile(r"[^\s@]+@[^\s@]+")
# An optional "+", then seven or more digits with up to three separators between each pair:
# "07700 900123", "+44 20 7946 0958", "020-7946-0958", "(020) 7946 0958", "+44 (0)20 ...".
PHONE = re.compile(r"\+?\(?\d(?:[\s.\-()]{0,3}\d){6,}\)?")
YEARS = re.compile(r"(?:19|20)\d\d(?:[\s\-]+(?:19|20)\d\d)+")


def _phone(match):
    return match.group() if YEARS.fullmatch(match.group()) else "[phone]"


def without_contact_details(text):
    """`text` with every email address and phone number in it replaced by a marker."""
    return PHONE.sub(_phone, EMAIL.sub("[email]", text))
