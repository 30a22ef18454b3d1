"""Reads that span course models for the module pages: a module's workplace edition.

The community book's reads are in courses.books.selectors.
"""

from caching import generations
from courses.models import ModulePage
from courses.models.pages import reflection_block_questions


def workplace_sections(module: ModulePage, *, draft: bool = False) -> list[dict]:
    """A module's workplace edition as sections: each block's HTML, or for a reflection
    block its id, intro and (key, question) pairs (answered per person, so rendered by the
    page).

    Cached per module and content generation (a publish changes it); a draft (preview) is
    built fresh every time.
    """

    def build():
        sections = []
        for block in module.workplace_blocks:
            if block.block_type == "reflection":
                sections.append(
                    {
                        "id": block.id,
                        "intro": block.value["intro"],
                        "questions": reflection_block_questions(block),
                    }
                )
            else:
                sections.append({"html": block.render_as_block()})
        return sections

    if draft:
        return build()
    return generations.cached(
        f"module-sections:v2:{module.pk}", generations.current(generations.CONTENT), build
    )
