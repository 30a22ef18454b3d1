"""allauth adapter: new people join the Learners group; trainers are promoted by an admin."""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from accounts import return_to, services
from accounts.permissions import can_use_admin

# Where people land, by URL name: the pages are the dashboard's, an app above this one.
LEARNER_HOME = "my_home"
TRAINER_HOME = "trainer_home"


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """Someone a page sent to sign in (accounts.return_to: an invite link, say) goes back
        to it after signing in, also when sign-up passed through email verification. Everyone
        else lands where their work is: trainers and admins on the trainer home, learners on
        their learner home. (A `next` in the sign-in form wins over both; allauth reads it
        before asking here.)"""
        pending = return_to.pending(request)
        if pending:
            return pending
        return reverse(TRAINER_HOME if can_use_admin(request.user) else LEARNER_HOME)

    def save_user(self, request, user, form, commit=True):
        """A new person is a learner. Signing up on the way to a page means asking for what
        it does: it acts as soon as they come back confirmed (a join link joins them)."""
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            services.add_to_learners(user=user)
        path = return_to.pending(request)
        if path:
            return_to.note_asked_for(request, path)
        return user

    def send_mail(self, template_prefix, email, context):
        """allauth's own emails (confirmation, password reset…) in the recipient's language:
        the one saved on their account, else the language of the page that sent them."""
        user = context.get("user")
        if user is None:
            user = get_user_model().objects.filter(email__iexact=email).only("language").first()
        language = getattr(user, "language", "") or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)
