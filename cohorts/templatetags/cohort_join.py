"""The cohort an invite link is waiting to join, for allauth's pages ("check your inbox")."""

from django import template

from accounts.adapter import PENDING_JOIN_SESSION_KEY
from cohorts.models import Cohort, normalise_join_code

register = template.Library()


@register.simple_tag(takes_context=True)
def pending_join_cohort(context):
    """The cohort whose invite link brought this visitor to sign up, or None."""
    request = context.get("request")
    code = request and request.session.get(PENDING_JOIN_SESSION_KEY)
    if not code:
        return None
    return Cohort.objects.filter(join_code=normalise_join_code(code)).first()
