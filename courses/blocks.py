"""StreamField blocks that modules are written in (edited in the Wagtail admin, Pages).

Shared blocks appear in both editions of a module. A trainer wraps only what differs in a
`workplace_only` or `community_only` block; the wrappers hold the same content blocks and do
not nest. Each block renders with its own template in templates/courses/blocks/.
"""

import uuid

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from courses import wagtail_internals

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]


class StoryBlock(blocks.StructBlock):
    """A true story told as a book tells one, with its source credited and its lesson drawn."""

    title = blocks.CharBlock(max_length=120)
    narrative = blocks.RichTextBlock(features=RICH_FEATURES)
    source = blocks.CharBlock(
        max_length=200, help_text=_("The article or book the story comes from.")
    )
    credit = blocks.CharBlock(
        max_length=200, help_text=_("Who wrote or told it, e.g. “Jody Pellerin, PhaseWare”.")
    )
    source_url = blocks.URLBlock(required=False)
    lesson = blocks.TextBlock(help_text=_("What the story teaches, in one or two sentences."))

    class Meta:
        icon = "openquote"
        template = "courses/blocks/story.html"
        label = _("Story")
        description = _("A true story with its source, credit and the lesson it teaches.")
        preview_value = {
            "title": "The driver who took a customer to the terminal",
            "narrative": "<p>A rental-car employee saw a customer about to miss a flight…</p>",
            "source": "Customer Service as Positive Leadership",
            "credit": "Ripple demo",
            "lesson": "Service given freely makes the giver flourish too.",
        }


class PrincipleCalloutBlock(blocks.StructBlock):
    """Highlights one principle (a snippet) with an optional note on how it shows up here."""

    principle = SnippetChooserBlock("courses.Principle")
    note = blocks.TextBlock(
        required=False, help_text=_("Optional: how the principle applies here.")
    )

    class Meta:
        icon = "pick"
        template = "courses/blocks/principle_callout.html"
        label = _("Principle callout")
        description = _("Puts one principle in a highlighted box.")


class ReflectionQuestionsBlock(blocks.StructBlock):
    """Questions learners answer privately in place (and on a ruled worksheet in the book)."""

    intro = blocks.CharBlock(required=False, max_length=200)
    # A labelled text area per question: long questions stay readable while they are written.
    # Still a string, so stored questions (and their ids, see with_question_ids) are unchanged.
    questions = blocks.ListBlock(
        blocks.TextBlock(max_length=300, rows=3, label=_("Question")),
        min_num=1,
        label=_("Questions"),
    )

    class Meta:
        icon = "help"
        template = "courses/blocks/reflection_questions.html"
        label = _("Reflection questions")
        description = _("Questions each learner answers privately; printed with writing space.")
        preview_value = {
            "intro": "Take a few quiet minutes.",
            "questions": ["Who gave you extraordinary service?", "How did it make you feel?"],
        }


ACTIVITY_PREVIEW = {
    "title": "Best service ever",
    "duration_minutes": 10,
    "steps": ["Pair up.", "Tell each other about the best service you ever had."],
    "materials": ["Paper and pens"],
}


class ActivityBlock(blocks.StructBlock):
    """A timed group exercise: what to do, step by step, and what to bring."""

    title = blocks.CharBlock(max_length=120)
    duration_minutes = blocks.IntegerBlock(min_value=1, max_value=240, label=_("Minutes"))
    steps = blocks.ListBlock(blocks.TextBlock(), min_num=1)
    materials = blocks.ListBlock(blocks.CharBlock(max_length=200), required=False, default=[])

    class Meta:
        icon = "time"
        template = "courses/blocks/activity.html"
        label = _("Activity")
        description = _("A timed exercise with steps and materials.")
        preview_value = ACTIVITY_PREVIEW


class TeachItGuideBlock(blocks.StructBlock):
    """A session plan for teaching this module at home or in the community."""

    goal = blocks.TextBlock(help_text=_("What the people you teach will take away."))
    talking_points = blocks.ListBlock(blocks.TextBlock(), min_num=1)
    activity = ActivityBlock()
    questions = blocks.ListBlock(
        blocks.CharBlock(max_length=300), min_num=1, label=_("Questions for the group")
    )

    class Meta:
        icon = "group"
        template = "courses/blocks/teach_it_guide.html"
        label = _("Teach-it guide")
        description = _("A one-page session plan for teaching the principle to others.")
        preview_value = {
            "goal": "Everyone leaves with one way to help someone this week.",
            "talking_points": ["Service is people helping people."],
            "activity": ACTIVITY_PREVIEW,
            "questions": ["When did someone go out of their way for you?"],
        }


class QuoteBlock(blocks.StructBlock):
    """A short quotation set apart from the text."""

    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "courses/blocks/quote.html"
        label = _("Quote")
        description = _("A pull quote with its attribution.")
        preview_value = {
            "quote": "You have to hold on to your goals when things go wrong.",
            "attribution": "A rental-car driver in Detroit",
        }


