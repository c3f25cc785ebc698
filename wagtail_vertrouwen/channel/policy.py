"""Who may do what in the confidential channel, and how its responses are hardened.

Every rule of the kind "may this account read, designate, be designated, be deleted, lose
admin access, be given access to this melding" lives here (DESIGN.md, "Who may do what").
Views, the API, hooks, signals, tasks and services ask this module; none of them decides by
itself. Django's permission system is used only for the one permission that is about the
website (designating recipients); superuser status counts for nothing anywhere else (I3).
"""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings
from django.utils.cache import add_never_cache_headers

from . import conf

#: The only Django permission of the channel: designate and remove recipients (I4).
DESIGNATE_PERMISSION = "wagtail_vertrouwen_channel.designate_recipients"
#: Wagtail's permission to use the admin at all; the inbox lives in the admin.
ADMIN_ACCESS_PERMISSION = "wagtailadmin.access_admin"


# People ------------------------------------------------------------------------------------


def _plain_name(user) -> str:
    """The free-text name, without what could make it look like a stable identifier: no
    brackets, commas or @, no control or formatting characters (a renamed account cannot
    write "Vera Peters (vp1, vp1@school.test)" into its name)."""
    name = user.get_full_name() if hasattr(user, "get_full_name") else ""
    kept = "".join(ch for ch in name if ch.isprintable() and ch not in "()[]<>,;@")
    return " ".join(kept.split())[:150]


def identity(user) -> str:
    """How the channel names a person to staff (notices, inbox, recipients page, audit log):
    full name together with the login name and address, which the person cannot make look like
    someone else's by renaming."""
    if user is None or getattr(user, "pk", None) is None:
        return ""  # nobody, or the anonymous user
    address = getattr(user, user.get_email_field_name(), "") or ""
    stable = ", ".join(part for part in (user.get_username(), address) if part)
    name = _plain_name(user)
    return f"{name} ({stable})" if name else stable


def public_identity(user) -> str:
    """How the public melding form names a recipient ("keep this melding away from"): full name
    with the work address, never the login name (which would help someone guessing passwords
    of exactly the accounts that guard the meldingen). Empty when the account has neither."""
    address = getattr(user, user.get_email_field_name(), "") or ""
    name = _plain_name(user)
    if name and address:
        return f"{name} ({address})"
    return name or address


# Recipients --------------------------------------------------------------------------------

#: Why a designation ends without anyone removing it on the recipients page. Stored in the
#: audit line's detail and shown in the notices.
DELETED, DEACTIVATED, DEMOTED = "deleted", "deactivated", "lost admin access"


def can_designate(user) -> bool:
    """May ``user`` designate and remove the recipients of melding forms?"""
    return bool(user.is_authenticated and user.is_active and user.has_perm(DESIGNATE_PERMISSION))


def _admin_access():
    """Django's ``ModelBackend`` rule for ``wagtailadmin.access_admin``, as a query: an active
    superuser, or the permission through a group or directly."""
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    app_label, codename = ADMIN_ACCESS_PERMISSION.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        Q(is_superuser=True)
        | Q(groups__permissions__in=permission)
        | Q(user_permissions__in=permission)
    )


def receiving(users):
    """The accounts of the queryset ``users`` that may be (or stay) designated recipients: active,
    and able to reach the inbox in the Wagtail admin. One query, no writes; ``may_receive`` and
    every list of recipients use it, so the rule exists once."""
    allowed = users.model._default_manager.filter(_admin_access()).values("pk")
    return users.filter(is_active=True, pk__in=allowed)


def may_receive(user) -> bool:
    """May ``user`` be (or stay) a designated recipient? Losing this (deactivated, or admin
    access taken away) ends every designation, audited and announced (services.designate)."""
    if user is None or user.pk is None:
        return False
    return receiving(type(user)._default_manager.filter(pk=user.pk)).exists()


def why_not_receiving(user) -> str:
    """The reason recorded when a designation lapses: the account was deactivated, or it lost
    its access to the admin."""
    return DEACTIVATED if not user.is_active else DEMOTED


