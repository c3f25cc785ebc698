"""I1 and I2 against the whole system: a melding whose every text field, file name and file
holds a marker, and a conversation about it (the vertrouwenspersoon's messages and files from
the inbox, the melder's from the mailbox, the name the melder shares later, the address of the
melder's notice) that does too; the marker must be nowhere at rest (database, file system, S3
bucket, mail, sessions, cache, logs) and must come back only to the designated recipient and
to the melder with the code, byte-identical."""

import html
import io
import logging
import pickle
import re
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.cache import cache
from django.core.files.storage import storages
from django.core.signals import got_request_exception
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.views.debug import ExceptionReporter, get_exception_reporter_class

from wagtail_vertrouwen.channel.models import Melding

from .channel import answers, enter, page_challenge, pdf, png, send, solve, upload
from .mailbox import browser, challenges, code_on, form_token, log_in, mailbox_url, open_mailbox
from .mailbox import reply as melder_reply
from .s3 import S3Endpoint

MARKER = "ZQXMARKER93"

TEXT_FIELDS = {
    "wat": f"Wat er gebeurde {MARKER}-wat",
    "wanneer": f"{MARKER}-wanneer",
    "betrokkenen": f"{MARKER}-betrokkenen",
    "wens": f"{MARKER}-wens",
    "naam": f"{MARKER}-naam",
    "email": f"{MARKER.lower()}@example.org",
    "telefoon": f"0612{MARKER}"[:40],
    "contact": "email",
}


def files():
    return [
        upload(f"{MARKER}-foto.png", png(f"{MARKER}-png-bytes")),
        upload(f"{MARKER}-brief.pdf", pdf(f"{MARKER}-pdf-bytes")),
    ]


def contains_marker(data) -> bool:
    if isinstance(data, memoryview):
        data = bytes(data)
    if isinstance(data, bytes):
        return MARKER.encode() in data or MARKER.lower().encode() in data
    return MARKER in str(data) or MARKER.lower() in str(data)


