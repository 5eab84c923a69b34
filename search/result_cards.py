"""The library page's result cards, each drawn once for what it shows.

A card shows a page's type, evidence, date, title, link, sectors and drivers, which change
only when the page or a label does, and a summary that a search may highlight. Each card is
rendered from `search/includes/result_card.html` once, with a marker where the summary goes,
and kept under everything else it shows; a search only puts its summary in. The most recently
shown cards are kept in each process.
"""

import threading
from collections import OrderedDict

from django.template.loader import get_template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

SUMMARY = "\x00summary\x00"
CARDS_KEPT = 2000

_lock = threading.Lock()
_cards = OrderedDict()  # what the card shows, but its summary -> (before, after)


def _shown(hit):
    labels = hit["labels"]
    return (
        hit["url"],
        hit["title"],
        labels["type"],
        tuple(labels["evidence"]),
        hit["published_on"],
        tuple(labels["sectors"]),
        tuple(labels["drivers"]),
        bool(hit.get("promoted")),
    )


def _drawn(hit):
    key = _shown(hit)
    with _lock:
        pieces = _cards.get(key)
        if pieces is not None:
            _cards.move_to_end(key)
            return pieces
    html = get_template("search/includes/result_card.html").render({"hit": hit, "summary": SUMMARY})
    before, marker, after = html.partition(SUMMARY)
    if not marker or SUMMARY in after:
        return None  # a card holding the marker itself is drawn each time instead
    with _lock:
        _cards[key] = (before, after)
        while len(_cards) > CARDS_KEPT:
            _cards.popitem(last=False)
    return before, after


def summary_of(hit):
    """The highlighted summary from the search (already escaped, with <mark>), or the plain
    summary escaped."""
    if hit.get("highlight"):
        return mark_safe(hit["highlight"])  # noqa: S308 - escaped before <mark> went in
    return conditional_escape(hit["summary"])


def cards(hits):
    """The HTML of the result cards for `hits` (as the library page's view builds them)."""
    parts = []
    for hit in hits:
        pieces = _drawn(hit)
        if pieces is None:
            parts.append(
                get_template("search/includes/result_card.html").render(
                    {"hit": hit, "summary": summary_of(hit)}
                )
            )
            continue
        parts.append(f"{pieces[0]}{summary_of(hit)}{pieces[1]}")
    return mark_safe("".join(parts))  # noqa: S308 - rendered by the template, escaped there
