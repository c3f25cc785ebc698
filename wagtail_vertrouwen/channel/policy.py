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
    # An address may hold what a name may not (Django's validator lets a right-to-left
    # override through in the domain): shown whole or not at all.
    if not all(ch.isprintable() and not ch.isspace() for ch in address) or not address.isascii():
        address = ""
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


def request_is_recipient(request) -> bool:
    """``is_recipient`` of the request's user, asked once per request: the inbox's door and
    the admin menu's "Meldingen" item both ask it on every page of the inbox."""
    try:
        return request._vertrouwen_recipient
    except AttributeError:
        request._vertrouwen_recipient = answer = is_recipient(request.user)
        return answer


def _designated_or_holding(user) -> bool:
    from .models import Designation, MeldingAccess

    return (
        Designation.objects.current().filter(user=user).exists()
        or MeldingAccess.objects.filter(recipient=user).exists()
    )


# Giving a colleague access to a melding (handing over) ---------------------------------------
#
# A party of a melding is a recipient whose sealed copy of its content key is sealed to her
# *current* public key (``MeldingAccess.sealed_to``): she can open it. A copy sealed to a key
# she has since replaced (lost passphrase and recovery code) opens nothing. Only a party may
# give a colleague access, and only to someone designated on the melding's form now, never to
# the person the melder kept it away from (``services.submit.EXCLUDED``).

#: Why a colleague cannot be given access (``why_not_given_access``).
NOT_DESIGNATED, NOT_RECEIVING, NO_KEY, ALREADY_READS, EXCLUDED_BY_MELDER = (
    "not_designated",
    "not_receiving",
    "no_key",
    "already_reads",
    "excluded",
)


def working_accesses(melding=None):
    """The ``MeldingAccess`` rows that open their melding (of ``melding``, or of every melding):
    sealed to their recipient's current public key. One query when evaluated."""
    from django.db.models import F

    from .models import MeldingAccess

    accesses = MeldingAccess.objects.filter(sealed_to=F("recipient__vertrouwen_key__public_key"))
    return accesses if melding is None else accesses.filter(melding=melding)


def holds_working_access(user, melding) -> bool:
    if user is None or getattr(user, "pk", None) is None:
        return False
    return working_accesses(melding).filter(recipient=user).exists()


def may_hand_over(user, melding) -> bool:
    """May ``user`` give a colleague access to ``melding`` (or give up her own)? Only a current
    party: active, holding a copy of its key that her current key opens. Superuser status, the
    designation permission or a designation alone count for nothing (I3)."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and holds_working_access(user, melding)
    )


def is_excluded(user, excluded) -> bool:
    """Is ``user`` the person the melder kept the melding away from? ``excluded`` is the record
    stored in the encrypted answers (``services.submit.excluded_record``: id, username, email).
    Any of the three matching counts (usernames and addresses without regard to case), so that
    a recreated or renamed account of the same person stays excluded too."""
    if not excluded:
        return False
    if not isinstance(excluded, dict):
        return True  # a record we cannot read: refuse rather than guess
    if excluded.get("id") is not None and str(excluded.get("id")) == str(user.pk):
        return True
    username = str(excluded.get("username") or "").casefold()
    if username and username == str(user.get_username()).casefold():
        return True
    email = str(excluded.get("email") or "").strip().casefold()
    own = str(getattr(user, user.get_email_field_name(), "") or "").strip().casefold()
    return bool(email) and email == own


#: ``excluded`` for a melding stored before the exclusion was recorded (version 0.1.0): who was
#: left out can then only be inferred (``_left_out``).
EXCLUSION_UNKNOWN = object()


def _left_out_then(user_ref, melding_ref, received_ref, form_key_ref):
    """Query condition: the user was designated on the form when the melding arrived, yet got
    no sealed copy and was never a party of it (no copy now, none given up): the melder kept
    it away from her, or she had no key yet. Either way she is not told of it, and without a
    record of the exclusion she is never given access."""
    from django.db.models import Exists, Q

    from .models import AuditEntry, Designation, MeldingAccess
    from .models.audit import AuditAction

    designated_then = Designation.objects.filter(
        user=user_ref, translation_key=form_key_ref, added_at__lte=received_ref
    ).filter(Q(removed_at__isnull=True) | Q(removed_at__gte=received_ref))
    holds = MeldingAccess.objects.filter(melding=melding_ref, recipient=user_ref)
    was_party = AuditEntry.objects.filter(
        melding_id=melding_ref,
        action__in=(AuditAction.ACCESS_GIVEN_UP, AuditAction.ACCESS_GRANTED),
    ).filter(Q(actor=user_ref) | Q(subject=user_ref))
    return Exists(designated_then) & ~Exists(holds) & ~Exists(was_party)


def _left_out(user, melding) -> bool:
    from .models import Melding

    if not melding.form_key:
        return True  # no form to tell: refuse rather than guess
    return (
        Melding.objects.filter(pk=melding.pk)
        .filter(_left_out_then(user.pk, melding.pk, melding.received_at, melding.form_key))
        .exists()
    )


def why_not_given_access(user, melding, excluded) -> str | None:
    """Why ``user`` cannot be given access to ``melding`` (one of the reasons above), or None
    when she can: designated now on the melding's form, allowed to receive, with a key, not
    reading it already, and not the person the melder excluded (``excluded``: the decrypted
    record, or None)."""
    from .models import Designation, RecipientKey

    if user is None or getattr(user, "pk", None) is None:
        return NOT_DESIGNATED
    if excluded is EXCLUSION_UNKNOWN:
        if _left_out(user, melding):
            return EXCLUDED_BY_MELDER
    elif is_excluded(user, excluded):
        return EXCLUDED_BY_MELDER
    form_key = melding.form_key
    if (
        form_key is None
        or not Designation.objects.current().filter(translation_key=form_key, user=user).exists()
    ):
        return NOT_DESIGNATED
    if not may_receive(user):
        return NOT_RECEIVING
    if not RecipientKey.objects.filter(user=user).exists():
        return NO_KEY
    if holds_working_access(user, melding):
        return ALREADY_READS
    return None


def may_be_given_access(user, melding, excluded) -> bool:
    """May a party seal ``melding``'s content key to ``user``? See ``why_not_given_access``."""
    return why_not_given_access(user, melding, excluded) is None


