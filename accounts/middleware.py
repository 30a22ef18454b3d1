"""The admin area, met by someone signed in who may not use it: one clear page, no loop.

Wagtail sends such a person to the sign-in page, which sends a signed-in person straight back
to /admin/: the browser bounces until it gives up, and every bounce adds an error message.
"""

from django.template.response import TemplateResponse
from django.urls import reverse

from accounts.permissions import can_use_admin


class AdminAreaForTrainersMiddleware:
    """Answers any /admin/ request of a signed-in person without admin access with a 403 page."""

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
