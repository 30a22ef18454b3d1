"""Middleware of accounts: the admin area met by someone who may not use it, and each signed-in
person's own language.
"""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation

from accounts.permissions import can_use_admin


class AdminAreaForTrainersMiddleware:
    """Answers any /admin/ request of a signed-in person without admin access with a 403 page.

    Wagtail sends such a person to the sign-in page, which sends a signed-in person straight
    back to /admin/: the browser bounces until it gives up, and every bounce adds an error
    message.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            request.path.startswith(reverse("wagtailadmin_home"))
            and request.user.is_authenticated
            and not can_use_admin(request.user)
        ):
            return TemplateResponse(request, "account/admin_refused.html", status=403)
        return None


class SavedLanguageMiddleware:
    """Speaks the language a signed-in person saved on their profile (User.language).

    Runs after LocaleMiddleware (URL prefix, cookie, Accept-Language) and authentication. An
    explicit language prefix in the URL (/es/…) still wins; an empty profile language leaves
    LocaleMiddleware's choice, i.e. the browser's.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        saved = getattr(request.user, "language", "") if request.user.is_authenticated else ""
        if saved and not translation.get_language_from_path(request.path_info):
            translation.activate(saved)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
