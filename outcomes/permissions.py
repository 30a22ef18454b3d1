"""Who may see and import an organisation's customer results: the only home of these rules.

Ripple has no role “admin of one organisation”: organisations are set up by admins (superusers),
and Organisation.trainers only lets trainers start cohorts there. Customer results are the
company's own business figures, so admins import and undo them, and they appear where the
organisation's figures already do (reports.permissions.can_see_organisation_impact: admins).
"""

from accounts.permissions import is_admin


def can_manage_customer_results(user, organisation) -> bool:
    """Import a customer-results CSV for this organisation, or undo an import: admins."""
    return is_admin(user)


def can_see_customer_results(user, organisation) -> bool:
    """See the organisation's customer series and its imports: admins."""
    return is_admin(user)
