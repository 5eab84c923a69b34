"""Theory-of-change pictures, drawn as SVG on the server.

A driver's flow runs practice → what changes → outcomes → less violence, built from the
editor's steps; the overview shows every driver leading to better outcomes and less violence.
Each picture comes in two shapes: across the page for wide screens and down the page for
narrow ones (the stylesheet shows one of them), so its text stays readable on a phone.

Readable without colour: black outlines and text on white, column and section headings in
words, arrows drawn as shapes, and the last step outlined more heavily. Text is wrapped into
its box between words. The pictures are hidden from screen readers: the page gives the same
steps as a numbered list beside them.
"""

import textwrap
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from .blocks import KIND_ORDER

TEXT = "#0b0c0c"
SURFACE = "#f3f2f1"
WHITE = "#ffffff"
BOLD = mark_safe(' font-weight="700"')  # noqa: S308 - a constant
# An average character's width as a share of the font size: a little over DejaVu Sans's, one
# of the widest fonts a browser falls back on, so a wrapped line stays inside its box.
CHARACTER_WIDTH = 0.54
BOLD_CHARACTER_WIDTH = 0.6

# What each column or section of a driver's flow is called.
COLUMN_HEADINGS = {
    "practice": "Practice",
    "change": "What changes",
    "outcome": "Outcomes",
    "less_violence": "Less violence",
}


@dataclass(frozen=True)
class Shape:
    """One drawing's measures: its width, text size and spacing, in SVG units."""

    width: int
    font: int
    line: int
    padding: int = 12
    gap: int = 12  # between boxes in a column

    def characters(self, box_width, bold=False):
        factor = BOLD_CHARACTER_WIDTH if bold else CHARACTER_WIDTH
        return max(8, int((box_width - 2 * self.padding) / (self.font * factor)))


WIDE = Shape(width=1000, font=15, line=20)
NARROW = Shape(width=320, font=17, line=23, gap=10)
WIDE_COLUMN_GAP = 48
HEADING_HEIGHT = 34
NARROW_ARROW = 40


def wrap(text, characters):
    """`text` in lines of about `characters`, broken only between words."""
    words = " ".join(str(text).split())
    return textwrap.wrap(
        words, width=characters, break_long_words=False, break_on_hyphens=False
    ) or [""]


def steps_in_order(stream):
    """The steps of a theory of change (a StreamValue) in the order they run: kinds in
    order, and the editor's order within a kind."""
    steps = [child.value for child in stream if child.block_type in KIND_ORDER]
    return sorted(steps, key=lambda step: KIND_ORDER[step.kind])


def _number(value):
    return round(value, 1)


# --- boxes and arrows -------------------------------------------------------------------


@dataclass
class Box:
    """A box of wrapped text: an optional bold first line, then the text."""

    lead: list  # bold lines
    lines: list
    font: int
    shape: Shape

    @classmethod
    def fit(cls, shape, width, text, lead="", bold=False):
        lead_lines = wrap(lead, shape.characters(width, bold=True)) if lead else []
        lines = wrap(text, shape.characters(width, bold=bold))
        # A word longer than the box is wide: make this box's text smaller to fit it.
        longest = max(len(line) for line in lines)
        room = shape.characters(width, bold=bold)
        font = shape.font if longest <= room else max(10, int(shape.font * room / longest))
        return cls(lead=lead_lines, lines=lines, font=font, shape=shape)

    @property
    def height(self):
        return 2 * self.shape.padding + (len(self.lead) + len(self.lines)) * self.shape.line

    def draw(self, x, y, width, kind, css_class, bold=False, heavy=False, height=None):
        """The box at (x, y); `height` makes it taller than its text, which is then centred."""
        shape = self.shape
        height = max(height or 0, self.height)
        top = y + (height - self.height) / 2
        baselines = [
            _number(top + shape.padding + self.font + i * shape.line)
            for i in range(len(self.lead) + len(self.lines))
        ]
        text_x = _number(x + shape.padding)
        lead = format_html_join(
            "",
            '<tspan x="{}" y="{}">{}</tspan>',
            (
                (text_x, baseline, line)
                for baseline, line in zip(baselines, self.lead, strict=False)
            ),
        )
        lines = format_html_join(
            "",
            '<tspan x="{}" y="{}">{}</tspan>',
            (
                (text_x, baseline, line)
                for baseline, line in zip(baselines[len(self.lead) :], self.lines, strict=True)
            ),
        )
        lead_text = (
            format_html(
                '<text class="change-flow__for" font-size="{}" font-weight="700" fill="{}">'
                "{}</text>",
                shape.font,
                TEXT,
                lead,
            )
            if self.lead
            else ""
        )
        return format_html(
            '<g class="{}" data-kind="{}">'
            '<rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="{}" stroke="{}" '
            'stroke-width="{}"/>'
            "{}"
            '<text class="change-flow__text" font-size="{}"{} fill="{}">{}</text>'
            "</g>",
            css_class,
            kind,
            _number(x + 1),
            _number(y),
            _number(width - 2),
            _number(height),
            SURFACE if heavy else WHITE,
            TEXT,
            4 if heavy else 2,
            lead_text,
            self.font,
            BOLD if bold else "",
            TEXT,
            lines,
        )


