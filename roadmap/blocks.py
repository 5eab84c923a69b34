"""Blocks for the roadmap: what each stage looks like for one driver of change."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class StageDescriptionBlock(blocks.StructBlock):
    description = blocks.TextBlock(
        help_text="What this stage looks like for this driver, in two or three plain sentences."
    )
    recommendations = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="casestudies.RecommendationPage"),
        required=False,
        help_text="Recommendations that help an organisation reach this stage.",
    )
    case_studies = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="casestudies.CaseStudyPage"),
        required=False,
        help_text="Case studies that show practice at this stage.",
    )

    class Meta:
        icon = "list-ol"
        template = "roadmap/blocks/stage_description_block.html"
        description = "What one stage looks like, with practice that shows it"
        preview_value = {
            "description": "Staff know what trauma is and why relationships matter.",
            "recommendations": [],
            "case_studies": [],
        }


class RoadmapDriverBlock(blocks.StructBlock):
    driver = SnippetChooserBlock("casestudies.DriverOfChange")
    introduction = blocks.TextBlock(
        required=False, help_text="Optional: one sentence on why this driver matters."
    )
    stages = blocks.ListBlock(
        StageDescriptionBlock(),
        help_text="One for each stage of the roadmap, in the same order as the stages.",
    )

    class Meta:
        icon = "pick"
        template = "roadmap/blocks/roadmap_driver_block.html"
        description = "One driver of change and what each stage looks like for it"
        preview_value = {
            "introduction": "Practice changes when people have consistent, trusted relationships.",
            "stages": [
                {
                    "description": "Staff know what trauma is and why relationships matter.",
                    "recommendations": [],
                    "case_studies": [],
                }
            ],
        }