def may_delete_in_admin(user) -> bool:
    """May Wagtail's user admin delete this account (one by one or in bulk)? Not while it is
    designated, nor while it holds meldingen: deleting destroys its sealed keys, so meldingen
    would become unreadable, and a one-recipient form would be taken over by whoever deletes.
    Deactivating is the reversible way (announced); remove the designation on the recipients
    page first (announced). Deleting in the shell is not stopped, but audited and announced."""
    return not _designated_or_holding(user)


def alert_addresses() -> list[str]:
    """Who hears that a live form lost its last recipient: ``WAGTAIL_VERTROUWEN_ALERT_EMAILS``,
    by default the addresses in ``settings.ADMINS``."""
    configured = conf.get("ALERT_EMAILS")
    if configured is None:
        configured = [
            entry[1] if isinstance(entry, (list, tuple)) else entry
            for entry in getattr(settings, "ADMINS", [])
        ]
    return [address for address in configured if address]


def is_recipient(user) -> bool:
    """Designated now, or holding meldingen from before. Superuser status counts for nothing."""
    if not (user.is_authenticated and user.is_active):
        return False
    return _designated_or_holding(user)


def _designated_or_holding(user) -> bool:
    from .models import Designation, MeldingAccess

    return (
        Designation.objects.current().filter(user=user).exists()
        or MeldingAccess.objects.filter(recipient=user).exists()
    )


# The audit log -------------------------------------------------------------------------------


def audit_lines_visible_to(user):
    """The audit lines ``user`` sees in her log (I5): what happened to meldingen sealed to her
    (also deleted ones: ``readers``), what she did herself, what was about her as a recipient,
    and what happened to who receives a form, and where and whether it can receive, *while*
    she was designated to it (from ``added_at`` to ``removed_at`` of each designation). A
    removed recipient does not see who comes after her, nor their addresses."""
    from django.db.models import Exists, OuterRef, Q

    from .models import AuditEntry, Designation
    from .models.audit import FORM_EVENTS, RECIPIENT_CHANGES

    while_designated = Designation.objects.filter(
        user=user, translation_key=OuterRef("translation_key"), added_at__lte=OuterRef("at")
    ).filter(Q(removed_at__isnull=True) | Q(removed_at__gte=OuterRef("at")))
    return AuditEntry.objects.filter(
        Q(readers=user)
        | Q(actor=user)
        | Q(subject=user, action__in=RECIPIENT_CHANGES)
        | Q(Exists(while_designated), action__in=(*RECIPIENT_CHANGES, *FORM_EVENTS))
    ).distinct()


# Where a form receives ---------------------------------------------------------------------
#
# A form belongs to one school: the one it was pinned to at its first designation
# (``models.FormSchool``, written by ``services.designate``). A version (translation) receives
# only on a Site whose root page is that school's home page or a translation of it (a school
# with one Site per language). Which version is the reference, Locale names, LANGUAGE_CODE,
# deleting the original or adding translations elsewhere cannot move a pinned form.


def site_id_of(page):
    """The id of the Site that serves ``page`` (Wagtail's cached site root paths), or None."""
    parts = page.get_url_parts()
    return parts[0] if parts else None


def home_key_of_site(site_id):
    """The ``translation_key`` of the root page (home) of the Site ``site_id``, or None."""
    if site_id is None:
        return None
    from wagtail.models import Site

    return (
        Site.objects.filter(pk=site_id).values_list("root_page__translation_key", flat=True).first()
    )


def pinned_school(translation_key):
    """The home key the form ``translation_key`` is pinned to, or None (no designation yet)."""
    from .models import FormSchool

    return (
        FormSchool.objects.filter(form_key=translation_key)
        .values_list("home_key", flat=True)
        .first()
    )


def school_to_pin(translation_key):
    """The home key a first designation pins the form to: that of the Site of its reference
    version (``wagtail_vertrouwen.locales``); when that version stands on no website, the
    next version in the same order that does. None when no version stands on a website."""
    from ..locales import default_locale
    from .models import MeldingFormPage

    default = default_locale()
    default_id = default.pk if default is not None else None
    versions = MeldingFormPage.objects.filter(translation_key=translation_key)
    for version in sorted(versions, key=lambda page: (page.locale_id != default_id, page.pk)):
        home = home_key_of_site(site_id_of(version))
        if home is not None:
            return home
    return None


