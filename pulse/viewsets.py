"""The "Pulse statements" admin (a snippet with revisions): an organisation's trainers and
admins edit its statements. Every queryset and object check asks pulse.permissions.

Answers are never registered here or anywhere in the admin: nobody but the person reads one.
"""

from functools import cached_property

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.snippets.views import chooser, snippets
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.admin_views import ObjectRuleMixin
from pulse.forms import PulseStatementSetForm
from pulse.models import PulseStatementSet
from pulse.permissions import (
    can_edit_any_pulse_statements,
    can_edit_pulse_statement_set,
    pulse_statement_sets_editable_by,
)


class PulseStatementPermissionPolicy(ModelPermissionPolicy):
    """Trainers of an organisation and admins edit its statements, whatever model perms say."""

    def user_has_permission(self, user, action):
        return can_edit_any_pulse_statements(user)

    def user_has_any_permission(self, user, actions):
        return can_edit_any_pulse_statements(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return can_edit_pulse_statement_set(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return can_edit_pulse_statement_set(user, instance)

    def instances_user_has_permission_for(self, user, action):
        return pulse_statement_sets_editable_by(user)

    def instances_user_has_any_permission_for(self, user, actions):
        return pulse_statement_sets_editable_by(user)


class EditableStatementsMixin(ObjectRuleMixin):
    """One statement set's admin view: only for its organisation's trainers and admins."""

    object_rule = staticmethod(can_edit_pulse_statement_set)


class EditView(EditableStatementsMixin, snippets.EditView):
    pass


class DeleteView(EditableStatementsMixin, snippets.DeleteView):
    pass


class UsageView(EditableStatementsMixin, snippets.UsageView):
    pass


class HistoryView(EditableStatementsMixin, snippets.HistoryView):
    pass


class RevisionsCompareView(EditableStatementsMixin, snippets.RevisionsCompareView):
    pass


class ChooseView(chooser.ChooseView):
    def get_object_list(self):
        return pulse_statement_sets_editable_by(self.request.user)


class ChooseResultsView(chooser.ChooseResultsView):
    def get_object_list(self):
        return pulse_statement_sets_editable_by(self.request.user)


class ChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        return pulse_statement_sets_editable_by(self.request.user).get(pk=pk)


class ChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return pulse_statement_sets_editable_by(self.request.user).filter(pk__in=pks)


class PulseStatementChooserViewSet(chooser.SnippetChooserViewSet):
    """Wagtail's chooser for the sets (nothing uses it yet): only the sets the person may
    edit (and, as by default, no creating from it)."""

    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView


class PulseStatementSetViewSet(SnippetViewSet):
    model = PulseStatementSet
    icon = "list-ul"
    menu_label = _("Pulse statements")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["organisation", "updated_at"]
    # One set per organisation: a copy could only fail.
    copy_view_enabled = False
    chooser_viewset_class = PulseStatementChooserViewSet
    edit_view_class = EditView
    delete_view_class = DeleteView
    usage_view_class = UsageView
    history_view_class = HistoryView
    revisions_compare_view_class = RevisionsCompareView
    edit_handler = ObjectList(
        [FieldPanel("organisation"), FieldPanel("statements")],
        base_form_class=PulseStatementSetForm,
    )

    @cached_property
    def permission_policy(self):
        return PulseStatementPermissionPolicy(self.model)

    def get_queryset(self, request):
        return pulse_statement_sets_editable_by(request.user).select_related("organisation")