class CaptionedImageBlock(blocks.StructBlock):
    """An image from the library with alt text and an optional caption."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250, help_text=_("Describe the image for people who cannot see it.")
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "courses/blocks/image.html"
        label = _("Image")
        description = _("An image with alt text and a caption.")


class TextBlock(blocks.RichTextBlock):
    """Running text with headings, lists and links."""

    def __init__(self, **kwargs):
        super().__init__(features=RICH_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "courses/blocks/text.html"
        label = _("Text")
        description = _("Paragraphs, lists, headings and links.")
        preview_value = "<p>Great service is people helping people.</p>"


class ContentStreamBlock(blocks.StreamBlock):
    """The content blocks, usable at the top level and inside an edition wrapper.

    Wagtail silently drops a posted block of a type it does not know; here the editor is told
    instead, and nothing is saved, so no content disappears without a word.
    """

    def value_from_datadict(self, data, files, prefix):
        unknown = [
            name
            for name in wagtail_internals.posted_stream_child_types(data, prefix)
            if name not in self.child_blocks
        ]
        value = super().value_from_datadict(data, files, prefix)
        value.unknown_block_types = unknown
        return value

    def clean(self, value):
        unknown = getattr(value, "unknown_block_types", None)
        if unknown:
            names = ", ".join(f"“{name}”" for name in unknown)
            raise StreamBlockValidationError(
                non_block_errors=ErrorList(
                    [ValidationError(
                        _("Unknown block type %(names)s: remove it and save again.")
                        % {"names": names}
                    )]
                )
            )
        return super().clean(value)

    text = TextBlock()
    story = StoryBlock()
    principle = PrincipleCalloutBlock()
    reflection = ReflectionQuestionsBlock()
    activity = ActivityBlock()
    teach_it = TeachItGuideBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()


class EditionWrapperBlock(ContentStreamBlock):
    """A nested stream of content that only one edition of a module shows."""

    class Meta:
        template = "courses/blocks/edition_wrapper.html"


class WorkplaceOnlyBlock(EditionWrapperBlock):
    """Content shown only in the workplace edition (the module page employees take)."""

    class Meta:
        icon = "site"
        label = _("Workplace only")
        description = _("Shown to employees on the module page; left out of the community book.")
        preview_value = [("text", "<p>Think of a customer you served this week.</p>")]


class CommunityOnlyBlock(EditionWrapperBlock):
    """Content shown only in the community edition (the printable course book)."""

    class Meta:
        icon = "home"
        label = _("Community only")
        description = _("Printed in the community book; hidden from the workplace module page.")
        preview_value = [("text", "<p>Think of someone you helped this week.</p>")]


class ModuleStreamBlock(ContentStreamBlock):
    """A module's body: shared content plus the two edition wrappers."""

    workplace_only = WorkplaceOnlyBlock()
    community_only = CommunityOnlyBlock()

    EDITION_WRAPPERS = {"workplace": "workplace_only", "community": "community_only"}


def with_question_ids(stream: list[dict]) -> list[dict]:
    """Raw module body data with every reflection question stored as a list item with its own
    id (Wagtail's list item format), at any wrapper depth.

    Learners' answers are keyed on these ids. Wagtail stores an id for a question only once the
    admin editor saves it; body data written by code (the demo course, tests) is given its ids
    here, so the first edit in the admin cannot give every question a new one. Every block gets
    an id too, inside wrappers as well: translations (wagtail-localize) address blocks by id.
    """
    result = []
    for block in stream:
        value = block["value"]
        if block["type"] == "reflection":
            value = {
                **value,
                "questions": [
                    item
                    if isinstance(item, dict) and item.get("type") == "item" and "id" in item
                    else {"type": "item", "value": item, "id": str(uuid.uuid4())}
                    for item in value["questions"]
                ],
            }
        elif block["type"] in ModuleStreamBlock.EDITION_WRAPPERS.values():
            value = with_question_ids(value)
        result.append({**block, "value": value, "id": block.get("id") or str(uuid.uuid4())})
    return result


def stored_stream(stream: list[dict]) -> list[dict]:
    """Raw module body data in the form the admin editor saves it: every block, list item and
    reflection question with its own id (existing ids kept), every list in Wagtail's item
    format. Translations (wagtail-localize) find text by these ids: a list item without one is
    not offered for translation at all. Reads no database (choosers keep their ids)."""
    return _stored(ModuleStreamBlock(), with_question_ids(stream))


def _stored(block, value):
    """`value` (raw data of `block`) in the editor's stored form."""
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                **child,
                "value": _stored(block.child_blocks[child["type"]], child["value"])
                if child["type"] in block.child_blocks
                else child["value"],
                "id": child.get("id") or str(uuid.uuid4()),
            }
            for child in value
        ]
    if isinstance(block, blocks.ListBlock):
        items = [
            item if isinstance(item, dict) and item.get("type") == "item"
            else {"type": "item", "value": item}
            for item in value
        ]
        return [
            {**item, "value": _stored(block.child_block, item["value"]),
             "id": item.get("id") or str(uuid.uuid4())}
            for item in items
        ]
    if isinstance(block, blocks.StructBlock) and isinstance(value, dict):
        return {
            name: _stored(block.child_blocks[name], item) if name in block.child_blocks else item
            for name, item in value.items()
        }
    return value
