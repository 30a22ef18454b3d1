"""Account pages of Ripple's own (allauth owns sign-in and email management)."""

from django.contrib.auth import get_user_model
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

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
