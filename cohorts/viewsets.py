"""The “Cohorts” admin: trainers run the cohorts they train; admins run every cohort.

Every queryset and object check here asks cohorts.permissions, so the admin and the site agree.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from cohorts import services
from cohorts.forms import AddMemberForm, ChangeRoleForm, CohortForm, InviteForm
from cohorts.models import Cohort, Membership, Organisation, Role
from cohorts.permissions import (
    can_create_cohorts,
    can_manage_cohort,
    cohorts_managed_by,
    organisations_for_new_cohorts,
)


class CohortPermissionPolicy(ModelPermissionPolicy):
    """Trainers may create cohorts and run those they train, whatever Django model perms say."""

    def user_has_permission(self, user, action):
        return can_create_cohorts(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return can_manage_cohort(user, instance)

    def instances_user_has_permission_for(self, user, action):
        return cohorts_managed_by(user)


class CohortIndexView(generic.IndexView):
    def get_base_queryset(self):
        return cohorts_managed_by(self.request.user).select_related("course", "organisation")

    def get_list_more_buttons(self, instance):
        return [
            MenuItem(
                "Members and invitations",
                url=reverse("cohorts:members", args=[instance.pk]),
                icon_name="group",
                priority=5,
            ),
            *super().get_list_more_buttons(instance),
        ]


class CohortCreateView(generic.CreateView):
    """New cohorts, only in organisations the person trains for (CohortForm lists them)."""

    def dispatch(self, request, *args, **kwargs):
        if not organisations_for_new_cohorts(request.user).exists():
            context = {
                "header_title": "Add cohort",
                "page_title": "Add cohort",
                "header_icon": "group",
            }
            return TemplateResponse(request, "cohorts/admin/no_organisation.html", context)
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        cohort = super().save_instance()
        services.set_membership(cohort=cohort, user=self.request.user, role=Role.TRAINER)
        return cohort


class ManagedCohortMixin:
    """One cohort's admin view: only for people who run that cohort (cohorts.permissions)."""

    def get_object(self, *args, **kwargs):
        cohort = super().get_object(*args, **kwargs)
        if not can_manage_cohort(self.request.user, cohort):
            raise PermissionDenied
        return cohort


class CohortEditView(ManagedCohortMixin, generic.EditView):
    pass


class CohortDeleteView(ManagedCohortMixin, generic.DeleteView):
    pass


class CohortHistoryView(ManagedCohortMixin, history.HistoryView):
    pass


class CohortUsageView(ManagedCohortMixin, usage.UsageView):
    pass


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = "Cohorts"
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = CohortIndexView
    add_view_class = CohortCreateView
    edit_view_class = CohortEditView
    delete_view_class = CohortDeleteView
    history_view_class = CohortHistoryView
    usage_view_class = CohortUsageView
    # A copy would carry no members and a new join code: nothing worth copying, and one more
    # way around the organisation rule.
    copy_view_enabled = False
    list_display = ["name", "course", "organisation", "starts_on", "archived"]
    list_filter = ["archived"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("course"), FieldPanel("organisation")]),
            FieldRowPanel(
                [FieldPanel("starts_on"), FieldPanel("ends_on"), FieldPanel("seat_limit")]
            ),
            MultiFieldPanel(
                [FieldPanel("teach_back_instructions"), FieldPanel("teach_back_due_on")],
                heading="Teach-back",
            ),
            FieldPanel("archived"),
        ],
        base_form_class=CohortForm,
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("members/<int:pk>/", self.members_view, name="members"),
            path("members/<int:pk>/rotate/", self.rotate_view, name="rotate"),
        ]

    def _managed(self, request, pk) -> Cohort:
        cohort = get_object_or_404(Cohort.objects.select_related("course", "organisation"), pk=pk)
        if not can_manage_cohort(request.user, cohort):
            raise PermissionDenied
        return cohort

    def members_view(self, request, pk):
        """Members and invitations: add by email, change roles, remove, invite by email."""
        cohort = self._managed(request, pk)
        add_form, invite_form = AddMemberForm(prefix="add"), InviteForm(prefix="invite")
        if request.method == "POST":
            action = request.POST.get("action")
            if action == "add":
                add_form = AddMemberForm(request.POST, prefix="add")
                if add_form.is_valid():
                    user = get_user_model().objects.filter(
                        email__iexact=add_form.cleaned_data["email"]
                    ).first()
                    if user is None:
                        add_form.add_error(
                            "email", "Nobody has an account with this email. Invite them below."
                        )
                    else:
                        services.set_membership(
                            cohort=cohort, user=user, role=add_form.cleaned_data["role"]
                        )
                        messages.success(request, f"{user.shown_name} is in {cohort.name}.")
                        return redirect(self.get_url_name("members"), pk=cohort.pk)
            elif action == "invite":
                invite_form = InviteForm(request.POST, prefix="invite")
                if invite_form.is_valid():
                    sent = services.invite_by_email(
                        cohort=cohort,
                        emails=invite_form.cleaned_data["emails"],
                        invited_by=request.user,
                    )
                    messages.success(request, f"Invitations are on their way to {sent} people.")
                    return redirect(self.get_url_name("members"), pk=cohort.pk)
            elif action in ("role", "remove"):
                form = ChangeRoleForm(request.POST)
                if form.is_valid() or action == "remove":
                    membership = get_object_or_404(
                        Membership.objects.select_related("user"),
                        pk=request.POST.get("membership"),
                        cohort=cohort,
                    )
                    if action == "remove":
                        services.remove_member(membership=membership)
                        messages.success(request, f"{membership.user.shown_name} was removed.")
                    else:
                        services.set_membership(
                            cohort=cohort, user=membership.user, role=form.cleaned_data["role"]
                        )
                        messages.success(request, f"{membership.user.shown_name}'s role changed.")
                    return redirect(self.get_url_name("members"), pk=cohort.pk)
                messages.error(request, "Choose trainer or learner.")
        context = {
            "cohort": cohort,
            "memberships": cohort.memberships.select_related("user"),
            "roles": Role.choices,
            "add_form": add_form,
            "invite_form": invite_form,
            "invite_link": request.build_absolute_uri(cohort.join_path),
            "rotate_url_name": self.get_url_name("rotate"),
            "edit_url_name": self.get_url_name("edit"),
            "header_title": f"Members of {cohort.name}",
            "page_title": f"Members of {cohort.name}",
            "page_subtitle": f"{cohort.course.title} · {cohort.organisation.name}",
            "header_icon": "group",
        }
        return TemplateResponse(request, "cohorts/admin/members.html", context)

    def rotate_view(self, request, pk):
        return require_POST(self._rotate)(request, pk)

    def _rotate(self, request, pk):
        cohort = self._managed(request, pk)
        services.rotate_join_code(cohort=cohort)
        messages.success(
            request, f"New join code {cohort.display_code}. The old link no longer works."
        )
        return redirect(self.get_url_name("members"), pk=cohort.pk)


class OrganisationViewSet(ModelViewSet):
    """Employers; admins only (Django model permissions)."""

    model = Organisation
    icon = "site"
    menu_label = "Organisations"
    menu_order = 160
    add_to_admin_menu = True
    form_fields = ["name", "trainers"]
    list_display = ["name", "created_at"]
    search_fields = ["name"]
