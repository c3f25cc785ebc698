"""Helpers for the confidential channel's tests: fill in and send the melding form as a
browser would (proof of work included), and bring a recipient through the gate."""

import html
import io
import json
import re

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image, PngImagePlugin

from example_site.demo_channel import VP_PASSPHRASE

from .proof_of_work import solve


def page_challenge(client, page) -> str:
    """Open the form page like a browser and solve the challenge it carries."""
    response = client.get(page.url, HTTP_HOST=page.get_site().hostname)
    assert response.status_code == 200
    found = re.search(r'data-challenge="([^"]+)"', response.content.decode())
    return solve(json.loads(html.unescape(found.group(1))))


def answers(**overrides):
    data = {
        "probleemgebied": "ongewenst_gedrag",
        "wie": "ouder",
        "wat": "Mijn zoon wordt gepest in de pauze.",
        "wanneer": "",
        "betrokkenen": "",
        "over_medewerker": "",
        "wens": "",
        "contact": "geen",
        "naam": "",
        "email": "",
        "telefoon": "",
        "website": "",
    }
    data.update(overrides)
    return data


def png(text: str = "", size=(8, 8)) -> bytes:
    """A real PNG image; ``text`` goes into a tEXt chunk, so it is in the file's bytes."""
    info = PngImagePlugin.PngInfo()
    if text:
        info.add_text("Comment", text)
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()


def pdf(text: str = "") -> bytes:
    return b"%PDF-1.4\n1 0 obj <<>> endobj\n% " + text.encode() + b"\ntrailer <<>>\n%%EOF\n"


def upload(name, data, content_type="application/octet-stream"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type=content_type)


def send(client, page, files=(), challenge=None, **overrides):
    """POST the melding form as the page does; returns the response."""
    data = answers(**overrides)
    data["challenge"] = page_challenge(client, page) if challenge is None else challenge
    if files:
        data["bijlagen"] = list(files)
    return client.post(
        reverse("wagtail_vertrouwen:melding_submit", args=[page.pk]),
        data,
        HTTP_HOST=page.get_site().hostname,
    )


def verify_otp(client, user):
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    device.last_t = -1
    device.throttling_failure_count = 0
    device.save()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    response = client.post(
        reverse("wagtail_vertrouwen_inbox:otp_verify"), {"otp_token": f"{totp.token():06d}"}
    )
    assert response.status_code == 302 and "login" not in response["Location"]


def unlock(client, passphrase=VP_PASSPHRASE):
    """Unlock the inbox with the key passphrase (never the login password)."""
    response = client.post(reverse("wagtail_vertrouwen_inbox:unlock"), {"passphrase": passphrase})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def reader(user, passphrase=VP_PASSPHRASE):
    """A recipient's ``Reader``, her key opened with her passphrase (read from the database, so
    a key set up anew is the one used), as the inbox would after unlocking."""
    from wagtail_vertrouwen.channel import crypto
    from wagtail_vertrouwen.channel.models import RecipientKey
    from wagtail_vertrouwen.channel.services.reading import Reader

    key = RecipientKey.objects.get(user=user)
    return Reader(user, crypto.unwrap_with_secret(key.wrapped_by_secret, passphrase))


def enter(client, user, passphrase=VP_PASSPHRASE, *, otp=True, unlocked=True):
    client.force_login(user)
    if otp:
        verify_otp(client, user)
    if unlocked:
        unlock(client, passphrase)
    return client


class FailingMailBackend:
    """An SMTP server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def nl(message):
    """A mail's wording as the site's language renders it (English until translated)."""
    with translation.override("nl"):
        return gettext(message)


def mails_to(address):
    return [m for m in mail.outbox if address in m.to]


def admin_client():
    client = Client()
    from .factories import admin

    client.force_login(admin())
    return client
