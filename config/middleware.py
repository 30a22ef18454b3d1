"""The request's language, wired across apps: Django's LocaleMiddleware with Ripple's rules.

- A language prefix in the URL (`/es/...`) decides, as in Django.
- The apps' own URLs (/my/, /cohorts/..., /accounts/...) have no prefix: they speak the
  person's language (cookie, browser; accounts' SavedLanguageMiddleware then applies the
  profile's). Django would force LANGUAGE_CODE on every unprefixed URL once i18n_patterns is
  used (prefix_default_language=False); Ripple does that only for Wagtail's page URLs.
- A page URL without a prefix (`/courses/...`) is the default language's page tree, whatever
  the person speaks: the language they prefer is kept in `request.preferred_language`, and
  courses' `before_serve_page` hook sends them to the page's translation in it, if there is one.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from wagtail.views import serve as wagtail_serve


class PageLanguageMiddleware(LocaleMiddleware):
    """LocaleMiddleware that leaves unprefixed non-page URLs in the person's language and
    serves unprefixed page URLs from the default language's tree."""

    def process_request(self, request):
        if translation.get_language_from_path(request.path_info):
            return super().process_request(request)
        language = translation.get_language_from_request(request, check_path=False)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        return None

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Runs after every middleware's request phase (the profile's language included)."""
        if view_func is not wagtail_serve:
            return None
        request.preferred_language = translation.get_language()
        if not translation.get_language_from_path(request.path_info):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return None
