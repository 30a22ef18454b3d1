"""The request's language, wired across apps: Django's LocaleMiddleware with Ripple's rules.

- A language prefix in the URL (`/es/...`) decides, as in Django.
- The apps' own URLs (/my/, /cohorts/..., /accounts/...) have no prefix: they speak the
  person's language (cookie, browser; accounts' SavedLanguageMiddleware then applies the
  profile's). Django would force LANGUAGE_CODE on every unprefixed URL once i18n_patterns is
  used (prefix_default_language=False): `PersonLanguageMiddleware` does not.
- A page URL without a prefix (`/courses/...`) is the default language's page tree, whatever
  the person speaks: `PageRoutingMiddleware` (last in MIDDLEWARE) resolves it in the default
  language, keeps the person's in `request.preferred_language` and gives it back to every view
  but Wagtail's page serving, whose `before_serve_page` hook in courses sends the person to the
  page's translation in their language, if there is one, or speaks it around the page.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from wagtail.views import serve as wagtail_serve


class PersonLanguageMiddleware(LocaleMiddleware):
    """LocaleMiddleware that leaves an unprefixed URL in the person's language (cookie, then
    browser) instead of the default one."""

    def process_request(self, request):
        if translation.get_language_from_path(request.path_info):
            return super().process_request(request)
        language = translation.get_language_from_request(request, check_path=False)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        return None


class PageRoutingMiddleware:
    """Resolves an unprefixed URL in the default language (so `/courses/...` finds the default
    language's page tree), then gives the person's language back to the view; Wagtail's page
    serving gets it back from courses' hook, after the page is found."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.preferred_language = translation.get_language()
        if not translation.get_language_from_path(request.path_info):
            translation.activate(settings.LANGUAGE_CODE)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_serve:
            translation.activate(request.preferred_language)
            request.LANGUAGE_CODE = request.preferred_language
        return None
