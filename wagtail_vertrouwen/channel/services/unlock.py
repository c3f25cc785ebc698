"""Keeping a recipient's unlocked private key between requests: encrypted in the session with
a key that only the browser's cookie holds (DESIGN.md), and for a limited idle time."""

import time

from .. import conf, crypto, policy

SESSION_KEY = "wagtail_vertrouwen_unlock"

#: How stale the last-seen time may get before a request renews it (at most half the idle
#: time). Renewing it on every request wrote the session on every request; now the key locks
#: up to this much earlier than ``UNLOCK_IDLE_SECONDS`` after the last request, never later.
SEEN_RESOLUTION = 60


def remember(request, response, private_key) -> None:
    """Keep the unlocked key for this browser session; the session gets a new id, so a session
    id known from before the unlock (fixation) opens nothing."""
    sealed = crypto.lock_for_session(private_key)
    request.session[SESSION_KEY] = {
        "user": request.user.pk,
        "blob": sealed.session_blob,
        "seen": time.time(),
    }
    request.session.cycle_key()  # keeps the data: django-otp's device, the verification
    response.set_cookie(
        policy.cookie_name(request, policy.UNLOCK_COOKIE),
        sealed.cookie_secret,
        **policy.cookie_options(request),
    )


def forget(request, response=None) -> None:
    """Drop the unlocked key; with ``response`` (the recipient locks her inbox) also its cookie,
    and the session gets a new id: a request that read the session before the lock and saves
    it after would otherwise write the sealed key back (a kept copy of the cookie would open
    it again); now its save finds no session (Django answers that request 400)."""
    request.session.pop(SESSION_KEY, None)
    if response is not None:
        request.session.cycle_key()
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
