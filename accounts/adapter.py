"""allauth adapter: new people join the Learners group; trainers are promoted by an admin."""

from allauth.account.adapter import DefaultAccountAdapter

from accounts import services

PENDING_JOIN_SESSION_KEY = "ripple_pending_join_code"
# Set when the person asked to join (signed up from an invite link, or opened it while their
# address was unconfirmed): the join link then joins them as soon as their address is confirmed.
JOIN_ON_CONFIRMATION_SESSION_KEY = "ripple_join_on_confirmation"


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """Someone who arrived through an invite link goes back to it after signing in,
        also when sign-up passed through email verification."""
        code = request.session.get(PENDING_JOIN_SESSION_KEY)
        if code:
            return f"/join/{code}/"
        return super().get_login_redirect_url(request)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            services.add_to_learners(user=user)
        code = request.session.get(PENDING_JOIN_SESSION_KEY)
        if code:
            request.session[JOIN_ON_CONFIRMATION_SESSION_KEY] = code
        return user
