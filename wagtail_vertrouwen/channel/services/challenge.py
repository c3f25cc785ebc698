"""Spam protection that asks nothing of the melder and tells no one who they are.

A proof of work (the ALTCHA protocol, through the ``altcha`` library): the page carries a
signed challenge, the browser searches for the number that solves it (about a second), and the
server checks the solution and that it was not used before. Plus a per-form hourly limit,
counted in the cache without any trace of the sender.

A solution counts as used only once its melding is stored: until then it is *claimed* (a short
lock, so two requests with the same solution cannot both store), and a claim is released when
storing fails, so the melder's retry with the same solution works (I6).
"""

import base64
import binascii
import contextlib
import hashlib
import json
from datetime import timedelta

import altcha
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .. import conf

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


def _key(kind: str, payload: str) -> str:
    document = _decode(payload) or {}
    digest = hashlib.sha256(str(document.get("challenge", "")).encode()).hexdigest()
    return f"wagtail-vertrouwen:pow-{kind}:{digest}"


def is_used(payload: str) -> bool:
    """Whether a melding was stored with this solution."""
    return bool(cache.get(_key("used", payload)))


def claim(payload: str) -> bool:
    """Hold this solution while its melding is stored; False when another request holds it."""
    return cache.add(_key("claim", payload), 1, timeout=CLAIM_SECONDS)


def release(payload: str) -> None:
    """Give a claimed solution back: its melding was not stored, a retry may use it."""
    cache.delete(_key("claim", payload))


def use(payload: str) -> None:
    """Its melding is stored: the solution is used for as long as it could be valid."""
    cache.set(_key("used", payload), 1, timeout=conf.get("POW_VALID_SECONDS"))
    release(payload)


def take_rate_slot(form_key) -> str | None:
    """Count one melding for this form in this hour. Returns the slot (to give back when the
    melding is not stored), or None when the hour's limit is reached; then nothing counts."""
    hour = timezone.now().strftime("%Y%m%d%H")
    slot = f"wagtail-vertrouwen:rate:{form_key}:{hour}"
    cache.add(slot, 0, timeout=RATE_WINDOW_SECONDS)
    try:
        count = cache.incr(slot)
    except ValueError:  # expired between add and incr
        cache.add(slot, 1, timeout=RATE_WINDOW_SECONDS)
        count = 1
    if count > conf.get("RATE_LIMIT_PER_HOUR"):
        give_back(slot)
        return None
    return slot


def give_back(slot: str) -> None:
    """Uncount a melding that was not stored (its slot is of the hour it was taken in)."""
    with contextlib.suppress(ValueError):  # the hour's counter expired: nothing to give back
        cache.decr(slot)
