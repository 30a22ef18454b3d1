from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    """Pages that read across apps (the learner home, the cohort page, its CSV): they sit
    above reports, cohorts and courses so that none of those has to know the others."""

    name = "dashboard"
    verbose_name = _("Dashboard")

    def ready(self):
        """Connect the list of which change raises which cache generation (it names models of
        every app, so it lives here, at the top)."""
        from dashboard import generations

        generations.connect()
