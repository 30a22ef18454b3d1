"""Ripple's URLs. Wagtail's page serving comes last: it owns every path not claimed above.

Pages are served per language (i18n_patterns): `/courses/...` is the English tree and
`/es/courses/...` the Spanish one. The apps' own URLs (/my/, /teach/, /cohorts/..., /join/...)
have no prefix: they follow the person's language (their profile, else the browser's).
"""

from csp.decorators import csp
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from accounts import views as account_views
from config.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # The Wagtail admin signs in through allauth only: its own login form is not reachable.
    path(
        "admin/login/",
        RedirectView.as_view(url="/accounts/login/", query_string=True),
        name="wagtailadmin_login_redirect",
    ),
    # The admin's own Content-Security-Policy (see CSP_ADMIN_DIRECTIVES) on every admin view.
    path(
        "admin/",
        include(
            decorate_urlpatterns(
                wagtailadmin_urls.urlpatterns, csp(settings.CSP_ADMIN_DIRECTIVES)
            )
        ),
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/unsubscribe/<str:token>/", account_views.unsubscribe, name="unsubscribe"),
    path("accounts/language/", account_views.language_settings, name="account_language"),
    path("i18n/setlang/", account_views.switch_language, name="set_language"),
    path("accounts/", include("allauth.urls")),
    path("", include("courses.urls")),
    path("", include("cohorts.urls")),
    path("", include("reports.urls")),
    path("", include("pulse.urls")),
    path("", include("dashboard.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