def may_take_over(user, colleague) -> bool:
    """May ``colleague`` be offered as the one to hand meldingen over to at all (before each
    melding is checked on its own)? Someone else, allowed to receive, with a key."""
    from .models import RecipientKey

    return bool(
        colleague is not None
        and colleague.pk != user.pk
        and may_receive(colleague)
        and RecipientKey.objects.filter(user=colleague).exists()
    )


def unreadable_for(user):
    """The meldingen of the forms ``user`` is designated on now that nobody can open: no copy of
    their content key is sealed to its recipient's current key (the only party lost her
    passphrase and recovery code and set up a new key). Not those she was left out of when
    they arrived (``_left_out_then``): the person a melder excluded does not learn that the
    melding exists. Metadata only; one query."""
    from django.db.models import Exists, OuterRef

    from .models import Designation, Melding

    keys = Designation.objects.current().filter(user=user).values("translation_key")
    opens = working_accesses().filter(melding=OuterRef("pk"))
    left_out = _left_out_then(
        user.pk, OuterRef("pk"), OuterRef("received_at"), OuterRef("form_key")
    )
    return (
        Melding.objects.filter(form_key__in=keys)
        .exclude(Exists(opens))
        .exclude(left_out)
        .select_related("form", "site")
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


# The melder's mailbox: where it opens, its cookie and its forms ------------------------------


def mailbox_version(page_id, site, *, any_host=False):
    """The version (translation) ``page_id`` of a melding form whose melder's mailbox opens, or
    None: live, public and receiving where it stands (``receives_on_its_site``), and, for the
    mailbox's pages, requested on the Site that serves that version (``site``, the request's
    Site), so a melder always logs in on their own school's site. The API passes
    ``any_host=True``: a headless front end calls it on the API's own host."""
    from .models import MeldingFormPage

    if not isinstance(page_id, int) or not 0 < page_id < 2**31:
        return None  # no page has such an id (and SQLite cannot even compare it)
    page = (
        MeldingFormPage.objects.live().public().filter(pk=page_id).select_related("locale").first()
    )
    if page is None:
        return None
    if not any_host and (site is None or site_id_of(page) != site.pk):
        return None
    return page if receives_on_its_site(page) else None


#: The melder's mailbox session token (``services.mailbox.log_in``). "KEY" in the name makes
#: Django's error reports hide it, like the inbox's cookies.
MAILBOX_COOKIE = "vertrouwen_mailbox_key"


def is_cross_site(request) -> bool:
    """Was this POST sent by a page of another site? The mailbox's pages refuse such posts
    before anything happens (no log in, no log out, no text echoed): the browser says so in
    ``Sec-Fetch-Site``, or its ``Origin`` is not this site."""
    if request.headers.get("Sec-Fetch-Site", "") in ("cross-site", "same-site"):
        return True
    origin = request.headers.get("Origin")
    if origin is None:
        return False  # an older browser or a program: SameSite=Strict keeps the cookie away
    return origin != f"{request.scheme}://{request.get_host()}"


def mailbox_cookie_name(request) -> str:
    """The mailbox's cookie is a ``__Host-`` cookie wherever it is Secure."""
    return cookie_name(request, MAILBOX_COOKIE)


def mailbox_cookie_options(request) -> dict:
    """For ``set_cookie``: a browser-session cookie (no expiry, no "remember me") that scripts
    cannot read and that no other site can make the browser send (SameSite=Strict: a link or
    form on another site arrives without it); limited to the mailbox's URLs unless
    ``__Host-`` (which requires Path=/)."""
    from django.urls import reverse

    secure = secure_cookies(request)
    mailbox_path = reverse("wagtail_vertrouwen:mailbox", args=[0]).removesuffix("0/")
    return {
        "path": "/" if secure else mailbox_path,
        "secure": secure,
        "httponly": True,
        "samesite": "Strict",
    }


def mailbox_form_token(token: str) -> str:
    """The hidden field every form of the mailbox carries: an HMAC of the session's token.
    The mailbox's views cannot use Django's CSRF check (its middleware reads the request body
    before the view can keep uploads in memory), so they check this instead, together with
    SameSite=Strict: a page of another site cannot know it."""
    from django.utils.crypto import salted_hmac

    return salted_hmac("wagtail-vertrouwen.mailbox-form", token).hexdigest()


def mailbox_form_token_ok(token: str, posted) -> bool:
    """Whether ``posted`` is the form token of the session ``token`` (constant time)."""
    if not isinstance(token, str) or not isinstance(posted, str) or not token:
        return False
    return hmac.compare_digest(
        mailbox_form_token(token).encode(), posted.encode("utf-8", "surrogatepass")
    )


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
    if not 0 <= age <= conf.seconds("OTP_MAX_AGE_SECONDS"):
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
        # The proof of work's Web Worker: proof-of-work.js from this site's static files
        # (no blob: URL). Said outright rather than left to the fall-back to script-src.
        "worker-src 'self'",
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
