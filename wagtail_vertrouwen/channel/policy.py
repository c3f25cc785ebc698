"""Who may do what in the confidential channel, and how its responses are hardened.

Every rule of the kind "may this account read, designate, be designated, be deleted, lose
admin access, be given access to this melding" lives here (DESIGN.md, "Who may do what").
Views, the API, hooks, signals, tasks and services ask this module; none of them decides by
itself. Django's permission system is used only for the one permission that is about the
website (designating recipients); superuser status counts for nothing anywhere else (I3).
"""

from __future__ import annotations

from django.utils.cache import add_never_cache_headers

#: The only Django permission of the channel: designate and remove recipients (I4).
DESIGNATE_PERMISSION = "wagtail_vertrouwen_channel.designate_recipients"
#: Wagtail's permission to use the admin at all; the inbox lives in the admin.
ADMIN_ACCESS_PERMISSION = "wagtailadmin.access_admin"


# People ------------------------------------------------------------------------------------


def identity(user) -> str:
    """How the channel names a person wherever it matters: full name together with the login
    name and address, which the person cannot make look like someone else's by renaming."""
    if user is None:
        return ""
    stable = ", ".join(part for part in (user.get_username(), user.email) if part)
    name = user.get_full_name().strip()
    return f"{name} ({stable})" if name else stable


# Recipients --------------------------------------------------------------------------------


def can_designate(user) -> bool:
    """May ``user`` designate and remove the recipients of melding forms?"""
    return bool(user.is_authenticated and user.is_active and user.has_perm(DESIGNATE_PERMISSION))


def may_receive(user) -> bool:
    """May ``user`` be (or stay) a designated recipient: an active account that can reach the
    inbox in the Wagtail admin. Losing either ends every designation, audited and announced."""
    return bool(user.is_active and user.has_perm(ADMIN_ACCESS_PERMISSION))


def is_recipient(user) -> bool:
    """Designated now, or holding meldingen from before. Superuser status counts for nothing."""
    from .models import Designation, MeldingAccess

    if not (user.is_authenticated and user.is_active):
        return False
    return (
        Designation.objects.current().filter(user=user).exists()
        or MeldingAccess.objects.filter(recipient=user).exists()
    )


def is_verified(user) -> bool:
    """Whether this session passed a second factor (django-otp's ``OTPMiddleware``)."""
    return bool(getattr(user, "is_verified", lambda: False)())


# Responses ---------------------------------------------------------------------------------


def no_store(response):
    """Headers for every response of the inbox: never cached, referrer kept on this site."""
    add_never_cache_headers(response)
    # Not "no-referrer": Chromium then sends "Origin: null" with the form's POST, which
    # Django's CSRF check rightly refuses. Same-origin sends nothing to anyone else.
    response["Referrer-Policy"] = "same-origin"
    return response


#: No outside requests, no inline code; the form posts only to this site (I7).
PUBLIC_CSP = "; ".join(
    [
        "default-src 'none'",
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)

#: A decrypted attachment is shown by nobody's browser as a page of this site.
ATTACHMENT_CSP = "default-src 'none'; sandbox"


def protect_public(response):
    """Headers for the public melding pages and API: never cached, never indexed, no
    referrer beyond this site, strict CSP (I7)."""
    no_store(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Content-Security-Policy"] = PUBLIC_CSP
    return response
