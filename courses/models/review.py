"""The “Trainer review” moderation task: another trainer (or an admin) approves a change."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from accounts.permissions import is_admin


class PeerReviewTask(AbstractGroupApprovalTask):
    """Like Wagtail's group approval, but the person who submitted cannot approve their own work.

    Superusers may approve anything, so a lone admin is never stuck.
    """

    def _is_own_submission(self, obj, user) -> bool:
        state = getattr(obj, "current_workflow_state", None)
        return bool(state and state.requested_by_id == user.pk and not is_admin(user))

    def get_actions(self, obj, user):
        if self._is_own_submission(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        content = task_state.workflow_state.content_object
        if self._is_own_submission(content, user):
            raise PermissionDenied(
                _("Another trainer has to review a change you submitted.")
            )
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if is_admin(user):
            return states
        return states.exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return "A trainer other than the author, or an admin, approves the change."

    class Meta:
        verbose_name = _("peer review task")
        verbose_name_plural = _("peer review tasks")