def database_dump():
    """Every value of every row of every table, as the database returns it."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                values.extend(row)
    return values


def decoded_sessions():
    return [session.get_decoded() for session in Session.objects.all()]


def cache_contents():
    """locmem holds pickles: unpickle and look at both forms."""
    store = getattr(cache, "_cache", {})
    return list(store.values()) + [pickle.loads(v) for v in store.values()]  # noqa: S301


def check_nothing_at_rest(caplog, stored_blobs):
    assert not [v for v in database_dump() if v is not None and contains_marker(v)]
    assert not [s for s in decoded_sessions() if contains_marker(s)]
    assert not [v for v in cache_contents() if contains_marker(v)]
    assert not [
        name
        for name, data in stored_blobs.items()
        if contains_marker(name) or contains_marker(data)
    ]
    for message in mail.outbox:
        # The melder's confirmation goes, by nature, to the address they typed (envelope only).
        assert not contains_marker(message.subject) and not contains_marker(message.body)
        assert not [v for k, v in message.extra_headers.items() if contains_marker(v)]
    assert not [
        r for r in caplog.records if contains_marker(r.getMessage()) or contains_marker(r.args)
    ]


def send_marked_melding(melding_form, capture):
    """Send the marked melding; returns it, with the code its thank-you page shows."""
    with capture(execute=True):
        response = send(
            Client(),
            melding_form,
            files=files(),
            bevestiging_email="bevestiging@example.org",
            **TEXT_FIELDS,
        )
    assert response.status_code == 200, response.content.decode()[:3000]
    assert len(mail.outbox) >= 2  # the recipient's notification and the melder's confirmation
    melding = Melding.objects.get()
    melding.code = code_on(response)
    return melding


# The conversation: every message, file name, file and shared detail holds the marker too.
VP_TEXT = f"Kun je meer vertellen? {MARKER}-vraag"
VP_FILE = (f"{MARKER}-uitnodiging.pdf", pdf(f"{MARKER}-vp-pdf-bytes"))
VP_TEXT_2 = f"Dank je, ik spreek de mentor. {MARKER}-tweede"
MELDER_TEXT = f"Het gebeurt elke pauze. {MARKER}-antwoord"
MELDER_FILE = (f"{MARKER}-schermafbeelding.png", png(f"{MARKER}-melder-png-bytes"))
MELDER_NAME = f"{MARKER}-gedeelde-naam"
MELDER_NOTICE = f"{MARKER.lower()}-thuis@example.org"
#: Every text of the conversation that both sides must read back.
CONVERSATION_TEXTS = [VP_TEXT, VP_TEXT_2, MELDER_TEXT, MELDER_NAME]


def originals():
    """Every file of the melding and its conversation, by name, as it was sent."""
    return {
        f"{MARKER}-foto.png": png(f"{MARKER}-png-bytes"),
        f"{MARKER}-brief.pdf": pdf(f"{MARKER}-pdf-bytes"),
        VP_FILE[0]: VP_FILE[1],
        MELDER_FILE[0]: MELDER_FILE[1],
    }


def vp_replies(vp, melding, text, files=()):
    """The vertrouwenspersoon writes to the melder on the melding's page in the inbox."""
    client = enter(Client(), vp)
    data = {"text": text}
    if files:
        data["bijlagen"] = [upload(name, data) for name, data in files]
    response = client.post(reverse("wagtail_vertrouwen_inbox:reply", args=[melding.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]


def converse(melding_form, vp, melding, capture):
    """The conversation, through the inbox and the mailbox's pages: the vertrouwenspersoon
    asks with a marked text and file; the melder logs in with the code, asks for a notice at a
    marked address, replies with a marked text and file, and shares a marked name; the
    vertrouwenspersoon answers again (so the notice and the recipients' mails go out)."""
    with capture(execute=True):
        vp_replies(vp, melding, VP_TEXT, [VP_FILE])
    melder = browser(melding_form)
    log_in(melder, melding_form, melding.code)
    page = open_mailbox(melder, melding_form)
    assert VP_TEXT in page and VP_FILE[0] in page
    notice = melder.post(
        mailbox_url(melding_form, "mailbox_notice"),
        {"email": MELDER_NOTICE, "form_token": form_token(page)},
    )
    assert notice.status_code == 303, notice.content.decode()[:3000]
    with capture(execute=True):
        sent = melder_reply(
            melder, melding_form, MELDER_TEXT, [upload(*MELDER_FILE, content_type="image/png")]
        )
    assert sent.status_code == 303, sent.content.decode()[:3000]
    page = open_mailbox(melder, melding_form)
    with capture(execute=True):
        shared = melder.post(
            mailbox_url(melding_form, "mailbox_identity"),
            {
                "naam": MELDER_NAME,
                "challenge": solve(challenges(page)[1]),
                "form_token": form_token(page),
            },
        )
    assert shared.status_code == 303, shared.content.decode()[:3000]
    with capture(execute=True):
        vp_replies(vp, melding, VP_TEXT_2)
    # Mail went out: to the recipients about the melder's messages, to the melder's address.
    assert [m for m in mail.outbox if m.to == [MELDER_NOTICE]]
    assert len([m for m in mail.outbox if m.to == [vp.email]]) == 2  # the melding; new messages
    assert melding.bijlagen.count() == 4


def downloaded(client, page, link):
    """Every file linked from ``page`` by the URL pattern ``link``: {name: bytes}."""
    files = {}
    for url in sorted(set(re.findall(link, page))):
        response = client.get(url)
        assert response.status_code == 200, url
        name = re.search(r'filename="([^"]+)"', response["Content-Disposition"]).group(1)
        files[name] = b"".join(response.streaming_content)
    return files


def read_back(vp, melding, melding_form):
    """Both sides read everything back: the recipient in the inbox, the melder in the mailbox
    after logging in with the code; every file byte-identical."""
    client = enter(Client(), vp)
    page = html.unescape(
        client.get(reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])).content.decode()
    )
    for value in [*TEXT_FIELDS.values(), *CONVERSATION_TEXTS]:
        if value != "email":
            assert value in page, value
    assert all(name in page for name in originals())
    inbox_link = rf"/admin/vertrouwen/inbox/melding/{melding.pk}/bijlage/[0-9a-f-]{{36}}/"
    assert downloaded(client, page, inbox_link) == originals()

    melder = browser(melding_form)
    log_in(melder, melding_form, melding.code)
    page = html.unescape(open_mailbox(melder, melding_form))
    for value in [*TEXT_FIELDS.values(), *CONVERSATION_TEXTS, MELDER_NOTICE]:
        if value != "email":
            assert value in page, value
    assert all(name in page for name in originals())
    mailbox_link = re.escape(mailbox_url(melding_form)) + r"bijlage/[0-9a-f-]{36}/"
    assert downloaded(melder, page, mailbox_link) == originals()


