"""Ripple's URLs behind language prefixes (/es/…), as i18n_patterns will put Wagtail's pages."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

urlpatterns = i18n_patterns(path("", include("config.urls")), prefix_default_language=False)
