"""Reading whole numbers from what people (and links) send.

`str.isdigit()` is true for superscripts and other digit-like characters that `int()` refuses
("²"), and `int()` accepts digits from other scripts ("١٢", full-width "１２"). Links from this
site only ever carry ASCII digits, so nothing else is read as a number.
"""

import re

ASCII_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")


def whole_number(text):
    """The number `text` spells in ASCII digits (at most nine), or None."""
    if ASCII_WHOLE_NUMBER.fullmatch(text):
        return int(text)
    return None
