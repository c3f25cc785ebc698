"""The second factor of the inbox: django-otp TOTP with backup codes, enrolled at the first
visit and asked for once per working day and browser session (``policy.inbox_verified``)."""

import base64
import io

from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

from ..forms.inbox import TokenForm
from ..policy import inbox_verified, request_is_recipient
from ..services import designate, second_factor
from .gate import render

BACKUP_CODES = 10
PENDING_DEVICE = "wagtail_vertrouwen_pending_totp"


def _qr_data_uri(text: str) -> str:
    """django-otp's QR code (an SVG document with prefixed elements, so shown as an image)."""
    buffer = io.BytesIO()
    write_qrcode_image(text, buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _otp_setup(request):
    """Enrol a TOTP app. Every visit makes a new secret, kept pending for this session only:
    a secret seen by someone else before the real user enrols is never the one confirmed."""
    user = request.user
    device = None
    if request.method == "POST":
        device = TOTPDevice.objects.filter(
            pk=request.session.get(PENDING_DEVICE), user=user, confirmed=False
        ).first()
    if device is None:
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
        request.session[PENDING_DEVICE] = device.pk
    form = TokenForm(user, request.POST or None, devices=[device])
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            device.confirmed = True
            device.save()
            request.session.pop(PENDING_DEVICE, None)
            backup, _created = StaticDevice.objects.get_or_create(
                user=user, name="backup", defaults={"confirmed": True}
            )
            backup.token_set.all().delete()
            codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
            backup.token_set.bulk_create(StaticToken(device=backup, token=c) for c in codes)
            designate.announce_account_event(user, "second_factor", user)
        response = render(request, "backup_codes", {"codes": codes})
        second_factor.remember(request, response, device)
        return response
    return render(
        request,
        "otp_setup",
        {
            "form": form,
            "qr_src": _qr_data_uri(device.config_url),
            "secret": base64.b32encode(device.bin_key).decode("ascii"),
        },
        status=200 if request.method == "GET" else 400,
    )


def otp_verify(request):
    """Verify the session with a TOTP or backup code; recipients only."""
    request.sensitive_post_parameters = "__ALL__"
    user = request.user
    if not request_is_recipient(request):
        raise Http404
    if inbox_verified(request):
        return redirect("wagtail_vertrouwen_inbox:index")
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return _otp_setup(request)
    form = TokenForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        response = redirect("wagtail_vertrouwen_inbox:index")
        second_factor.remember(request, response, user.otp_device)
        return response
    return render(
        request, "otp_verify", {"form": form}, status=200 if request.method == "GET" else 400
    )
