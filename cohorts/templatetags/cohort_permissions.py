"""Cohort permissions for templates, so a template asks a rule instead of comparing roles."""

from django import template

from cohorts import permissions

register = template.Library()


@register.filter
def is_trainer_membership(membership) -> bool:
    """`{% if membership|is_trainer_membership %}`: see cohorts.permissions."""
    return permissions.is_trainer_membership(membership)