def arrow_right(x1, x2, y):
    return format_html(
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="3"/>'
        '<polygon points="{},{} {},{} {},{}" fill="{}"/>',
        _number(x1),
        _number(y),
        _number(x2 - 10),
        _number(y),
        TEXT,
        _number(x2 - 14),
        _number(y - 8),
        _number(x2),
        _number(y),
        _number(x2 - 14),
        _number(y + 8),
        TEXT,
    )


def arrow_between(x1, y1, x2, y2):
    """An arrow from (x1, y1) to (x2, y2), its head at the end."""
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5 or 1
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    back_x, back_y = x2 - 14 * ux, y2 - 14 * uy
    return format_html(
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="3"/>'
        '<polygon points="{},{} {},{} {},{}" fill="{}"/>',
        _number(x1),
        _number(y1),
        _number(x2 - 10 * ux),
        _number(y2 - 10 * uy),
        TEXT,
        _number(back_x - 8 * uy),
        _number(back_y + 8 * ux),
        _number(x2),
        _number(y2),
        _number(back_x + 8 * uy),
        _number(back_y - 8 * ux),
        TEXT,
    )


def arrow_down(x, y1, y2):
    return arrow_between(x, y1, x, y2)


def heading(x, y, text, anchor="start"):
    return format_html(
        '<text class="change-flow__heading" x="{}" y="{}" text-anchor="{}" font-size="17" '
        'font-weight="700" fill="{}">{}</text>',
        _number(x),
        _number(y),
        anchor,
        TEXT,
        text,
    )


def svg(variant, width, height, parts):
    return format_html(
        '<svg class="change-flow__svg change-flow__svg--{}" viewBox="0 0 {} {}" width="100%" '
        'aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">{}</svg>',
        variant,
        width,
        _number(height),
        format_html_join("", "{}", ((part,) for part in parts)),
    )


# --- a driver's flow --------------------------------------------------------------------


def _columns(steps):
    columns = []
    for step in steps:
        if columns and columns[-1][0] == step.kind:
            columns[-1][1].append(step)
        else:
            columns.append((step.kind, [step]))
    return columns


def _step_box(shape, width, step):
    lead = f"For {step.for_whom_label}" if step.for_whom_label else ""
    return Box.fit(shape, width, step["text"], lead=lead, bold=step.kind == "less_violence")


def _draw_step(box, x, y, width, step):
    last = step.kind == "less_violence"
    return box.draw(x, y, width, step.kind, "change-flow__step", bold=last, heavy=last)


def wide_flow(steps):
    shape = WIDE
    columns = _columns(steps)
    count = len(columns)
    column_width = (shape.width - WIDE_COLUMN_GAP * (count - 1)) / count
    boxed = [
        (kind, [(_step_box(shape, column_width, step), step) for step in column])
        for kind, column in columns
    ]
    heights = [
        sum(box.height for box, _ in column) + shape.gap * (len(column) - 1) for _, column in boxed
    ]
    body = max(heights)
    parts = []
    middle = HEADING_HEIGHT + body / 2
    for number, ((kind, column), height) in enumerate(zip(boxed, heights, strict=True)):
        x = number * (column_width + WIDE_COLUMN_GAP)
        parts.append(heading(x + column_width / 2, 22, COLUMN_HEADINGS[kind], anchor="middle"))
        y = HEADING_HEIGHT + (body - height) / 2
        for box, step in column:
            parts.append(_draw_step(box, x, y, column_width, step))
            y += box.height + shape.gap
        if number < count - 1:
            parts.append(
                arrow_right(x + column_width + 6, x + column_width + WIDE_COLUMN_GAP - 6, middle)
            )
    return svg("wide", shape.width, HEADING_HEIGHT + body + 2, parts)


def narrow_flow(steps):
    shape = NARROW
    parts = []
    y = 0
    columns = _columns(steps)
    for number, (kind, column) in enumerate(columns):
        parts.append(heading(0, y + 20, COLUMN_HEADINGS[kind]))
        y += 30
        for index, step in enumerate(column):
            box = _step_box(shape, shape.width, step)
            parts.append(_draw_step(box, 0, y, shape.width, step))
            y += box.height + (shape.gap if index < len(column) - 1 else 0)
        if number < len(columns) - 1:
            parts.append(arrow_down(shape.width / 2, y + 4, y + NARROW_ARROW - 8))
            y += NARROW_ARROW
    return svg("narrow", shape.width, y + 2, parts)


