"""Pieces of Wagtail admin views that every app's viewsets share. The rules themselves stay in
each app's permissions.py; this only applies one."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied


class ObjectRuleMixin:
    """An admin view of one object (edit, delete, history, usage...): refused unless the
    app's rule lets this person at that object. Set the rule as
    `object_rule = staticmethod(can_manage_cohort)`: it is called as `rule(user, object)`."""

    object_rule: Callable[..., bool]

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not self.object_rule(self.request.user, instance):
            raise PermissionDenied
        return instance
