"""Keeping a recipient's unlocked private key between requests: encrypted in the session with
a key that only the browser's cookie holds (DESIGN.md), and for a limited idle time."""

import time

from django.db.models import F

from .. import conf, crypto, policy
from ..models import RecipientKey

SESSION_KEY = "wagtail_vertrouwen_unlock"

#: How stale the last-seen time may get before a request renews it (at most half the idle
#: time). Renewing it on every request wrote the session on every request; now the key locks
#: up to this much earlier than ``UNLOCK_IDLE_SECONDS`` after the last request, never later.
SEEN_RESOLUTION = 60


def lock_everywhere(user) -> None:
    """Her key's lock count goes up: a key unlocked under an earlier count opens nothing, in
    any session of hers (``recall``)."""
    RecipientKey.objects.filter(user=user).update(locks=F("locks") + 1)


def remember(request, response, private_key, *, lock_elsewhere=False) -> None:
    """Keep the unlocked key for this browser session; the session gets a new id, so a session
    id known from before the unlock (fixation) opens nothing. ``lock_elsewhere`` (her key
    passphrase changed, or her key was restored): first lock it in every other session, where
    someone who knew the old passphrase may have unlocked it."""
    if lock_elsewhere:
        lock_everywhere(request.user)
    sealed = crypto.lock_for_session(private_key)
    locks = RecipientKey.objects.filter(user=request.user).values_list("locks", flat=True)
    request.session[SESSION_KEY] = {
        "user": request.user.pk,
        "blob": sealed.session_blob,
        "seen": time.time(),
        "locks": locks.first() or 0,
    }
    request.session.cycle_key()  # keeps the data: django-otp's device, the verification
    response.set_cookie(
        policy.cookie_name(request, policy.UNLOCK_COOKIE),
        sealed.cookie_secret,
        **policy.cookie_options(request),
    )


def forget(request, response=None) -> None:
    """Drop the unlocked key from this session. With ``response`` (she locks her inbox): also
    its cookie, and in every session of hers: her key's lock count goes up, and a key kept
    under an earlier count opens nothing (``recall``). So a request that read the session
    before the lock and writes it back after (renewing the last-seen time) writes back a key
    that no longer opens, whatever the session engine, and a browser she left unlocked
    elsewhere is locked too."""
    request.session.pop(SESSION_KEY, None)
    if response is not None:
        lock_everywhere(request.user)
        options = policy.cookie_options(request)
        response.delete_cookie(
            policy.cookie_name(request, policy.UNLOCK_COOKIE),
            path=options["path"],
            samesite=options["samesite"],
        )


def recall(request, recipient_key):
    """The unlocked key of this request's user, or None (locked, expired, or tampered with)."""
    stored = request.session.get(SESSION_KEY)
    cookie = request.COOKIES.get(policy.cookie_name(request, policy.UNLOCK_COOKIE))
    if not stored or not cookie or stored.get("user") != request.user.pk:
        return None
    if stored.get("locks", 0) != recipient_key.locks:  # locked since, here or elsewhere
        forget(request)
        return None
    now = time.time()
    idle = now - stored.get("seen", 0)
    idle_limit = conf.seconds("UNLOCK_IDLE_SECONDS")
    if idle > idle_limit:
        forget(request)
        return None
    try:
        private_key = crypto.unlock_from_session(stored["blob"], cookie)
    except (crypto.CryptoError, KeyError, ValueError, TypeError):
        return None
    if bytes(private_key.public_key) != bytes(recipient_key.public_key):
        return None
    # Renewed when stale, and when it lies ahead of this server's clock (another server's
    # clock ran ahead, or this one stepped back): counted from a time in the future, the key
    # would stay unlocked longer than the idle time.
    if not 0 <= idle < min(SEEN_RESOLUTION, idle_limit / 2):
        stored["seen"] = now
        request.session.modified = True
    return private_key
