"""Spam protection that asks nothing of the melder and tells no one who they are.

A proof of work (the ALTCHA protocol, through the ``altcha`` library): the page carries a
signed challenge, the browser searches for the number that solves it (up to ``POW_MAX_NUMBER``
SHA-256 hashes: under a second on a phone on average, under 2 s at worst), and the server
checks the solution (one hash) and that it was not used before. Plus a per-form hourly limit,
counted without any trace of the sender. Both are kept in the database (``models.guard``),
not in Django's cache, which may evict them.

A solution counts as used only once its melding is stored: until then it is *claimed* (a short
lock, so two requests with the same solution cannot both store), and a claim is released when
storing fails, so the melder's retry with the same solution works (I6).
"""

import base64
import binascii
import hashlib
import json
import secrets
from datetime import timedelta

import altcha
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .. import conf
from ..models import GuardCount, SpentChallenge

#: What a solution can be: absent, present but unusable (malformed, forged, expired), good.
MISSING, INVALID, VALID = "missing", "invalid", "valid"
MAX_PAYLOAD = 2000
#: The fields of an ALTCHA v1 solution and the type each must have. ``bool`` is an ``int``
#: in Python, so it is refused separately.
FIELDS = {"algorithm": str, "challenge": str, "number": int, "salt": str, "signature": str}
ALGORITHMS = {"SHA-1", "SHA-256", "SHA-512"}
#: How long a claim holds when the request that took it never finishes (a killed worker):
#: longer than storing the largest melding takes, short enough for the melder to retry.
CLAIM_SECONDS = 5 * 60
RATE_WINDOW_SECONDS = 60 * 60 + 60
#: One claim in this many also deletes the expired rows (``purge_expired``).
PURGE_ONE_IN = 100


def _hmac_key() -> str:
    return salted_hmac("wagtail-vertrouwen.challenge", "proof-of-work").hexdigest()


def new_challenge() -> dict:
    """A challenge for the page, as the JSON the browser solves."""
    challenge = altcha.create_challenge_v1(
        hmac_key=_hmac_key(),
        max_number=conf.get("POW_MAX_NUMBER"),
        expires=timezone.now() + timedelta(seconds=conf.get("POW_VALID_SECONDS")),
    )
    return {
        "algorithm": challenge.algorithm,
        "challenge": challenge.challenge,
        "maxnumber": challenge.max_number,
        "salt": challenge.salt,
        "signature": challenge.signature,
    }


