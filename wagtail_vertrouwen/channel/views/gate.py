"""The inbox's door: recipient, second factor, unlocked key (I3). The rules are the policy's;
this module applies them to a request."""

from functools import wraps

from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse

from ..models import RecipientKey
from ..policy import inbox_verified, no_store, request_is_recipient
from ..services import unlock
from ..services.reading import Reader


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


def render(request, template, context, status=200):
    return no_store(
        TemplateResponse(
            request, f"wagtail_vertrouwen/inbox/{template}.html", context, status=status
        )
    )


def recipient_required(view=None, *, unlocked=True):
    """Let through only a recipient with an OTP-verified session and, if ``unlocked``, an
    unlocked key (set as ``request.reader``). Everyone else: 404, or 403 saying what's missing."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            request.sensitive_post_parameters = "__ALL__"  # passwords, codes, notes
            user = request.user
            if not request_is_recipient(request):
                raise Http404
            if not inbox_verified(request):
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
