"""Blocks for a driver's theory of change: ordered steps from practice to less violence.

Each kind of step is its own block type, so the editor picks "Practice", "What changes",
"Outcome" or "Less violence" from the block menu and an outcome asks whom it is for. The
stream checks that the steps run in that order and that every kind is there.
"""

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError

# The kinds of step, in the order a theory of change runs: (block name, label).
KINDS = (
    ("practice", "Practice"),
    ("change", "What changes"),
    ("outcome", "Outcome"),
    ("less_violence", "Less violence"),
)
KIND_LABELS = dict(KINDS)
KIND_ORDER = {name: rank for rank, (name, _label) in enumerate(KINDS)}

# Whom an outcome is for.
FOR_WHOM = (
    ("young-people", "young people"),
    ("families", "families"),
    ("communities", "communities"),
    ("staff", "staff"),
)
FOR_WHOM_LABELS = dict(FOR_WHOM)

MAX_STEPS_OF_A_KIND = 4
STEP_TEXT_LENGTH = 180


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=200,
        help_text="The report, evaluation or study, e.g. 'Evaluation of the key worker pilot (2024)'.",
    )
    url = blocks.URLBlock(required=False, label="Link", help_text="Optional: where to read it.")
    finding = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text="Optional: what it found, in one line.",
    )

    class Meta:
        icon = "doc-full"
        template = "drivers/blocks/source_block.html"
        description = "A source of evidence for this step"
        preview_value = {
            "title": "Evaluation of a key worker pilot (illustrative)",
            "url": "",
            "finding": "Young people with one key worker stayed in touch for longer.",
        }


class StepValue(blocks.StructValue):
    """One step, with what its block type says about it."""

    @property
    def kind(self):
        return self.block.name

    @property
    def for_whom_label(self):
        """Whom an outcome is for, in words ("young people"); "" for other steps."""
        return FOR_WHOM_LABELS.get(self.get("for_whom") or "", "")

    @property
    def heading(self):
        """The step's kind in words, e.g. "Practice" or "Outcome for young people"."""
        label = KIND_LABELS.get(self.kind, self.block.label)
        return f"{label} for {self.for_whom_label}" if self.for_whom_label else label


def _text():
    return blocks.CharBlock(
        max_length=STEP_TEXT_LENGTH,
        help_text=f"One sentence, up to {STEP_TEXT_LENGTH} characters, in plain words.",
    )


def _evidence():
    return blocks.ListBlock(
        SourceBlock(),
        min_num=0,
        label="Evidence",
        help_text="Optional: the sources that show this step happens.",
    )


class StepBlock(blocks.StructBlock):
    """A practice, a change or a step towards less violence: a sentence and its evidence."""

    text = _text()
    evidence = _evidence()

    class Meta:
        icon = "arrow-right"
        template = "drivers/blocks/step_block.html"
        value_class = StepValue


class OutcomeStepBlock(blocks.StructBlock):
    """An outcome, for young people, families, communities or staff."""

    for_whom = blocks.ChoiceBlock(choices=FOR_WHOM, label="For whom")
    text = _text()
    evidence = _evidence()

    class Meta:
        icon = "user"
        template = "drivers/blocks/step_block.html"
        value_class = StepValue
        description = "A better outcome for young people, families, communities or staff"
        preview_value = {
            "for_whom": "young-people",
            "text": "Young people ask for help earlier, before things reach a crisis.",
            "evidence": [],
        }


def order_problems(kinds, complete=True):
    """What is wrong with a sequence of step kinds, in words: out of order, or (when
    `complete`) a kind missing."""
    problems = []
    furthest = None  # the furthest kind seen so far, and its step number
    for number, kind in enumerate(kinds, start=1):
        if furthest is not None and KIND_ORDER[kind] < KIND_ORDER[furthest[0]]:
            problems.append(
                f"Step {number} (“{KIND_LABELS[kind]}”) comes after step {furthest[1]} "
                f"(“{KIND_LABELS[furthest[0]]}”): the steps go from practice, to what "
                "changes, to outcomes, to less violence. Move it up."
            )
            break
        if furthest is None or KIND_ORDER[kind] > KIND_ORDER[furthest[0]]:
            furthest = (kind, number)
    if complete:
        present = set(kinds)
        for name, label in KINDS:
            if name not in present:
                problems.append(
                    f"Add at least one “{label}” step: the theory of change runs from "
                    "practice, through what changes and the outcomes, to less violence."
                )
    return problems


class TheoryOfChangeBlock(blocks.StreamBlock):
    practice = StepBlock(
        label=KIND_LABELS["practice"],
        icon="cogs",
        description="What people do differently: the trauma-informed practice itself",
        preview_value={
            "text": "Young people keep the same worker for as long as they need.",
            "evidence": [],
        },
    )
    change = StepBlock(
        label=KIND_LABELS["change"],
        icon="resubmit",
        description="What changes because of the practice: for people, staff or services",
        preview_value={
            "text": "Young people trust that adults will listen and come back.",
            "evidence": [],
        },
    )
    outcome = OutcomeStepBlock(label=KIND_LABELS["outcome"])
    less_violence = StepBlock(
        label=KIND_LABELS["less_violence"],
        icon="success",
        description="How the outcomes lead to less violence",
        preview_value={
            "text": "Fewer young people are drawn into violence.",
            "evidence": [],
        },
    )

    class Meta:
        block_counts = {name: {"max_num": MAX_STEPS_OF_A_KIND} for name, _label in KINDS}

    def clean(self, value):
        # The order is always checked; a draft may still lack a kind of step.
        problems = [
            ValidationError(problem)
            for problem in order_problems(
                [child.block_type for child in value], complete=not self.is_deferred_validation
            )
        ]
        try:
            cleaned = super().clean(value)
        except StreamBlockValidationError as error:
            if not problems:
                raise
            raise StreamBlockValidationError(
                block_errors=error.block_errors,
                non_block_errors=[*error.non_block_errors, *problems],
            ) from error
        if problems:
            raise StreamBlockValidationError(non_block_errors=problems)
        return cleaned
