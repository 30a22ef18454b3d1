"""Admin registrations for the pulse: the statement sets only. Answers are never registered
(not as snippets, not as model views): nobody but the person reads one."""

from functools import cached_property

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pulse.forms import PulseStatementSetForm
from pulse.models import PulseStatementSet
from pulse.permissions import (
    can_edit_any_pulse_statements,
    can_edit_pulse_statements,
    pulse_statement_sets_editable_by,
)


class PulseStatementPermissionPolicy(ModelPermissionPolicy):
    """Trainers of an organisation and admins edit its statements, whatever model perms say."""

    def user_has_permission(self, user, action):
        return can_edit_any_pulse_statements(user)

    def user_has_any_permission(self, user, actions):
        return can_edit_any_pulse_statements(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return can_edit_pulse_statements(user, instance.organisation)

    def instances_user_has_permission_for(self, user, action):
        return pulse_statement_sets_editable_by(user)


class PulseStatementSetViewSet(SnippetViewSet):
    model = PulseStatementSet
    icon = "list-ul"
    menu_label = _("Pulse statements")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["organisation", "updated_at"]
    edit_handler = ObjectList(
        [FieldPanel("organisation"), FieldPanel("statements")],
        base_form_class=PulseStatementSetForm,
    )

    @cached_property
    def permission_policy(self):
        return PulseStatementPermissionPolicy(self.model)

    def get_queryset(self, request):
        return pulse_statement_sets_editable_by(request.user).select_related("organisation")


register_permission_policy(PulseStatementSet, PulseStatementPermissionPolicy(PulseStatementSet))
register_snippet(PulseStatementSetViewSet)
