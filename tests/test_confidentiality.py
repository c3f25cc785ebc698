"""I1 and I2 against the whole system: a melding whose every text field, file name and file
holds a marker; the marker must be nowhere at rest (database, file system, S3 bucket, mail,
sessions, cache, logs) and must come back only to the designated recipient."""

import io
import logging
import pickle
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

from .channel import answers, enter, page_challenge, pdf, png, send, upload
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


def originals():
    return [png(f"{MARKER}-png-bytes"), pdf(f"{MARKER}-pdf-bytes")]


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
    with capture(execute=True):
        response = send(
            Client(),
            melding_form,
            files=files(),
            bevestiging_email="bevestiging@example.org",
            **TEXT_FIELDS,
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert len(mail.outbox) >= 2  # the recipient's notification and the melder's confirmation
    return Melding.objects.get()


def read_back(vp, melding):
    client = enter(Client(), vp)
    page = client.get(
        reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])
    ).content.decode()
    for value in TEXT_FIELDS.values():
        if value != "email":
            assert value in page
    assert f"{MARKER}-foto.png" in page and f"{MARKER}-brief.pdf" in page
    downloads = [
        b"".join(
            client.get(
                reverse("wagtail_vertrouwen_inbox:download", args=[melding.pk, b.pk])
            ).streaming_content
        )
        for b in melding.bijlagen.all()
    ]
    assert downloads == originals()


def test_marker_is_nowhere_at_rest_with_the_file_system(
    melding_form, vp, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    mail.outbox.clear()
    melding = send_marked_melding(melding_form, django_capture_on_commit_callbacks)
    root = Path(settings.MEDIA_ROOT)
    stored = {str(p): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    assert [name for name in stored if "/vertrouwen/" in name]  # the attachments are there
    check_nothing_at_rest(caplog, stored)
    read_back(vp, melding)


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
    objects = s3.objects()
    assert sorted(objects) == sorted(b.storage_name for b in melding.bijlagen.all())
    assert all(len(data) > 0 for data in objects.values())
    check_nothing_at_rest(caplog, objects)
    read_back(vp, melding)
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

    class DeadCache:
        def get(self, *args, **kwargs):
            raise ConnectionError("cache down")

        add = incr = get

    captured = {}

    def grab(sender, request, **kwargs):
        reporter = get_exception_reporter_class(request)
        captured["report"] = reporter(request, *sys.exc_info(), is_email=True).get_traceback_text()

    got_request_exception.connect(grab)
    try:
        client = Client(raise_request_exception=False)
        solved = page_challenge(client, do_request.page)
        monkeypatch.setattr(challenge, "cache", DeadCache())
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
