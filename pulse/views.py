"""The pulse's one page: `/pulse/<id>/`, where its person answers (and sees it was sent)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from pulse import services
from pulse.forms import PulseAnswerForm
from pulse.permissions import pulses_answerable_by
from pulse.selectors import statements_for


@login_required
@require_http_methods(["GET", "POST"])
def answer(request, pk):
    """Only the person the pulse was sent to may open it (anyone else: 404). Answered: the
    thank-you; closed: says so; otherwise the form, kept as typed when something is missing."""
    pulse = get_object_or_404(
        pulses_answerable_by(request.user).select_related("cohort__organisation"), pk=pk
    )
    context = {"pulse": pulse, "cohort": pulse.cohort}
    if pulse.is_answered:
        return TemplateResponse(request, "pulse/thanks.html", context)
    if not services.is_open(pulse, today=timezone.localdate()):
        return TemplateResponse(request, "pulse/closed.html", context)
    statements = statements_for(organisation=pulse.cohort.organisation)
    form = PulseAnswerForm(
        request.POST if request.method == "POST" else None, statements=statements
    )
    if form.is_valid():
        try:
            services.answer_pulse(
                pulse=pulse, user=request.user, scores=form.scores(),
                comment=form.cleaned_data["comment"],
                share_comment=form.cleaned_data["share_comment"], now=timezone.now(),
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            return redirect("pulse_answer", pk=pulse.pk)
    status = 400 if form.is_bound else 200
    return TemplateResponse(
        request, "pulse/answer.html", {**context, "form": form}, status=status
    )
