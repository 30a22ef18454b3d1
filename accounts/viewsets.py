"""Wagtail's Users admin, with the sign-in address read-only when editing someone.

A new address only counts once its owner confirms it, and only they can: they change it at
/accounts/email/ (allauth), which keeps the old address until the new one is confirmed.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet


class UserEditWithConfirmedEmailForm(UserEditForm):
    """Admins edit names, groups and status; the email is the person's own to change."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.disabled = True
        email.required = False
        email.help_text = _(
            "People change their own address under Account → Email address, where the new "
            "address is confirmed before it counts."
        )

class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        if for_update:
            return UserEditWithConfirmedEmailForm
        return super().get_form_class(for_update)
