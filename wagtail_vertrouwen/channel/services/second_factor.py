"""Recording that a session passed the inbox's second factor: django-otp's verified device,
bound to this browser session by a cookie-held nonce and to a working day. Whether a request
counts as verified is the policy's rule (``policy.inbox_verified``)."""

import secrets
import time

from django_otp import login as otp_login

from .. import policy


def remember(request, response, device) -> None:
    """After a code was accepted: mark the session verified and give it a new id, so a session
    id known from before the code (fixation) opens nothing."""
    otp_login(request, device)
    nonce = secrets.token_urlsafe(32)
    request.session[policy.OTP_SESSION_KEY] = {
        "user": request.user.pk,
        "at": time.time(),
        "nonce": policy.otp_nonce_digest(nonce),
    }
    request.session.cycle_key()  # keeps the data: django-otp's device, an unlocked key
    response.set_cookie(
        policy.cookie_name(request, policy.OTP_COOKIE), nonce, **policy.cookie_options(request)
    )
