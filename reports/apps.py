from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Teach-back reports"

    def ready(self):
        """Connect the cache signals, and tell cohorts how much work a report is (cohorts.work:
        the member-removal page counts a person's reports, and a cohort holding any report
        cannot be deleted)."""
        from cohorts import work
        from reports import selectors, signals

        signals.connect()
        work.register(
            name="reports",
            of_member=selectors.member_work_counts,
            in_cohort=selectors.cohort_work_counts,
        )
