"""StreamField blocks shared by every page with a body."""

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(help_text="The words as they were said or written.")
    attribution = blocks.CharBlock(
        required=False,
        help_text="A role rather than a name, e.g. 'a parent' or 'a youth worker'.",
    )
    consent = blocks.BooleanBlock(
        required=False,
        help_text="Tick to confirm the person agreed to be quoted on a public website.",
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("consent"):
            raise StructBlockValidationError(
                {"consent": ValidationError("Only publish a quote when the person has agreed.")}
            )
        return value

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        description = "A quotation, published only with the speaker's consent"
        preview_value = {
            "text": "For the first time someone asked what had happened to me, not what was wrong with me.",
            "attribution": "a young person",
            "consent": True,
        }


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe the image for someone who cannot see it. Leave out 'image of'.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"
        description = "An image with a description for screen readers and an optional caption"


class KeyFactBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=30, help_text="e.g. '120' or '3 in 4'")
    label = blocks.CharBlock(max_length=120, help_text="e.g. 'young people supported'")


class KeyFactsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, default="Key facts", max_length=80)
    facts = blocks.ListBlock(KeyFactBlock(), min_num=1, max_num=6)

    class Meta:
        icon = "list-ul"
        template = "blocks/key_facts_block.html"
        description = "Up to six figures with short labels"
        preview_value = {
            "heading": "Key facts",
            "facts": [
                {"figure": "120", "label": "young people supported"},
                {"figure": "3 in 4", "label": "said they felt safer"},
            ],
        }


class CallOutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        template = "blocks/call_out_block.html"
        description = "A highlighted box for a lesson or tip"
        preview_value = {
            "heading": "What we would do differently",
            "text": "<p>Involve young people from the first planning meeting.</p>",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, max_length=200, help_text="Leave blank to use the document's own title."
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        description = "A link to download a document, with its type and size"


class BaseStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description="Text with headings, lists and links",
        preview_value="<p>Practitioners met weekly to reflect on what they were seeing.</p>",
    )
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    key_facts = KeyFactsBlock()
    call_out = CallOutBlock()
    document = DocumentLinkBlock()
