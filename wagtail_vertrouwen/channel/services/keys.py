"""A recipient's key and its passphrase: set up, unlock, change the passphrase, restore with
the recovery code.

The passphrase is the recipient's alone (DESIGN.md, I3). It is not her login password, which an
administrator can set, reset or hand out: nothing here reads, checks against or changes the
login password, except to refuse it as a passphrase. The passphrase is never stored; the
private key is stored only wrapped with it and with the recovery code.

Guessing the passphrase through the inbox is throttled per recipient: after
``PASSPHRASE_FAILURE_LIMIT`` wrong passphrases (at unlock or at a change of passphrase) within
the current and the previous window of ``PASSPHRASE_WINDOW_SECONDS``, no passphrase of hers is
tried (no Argon2id is run) until those windows have passed, and the lock is audited. The
counts are rows in the database (``GuardCount``, scope ``unlock:<user pk>``, one atomic update
per wrong passphrase), so every app server sees the same count. A lock per account is
acceptable here, unlike at the login or the melder's mailbox: only the recipient herself, logged
in and past her second factor, can reach these forms, so nobody else can lock her out; whoever
can is holding her password and her second factor, and the lock and its audit line are what
she (and a reader of her log) should see then. A right passphrase clears the count.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from .. import conf, crypto
from ..models import AuditAction, AuditEntry, GuardCount, RecipientKey
from . import challenge, designate

#: Errors a view turns into a form error; none carries a secret.
WrongSecret = crypto.WrongSecret
InvalidRecoveryCode = crypto.InvalidRecoveryCode
#: Every Argon2id slot of this process stayed taken: nothing was derived, counted or stored.
Busy = crypto.Busy


class KeyAlreadySetUp(Exception):
    """The user has a key already (another window, or a double click)."""


#: Wrong passphrases of one recipient that lock her key's passphrase, counted over the current
#: and the previous window: between 5 and 10 guesses per half hour at most.
PASSPHRASE_FAILURE_LIMIT = 5
PASSPHRASE_WINDOW_SECONDS = 15 * 60


class PassphraseLocked(Exception):
    """Too many wrong passphrases of this recipient recently: none is tried before ``until``."""

    def __init__(self, until: datetime):
        super().__init__(until)
        self.until = until

    @property
    def minutes(self) -> int:
        """Whole minutes until the lock lifts, at least 1."""
        return max(1, math.ceil((self.until - timezone.now()).total_seconds() / 60))


def _scope(user_id) -> str:
    return f"unlock:{user_id}"


def _window(back: int = 0) -> int:
    return int(timezone.now().timestamp() // PASSPHRASE_WINDOW_SECONDS) - back


def passphrase_locked_until(user_id) -> datetime | None:
    """When the lock of this recipient's passphrase lifts, or None when it is not locked: at
    the first turn of a window after which the current and the previous window together hold
    fewer than ``PASSPHRASE_FAILURE_LIMIT`` wrong passphrases."""
    now = _window()
    current = challenge.counts(_scope(user_id), [now])
    previous = challenge.counts(_scope(user_id), [now - 1])
    if current + previous < PASSPHRASE_FAILURE_LIMIT:
        return None
    lifts = now + (2 if current >= PASSPHRASE_FAILURE_LIMIT else 1)
    return datetime.fromtimestamp(lifts * PASSPHRASE_WINDOW_SECONDS, tz=UTC)


def _refuse_when_locked(user_id) -> None:
    until = passphrase_locked_until(user_id)
    if until is not None:
        raise PassphraseLocked(until)


def _count_wrong_passphrase(key: RecipientKey) -> None:
    """One more wrong passphrase for ``key``'s owner; the one that reaches the limit is
    audited (her log shows it) and raises ``PassphraseLocked``."""
    now = _window()
    scope = _scope(key.user_id)
    count = challenge.count_up(scope, now, 2 * PASSPHRASE_WINDOW_SECONDS + 60)
    total = count + challenge.counts(scope, [now - 1])
    if total == PASSPHRASE_FAILURE_LIMIT:  # exactly one request reaches it (count_up)
        AuditEntry.record(AuditAction.KEY_PASSPHRASE_LOCKED, key.user, detail=str(total))
    if total >= PASSPHRASE_FAILURE_LIMIT:
        raise PassphraseLocked(passphrase_locked_until(key.user_id))


def _clear_wrong_passphrases(key: RecipientKey) -> None:
    GuardCount.objects.filter(scope=_scope(key.user_id)).delete()


@dataclass(frozen=True)
class Opened:
    """A key just set up or restored: the open private key, and the recovery code to show once."""

    private_key: object  # nacl.public.PrivateKey (only crypto.py imports PyNaCl)
    recovery_code: str


@sensitive_variables("passphrase")
def validate_new_passphrase(user, passphrase: str) -> None:
    """The rules for a new key passphrase: Django's password validators for ``user``, and never
    the login password, which others can reset. Raises ``ValidationError`` with every reason."""
    errors = []
    try:
        password_validation.validate_password(passphrase, user)
    except ValidationError as error:
        errors.extend(error.error_list)
    if is_login_password(user, passphrase):
        errors.append(
            ValidationError(
                _(
                    "This is your login password. Choose a different key passphrase: an "
                    "administrator can reset your login password, but your key must open only "
                    "with a secret that is yours alone."
                ),
                code="login_password",
            )
        )
    if errors:
        raise ValidationError(errors)


def _matching(key: RecipientKey, private_key):
    """A wrapped key that opens but belongs to another key pair opens nothing of hers."""
    if bytes(private_key.public_key) != bytes(key.public_key):
        raise WrongSecret("the wrapped key does not belong to this public key")
    return private_key


@sensitive_variables("passphrase", "keys")
def set_up(user, passphrase: str) -> Opened:
    """A new key pair for ``user``, wrapped with her passphrase and a fresh recovery code.

    The passphrase must have passed ``validate_new_passphrase``."""
    keys = crypto.generate_recipient_keys(passphrase, conf.kdf_limits())
    try:
        with transaction.atomic():
            RecipientKey.objects.create(
                user=user,
                public_key=keys.public_key,
                wrapped_by_secret=keys.wrapped_by_secret,
                wrapped_by_recovery_code=keys.wrapped_by_recovery_code,
            )
            AuditEntry.record(AuditAction.KEY_CREATED, user)
            designate.announce_account_event(user, "key_set_up", user, audit=False)
    except IntegrityError as error:
        raise KeyAlreadySetUp from error
    # The recovery code's wrapping opens in a fraction of a millisecond; no second Argon2id.
    private_key = crypto.unwrap_with_recovery_code(
        keys.wrapped_by_recovery_code, keys.recovery_code
    )
    return Opened(private_key, keys.recovery_code)


@sensitive_variables("passphrase")
def is_login_password(user, passphrase: str) -> bool:
    """Whether ``passphrase`` is also ``user``'s login password: never acceptable as the secret
    of a key, since an administrator can set or reset the login password."""
    return user.check_password(passphrase)


@sensitive_variables("passphrase")
def unlock(key: RecipientKey, passphrase: str):
    """The private key, opened with the passphrase; ``WrongSecret`` otherwise (counted), and
    ``PassphraseLocked`` instead while too many wrong ones were typed (then nothing is tried).
    Changes nothing but the count of wrong passphrases."""
    _refuse_when_locked(key.user_id)
    try:
        private_key = _matching(key, crypto.unwrap_with_secret(key.wrapped_by_secret, passphrase))
    except WrongSecret:
        _count_wrong_passphrase(key)
        raise
    _clear_wrong_passphrases(key)
    return private_key


@sensitive_variables("old", "new", "private_key")
def change_passphrase(key: RecipientKey, old: str, new: str):
    """Wrap the same key pair with a new passphrase; the old one stops opening it. The recovery
    code stays. ``new`` must have passed ``validate_new_passphrase``; ``WrongSecret`` when
    ``old`` does not open the key, ``PassphraseLocked`` as for ``unlock``."""
    private_key = unlock(key, old)
    wrapped = crypto.wrap_with_secret(private_key, new, conf.kdf_limits())
    with transaction.atomic():
        key.wrapped_by_secret = wrapped
        key.rewrapped_at = timezone.now()
        key.save(update_fields=["wrapped_by_secret", "rewrapped_at"])
        AuditEntry.record(AuditAction.KEY_REWRAPPED, key.user)
    return private_key


@sensitive_variables("recovery_code", "new", "keys")
def restore(key: RecipientKey, recovery_code: str, new: str) -> Opened:
    """Forgotten passphrase: the recovery code opens the key, which is wrapped anew with ``new``
    and a new recovery code (the old code stops working). ``InvalidRecoveryCode`` for text that
    is no recovery code, ``WrongSecret`` for a code that does not open this key."""
    keys = crypto.restore_with_recovery_code(
        key.wrapped_by_recovery_code, recovery_code, new, conf.kdf_limits()
    )
    if keys.public_key != bytes(key.public_key):
        raise WrongSecret("the wrapped key does not belong to this public key")
    with transaction.atomic():
        key.wrapped_by_secret = keys.wrapped_by_secret
        key.wrapped_by_recovery_code = keys.wrapped_by_recovery_code
        key.rewrapped_at = timezone.now()
        key.save(update_fields=["wrapped_by_secret", "wrapped_by_recovery_code", "rewrapped_at"])
        AuditEntry.record(AuditAction.KEY_RESTORED, key.user)
        designate.announce_account_event(key.user, "key_restored", key.user, audit=False)
    private_key = crypto.unwrap_with_recovery_code(
        keys.wrapped_by_recovery_code, keys.recovery_code
    )
    return Opened(private_key, keys.recovery_code)
