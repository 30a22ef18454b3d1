"""Names of the site-wide groups. Cohort roles (trainer/learner in one cohort) live in cohorts."""

TRAINERS = "Trainers"
LEARNERS = "Learners"
