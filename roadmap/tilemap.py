"""The borough map: London as a grid of equal squares, one per borough, drawn as SVG on the server.

The squares stand in the "London squared" arrangement (After the Flood's grid, as giCentre
publishes it): each borough roughly where it is, so east is right and the river runs through
rows four and five. Positions and short labels are held here by borough slug; a borough an
editor adds later has no square and is listed below the map instead.

Readable without colour: each square prints its count, and its border grows heavier with each
shading step (no case studies yet: a thin dashed border). Screen readers meet a list of links,
one per borough, in row order, e.g. "Hackney: 3 case studies". Wide screens show short names
("Kens & Chel"); narrow ones show three-letter codes ("Kns"), which fit a 36-pixel square.
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join

PITCH = 64  # one square and the gap beside it, in the drawing's own units
SQUARE = 60
# Border width for each shading step; borders are drawn inside the square, so a heavy one
# never reaches a neighbour.
STROKES = {0: 1, 1: 1.5, 2: 2.5, 3: 3.5, 4: 4.5}


@dataclass(frozen=True)
class Place:
    row: int  # from 1, north to south
    col: int  # from 1, west to east
    label: tuple  # the short name, one line each, broken only between words
    code: str  # three letters for narrow screens


LONDON_SQUARED = {
    "enfield": Place(1, 5, ("Enfield",), "Enf"),
    "harrow": Place(2, 3, ("Harrow",), "Hrw"),
    "barnet": Place(2, 4, ("Barnet",), "Brn"),
    "haringey": Place(2, 5, ("Haringey",), "Hgy"),
    "waltham-forest": Place(2, 6, ("Waltham", "Forest"), "Wth"),
    "hillingdon": Place(3, 1, ("Hillingdon",), "Hdn"),
    "ealing": Place(3, 2, ("Ealing",), "Elg"),
    "brent": Place(3, 3, ("Brent",), "Brt"),
    "camden": Place(3, 4, ("Camden",), "Cmd"),
    "islington": Place(3, 5, ("Islington",), "Isl"),
    "hackney": Place(3, 6, ("Hackney",), "Hck"),
    "redbridge": Place(3, 7, ("Redbridge",), "Rdb"),
    "havering": Place(3, 8, ("Havering",), "Hvg"),
    "hounslow": Place(4, 1, ("Hounslow",), "Hns"),
    "hammersmith-and-fulham": Place(4, 2, ("Ham & Ful",), "Hms"),
    "kensington-and-chelsea": Place(4, 3, ("Kens &", "Chel"), "Kns"),
    "westminster": Place(4, 4, ("Westminster",), "Wst"),
    "city-of-london": Place(4, 5, ("City",), "Cty"),
    "tower-hamlets": Place(4, 6, ("Tower", "Hamlets"), "Tow"),
    "newham": Place(4, 7, ("Newham",), "Nwm"),
    "barking-and-dagenham": Place(4, 8, ("Bark &", "Dag"), "Bar"),
    "richmond-upon-thames": Place(5, 2, ("Richmond",), "Rch"),
    "wandsworth": Place(5, 3, ("Wandsworth",), "Wns"),
    "lambeth": Place(5, 4, ("Lambeth",), "Lam"),
    "southwark": Place(5, 5, ("Southwark",), "Swr"),
    "lewisham": Place(5, 6, ("Lewisham",), "Lsh"),
    "greenwich": Place(5, 7, ("Greenwich",), "Grn"),
    "bexley": Place(5, 8, ("Bexley",), "Bxl"),
    "kingston-upon-thames": Place(6, 3, ("Kingston",), "Kng"),
    "merton": Place(6, 4, ("Merton",), "Mrt"),
    "croydon": Place(6, 5, ("Croydon",), "Crd"),
    "bromley": Place(6, 6, ("Bromley",), "Brm"),
    "sutton": Place(7, 4, ("Sutton",), "Stn"),
}
COLUMNS = max(place.col for place in LONDON_SQUARED.values())
ROWS = max(place.row for place in LONDON_SQUARED.values())

# Baselines inside a square, from its top: the short name (one or two lines) over the count on
# wide screens; the code over the count on narrow ones.
NAME_BASELINES = {1: (23,), 2: (18, 28)}
CODE_BASELINE = 26
COUNT_BASELINE = 49


def case_studies(count):
    return f"{count} case stud{'y' if count == 1 else 'ies'}"


def placed(rows):
    """Split borough rows into those with a square, in reading order, and those without."""
    on_map = sorted(
        (row for row in rows if row["borough"].slug in LONDON_SQUARED),
        key=lambda row: (
            LONDON_SQUARED[row["borough"].slug].row,
            LONDON_SQUARED[row["borough"].slug].col,
        ),
    )
    return on_map, [row for row in rows if row["borough"].slug not in LONDON_SQUARED]


def _tile(row):
    place = LONDON_SQUARED[row["borough"].slug]
    left = (place.col - 1) * PITCH
    top = (place.row - 1) * PITCH
    middle = left + SQUARE / 2
    stroke = STROKES[row["level"]]
    name = format_html_join(
        "",
        '<tspan x="{}" y="{}">{}</tspan>',
        (
            (middle, top + baseline, line)
            for line, baseline in zip(place.label, NAME_BASELINES[len(place.label)], strict=True)
        ),
    )
    # The link holds the square and its count; the short name or code is drawn over it but
    # stands outside it (and clicks pass through to the square), so the link's name, the
    # borough's full name, contains all the text the link shows.
    return format_html(
        '<g role="listitem" class="tile-map__place tile-map__place--{}">'
        '<a href="{}" class="tile-map__tile" aria-label="{}: {}">'
        '<rect class="tile-map__square" x="{}" y="{}" width="{}" height="{}" stroke-width="{}"{}/>'
        '<text class="tile-map__count" x="{}" y="{}" text-anchor="middle">{}</text></a>'
        '<text class="tile-map__name" text-anchor="middle" aria-hidden="true" '
        'pointer-events="none">{}</text>'
        '<text class="tile-map__code" x="{}" y="{}" text-anchor="middle" aria-hidden="true" '
        'pointer-events="none">{}</text></g>',
        row["level"],
        row["url"],
        row["borough"].name,
        case_studies(row["count"]),
        left + stroke / 2,
        top + stroke / 2,
        SQUARE - stroke,
        SQUARE - stroke,
        stroke,
        format_html(' stroke-dasharray="{}"', "3 3") if row["level"] == 0 else "",
        middle,
        top + COUNT_BASELINE,
        row["count"],
        name,
        middle,
        top + CODE_BASELINE,
        place.code,
    )


def tile_map(rows, label):
    """The SVG map for borough rows ({"borough", "count", "level", "url"}), named `label`."""
    on_map, _ = placed(rows)
    if not on_map:
        return ""
    return format_html(
        '<svg class="tile-map" viewBox="0 0 {} {}" width="100%" role="list" aria-label="{}" '
        'xmlns="http://www.w3.org/2000/svg">{}</svg>',
        COLUMNS * PITCH - (PITCH - SQUARE),
        ROWS * PITCH - (PITCH - SQUARE),
        label,
        format_html_join("", "{}", ((_tile(row),) for row in on_map)),
    )


def key_swatch(level):
    """A small square drawn as the map draws a square at `level`, for the key."""
    stroke = STROKES[level]
    return format_html(
        '<svg class="tile-map__swatch tile-map__place--{}" viewBox="0 0 {} {}" width="32" '
        'height="32" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">'
        '<rect class="tile-map__square" x="{}" y="{}" width="{}" height="{}" stroke-width="{}"{}/>'
        "</svg>",
        level,
        SQUARE,
        SQUARE,
        stroke,
        stroke,
        SQUARE - 2 * stroke,
        SQUARE - 2 * stroke,
        stroke * 2,
        format_html(' stroke-dasharray="{}"', "6 6") if level == 0 else "",
    )
