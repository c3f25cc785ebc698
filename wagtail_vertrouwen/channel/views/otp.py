"""The second factor of the inbox: django-otp TOTP with backup codes, enrolled at the first
visit and asked for once per working day and browser session."""

import base64
import io

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..forms.inbox import TokenForm
from .gate import is_recipient, is_verified, render

BACKUP_CODES = 10


def _qr_svg(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode("utf-8")


PENDING_DEVICE = "wagtail_vertrouwen_pending_totp"


def _otp_setup(request):
    """Enrol a TOTP app. Every visit makes a new secret, kept pending for this session only:
    a secret seen by someone else before the real user enrols is never the one confirmed."""
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("wagtail_vertrouwen_inbox:otp_verify")
    device = None
    if request.method == "POST":
        device = TOTPDevice.objects.filter(
            pk=request.session.get(PENDING_DEVICE), user=user, confirmed=False
        ).first()
    if device is None:
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
        request.session[PENDING_DEVICE] = device.pk
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
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
            otp_login(request, device)
            return render(request, "backup_codes", {"codes": codes})
        form.add_error(
            "token",
            _("That code is not right. Check the time on your phone and try the newest code."),
        )
    secret = device.bin_key
    return render(
        request,
        "otp_setup",
        {
            "form": form,
            "qr_svg": _qr_svg(device.config_url),
            "secret": base64.b32encode(secret).decode("ascii"),
        },
    )


def otp_verify(request):
    """Verify the session with a TOTP or backup code; recipients only."""
    request.sensitive_post_parameters = "__ALL__"
    user = request.user
    if not is_recipient(user):
        raise Http404
    if is_verified(user):
        return redirect("wagtail_vertrouwen_inbox:index")
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return _otp_setup(request)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["token"].strip())
        if device is not None:
            otp_login(request, device)
            return redirect("wagtail_vertrouwen_inbox:index")
        form.add_error(
            "token", _("That code is not right, or was used already. Try the newest code.")
        )
    return render(
        request, "otp_verify", {"form": form}, status=200 if request.method == "GET" else 400
    )
