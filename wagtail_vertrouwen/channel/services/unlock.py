"""Keeping a recipient's unlocked private key between requests: encrypted in the session with
a key that only the browser's cookie holds (DESIGN.md), and for a limited idle time."""

import time

from django.conf import settings

from .. import conf, crypto

SESSION_KEY = "wagtail_vertrouwen_unlock"
#: "KEY" in the name makes Django's error reports hide its value.
COOKIE_NAME = "vertrouwen_unlock_key"


def cookie_path():
    from django.urls import reverse

    return reverse("wagtail_vertrouwen_inbox:index")


def remember(request, response, private_key) -> None:
    sealed = crypto.lock_for_session(private_key)
    request.session[SESSION_KEY] = {
        "user": request.user.pk,
        "blob": sealed.session_blob,
        "seen": time.time(),
    }
    response.set_cookie(
        COOKIE_NAME,
        sealed.cookie_secret,
        httponly=True,
        samesite="Strict",
        secure=settings.SESSION_COOKIE_SECURE or request.is_secure(),
        path=cookie_path(),
    )


def forget(request, response=None) -> None:
    request.session.pop(SESSION_KEY, None)
    if response is not None:
        response.delete_cookie(COOKIE_NAME, path=cookie_path(), samesite="Strict")


def recall(request, recipient_key):
    """The unlocked key of this request's user, or None (locked, expired, or tampered with)."""
    stored = request.session.get(SESSION_KEY)
    cookie = request.COOKIES.get(COOKIE_NAME)
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
