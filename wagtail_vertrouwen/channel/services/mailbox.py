"""The melder's way back: the code shown once, logging in with it, and the short session.

- ``issue_code`` runs in ``submit``, just before its transaction: a fresh 16-digit code, of
  which only the lookup derivation and the content key wrapped with the second derivation are
  stored (``crypto.melder_keys``, with the installation's own salt).
- Both derive with Argon2id, so both may raise ``crypto.Busy`` when this process's derivation
  slots stay taken (``KDF_CONCURRENCY``, ``KDF_WAIT_SECONDS``); nothing is stored or counted.
- ``log_in`` finds the melding by the lookup, opens its content key and starts a
  ``MailboxSession``: the melder's browser (or API client) gets a token that holds a random
  key; the server keeps the token's hash and the content key encrypted with that key.
- ``session_for`` resumes a session from the token; it ends after ``MAILBOX_IDLE_SECONDS``
  without a request and ``MAILBOX_MAX_SECONDS`` after logging in, or at ``log_out``.

Throttling of guesses (proof of work, growing cost) is ``services.guard``'s; this module
only answers whether a code opens a melding. The code is never logged, stored or mailed.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from .. import conf, crypto
from ..models import (
    AuditAction,
    AuditEntry,
    InstallationSalt,
    MailboxSession,
    Melding,
    MeldingFormPage,
)

SALT_NAME = "melder-code"


class WrongCode(Exception):
    """The code opens no melding of this form (or is no code at all)."""


def installation_salt() -> bytes:
    """The installation's salt for melders' codes, made at the first melding."""
    found = InstallationSalt.objects.filter(name=SALT_NAME).values_list("value", flat=True).first()
    if found is not None:
        return bytes(found)
    try:
        with transaction.atomic():
            InstallationSalt.objects.create(
                name=SALT_NAME, value=secrets.token_bytes(crypto.INSTALLATION_SALT_BYTES)
            )
    except IntegrityError:  # another process made it a moment ago
        pass
    return bytes(InstallationSalt.objects.get(name=SALT_NAME).value)


def kdf_limits() -> crypto.KdfLimits:
    return crypto.FAST_KDF if conf.get("KDF") == "fast" else crypto.MELDER_KDF


@sensitive_variables("code", "keys", "content_key")
def issue_code(melding: Melding, content_key: bytes) -> str:
    """Give ``melding`` (not saved yet) a code for its melder and return it, to show once."""
    code = crypto.new_melder_code()
    keys = crypto.melder_keys(code, installation_salt(), kdf_limits())
    melding.melder_lookup = keys.lookup
    melding.melder_key = crypto.wrap_content_key(content_key, keys.wrap_key, melding.context)
    return code


@dataclass
class Opened:
    """A melder's open mailbox: the melding and its content key, for this request only."""

    melding: Melding
    content_key: bytes
    session: MailboxSession | None = None


@dataclass(frozen=True)
class Started:
    """``token`` goes to the melder only (cookie or API response); never stored."""

    opened: Opened
    token: str


def _hash(token_id: str) -> str:
    # Not "ascii": a token from a cookie, header or JSON may hold anything (it then matches
    # no session), and must not raise.
    return hashlib.sha256(token_id.encode("utf-8", "surrogatepass")).hexdigest()


@sensitive_variables("code", "keys", "content_key")
def open_with_code(form_key, code: str) -> Opened:
    """The melding of the form ``form_key`` (a translation_key) that ``code`` opens, with its
    content key; ``WrongCode`` otherwise (also for a code of another form's melding). Writes
    nothing."""
    try:
        keys = crypto.melder_keys(code, installation_salt(), kdf_limits())
    except crypto.InvalidMelderCode as error:
        raise WrongCode from error
    melding = (
        Melding.objects.filter(melder_lookup=keys.lookup, form_key=form_key)
        .select_related("form", "site")
        .first()
    )
    if melding is None or melding.melder_key is None:
        raise WrongCode
    try:
        content_key = crypto.unwrap_content_key(
            bytes(melding.melder_key), keys.wrap_key, melding.context
        )
    except crypto.DecryptionError as error:
        raise WrongCode from error
    return Opened(melding, content_key)


