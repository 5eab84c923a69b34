"""The library page's filter checkboxes, drawn once per set of facet labels.

A checkbox's markup (its input, label and hint) changes only when an editor renames a value,
which gives a new set of labels (`facets.known_values`). What changes from one search to the
next is whether it is ticked and its count. So each checkbox is rendered from
`search/includes/facet_option.html` once, ticked and not, with a marker where the count goes,
and a search only joins the pieces: sixty checkboxes cost a string join, not sixty renders.
"""

import threading

from django.template.loader import get_template
from django.utils.safestring import mark_safe

COUNT = "\x00count\x00"

_lock = threading.Lock()
_drawn = {"labels": None, "pieces": {}}


def _pieces(facet, option, template):
    """(before the count, after it) for the option, ticked (True) and not (False)."""
    pieces = {}
    for selected in (False, True):
        html = template.render(
            {"facet": facet, "option": {**option, "count": COUNT, "selected": selected}}
        )
        before, marker, after = html.partition(COUNT)
        if not marker or COUNT in after:
            return None  # a label holding the marker itself is drawn per search instead
        pieces[selected] = (before, after)
    return pieces


def _drawn_for(labels, hints):
    with _lock:
        if _drawn["labels"] is labels:
            return _drawn["pieces"]
    template = get_template("search/includes/facet_option.html")
    pieces = {
        (facet, slug): _pieces(
            facet,
            {"value": slug, "label": label, "hint": hints.get(facet, {}).get(slug, "")},
            template,
        )
        for facet, values in labels.items()
        for slug, label in values.items()
    }
    with _lock:
        _drawn.update(labels=labels, pieces=pieces)
    return pieces


def checkboxes(facet, options, labels, hints):
    """The HTML of a facet's checkboxes: `options` as `facet_listing` gives them, `labels` the
    request's `known_values()` (the same object while no value is renamed)."""
    drawn = _drawn_for(labels, hints)
    template = None
    parts = []
    for option in options:
        pieces = drawn.get((facet, option["value"]))
        if pieces is None:
            template = template or get_template("search/includes/facet_option.html")
            hint = hints.get(facet, {}).get(option["value"], "")
            parts.append(template.render({"facet": facet, "option": {**option, "hint": hint}}))
            continue
        before, after = pieces[option["selected"]]
        parts.append(f"{before}{int(option['count'])}{after}")
    return mark_safe("".join(parts))  # noqa: S308 - rendered by the template, escaped there