def _decode(payload) -> dict | None:
    """The solution in ``payload`` (base64 of a JSON object), or None when it does not have
    the shape of one. Checked here, because the library trusts the types it is given."""
    if not isinstance(payload, str) or not payload or len(payload) > MAX_PAYLOAD:
        return None
    try:
        document = json.loads(base64.b64decode(payload, validate=True))
    except (binascii.Error, ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return None
    if not isinstance(document, dict):
        return None
    for name, kind in FIELDS.items():
        value = document.get(name)
        if not isinstance(value, kind) or isinstance(value, bool):
            return None
    if document["algorithm"] not in ALGORITHMS or document["number"] < 0:
        return None
    return document


def check(payload) -> str:
    """``MISSING``, ``INVALID`` or ``VALID``: whether ``payload`` solves an unexpired
    challenge of ours (used or not)."""
    if not payload:
        return MISSING
    document = _decode(payload)
    if document is None:
        return INVALID
    try:
        ok, _error = altcha.verify_solution_v1(document, _hmac_key(), check_expires=True)
    except Exception:  # noqa: BLE001 - whatever a crafted payload makes the library raise
        return INVALID
    return VALID if ok is True else INVALID


def is_valid(payload) -> bool:
    return check(payload) == VALID


def _digest(payload: str) -> str:
    document = _decode(payload) or {}
    return hashlib.sha256(str(document.get("challenge", "")).encode()).hexdigest()


def is_used(payload: str) -> bool:
    """Whether a melding (or a login, a message) was stored with this solution."""
    return SpentChallenge.objects.filter(digest=_digest(payload), used=True).exists()


def claim(payload: str) -> bool:
    """Hold this solution while its melding is stored; False when another request holds it
    or it was used. The insert of its row is the claim (``digest`` is unique); a claim whose
    request never finished (a killed worker) is taken over after ``CLAIM_SECONDS``."""
    digest = _digest(payload)
    now = timezone.now()
    _purge_now_and_then(now)
    try:
        with transaction.atomic():
            SpentChallenge.objects.create(
                digest=digest, expires_at=now + timedelta(seconds=CLAIM_SECONDS)
            )
        return True
    except IntegrityError:
        stale = SpentChallenge.objects.filter(digest=digest, used=False, expires_at__lte=now)
        return bool(stale.update(expires_at=now + timedelta(seconds=CLAIM_SECONDS)))


def release(payload: str) -> None:
    """Give a claimed solution back: its melding was not stored, a retry may use it."""
    SpentChallenge.objects.filter(digest=_digest(payload), used=False).delete()


def use(payload: str) -> None:
    """Its melding is stored: the solution is used for as long as it could be valid."""
    SpentChallenge.objects.update_or_create(
        digest=_digest(payload),
        defaults={
            "used": True,
            "expires_at": timezone.now() + timedelta(seconds=conf.get("POW_VALID_SECONDS")),
        },
    )


# Counting in windows (the hourly limit here, wrong codes in ``services.guard``) ------------


def count_up(scope: str, window: int, lives_seconds: int, by: int = 1) -> int:
    """Add ``by`` to the count of ``scope`` in ``window`` and return the new count: one
    ``UPDATE … SET count = count + by`` (or the insert of the window's first row), so
    parallel requests each get their own count and none is lost."""
    rows = GuardCount.objects.filter(scope=scope, window=window)
    with transaction.atomic():
        if not rows.update(count=F("count") + by):
            try:
                with transaction.atomic():
                    expires = timezone.now() + timedelta(seconds=lives_seconds)
                    GuardCount.objects.create(
                        scope=scope, window=window, count=by, expires_at=expires
                    )
                return by
            except IntegrityError:  # a parallel request inserted it first
                rows.update(count=F("count") + by)
        # The row is locked by this transaction's update until it commits: the count read
        # is this request's own.
        return rows.values_list("count", flat=True).get()


def counts(scope: str, windows) -> int:
    """The sum of the counts of ``scope`` in ``windows``."""
    found = GuardCount.objects.filter(scope=scope, window__in=list(windows))
    return found.aggregate(total=Sum("count"))["total"] or 0


def _hour() -> int:
    return int(timezone.now().timestamp() // 3600)


def take_rate_slot(form_key) -> tuple | None:
    """Count one melding for this form in this hour. Returns the slot (to give back when the
    melding is not stored), or None when the hour's limit is reached; then nothing counts."""
    slot = (f"rate:{form_key}", _hour())
    if count_up(*slot, RATE_WINDOW_SECONDS) > conf.get("RATE_LIMIT_PER_HOUR"):
        give_back(slot)
        return None
    return slot


def give_back(slot) -> None:
    """Uncount a melding that was not stored (its slot is of the hour it was taken in)."""
    scope, window = slot
    GuardCount.objects.filter(scope=scope, window=window).update(count=F("count") - 1)


# Cleaning up ------------------------------------------------------------------------------


def purge_expired(now=None) -> int:
    """Delete the counts and spent solutions that can no longer matter (both tables are
    indexed on ``expires_at``). Run by the daily purge and, now and then, on a claim."""
    now = now or timezone.now()
    spent, _ = SpentChallenge.objects.filter(expires_at__lte=now).delete()
    counted, _ = GuardCount.objects.filter(expires_at__lte=now).delete()
    return spent + counted


def _purge_now_and_then(now) -> None:
    """About one claim in ``PURGE_ONE_IN`` purges, so the tables stay small also where the
    daily purge is not scheduled."""
    if secrets.randbelow(PURGE_ONE_IN) == 0:
        purge_expired(now)
