"""Where a person goes back to after signing in, for pages of the apps above accounts.

Accounts knows none of those pages. A page that needs a signed-in person (a cohort's join link,
say) remembers its own path here; the allauth adapter (accounts.adapter) sends the person back
to it after they sign in, also when signing up passed through email verification.

A page may also note that the person asked for what it does, so that it acts at once when they
come back able to (with a confirmed address): the adapter notes it when someone signs up on
their way to a remembered page, and the page takes the note when they return.
"""

RETURN_TO_SESSION_KEY = "ripple_return_to"
ASKED_FOR_SESSION_KEY = "ripple_asked_for"


def remember(request, path: str) -> None:
    """Send the person back to `path`, a path on this site, after they sign in."""
    request.session[RETURN_TO_SESSION_KEY] = path


def pending(request) -> str | None:
    """The path the person goes back to after signing in, if a page remembered one."""
    return request.session.get(RETURN_TO_SESSION_KEY)


def forget(request) -> None:
    """The person got where they were going: after the next sign-in, the usual page."""
    request.session.pop(RETURN_TO_SESSION_KEY, None)


def note_asked_for(request, path: str) -> None:
    """Note that the person asked for what the page at `path` does (to join a cohort, say)."""
    request.session[ASKED_FOR_SESSION_KEY] = path


def take_asked_for(request) -> str | None:
    """The path whose action the person asked for, once: the note is removed."""
    return request.session.pop(ASKED_FOR_SESSION_KEY, None)
