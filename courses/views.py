"""Learner-facing views for modules (routed from ModulePage) and module search."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_POST

from cohorts import services
from cohorts.selectors import completed_module_ids, reflection_answers
from courses.forms import ReflectionsForm, SearchForm
from courses.models import ModulePage
from courses.permissions import modules_visible_to
from courses.selectors import workplace_sections


def question_anchor(key: str) -> str:
    """The id of a question's element on the module page (a legacy key holds a colon)."""
    return "q-" + key.replace(":", "-")


def module_context(request, module: ModulePage, *, reflection_form=None) -> dict:
    """What the module page shows: its workplace edition, progress, answers and neighbours.

    `reflection_form` is a refused save: every answer is shown as it was typed, with each
    refusal beside its question.
    """
    siblings = list(
        ModulePage.objects.live()
        .sibling_of(module, inclusive=True)
        .order_by("path")
        .only("id", "title", "url_path", "path", "depth")
    )
    position = next(n for n, sibling in enumerate(siblings) if sibling.pk == module.pk)
    done = completed_module_ids(user=request.user, modules=siblings)
    answers = reflection_answers(user=request.user, module=module)
    sections = workplace_sections(module, draft=getattr(request, "is_preview", False))
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
    }


def _signed_in_or_redirect(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


@require_POST
def complete_module_view(request, module: ModulePage):
    """POST: mark complete (idempotent), or undo with `undo=1`."""
    if login := _signed_in_or_redirect(request):
        return login
    if request.POST.get("undo"):
        services.uncomplete_module(user=request.user, module=module)
        messages.info(request, f"“{module.title}” is no longer marked complete.")
    else:
        services.complete_module(user=request.user, module=module)
        messages.success(request, f"Well done — “{module.title}” is complete.")
    return redirect(module.get_url(request))


@require_POST
def save_reflections_view(request, module: ModulePage):
    """POST every answer on the page at once, so none typed is lost; then back to the
    question whose save button was pressed. A refused save changes nothing and shows the
    page again with every typed answer kept."""
    if login := _signed_in_or_redirect(request):
        return login
    questions = module.reflection_questions()
    form = ReflectionsForm(request.POST, questions=questions)
    if form.is_valid():
        answers = form.answers()
        try:
            services.save_reflections(user=request.user, module=module, answers=answers)
        except ValidationError as error:
            form.add_errors_by_key(error)
        else:
            if answers:
                messages.success(request, "Your answers are saved. Only you can see them.")
            else:
                messages.warning(request, "Nothing was saved: the page had changed. "
                                 "Please type your answer again.")
            pressed = request.POST.get("save", "")
            anchor = f"#{question_anchor(pressed)}" if pressed in dict(questions) else ""
            return redirect(f"{module.get_url(request)}{anchor}")
    return module.module(request, reflection_form=form, status=400)


@require_GET
def search(request):
    """Search the modules this visitor may open (title, summary and body text)."""
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    words = form.words()
    page = None
    if words:
        results = modules_visible_to(request.user).specific().search(words)
        page = Paginator(results, 10).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "courses/search.html", {"form": form, "query": query, "results": page}
    )

