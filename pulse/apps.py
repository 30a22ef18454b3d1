from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PulseConfig(AppConfig):
    name = "pulse"
    verbose_name = _("Engagement pulse")

    def ready(self):
        """Tell cohorts that answered pulses are work in a cohort (cohorts.work): a cohort
        holding answers cannot be deleted, so its published figures stay true."""
        from cohorts import work
        from pulse import selectors

        work.register(
            name="pulse",
            of_member=selectors.member_work_counts,
            in_cohort=selectors.cohort_work_counts,
        )
