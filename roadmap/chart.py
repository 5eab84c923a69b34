"""The profile chart: one bar per driver of change, drawn as SVG on the server.

Readable without colour: every bar ends in its stage name written out, unreached stages are
outlined rather than filled, and the filled part is hatched so it survives greyscale printing.
The page shows the same information as a table as well.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

WIDTH = 360
AXIS_HEIGHT = 24
ROW_HEIGHT = 78
BAR_HEIGHT = 24
REACHED = mark_safe(  # noqa: S308 - a constant
    'class="profile-chart__reached" fill="url(#profile-chart-hatch)" stroke="#0b0c0c"'
)
AHEAD = mark_safe(  # noqa: S308 - a constant
    'class="profile-chart__ahead" fill="#ffffff" stroke="#0b0c0c" stroke-dasharray="4 3"'
)


def _segments(y, stage_count, reached):
    width = WIDTH / stage_count
    return format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" {}/>',
        (
            (
                round(i * width + 1, 2),
                y,
                round(width - 2, 2),
                BAR_HEIGHT,
                REACHED if i < reached else AHEAD,
            )
            for i in range(stage_count)
        ),
    )


def profile_chart(profiles, stages):
    """An accessible SVG chart of where the person is now for each driver."""
    stage_count = len(stages)
    if not profiles or not stage_count:
        return ""
    height = AXIS_HEIGHT + ROW_HEIGHT * len(profiles)
    column = WIDTH / stage_count
    axis = format_html_join(
        "",
        '<text x="{}" y="16" text-anchor="middle" class="profile-chart__axis">{}</text>',
        ((round(column * i + column / 2, 2), stage.name) for i, stage in enumerate(stages)),
    )
    rows = []
    summary = []
    for number, profile in enumerate(profiles):
        top = AXIS_HEIGHT + ROW_HEIGHT * number
        name = profile.guide.driver.name
        if profile.stage is None:
            status = "not answered"
        else:
            status = f"{profile.stage.name}, stage {profile.stage_number} of {stage_count}"
        summary.append(f"{name}: {status}.")
        rows.append(
            format_html(
                '<g><text x="0" y="{}" class="profile-chart__driver">{}</text>{}'
                '<text x="0" y="{}" class="profile-chart__stage">Where you are now: {}</text></g>',
                top + 16,
                name,
                _segments(top + 24, stage_count, profile.stage_number),
                top + 66,
                status,
            )
        )
    return format_html(
        '<svg class="profile-chart" viewBox="0 0 {} {}" width="100%" role="img" '
        'aria-labelledby="profile-chart-title profile-chart-desc" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<title id="profile-chart-title">Your profile: where you are now for each driver of '
        "change</title>"
        '<desc id="profile-chart-desc">{}</desc>'
        "<defs>"
        '<pattern id="profile-chart-hatch" width="8" height="8" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        '<rect width="8" height="8" fill="#3d1a54"/>'
        '<line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" stroke-width="3"/>'
        "</pattern></defs>"
        "{}{}</svg>",
        WIDTH,
        height,
        " ".join(summary),
        axis,
        format_html_join("", "{}", ((row,) for row in rows)),
    )
