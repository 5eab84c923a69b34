"""The self-assessment: the answer scale, reading answers from a link, and the stage rule.

Answers live only in the query string (`?audience=…&sector=…&s-<statement id>=<1 to 4>`), so a
profile can be shared or bookmarked and nothing is stored on the server.
"""

from dataclasses import dataclass, field
from fractions import Fraction

from core.numbers import whole_number

SCALE = (
    (1, "Not yet"),
    (2, "Sometimes"),
    (3, "Mostly"),
    (4, "Always"),
)
LOWEST, HIGHEST = SCALE[0][0], SCALE[-1][0]
STATEMENT_PREFIX = "s-"

# Anything longer than this in a link cannot be one of our answers: refuse it outright.
MAX_PARAMETER_LENGTH = 100
MAX_PARAMETERS = 300


class DamagedLink(ValueError):
    """The query string cannot be read as answers at all: the message is shown to the person."""


@dataclass
class Answers:
    values: dict = field(default_factory=dict)  # statement id -> answer on the scale
    audience: str = ""
    sector: str = ""
    problems: list = field(default_factory=list)  # plain-language notes on what was left out

    @property
    def submitted(self):
        return bool(self.values)


def parameter_name(statement_id):
    return f"{STATEMENT_PREFIX}{statement_id}"


def read_answers(params, statement_ids, audiences, sectors):
    """Answers from a query string; unusable parts are left out and described in `problems`.

    statement_ids: the ids of the statements on the page; audiences, sectors: the allowed
    values. Raises DamagedLink when the link is too long or too large to be ours.
    """
    if len(params) > MAX_PARAMETERS:
        raise DamagedLink("This link has too many answers in it to be one of ours.")
    for key, values in params.lists():
        if len(key) > MAX_PARAMETER_LENGTH or any(
            len(value) > MAX_PARAMETER_LENGTH for value in values
        ):
            raise DamagedLink("This link is longer than any answers we send, so we cannot read it.")

    answers = Answers()
    unknown_statements = bad_values = False
    for key in params:
        if not key.startswith(STATEMENT_PREFIX):
            continue
        statement_id = whole_number(key.removeprefix(STATEMENT_PREFIX))
        if statement_id not in statement_ids:
            unknown_statements = True
            continue
        raw_value = params.get(key, "").strip()
        if not raw_value:
            continue  # a statement left unanswered
        value = whole_number(raw_value)
        if value is None or not LOWEST <= value <= HIGHEST:
            bad_values = True
            continue
        answers.values[statement_id] = value

    audience = params.get("audience", "").strip()
    if audience and audience not in audiences:
        answers.problems.append("We did not recognise the role in the link, so we left it out.")
    elif audience:
        answers.audience = audience
    sector = params.get("sector", "").strip()
    if sector and sector not in sectors:
        answers.problems.append("We did not recognise the sector in the link, so we left it out.")
    elif sector:
        answers.sector = sector
    if unknown_statements:
        answers.problems.append(
            "Some answers in the link are for statements that are not on this page any more, "
            "so we left them out."
        )
    if bad_values:
        answers.problems.append(
            f"Some answers in the link were not on the scale from {LOWEST} to {HIGHEST}, "
            "so we left them out."
        )
    return answers


def stage_index(values, stage_count):
    """Which stage (from 0) the average of `values` falls in.

    The scale from LOWEST to HIGHEST is split into `stage_count` equal bands; an average on a
    boundary belongs to the higher band. Worked in whole numbers so boundaries are exact.
    """
    if not values or stage_count < 1:
        return None
    total, count = sum(values), len(values)
    index = (total - count * LOWEST) * stage_count // (count * (HIGHEST - LOWEST))
    return min(index, stage_count - 1)


def average(values):
    return Fraction(sum(values), len(values)) if values else None


def bands(stage_count):
    """The range of averages for each stage, for the public explanation: [(low, high)]."""
    width = Fraction(HIGHEST - LOWEST, stage_count)
    return [(LOWEST + width * i, LOWEST + width * (i + 1)) for i in range(stage_count)]


def format_number(value):
    """1, 1.75 or 2.33: as people write averages."""
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text
