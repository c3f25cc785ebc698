"""Who may enter the inbox, decided without Django permissions (I3)."""

from functools import wraps

from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from ..meldingen.reading import Reader
from ..models import Designation, MeldingAccess, RecipientKey
from . import unlock


def is_recipient(user) -> bool:
    """Designated now, or holding meldingen from before. Superuser status counts for nothing."""
    if not (user.is_authenticated and user.is_active):
        return False
    return (
        Designation.objects.current().filter(user=user).exists()
        or MeldingAccess.objects.filter(recipient=user).exists()
    )


def is_verified(user) -> bool:
    """Whether this session passed a second factor (django-otp's ``OTPMiddleware``)."""
    return bool(getattr(user, "is_verified", lambda: False)())


def recipient_key(user):
    return RecipientKey.objects.filter(user=user).first()


def refuse(request, reason, status=403):
    """A 403 page that says what is missing and where to get it; shows nothing else."""
    links = {
        "otp": reverse("wagtail_vertrouwen_inbox:otp_verify"),
        "key": reverse("wagtail_vertrouwen_inbox:key_setup"),
        "unlock": reverse("wagtail_vertrouwen_inbox:unlock"),
    }
    response = TemplateResponse(
        request,
        "wagtail_vertrouwen/inbox/refused.html",
        {"reason": reason, "next_url": links[reason]},
        status=status,
    )
    return no_store(response)


def no_store(response):
    add_never_cache_headers(response)
    # Not "no-referrer": Chromium then sends "Origin: null" with the form's POST, which
    # Django's CSRF check rightly refuses. Same-origin sends nothing to anyone else.
    response["Referrer-Policy"] = "same-origin"
    return response


def recipient_required(view=None, *, unlocked=True):
    """Let through only a recipient with an OTP-verified session and, if ``unlocked``, an
    unlocked key (set as ``request.reader``). Everyone else: 404, or 403 saying what's missing."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            request.sensitive_post_parameters = "__ALL__"  # passwords, codes, notes
            user = request.user
            if not is_recipient(user):
                raise Http404
            if not is_verified(user):
                return refuse(request, "otp")
            if unlocked:
                key = recipient_key(user)
                if key is None:
                    return refuse(request, "key")
                private_key = unlock.recall(request, key)
                if private_key is None:
                    return refuse(request, "unlock")
                request.reader = Reader(user, private_key)
            return no_store(view(request, *args, **kwargs))

        return wrapped

    return decorator(view) if view else decorator
