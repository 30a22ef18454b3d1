"""The cohort an invite link is waiting to join, for allauth's pages ("check your inbox")."""

from django import template
from django.urls import Resolver404, resolve

from accounts import return_to
from cohorts.models import Cohort, normalise_join_code

register = template.Library()


@register.simple_tag(takes_context=True)
def pending_join_cohort(context):
    """The cohort whose invite link brought this visitor to sign up, or None: the page they
    go back to after signing in (accounts.return_to), when it is a join link."""
    request = context.get("request")
    path = request and return_to.pending(request)
    if not path:
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.url_name != "join_cohort":
        return None
    return Cohort.objects.filter(join_code=normalise_join_code(match.kwargs["code"])).first()
