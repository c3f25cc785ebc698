"""Attacks found in a review of the channel, kept as regression tests: each one failed (showed
the weakness) before its fix."""

import io
import os
import re
import struct
import sys
import zlib

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.views.debug import ExceptionReporter
from PIL import Image

from wagtail_vertrouwen.channel.models import AuditAction, AuditEntry, Melding
from wagtail_vertrouwen.channel.services import designate as recipients

from .channel import answers, enter, page_challenge, png, send, upload


def host(page):
    return {"HTTP_HOST": page.get_site().hostname}


def noise_jpeg(minimum):
    side = 100
    while True:
        image = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=95)
        if buffer.tell() >= minimum:
            return buffer.getvalue()
        side += 40


def bomb_png(width=20000, height=20000):
    """A small PNG whose header claims 400 million pixels."""
    data = png()
    start = 16
    header = bytearray(data[start : start + 13])
    header[0:8] = struct.pack(">II", width, height)
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + bytes(header)) & 0xFFFFFFFF)
    return data[:start] + bytes(header) + crc + data[start + 17 :]


def test_files_over_the_total_are_refused_not_cut_off(client, melding_form, settings):
    settings.WAGTAIL_VERTROUWEN_ATTACHMENT_MAX_BYTES = 400_000
    settings.WAGTAIL_VERTROUWEN_ATTACHMENTS_TOTAL_MAX_BYTES = 500_000
    first, second = noise_jpeg(300_000)[:390_000], noise_jpeg(300_000)[:390_000]
    response = send(client, melding_form, files=[upload("a.jpg", first), upload("b.jpg", second)])
    assert response.status_code == 400 and "samen" in response.content.decode()
    assert not Melding.objects.exists()


def test_a_decompression_bomb_is_refused_with_a_message(client, melding_form):
    response = send(client, melding_form, files=[upload("bom.png", bomb_png())], wat="Blijft")
    assert response.status_code == 400
    assert "geen foto" in response.content.decode() and "Blijft" in response.content.decode()


def test_deeply_nested_json_is_a_clear_400(client, melding_form):
    response = client.post(
        reverse("wagtail_vertrouwen:api_melding_submit", args=[melding_form.pk]),
        "[" * 200_000 + "]" * 200_000,
        content_type="application/json",
        **host(melding_form),
    )
    assert response.status_code == 400 and "JSON" in response.json()["errors"]["__all__"][0]


def test_error_reports_carry_no_plaintext(melding_form, rf, monkeypatch):
    """A fault while storing: the admins' error mail (Django's ExceptionReporter with the
    project's filter) shows neither the POST data nor the package's local variables."""
    from wagtail_vertrouwen.channel import storage

    def broken(source, key):
        raise OSError("disk full")

    monkeypatch.setattr(storage, "store", broken)
    client = Client()
    response = send(client, melding_form, files=[upload("a.png", png())], wat="GEHEIM-RAPPORT")
    assert response.status_code == 500 and "GEHEIM-RAPPORT" in response.content.decode()
    data = answers(wat="GEHEIM-RAPPORT")
    request = rf.post(reverse("wagtail_vertrouwen:melding_submit", args=[melding_form.pk]), data)
    from wagtail_vertrouwen.channel.services.submit import submit

    try:
        submit(melding_form, melding_form.get_site(), data, [upload_obj()])
    except OSError:
        report = ExceptionReporter(request, *sys.exc_info()).get_traceback_text()
    assert "disk full" in report  # the report is there
    assert "GEHEIM-RAPPORT" not in report


def upload_obj():
    from wagtail_vertrouwen.channel.forms.uploads import Upload

    data = png()
    return Upload(name="a.png", content_type="image/png", size=len(data), file=io.BytesIO(data))


def test_every_visit_to_the_enrolment_gets_a_new_secret(melding_form, make_recipient):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = make_recipient("nieuw", form=melding_form)
    TOTPDevice.objects.filter(user=user).delete()
    secrets = []
    for _visit in range(2):
        client = Client()
        client.force_login(user)
        html = client.get(reverse("wagtail_vertrouwen_inbox:otp_verify")).content.decode()
        secrets.append(re.search(r"<code>([A-Z2-7]{32})</code>", html).group(1))
    assert secrets[0] != secrets[1]
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_a_deletion_by_a_co_recipient_stays_in_the_others_log(melding_form, vp, make_recipient):
    other = make_recipient("tweede", form=melding_form)
    assert send(Client(), melding_form, wat="verdwijnt").status_code == 302
    melding = Melding.objects.get()
    enter(Client(), other).post(
        reverse("wagtail_vertrouwen_inbox:delete", args=[melding.pk]), {"confirm": "on"}
    )
    log = enter(Client(), vp).get(reverse("wagtail_vertrouwen_inbox:audit_log"))
    seen = {(e.action, e.actor_name) for e in log.context["object_list"]}
    assert (AuditAction.DELETED, "tweede") in seen and (AuditAction.RECEIVED, "") in seen


def test_deleting_or_deactivating_a_recipient_account_is_audited_and_notified(
    melding_form, vp, make_recipient, django_capture_on_commit_callbacks
):
    other = make_recipient("tweede", form=melding_form)
    third = make_recipient("derde", form=melding_form)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        other.delete()
    assert AuditEntry.objects.filter(
        action=AuditAction.RECIPIENT_REMOVED, detail__contains="tweede"
    ).exists()
    assert vp.email in [address for message in mail.outbox for address in message.to]
    with django_capture_on_commit_callbacks(execute=True):
        third.is_active = False
        third.save()
    assert not melding_form.designations().filter(user=third).exists()
    assert AuditEntry.objects.filter(
        action=AuditAction.RECIPIENT_REMOVED, detail__contains="derde"
    ).exists()


def test_an_inactive_account_receives_nothing(melding_form, vp):
    from django.contrib.auth.models import User

    User.objects.filter(pk=vp.pk).update(is_active=False)  # bypassing the save() signal
    assert melding_form.designations().filter(user=vp).exists()
    assert melding_form.recipients() == []
    html = Client().get(melding_form.url, **host(melding_form)).content.decode()
    assert "kan nog geen meldingen ontvangen" in html


def test_listing_writes_one_audit_line_however_many_meldingen(melding_form, vp):
    for number in range(3):
        send(Client(), melding_form, wat=f"melding {number}")
    client = enter(Client(), vp)
    before = AuditEntry.objects.count()
    client.get(reverse("wagtail_vertrouwen_inbox:index"))
    assert AuditEntry.objects.count() == before + 1
    assert AuditEntry.objects.latest("pk").detail == "3"


def test_the_unlock_cookie_is_secure_behind_a_tls_proxy(melding_form, vp, settings):
    settings.SESSION_COOKIE_SECURE = True
    client = enter(Client(), vp, unlocked=False)
    response = client.post(
        reverse("wagtail_vertrouwen_inbox:unlock"), {"passphrase": "demo-sleutelwachtwoord"}
    )
    cookie = response.cookies["__Host-vertrouwen_unlock_key"]  # Secure, so a __Host- cookie
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Strict"


def test_designation_pages_keep_working_after_recipient_changes(melding_form, make_recipient):
    other = make_recipient("tweede", form=melding_form)
    recipients.remove(melding_form.designations().get(user=other), melding_form, None)
    assert list(melding_form.designations().values_list("user__username", flat=True)) == [
        "vertrouwenspersoon"
    ]
    html = Client().get(melding_form.url, **host(melding_form)).content.decode()
    assert 'name="niet_naar"' not in html
    assert page_challenge(Client(), melding_form)
