"""Who sees the dashboard's pages: the only home of these rules (built on the apps below)."""

from accounts.permissions import can_use_admin
from cohorts.permissions import cohorts_managed_by


def can_see_trainer_home(user) -> bool:
    """Trainers and admins (the people who work in the admin), and anyone who currently
    trains a cohort, have a trainer home; learners do not."""
    if not user.is_authenticated:
        return False
    return can_use_admin(user) or cohorts_managed_by(user).exists()
