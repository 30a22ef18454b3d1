"""What a module page shows one person: its workplace edition with their completion, their
private answers in the reflections form, and where the module sits in its course.

Built here, not in a view, because ModulePage's own route renders the page (Wagtail serves
pages from the model); the route only adds this to the page's context.
"""

from courses.forms import ReflectionsForm
from courses.progress.selectors import completed_module_ids, reflection_answers


def question_anchor(key: str) -> str:
    """The id of a question's element on the module page (a legacy key holds a colon)."""
    return "q-" + key.replace(":", "-")


def module_page_context(*, user, module, sections: list[dict], reflection_form=None) -> dict:
    """What the module page shows: its workplace edition, progress, answers and neighbours.

    `sections` is the workplace edition (ModulePage.workplace_sections, which the route may
    have cached). `reflection_form` is a refused save: every answer is shown as it was typed,
    with each refusal beside its question.
    """
    siblings = module.live_siblings()
    position = next(n for n, sibling in enumerate(siblings) if sibling.pk == module.pk)
    done = completed_module_ids(user=user, modules=siblings)
    answers = reflection_answers(user=user, module=module)
    pairs = [pair for section in sections for pair in section.get("questions", ())]
    form = reflection_form or ReflectionsForm(
        questions=pairs,
        initial={ReflectionsForm.field_name(key): answers[key].answer for key, _ in pairs
                 if key in answers},
    )
    shown = []
    for section in sections:
        questions = None
        if "html" not in section:
            questions = []
            for key, text in section["questions"]:
                field = form[ReflectionsForm.field_name(key)]
                typed = field.value()
                if typed is None:  # not in a refused post: show what is saved
                    typed = answers[key].answer if key in answers else ""
                questions.append(
                    {"key": key, "text": text, "anchor": question_anchor(key), "field": field,
                     "typed": typed, "answered": key in answers}
                )
        shown.append({**section, "questions": questions})
    keys = {key for key, _ in pairs}
    refused = [
        {"anchor": question_anchor(key), "text": text}
        for key, text in pairs
        if form.errors.get(ReflectionsForm.field_name(key))
    ] if form.is_bound else []
    return {
        "reflection_form": form,
        "reflection_refused": refused,
        "reflection_errors": form.non_field_errors() if form.is_bound else [],
        "has_questions": bool(pairs),
        "earlier_answers": [
            answer for key, answer in answers.items() if key not in keys
        ],
        "course": module.get_parent(),
        "sections": shown,
        "is_complete": module.pk in done,
        "position": position + 1,
        "module_count": len(siblings),
        "done_count": len(done),
        "previous_module": siblings[position - 1] if position > 0 else None,
        "next_module": siblings[position + 1] if position + 1 < len(siblings) else None,
        "next_step": next_step(siblings=siblings, position=position, done=done),
    }


def next_step(*, siblings, position: int, done: set[int]):
    """The module to offer once this one is complete: the next one not done yet after it,
    else an earlier one skipped; None when every module is done (then: teach it forward)."""
    later = siblings[position + 1:] + siblings[:position]
    return next((module for module in later if module.pk not in done), None)
