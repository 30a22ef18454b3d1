"""Admin registrations for the pulse: the statement sets only. Answers are never registered
(not as snippets, not as model views): nobody but the person reads one."""

from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from pulse.models import PulseStatementSet
from pulse.viewsets import PulseStatementPermissionPolicy, PulseStatementSetViewSet

register_permission_policy(PulseStatementSet, PulseStatementPermissionPolicy(PulseStatementSet))
register_snippet(PulseStatementSetViewSet)
