"""Keeping a recipient's unlocked private key between requests: encrypted in the session with
a key that only the browser's cookie holds (DESIGN.md), and for a limited idle time."""

import time

from .. import conf, crypto, policy

SESSION_KEY = "wagtail_vertrouwen_unlock"


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
    request.session.pop(SESSION_KEY, None)
    if response is not None:
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
    if time.time() - stored.get("seen", 0) > conf.get("UNLOCK_IDLE_SECONDS"):
        forget(request)
        return None
    try:
        private_key = crypto.unlock_from_session(stored["blob"], cookie)
    except (crypto.CryptoError, KeyError, ValueError, TypeError):
        return None
    if bytes(private_key.public_key) != bytes(recipient_key.public_key):
        return None
    stored["seen"] = time.time()
    request.session.modified = True
    return private_key
