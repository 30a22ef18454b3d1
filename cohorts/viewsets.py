"""The “Cohorts” admin: trainers run the cohorts they train; admins run every cohort.

Every queryset and object check here asks cohorts.permissions, so the admin and the site agree.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from accounts.admin_views import ObjectRuleMixin
from cohorts import selectors, services, work
from cohorts.forms import AddMemberForm, ChangeRoleForm, CohortForm, InviteForm, MemberChoiceForm
from cohorts.models import Cohort, Organisation, Role
from cohorts.permissions import (
    can_be_given_membership,
    can_create_cohorts,
    can_delete_cohort,
    can_manage_cohort,
    cohorts_managed_by,
    organisations_for_new_cohorts,
)
from cohorts.status import ACTIVE, cohort_state, cohort_status


def _tell(request, action, success: str) -> None:
    """Run one service call for the members page, and tell the trainer that it was done, or
    why it was refused (the service's ValidationError)."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)

class CohortPermissionPolicy(ModelPermissionPolicy):
    """Trainers may create cohorts and run those they train, whatever Django model perms say."""

    def user_has_permission(self, user, action):
        return can_create_cohorts(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return can_manage_cohort(user, instance)

    def instances_user_has_permission_for(self, user, action):
        return cohorts_managed_by(user)


class CohortIndexView(generic.IndexView):
    template_name = "cohorts/admin/cohort_index.html"  # the list's phone layout

    def get_base_queryset(self):
        return cohorts_managed_by(self.request.user).select_related("course", "organisation")

    def get_list_more_buttons(self, instance):
        return [
            MenuItem(
                _("Members and invitations"),
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
                "header_title": _("Add cohort"),
                "page_title": _("Add cohort"),
                "header_icon": "group",
            }
            return TemplateResponse(request, "cohorts/admin/no_organisation.html", context)
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        cohort = super().save_instance()
        services.set_membership(cohort=cohort, user=self.request.user, role=Role.TRAINER)
        return cohort

    def get_success_url(self):
        """Next the trainer invites people, so the new cohort's members page comes next."""
        return reverse("cohorts:members", args=[self.object.pk])


class ManagedCohortMixin(ObjectRuleMixin):
    """One cohort's admin view: only for people who run that cohort (cohorts.permissions)."""

    object_rule = staticmethod(can_manage_cohort)


class CohortEditView(ManagedCohortMixin, generic.EditView):
    pass


class CohortHistoryView(ManagedCohortMixin, history.HistoryView):
    pass


class CohortUsageView(ManagedCohortMixin, usage.UsageView):
    pass


class CohortDeleteView(ManagedCohortMixin, generic.DeleteView):
    """Deletes only a cohort nobody's work is in; otherwise says why and offers archiving."""

    template_name = "cohorts/admin/cohort_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["work"] = selectors.cohort_work(cohort=self.object)
        context["deletable"] = can_delete_cohort(self.request.user, self.object)
        return context

    def form_valid(self, form):
        if not can_delete_cohort(self.request.user, self.object):
            messages.error(
                self.request,
                _(
                    "%(cohort)s holds its members' work, so it cannot be deleted. "
                    "Archive it instead."
                )
                % {"cohort": self.object.name},
            )
            return redirect(self.get_delete_url())
        return super().form_valid(form)


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = gettext_lazy("Cohorts")
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
    list_display = [
        "name", "course", "organisation", "starts_on",
        StatusTagColumn("status", label=gettext_lazy("Status"), accessor=cohort_status,
                        primary=lambda cohort: cohort_state(cohort) == ACTIVE),
    ]
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
                [
                    FieldPanel("teach_back_instructions"),
                    FieldPanel("teach_back_due_on"),
                    FieldPanel("default_language"),
                ],
                heading=gettext_lazy("Teach-back"),
            ),
            FieldPanel("archived"),
        ],
        base_form_class=CohortForm,
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("members/<int:pk>/", self.members_view, name="members"),
            path("members/<int:pk>/add/", self.add_member_view, name="members_add"),
            path("members/<int:pk>/role/", self.change_role_view, name="members_role"),
            path("members/<int:pk>/remove/", self.remove_member_view, name="members_remove"),
            path("members/<int:pk>/invite/", self.invite_view, name="members_invite"),
            path("members/<int:pk>/rotate/", self.rotate_view, name="rotate"),
        ]

    def _managed(self, request, pk) -> Cohort:
        cohort = get_object_or_404(Cohort.objects.select_related("course", "organisation"), pk=pk)
        if not can_manage_cohort(request.user, cohort):
            raise PermissionDenied
        return cohort

    def _to_members(self, cohort):
        return redirect(self.get_url_name("members"), pk=cohort.pk)

    def _members_page(self, request, cohort, *, add_form=None, invite_form=None, status=200):
        context = {
            "cohort": cohort,
            "memberships": selectors.members_of(cohort=cohort),
            "former_memberships": selectors.former_members_of(cohort=cohort),
            "roles": Role.choices,
            "add_form": add_form or AddMemberForm(prefix="add"),
            "invite_form": invite_form or InviteForm(prefix="invite"),
            "invite_link": request.build_absolute_uri(cohort.join_path),
            "invitations_left": max(
                services.INVITATIONS_PER_DAY
                - services.invitations_sent_today(user=request.user),
                0,
            ),
            "url_names": {
                action: self.get_url_name(action)
                for action in (
                    "rotate", "edit", "members_add", "members_role", "members_remove",
                    "members_invite",
                )
            },
            # Short in the header, which fills a phone's first screen; course and organisation
            # are in the page body.
            "header_title": _("Members"),
            "page_title": _("Members"),
            "page_subtitle": cohort.name,
            "header_icon": "group",
        }
        return TemplateResponse(request, "cohorts/admin/members.html", context, status=status)

    def members_view(self, request, pk):
        """Members and invitations: the roster, former members, and the forms that act on them."""
        return require_GET(self._members)(request, pk)

    def _members(self, request, pk):
        return self._members_page(request, self._managed(request, pk))

    def add_member_view(self, request, pk):
        return require_POST(self._add_member)(request, pk)

    def _add_member(self, request, pk):
        """Add someone with a confirmed account, or add back someone who was removed."""
        cohort = self._managed(request, pk)
        form = AddMemberForm(request.POST, prefix="add")
        invite_form = None
        if form.is_valid():
            person = get_user_model().objects.filter(
                email__iexact=form.cleaned_data["email"]
            ).first()
            if person is None:
                form.add_error(
                    "email", _("Nobody has an account with this email. Invite them below.")
                )
            elif not can_be_given_membership(person):
                form.add_error(
                    "email",
                    _(
                        "%(person)s has not confirmed this email address yet, so they cannot "
                        "be added to a cohort. Send them an invitation below instead: they can "
                        "join once they have confirmed it."
                    )
                    % {"person": person.shown_name},
                )
                invite_form = InviteForm(prefix="invite", initial={"emails": person.email})
            else:
                try:
                    services.set_membership(
                        cohort=cohort, user=person, role=form.cleaned_data["role"]
                    )
                except ValidationError as error:
                    form.add_error("email", error)
                else:
                    names = {"person": person.shown_name, "cohort": cohort.name}
                    messages.success(request, _("%(person)s is in %(cohort)s.") % names)
                    return self._to_members(cohort)
        return self._members_page(
            request, cohort, add_form=form, invite_form=invite_form, status=400
        )

    def change_role_view(self, request, pk):
        return require_POST(self._change_role)(request, pk)

    def _change_role(self, request, pk):
        cohort = self._managed(request, pk)
        form = ChangeRoleForm(request.POST, members=selectors.members_of(cohort=cohort))
        if not form.is_valid():
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
            return self._to_members(cohort)
        membership = form.cleaned_data["membership"]
        _tell(
            request,
            lambda: services.set_membership(
                cohort=cohort, user=membership.user, role=form.cleaned_data["role"]
            ),
            _("%(person)s is now a %(role)s.")
            % {
                "person": membership.user.shown_name,
                "role": str(Role(form.cleaned_data["role"]).label).lower(),
            },
        )
        return self._to_members(cohort)

    def remove_member_view(self, request, pk):
        return require_http_methods(["GET", "POST"])(self._remove_member)(request, pk)

    def _remove_member(self, request, pk):
        """GET: say exactly what removing someone does. POST: end their membership."""
        cohort = self._managed(request, pk)
        form = MemberChoiceForm(
            request.POST if request.method == "POST" else request.GET,
            members=selectors.members_of(cohort=cohort),
        )
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["membership"]))
            return self._to_members(cohort)
        membership = form.cleaned_data["membership"]
        if request.method == "POST":
            _tell(
                request,
                lambda: services.end_membership(membership=membership, ended_by=request.user),
                _(
                    "%(person)s is no longer in %(cohort)s. Their reports stay in the feed; "
                    "you can add them back below."
                )
                % {"person": membership.user.shown_name, "cohort": cohort.name},
            )
            return self._to_members(cohort)
        name = membership.user.shown_name
        title = _("Remove %(person)s from %(cohort)s?") % {"person": name, "cohort": cohort.name}
        context = {
            "cohort": cohort,
            "membership": membership,
            "work": work.of_member(membership=membership),
            "members_url_name": self.get_url_name("members"),
            "remove_url_name": self.get_url_name("members_remove"),
            "header_title": title,
            "page_title": title,
            "page_subtitle": f"{cohort.course.title} · {cohort.organisation.name}",
            "header_icon": "group",
        }
        return TemplateResponse(request, "cohorts/admin/member_remove.html", context)

    def invite_view(self, request, pk):
        return require_POST(self._invite)(request, pk)

    def _invite(self, request, pk):
        cohort = self._managed(request, pk)
        form = InviteForm(request.POST, prefix="invite")
        if form.is_valid():
            try:
                sent = services.invite_by_email(
                    cohort=cohort, emails=form.cleaned_data["emails"], invited_by=request.user
                )
            except ValidationError as error:
                form.add_error("emails", error)
            else:
                messages.success(
                    request,
                    ngettext(
                        "The invitation is on its way to %(count)s person.",
                        "Invitations are on their way to %(count)s people.",
                        sent,
                    )
                    % {"count": sent},
                )
                return self._to_members(cohort)
        return self._members_page(request, cohort, invite_form=form, status=400)

    def rotate_view(self, request, pk):
        return require_POST(self._rotate)(request, pk)

    def _rotate(self, request, pk):
        cohort = self._managed(request, pk)
        services.rotate_join_code(cohort=cohort)
        message = _("New join code %(code)s. The old link no longer works.")
        messages.success(request, message % {"code": cohort.display_code})
        return self._to_members(cohort)


class OrganisationViewSet(ModelViewSet):
    """Employers; admins only (Django model permissions)."""

    model = Organisation
    icon = "site"
    menu_label = gettext_lazy("Organisations")
    menu_order = 160
    add_to_admin_menu = True
    form_fields = ["name", "trainers"]
    list_display = ["name", "created_at"]
    search_fields = ["name"]