def school_of(translation_key):
    """The school (home key) a form receives for: pinned, or for a form without designations,
    the one its first designation would pin (so that the recipients page shows it). None for
    a form that has designations but no pin (left so by migration 0003, check W008): it
    receives nothing until a designation pins it, and nothing may say it would."""
    from .models import Designation

    pinned = pinned_school(translation_key)
    if pinned is not None:
        return pinned
    if Designation.objects.current().filter(translation_key=translation_key).exists():
        return None
    return school_to_pin(translation_key)


def receives_at(site_home_key, school) -> bool:
    """Does a version on a Site whose home has ``site_home_key`` receive for a form of the
    school ``school`` (a home key)? The one comparison every caller makes."""
    return site_home_key is not None and site_home_key == school


def receives_on_its_site(page) -> bool:
    """May this version (translation) of a melding form receive meldingen where it is? Only
    on a Site of the school the form is pinned to (its home page, or a translation of it, is
    the Site's root). A version moved, copied or translated into another school's site
    receives nothing, so that school's melders never write to this school's recipients; its
    page says it cannot receive, and the recipients page shows why. A form that is not pinned
    (no designation) and a version on no website receive nothing. One query (the Site root
    paths are cached by Wagtail)."""
    from wagtail.models import Site

    from .models import FormSchool

    site_id = site_id_of(page)
    if site_id is None:
        return False
    pin = FormSchool.objects.filter(form_key=page.translation_key).values("home_key")
    return Site.objects.filter(pk=site_id, root_page__translation_key__in=pin).exists()


# The inbox's second factor and its cookies --------------------------------------------------

#: Session entry of the inbox's OTP verification: who, when, and a hash of the nonce that only
#: the browser-session cookie ``OTP_COOKIE`` holds.
OTP_SESSION_KEY = "wagtail_vertrouwen_otp"
#: "KEY" in the cookie names makes Django's error reports hide their values.
OTP_COOKIE = "vertrouwen_otp_key"
UNLOCK_COOKIE = "vertrouwen_unlock_key"
#: Browsers accept a ``__Host-`` cookie only with Secure, Path=/ and no Domain: no subdomain
#: and no other path of the site can set or shadow it.
HOST_PREFIX = "__Host-"


def secure_cookies(request) -> bool:
    return bool(request.is_secure() or settings.SESSION_COOKIE_SECURE)


def cookie_name(request, name: str) -> str:
    """The inbox's cookies are ``__Host-`` cookies wherever they are Secure."""
    return f"{HOST_PREFIX}{name}" if secure_cookies(request) else name


def cookie_options(request) -> dict:
    """For ``set_cookie``: a browser-session cookie (no expiry) that scripts cannot read and
    other sites cannot make the browser send; limited to the inbox unless ``__Host-``."""
    from django.urls import reverse

    secure = secure_cookies(request)
    return {
        "path": "/" if secure else reverse("wagtail_vertrouwen_inbox:index"),
        "secure": secure,
        "httponly": True,
        "samesite": "Strict",
    }


def otp_nonce_digest(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()


def inbox_verified(request) -> bool:
    """Whether this request passed the inbox's second factor: django-otp verified the session
    (``OTPMiddleware``), less than ``OTP_MAX_AGE_SECONDS`` ago, in this browser session (the
    session-only cookie holds the nonce whose hash the session keeps). A stolen session id
    alone, a closed browser or the next working day all ask for the code again."""
    user = request.user
    if not getattr(user, "is_verified", lambda: False)():
        return False
    stored = request.session.get(OTP_SESSION_KEY)
    nonce = request.COOKIES.get(cookie_name(request, OTP_COOKIE))
    if not isinstance(stored, dict) or not nonce or stored.get("user") != user.pk:
        return False
    age = time.time() - stored.get("at", 0)
    if not 0 <= age <= conf.get("OTP_MAX_AGE_SECONDS"):
        return False
    return hmac.compare_digest(str(stored.get("nonce", "")), otp_nonce_digest(nonce))


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