@sensitive_variables("code", "content_key", "locked")
def log_in(form_key, code: str) -> Started:
    """Open the mailbox with ``code`` and start a session; audited for the recipients."""
    opened = open_with_code(form_key, code)
    locked = crypto.lock_content_key(opened.content_key)
    token_id = secrets.token_urlsafe(24)
    now = timezone.now()
    with transaction.atomic():
        MailboxSession.objects.filter(expires_at__lte=now).delete()
        opened.session = MailboxSession.objects.create(
            token_hash=_hash(token_id),
            melding=opened.melding,
            blob=locked.session_blob,
            last_seen=now,
            expires_at=now + timedelta(seconds=conf.seconds("MAILBOX_MAX_SECONDS")),
        )
        AuditEntry.record(AuditAction.MAILBOX_OPENED, melding=opened.melding)
    return Started(opened, f"{token_id}.{locked.cookie_secret}")


@sensitive_variables("token", "secret")
def session_for(token) -> Opened | None:
    """The open mailbox of ``token``, or None (no such session, expired, idle too long, the
    melding deleted, or a token that does not open it). Keeps the session alive."""
    if not isinstance(token, str) or token.count(".") != 1 or len(token) > 200:
        return None
    token_id, secret = token.split(".")
    now = timezone.now()
    session = (
        MailboxSession.objects.filter(token_hash=_hash(token_id), expires_at__gt=now)
        .select_related("melding", "melding__form", "melding__site")
        .first()
    )
    if session is None:
        return None
    if now - session.last_seen > timedelta(seconds=conf.seconds("MAILBOX_IDLE_SECONDS")):
        session.delete()
        return None
    try:
        content_key = crypto.unlock_content_key(session.blob, secret)
    except crypto.DecryptionError:
        return None
    MailboxSession.objects.filter(pk=session.pk).update(last_seen=now)
    return Opened(session.melding, content_key, session)


def log_out(token) -> None:
    """End the session of ``token`` (nothing happens for an unknown one)."""
    if isinstance(token, str) and token.count(".") == 1:
        MailboxSession.objects.filter(token_hash=_hash(token.split(".")[0])).delete()


# The optional notice -----------------------------------------------------------------------


def _notice_context(melding) -> str:
    return f"{melding.context}/notice"


@sensitive_variables("address", "content_key")
def set_notice(melding, content_key: bytes, address: str) -> None:
    """Store (encrypted under the content key) the address the melder wants notices at, or
    forget it when ``address`` is empty."""
    value = (
        crypto.encrypt_field(content_key, address, _notice_context(melding)) if address else None
    )
    Melding.objects.filter(pk=melding.pk).update(melder_notice=value)
    melding.melder_notice = value


def notice_address(melding, content_key: bytes, notice=None) -> str:
    blob = notice if notice is not None else melding.melder_notice
    if not blob:
        return ""
    return crypto.decrypt_field(content_key, bytes(blob), _notice_context(melding)).decode()


def send_notice(melding, address: str) -> None:
    """Tell the melder there is a new message: the school's site and nothing else."""
    if not address:
        return
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.utils import translation
    from django.utils.translation import gettext as _

    form = melding.form
    if form is None and melding.form_key:  # its version was deleted: another live one
        form = (
            MeldingFormPage.objects.live()
            .public()
            .filter(translation_key=melding.form_key)
            .select_related("locale")
            .first()
        )
    language = form.locale.language_code if form is not None else None
    with translation.override(language):
        url = form.full_url if form is not None else ""
        body = render_to_string(
            "wagtail_vertrouwen/mail/melder_notice.txt", {"site": melding.site, "url": url}
        )
        send_mail(_("There is a new message for you"), body, None, [address])
