"""Ripple's own Spanish for the allauth texts its sign-in, sign-up and password pages and
emails show. allauth's catalogue says "usted"; Ripple speaks to people as "tú" everywhere, so
these msgids are listed here for `makemessages` and translated in locale/es, which Django reads
before allauth's own (LOCALE_PATHS comes first). Nothing imports this module."""

# ruff: noqa: E501 -- each msgid is written exactly as allauth has it, one per line.
from django.utils.translation import gettext_noop

ALLAUTH_TEXTS = [
    gettext_noop('Forgot your password?'),
    gettext_noop('Please type your current password.'),
    gettext_noop('Your primary email address must be verified.'),
    gettext_noop('You cannot remove your primary email address.'),
    gettext_noop('The email address and/or password you specified are not correct.'),
    gettext_noop('Too many failed login attempts. Try again later.'),
    gettext_noop('You must type the same password each time.'),
    gettext_noop('Successfully signed in as %(name)s.'),
    gettext_noop('You have signed out.'),
    gettext_noop('You have confirmed %(email)s.'),
    gettext_noop('Confirmation email sent to %(email)s.'),
    gettext_noop('Please Confirm Your Email Address'),
    gettext_noop('Hello from %(site_name)s!'),
    gettext_noop('Your email has been confirmed.'),
    gettext_noop('Your password has been changed.'),
    gettext_noop('Your password has been reset.'),
    gettext_noop('Your password has been set.'),
    gettext_noop('This mail can be safely ignored if you did not initiate this action.'),
    gettext_noop("You're receiving this email because you or someone else has requested a password reset for your user account.\nIt can be safely ignored if you did not request a password reset. Click the link below to reset your password."),
    gettext_noop('In case you forgot, your username is %(username)s.'),
    gettext_noop('You are receiving this mail because the following change was made to your account:'),
    gettext_noop('If you do not recognize this change then please take proper security precautions immediately. The change to your account originates from:\n\n- IP address: %(ip)s\n- Browser: %(user_agent)s\n- Date: %(timestamp)s'),
    gettext_noop('You are receiving this email because you or someone else tried to signup for an\naccount using email address:\n\n%(email)s\n\nHowever, an account using that email address already exists.  In case you have\nforgotten about this, please use the password forgotten procedure to recover\nyour account:\n\n%(password_reset_url)s'),
    gettext_noop('You are receiving this email because you, or someone else, tried to access an account with email %(email)s. However, we do not have any record of such an account in our database.'),
    gettext_noop('If it was you, you can sign up for an account using the link below.'),
    gettext_noop('You cannot remove your primary email address (%(email)s).'),
]
