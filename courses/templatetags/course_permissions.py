"""Course permissions for templates, so a template asks a rule instead of reading flags."""

from django import template

from courses import permissions

register = template.Library()


@register.filter
def can_see_pdf_failure_details(user) -> bool:
    """`{% if request.user|can_see_pdf_failure_details %}`: see courses.permissions."""
    return permissions.can_see_pdf_failure_details(user)