def change_flow(steps):
    """A driver's theory of change as two SVG pictures, {"wide": ..., "narrow": ...}; empty
    when there are no steps."""
    steps = list(steps)
    if not steps:
        return {}
    return {"wide": wide_flow(steps), "narrow": narrow_flow(steps)}


# --- the overview: every driver leads to better outcomes and less violence --------------


def in_words(items):
    """Items joined as a sentence would: "a", "a and b", "a, b and c"."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def outcomes_text(for_whom):
    return f"Better outcomes for {in_words(for_whom)}" if for_whom else "Better outcomes"


def wide_overview(names, for_whom):
    shape = WIDE
    left, middle_x, middle_width, right_x = 380, 470, 270, 800
    right_width = shape.width - right_x
    boxes = [Box.fit(shape, left, name, bold=True) for name in names]
    stacked = sum(box.height for box in boxes) + shape.gap * (len(boxes) - 1)
    outcomes = Box.fit(shape, middle_width, outcomes_text(for_whom))
    goal = Box.fit(shape, right_width, "Less violence", bold=True)
    body = max(stacked, outcomes.height)
    middle = HEADING_HEIGHT + body / 2
    # Tall enough for the arrows from every driver to meet it apart from each other.
    outcomes_height = max(outcomes.height, min(body, 44 * len(boxes)))
    outcomes_top = middle - outcomes_height / 2
    parts = [heading(0, 22, "Drivers of change")]
    y = HEADING_HEIGHT + (body - stacked) / 2
    for number, box in enumerate(boxes):
        parts.append(box.draw(0, y, left, "driver", "change-flow__driver", bold=True))
        reach = outcomes_top + outcomes_height * (number + 1) / (len(boxes) + 1)
        parts.append(arrow_between(left + 4, y + box.height / 2, middle_x - 4, reach))
        y += box.height + shape.gap
    parts.append(
        outcomes.draw(
            middle_x,
            outcomes_top,
            middle_width,
            "outcome",
            "change-flow__outcomes",
            height=outcomes_height,
        )
    )
    parts.append(arrow_right(middle_x + middle_width + 6, right_x - 6, middle))
    parts.append(
        goal.draw(
            right_x,
            middle - goal.height / 2,
            right_width,
            "less_violence",
            "change-flow__goal",
            bold=True,
            heavy=True,
        )
    )
    return svg("wide", shape.width, HEADING_HEIGHT + body + 2, parts)


def narrow_overview(names, for_whom):
    shape = NARROW
    inset = 10
    parts = [heading(0, 20, "Drivers of change")]
    frame_top = 30
    y = frame_top + inset
    drivers = []
    for box in (Box.fit(shape, shape.width - 2 * inset, name, bold=True) for name in names):
        drivers.append(
            box.draw(inset, y, shape.width - 2 * inset, "driver", "change-flow__driver", bold=True)
        )
        y += box.height + shape.gap
    frame_bottom = y - shape.gap + inset
    # The drivers sit together in one frame: all of them lead on to the outcomes.
    parts.append(
        format_html(
            '<rect x="1" y="{}" width="{}" height="{}" rx="8" fill="{}" stroke="{}" '
            'stroke-width="2"/>',
            frame_top,
            shape.width - 2,
            _number(frame_bottom - frame_top),
            SURFACE,
            TEXT,
        )
    )
    parts += drivers
    y = frame_bottom
    parts.append(arrow_down(shape.width / 2, y + 4, y + NARROW_ARROW - 8))
    y += NARROW_ARROW
    outcomes = Box.fit(shape, shape.width, outcomes_text(for_whom))
    parts.append(outcomes.draw(0, y, shape.width, "outcome", "change-flow__outcomes"))
    y += outcomes.height
    parts.append(arrow_down(shape.width / 2, y + 4, y + NARROW_ARROW - 8))
    y += NARROW_ARROW
    goal = Box.fit(shape, shape.width, "Less violence", bold=True)
    parts.append(
        goal.draw(0, y, shape.width, "less_violence", "change-flow__goal", bold=True, heavy=True)
    )
    return svg("narrow", shape.width, y + goal.height + 2, parts)


def overview(names, for_whom):
    """Every driver leading to better outcomes (for `for_whom`, in words) and less violence,
    as two SVG pictures; empty when there are no drivers."""
    names = list(names)
    if not names:
        return {}
    return {"wide": wide_overview(names, for_whom), "narrow": narrow_overview(names, for_whom)}