def stored_files():
    root = Path(settings.MEDIA_ROOT)
    return {str(p): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_marker_is_nowhere_at_rest_with_the_file_system(
    melding_form, vp, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    mail.outbox.clear()
    melding = send_marked_melding(melding_form, django_capture_on_commit_callbacks)
    converse(melding_form, vp, melding, django_capture_on_commit_callbacks)
    stored = stored_files()
    ours = [name for name in stored if any(b.storage_name in name for b in melding.bijlagen.all())]
    assert len(ours) == 4  # the melding's two files, one from each side of the conversation
    check_nothing_at_rest(caplog, stored)
    read_back(vp, melding, melding_form)
    check_nothing_at_rest(caplog, stored_files())  # reading left nothing behind either


@pytest.fixture
def s3(settings):
    endpoint = S3Endpoint().start()
    settings.STORAGES = {**settings.STORAGES, "vertrouwen": endpoint.storage_settings()}
    settings.WAGTAIL_VERTROUWEN_ATTACHMENT_STORAGE = "vertrouwen"
    storages._storages.pop("vertrouwen", None)
    yield endpoint
    storages._storages.pop("vertrouwen", None)
    endpoint.stop()


def test_marker_is_nowhere_at_rest_with_s3(
    melding_form, vp, s3, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    mail.outbox.clear()
    melding = send_marked_melding(melding_form, django_capture_on_commit_callbacks)
    converse(melding_form, vp, melding, django_capture_on_commit_callbacks)
    objects = s3.objects()
    assert len(objects) == 4
    assert sorted(objects) == sorted(b.storage_name for b in melding.bijlagen.all())
    assert all(len(data) > 0 for data in objects.values())
    check_nothing_at_rest(caplog, objects)
    read_back(vp, melding, melding_form)
    check_nothing_at_rest(caplog, s3.objects())
    # Deleting the melding deletes the bucket's objects.
    client = enter(Client(), vp)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_vertrouwen_inbox:delete", args=[melding.pk]), {"confirm": "on"}
        )
    assert s3.objects() == {}


def test_the_check_would_notice_plaintext(melding_form, caplog):
    """The dump really sees the tables: a marker written in plaintext is found."""
    from wagtail_vertrouwen.channel.models import AuditEntry

    AuditEntry.objects.create(action="received", detail=MARKER)
    assert [v for v in database_dump() if v is not None and contains_marker(v)]
    logging.getLogger("wagtail_vertrouwen").warning("leak %s", MARKER)
    assert [r for r in caplog.records if contains_marker(r.getMessage())]


# Error reports ---------------------------------------------------------------------------------


def upload_obj():
    from wagtail_vertrouwen.channel.forms.uploads import Upload

    data = png()
    return Upload(name="a.png", content_type="image/png", size=len(data), file=io.BytesIO(data))


def test_error_reports_carry_no_plaintext(melding_form, rf, monkeypatch):
    """A fault while storing: the admins' error mail (Django's ExceptionReporter with the
    project's filter) shows neither the POST data nor the package's local variables."""
    from wagtail_vertrouwen.channel import storage
    from wagtail_vertrouwen.channel.services.submit import submit

    def broken(source, key):
        raise OSError("disk full")

    monkeypatch.setattr(storage, "store", broken)
    client = Client()
    response = send(client, melding_form, files=[upload("a.png", png())], wat="GEHEIM-RAPPORT")
    assert response.status_code == 500 and "GEHEIM-RAPPORT" in response.content.decode()
    data = answers(wat="GEHEIM-RAPPORT")
    request = rf.post(reverse("wagtail_vertrouwen:melding_submit", args=[melding_form.pk]), data)
    try:
        submit(melding_form, melding_form.get_site(), data, [upload_obj()])
    except OSError:
        report = ExceptionReporter(request, *sys.exc_info()).get_traceback_text()
    assert "disk full" in report  # the report is there
    assert "GEHEIM-RAPPORT" not in report


def _report(monkeypatch, do_request):
    from wagtail_vertrouwen.channel.services import challenge

    def dead(*args, **kwargs):
        raise ConnectionError("cache down")  # the replay check's store fails

    captured = {}

    def grab(sender, request, **kwargs):
        reporter = get_exception_reporter_class(request)
        captured["report"] = reporter(request, *sys.exc_info(), is_email=True).get_traceback_text()

    got_request_exception.connect(grab)
    try:
        client = Client(raise_request_exception=False)
        solved = page_challenge(client, do_request.page)
        monkeypatch.setattr(challenge, "_digest", dead)
        response = do_request(client, solved)
    finally:
        got_request_exception.disconnect(grab)
    assert response.status_code == 500
    return captured["report"]


def test_error_reports_hide_attachment_names_on_the_form_and_the_api(melding_form, monkeypatch):
    def form(client, solved):
        return send(
            client,
            melding_form,
            files=[upload("GEHEIM-naam.png", png())],
            challenge=solved,
            wat="GEHEIMTEKST",
        )

    def api(client, solved):
        data = answers(wat="GEHEIMTEKST", challenge=solved)
        data["bijlagen"] = [upload("GEHEIM-naam.png", png())]
        url = reverse("wagtail_vertrouwen:api_melding_submit", args=[melding_form.pk])
        return client.post(url, data, HTTP_HOST=melding_form.get_site().hostname)

    for do in (form, api):
        do.page = melding_form
        report = _report(monkeypatch, do)
        assert "cache down" in report  # it is the report of this failure
        assert "GEHEIMTEKST" not in report and "GEHEIM-naam" not in report
