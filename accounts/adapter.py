"""allauth adapter: new people join the Learners group; trainers are promoted by an admin."""

from allauth.account.adapter import DefaultAccountAdapter

from accounts import services


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            services.add_to_learners(user=user)
        return user
