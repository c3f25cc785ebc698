"""Spam protection that asks nothing of the melder and tells no one who they are.

A proof of work (the ALTCHA protocol, through the ``altcha`` library): the page carries a
signed challenge, the browser searches for the number that solves it (about a second), and the
server checks the solution and that it was not used before. Plus a per-form hourly limit,
counted in the cache without any trace of the sender.
"""

import base64
import hashlib
import json
from datetime import timedelta

import altcha
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .. import conf


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


def _challenge_of(payload: str) -> str | None:
    try:
        document = json.loads(base64.b64decode(payload, validate=True))
        return str(document["challenge"])
    except (ValueError, TypeError, KeyError):
        return None


def is_valid(payload: str) -> bool:
    """Whether ``payload`` solves an unexpired challenge of ours (used or not)."""
    if not payload or len(payload) > 2000 or _challenge_of(payload) is None:
        return False
    try:
        ok, _error = altcha.verify_solution_v1(payload, _hmac_key(), check_expires=True)
    except (ValueError, TypeError, KeyError):
        return False
    return bool(ok)


def is_used(payload: str) -> bool:
    return bool(cache.get(_used_key(payload)))


def _used_key(payload: str) -> str:
    digest = hashlib.sha256((_challenge_of(payload) or "").encode()).hexdigest()
    return f"wagtail-vertrouwen:pow-used:{digest}"


def use(payload: str) -> bool:
    """Mark a solution as used; False when it was used already (a replayed submission)."""
    return cache.add(_used_key(payload), 1, timeout=conf.get("POW_VALID_SECONDS"))


def take_rate_slot(form_key) -> bool:
    """Count one melding for this form in this hour; False when the hour's limit is reached."""
    hour = timezone.now().strftime("%Y%m%d%H")
    key = f"wagtail-vertrouwen:rate:{form_key}:{hour}"
    cache.add(key, 0, timeout=60 * 60 + 60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=60 * 60 + 60)
        count = 1
    return count <= conf.get("RATE_LIMIT_PER_HOUR")
