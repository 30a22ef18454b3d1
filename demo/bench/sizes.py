"""How much bench data to make, and who signs in to it."""

from dataclasses import dataclass

PASSWORD = "bench-pass"  # noqa: S105 -- documented bench sign-in; the command refuses prod
BATCH = 2_000  # rows per bulk insert


@dataclass(frozen=True)
class Sizes:
    """How much data to make. `scaled` shrinks everything but the course (for quick tries)."""

    organisations: int = 50
    cohorts: int = 400
    learners: int = 20_000
    trainers: int = 100
    progress: int = 200_000
    reports: int = 50_000
    comments: int = 100_000
    big_cohort_learners: int = 200
    big_cohort_reports: int = 5_000
    modules: int = 12
    blocks_per_module: int = 20

    def scaled(self, factor: float) -> "Sizes":
        """These sizes times `factor`, each at least its least useful value; the course as is."""

        def n(value: int, least: int = 1) -> int:
            """`value` scaled and rounded, never below `least`."""
            return max(least, round(value * factor))

        return Sizes(
            organisations=n(self.organisations), cohorts=n(self.cohorts, 2),
            learners=n(self.learners, 4), trainers=n(self.trainers),
            progress=n(self.progress), reports=n(self.reports, 2), comments=n(self.comments),
            big_cohort_learners=n(self.big_cohort_learners, 2),
            big_cohort_reports=n(self.big_cohort_reports),
            modules=self.modules, blocks_per_module=self.blocks_per_module,
        )


ADMIN_EMAIL = "bench-admin@example.com"  # the admin who opens organisation impact pages


def learner_email(n: int) -> str:
    """The n-th bench learner (1-based); learners 1 to 200 are in the big cohort."""
    return f"bench-learner-{n:05d}@example.com"


def trainer_email(n: int) -> str:
    """The n-th bench trainer (1-based); trainer 1 runs the big cohort."""
    return f"bench-trainer-{n:03d}@example.com"
