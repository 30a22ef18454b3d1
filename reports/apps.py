from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Teach-back reports"

    def ready(self):
        """Tell cohorts how much work a report is (cohorts.work: the member-removal page counts
        a person's reports, and a cohort holding any report cannot be deleted). What a report
        raises in the cache is in dashboard.generations."""
        from cohorts import work
        from reports import selectors

        work.register(
            name="reports",
            of_member=selectors.member_work_counts,
            in_cohort=selectors.cohort_work_counts,
        )
