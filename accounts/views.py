"""Account pages of Ripple's own (allauth owns sign-in and email management)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language

from accounts import services
from accounts.forms import LanguageForm
from accounts.permissions import can_choose_language, can_edit_own_account
from accounts.unsubscribe import PREFERENCES, read_token


@csrf_exempt  # RFC 8058 one-click: mail apps POST without a form; the signed token is the proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks to confirm (mail scanners follow links); POST turns the email kind off, also
    straight from a mail app's unsubscribe button (List-Unsubscribe-Post)."""
    parsed = read_token(token)
    user = parsed and get_user_model().objects.filter(pk=parsed[0]).first()
    if not user:
        return TemplateResponse(request, "account/unsubscribe.html", {"invalid": True}, status=400)
    field, description = PREFERENCES[parsed[1]]
    done = request.method == "POST"
    if done:
        setattr(user, field, False)
        user.save(update_fields=[field])
    return TemplateResponse(
        request, "account/unsubscribe.html", {"description": description, "done": done}
    )


@require_POST
def switch_language(request):
    """The language switcher: Django's set_language (cookie, safe `next` redirect), and for a
    signed-in person the choice saved on their profile. An unknown language changes nothing."""
    language = request.POST.get("language", "")
    if not can_choose_language(language):
        return TemplateResponse(request, "account/language_refused.html", status=400)
    if can_edit_own_account(request.user):
        services.set_language(user=request.user, language=language)
    return set_language(request)


@login_required
@require_http_methods(["GET", "POST"])
def language_settings(request):
    """/accounts/language/: a person's language for pages and emails, or "follow my browser"."""
    if not can_edit_own_account(request.user):
        return redirect(settings.LOGIN_URL)
    form = LanguageForm(request.POST or None, initial={"language": request.user.language})
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["language"]
        try:
            services.set_language(user=request.user, language=language)
        except ValidationError as error:
            form.add_error("language", error)
        else:
            response = redirect("account_language")
            if language:
                translation.activate(language)
                response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language)
            else:
                response.delete_cookie(settings.LANGUAGE_COOKIE_NAME)
            messages.success(request, _("Your language is saved."))
            return response
    return TemplateResponse(request, "account/language.html", {"form": form})
