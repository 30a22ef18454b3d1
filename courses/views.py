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
from courses.forms import ReflectionForm, SearchForm
from courses.models import ModulePage
from courses.permissions import modules_visible_to
from courses.selectors import workplace_sections


def module_context(request, module: ModulePage, *, reflection_form=None) -> dict:
    """What the module page shows: its workplace edition, progress, answers and neighbours."""
    siblings = list(
        ModulePage.objects.live()
        .sibling_of(module, inclusive=True)
        .order_by("path")
        .only("id", "title", "url_path", "path", "depth")
    )
    position = next(n for n, sibling in enumerate(siblings) if sibling.pk == module.pk)
    done = completed_module_ids(user=request.user, modules=siblings)
    answers = reflection_answers(user=request.user, module=module)
    sections = []
    for section in workplace_sections(module, draft=getattr(request, "is_preview", False)):
        questions = None
        if "html" not in section:
            questions = []
            for n, question in enumerate(section["questions"]):
                key = f"{section['id']}:{n}"
                form = reflection_form
                if form is None or form.data.get("question_key") != key:
                    form = ReflectionForm(
                        initial={"question_key": key, "answer": answers.get(key, "")}
                    )
                questions.append(
                    {"key": key, "text": question, "form": form, "answered": key in answers}
                )
        sections.append({**section, "questions": questions})
    shown_keys = {q["key"] for section in sections for q in section["questions"] or []}
    orphan_errors = []
    if reflection_form is not None and reflection_form.data.get("question_key") not in shown_keys:
        orphan_errors = [e for errors in reflection_form.errors.values() for e in errors]
    return {
        "reflection_errors": orphan_errors,
        "course": module.get_parent(),
        "sections": sections,
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
def save_reflection_view(request, module: ModulePage):
    """POST one answer; an invalid one shows the page again with the typed text kept."""
    if login := _signed_in_or_redirect(request):
        return login
    form = ReflectionForm(request.POST)
    if form.is_valid():
        key = form.cleaned_data["question_key"]
        try:
            services.save_reflection(
                user=request.user, module=module, question_key=key,
                answer=form.cleaned_data["answer"],
            )
        except ValidationError as error:
            form.add_error("answer", error)
        else:
            messages.success(request, "Your reflection is saved. Only you can see it.")
            return redirect(f"{module.get_url(request)}#q-{key.replace(':', '-')}")
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

