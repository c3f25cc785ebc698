"""Issue 7, the public form's side: each test performs one attack from the outside review
and shows that it no longer works.

4  an error mail that names the melder (address, browser, time)
5  an attachment that downloads under a dangerous name
6  a retry that is answered "already sent" while nothing was stored
7  the browser's autofill store keeping what the melder typed
9  a crafted proof-of-work payload that gives a 500
10 a stale CSRF token that loses the melding

and, from the first review, attachments too large together, too many, or a decompression bomb.
"""

import base64
import json
import logging
import os
import re
import struct
import zlib
from datetime import timedelta
from html.parser import HTMLParser
from io import BytesIO

import pytest
from django.core import mail
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.log import AdminEmailHandler
from PIL import Image

from wagtail_vertrouwen.channel.forms import melding as melding_form
from wagtail_vertrouwen.channel.forms.uploads import Upload, safe_name
from wagtail_vertrouwen.channel.models import Melding
from wagtail_vertrouwen.channel.services import challenge
from wagtail_vertrouwen.channel.services.receive import REPLAYED
from wagtail_vertrouwen.channel.services.submit import submit
from wagtail_vertrouwen.channel.views import api as api_views
from wagtail_vertrouwen.channel.views import form as form_views
from wagtail_vertrouwen.channel.views.form import REFUSALS

from .channel import answers, enter, page_challenge, pdf, png, send, solve, upload


def host(page):
    return {"HTTP_HOST": page.get_site().hostname}


def submit_url(page):
    return reverse("wagtail_vertrouwen:melding_submit", args=[page.pk])


def api_url(page):
    return reverse("wagtail_vertrouwen:api_melding_submit", args=[page.pk])


def message(text) -> str:
    """A message as the page shows it (HTML-escaped), in the active language."""
    from django.utils.html import escape

    return escape(str(text))


# 4. Error mails name nobody --------------------------------------------------------------

CLIENT = {
    "REMOTE_ADDR": "203.0.113.77",
    "HTTP_X_FORWARDED_FOR": "198.51.100.23, 192.0.2.9",
    "HTTP_X_REAL_IP": "198.51.100.24",
    "HTTP_USER_AGENT": "MarkerBrowser/7.7 (gezinslaptop)",
    "HTTP_REFERER": "https://marker-referer.example/",
}
COOKIE_MARKER, GET_MARKER = "COOKIEMARKER", "GETMARKER"
DATE = re.compile(r"\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2}")
MARKERS = [
    "203.0.113.77",
    "198.51.100.23",
    "198.51.100.24",
    "MarkerBrowser",
    "marker-referer",
    "COOKIEMARKER",
    "GETMARKER",
    "GEHEIMTEKST",
]


@pytest.fixture
def admins_get_error_mail(settings):
    """The project's real error mail: Django's default logging sends ``django.request``'s
    errors to ``mail_admins`` (an AdminEmailHandler with the project's reporter). A second
    handler with the HTML alternative is added, so that version is checked too."""
    settings.ADMINS = [("Beheer", "beheer@school.test")]
    default = [h for h in logging.getLogger("django").handlers if isinstance(h, AdminEmailHandler)]
    assert default, "Django's default mail_admins handler is not attached"
    with_html = AdminEmailHandler(include_html=True)
    logging.getLogger("django.request").addHandler(with_html)
    mail.outbox.clear()
    yield
    logging.getLogger("django.request").removeHandler(with_html)


def _mail_texts():
    for sent in mail.outbox:
        yield sent.subject
        yield sent.body
        for content, _mimetype in getattr(sent, "alternatives", []):
            yield content


def _broken_save(*args, **kwargs):
    raise DatabaseError("database gone away")


def test_an_error_mail_names_nobody(form, recipient, admins_get_error_mail, monkeypatch):
    client = Client()
    solved = page_challenge(client, form)
    client.cookies["voorkeur"] = COOKIE_MARKER
    monkeypatch.setattr(Melding, "save", _broken_save)
    response = client.post(
        submit_url(form) + "?bron=" + GET_MARKER,
        {**answers(wat="GEHEIMTEKST en meer"), "challenge": solved},
        **host(form),
        **CLIENT,
    )
    html = response.content.decode()
    assert response.status_code == 500
    assert message(form_views.REFUSALS["fault"]) in html and "GEHEIMTEKST en meer" in html
    assert mail.outbox, "the admins get an error mail"
    for text in _mail_texts():
        for marker in MARKERS:
            assert marker not in text
        assert "Server time" not in text
        assert "USER:" not in text and "AnonymousUser" not in text
        assert not DATE.search(text)  # the form of the report's "Server time" line


def test_the_api_error_mail_names_nobody(form, recipient, admins_get_error_mail, monkeypatch):
    client = Client()
    solved = solve(client.get(api_url(form)).json()["challenge"])
    monkeypatch.setattr(Melding, "save", _broken_save)
    response = client.post(
        api_url(form),
        json.dumps({**answers(wat="GEHEIMTEKST"), "challenge": solved}),
        content_type="application/json",
        **CLIENT,
    )
    assert response.status_code == 500
    assert response.json()["errors"]["__all__"] == [str(api_views.REFUSALS["fault"])]
    assert mail.outbox
    for text in _mail_texts():
        for marker in MARKERS:
            assert marker not in text
        assert "Server time" not in text


def test_a_report_on_the_inbox_names_nobody_either(rf):
    """Confidential paths reached without ``forget_client`` (the inbox, or a fault in a
    middleware before the view): the reporter leaves the client out by itself."""
    from wagtail_vertrouwen.channel.debug import ConfidentialExceptionReporter

    request = rf.get(reverse("wagtail_vertrouwen_inbox:index"), {"q": GET_MARKER}, **CLIENT)
    request.COOKIES["sessionid"] = COOKIE_MARKER  # (markers by name: the report quotes source)
    try:
        raise OSError("disk full")
    except OSError as error:
        reporter = ConfidentialExceptionReporter(request, type(error), error, error.__traceback__)
        text, page = reporter.get_traceback_text(), reporter.get_traceback_html()
    label = "Server " + "time:"  # not as one string: the report quotes this frame's source
    for report in (text, page):
        assert "disk full" in report and reverse("wagtail_vertrouwen_inbox:index") in report
        assert label not in report and not DATE.search(report)
        for marker in MARKERS:
            assert marker not in report


def test_the_public_views_forget_the_client_at_the_door(form, recipient, monkeypatch):
    """The cause: the channel's public views drop what identifies the client from the request
    before anything else sees it, so no log line, report or mail can carry it."""
    seen = {}
    render = form_views.render_form_page

    def spy(request, *args, **kwargs):
        seen.update(request.META, cookies=dict(request.COOKIES))
        return render(request, *args, **kwargs)

    client = Client()
    client.cookies["voorkeur"] = COOKIE_MARKER
    solved = page_challenge(client, form)
    monkeypatch.setattr(form_views, "render_form_page", spy)
    response = client.post(submit_url(form), {"challenge": solved}, **host(form), **CLIENT)
    assert response.status_code == 400  # the form comes back: nothing was filled in
    assert seen["HTTP_HOST"] == form.get_site().hostname  # what the view needs stays
    assert not set(CLIENT) & set(seen)
    assert seen["cookies"] == {}
    seen.clear()
    assert client.get(form.url, **host(form), **CLIENT).status_code == 200  # the page itself
    assert seen["HTTP_HOST"] and not set(CLIENT) & set(seen) and seen["cookies"] == {}


# 5. Attachments download under the name of what they are ---------------------------------


@pytest.mark.parametrize(
    ("name", "content_type", "expected"),
    [
        ("verklaring.bat", "application/pdf", "verklaring.pdf"),
        ("verklaring.hta", "application/pdf", "verklaring.pdf"),
        ("brief.html", "application/pdf", "brief.pdf"),
        ("a.pdf.exe", "application/pdf", "a.pdf.pdf"),
        ("foto.exe. . .", "image/png", "foto.png"),
        ("rekening\u202efdp.exe", "application/pdf", "rekeningfdp.pdf"),
        ("\u202eexe.pdf", "application/pdf", "exe.pdf"),
        (".pdf", "application/pdf", "bijlage.pdf"),
        (".hta", "application/pdf", "bijlage.pdf"),
        ("...", "image/jpeg", "bijlage.jpg"),
        ("", "image/gif", "bijlage.gif"),
        ("C:\\Users\\kind\\Desktop\\foto.JPEG", "image/jpeg", "foto.jpg"),
        ("../../etc/passwd", "image/webp", "passwd.webp"),
        ("CON.pdf", "application/pdf", "bijlage.pdf"),
        ("foto<1>:?.png", "image/png", "foto_1___.png"),
        ("schermafbeelding 12.03.2024.png", "image/png", "schermafbeelding 12.03.2024.png"),
    ],
)
def test_safe_name(name, content_type, expected):
    assert safe_name(name, content_type) == expected


def test_a_very_long_name_keeps_its_true_extension():
    name = safe_name("x" * 5000 + ".pdf.hta", "application/pdf")
    assert name.endswith(".pdf") and len(name) <= 120
    assert safe_name("a." + "b" * 300, "image/png").endswith(".png")


def _download_name(client, melding):
    bijlage = melding.bijlagen.get()
    response = client.get(
        reverse("wagtail_vertrouwen_inbox:download", args=[melding.pk, bijlage.pk])
    )
    assert response.status_code == 200
    found = re.search(r'filename="?([^";]+)"?', response["Content-Disposition"])
    return found.group(1)


def test_a_pdf_named_like_a_program_downloads_as_a_pdf(form, recipient):
    response = send(Client(), form, files=[upload("verklaring.bat", pdf("inhoud"))])
    assert response.status_code == 200
    assert _download_name(enter(Client(), recipient), Melding.objects.get()) == "verklaring.pdf"


def test_a_name_stored_before_the_fix_downloads_safely(form, recipient):
    """Meldingen stored before names were made safe keep their old name in the encrypted
    metadata; the download applies the same rule."""
    data = pdf("oud")
    old = Upload(name="oud.hta", content_type="application/pdf", size=len(data), file=BytesIO(data))
    melding = submit(form, form.get_site(), answers(), [old])
    assert _download_name(enter(Client(), recipient), melding) == "oud.pdf"


# 6. A retry after a failure works; a replay after success does not -------------------------


def test_a_retry_after_a_fault_stores_the_melding_once(form, recipient, monkeypatch):
    client = Client()
    solved = page_challenge(client, form)
    with monkeypatch.context() as patch:
        patch.setattr(Melding, "save", _broken_save)
        failed = send(client, form, challenge=solved, wat="Eerste poging")
    assert failed.status_code == 500 and "Eerste poging" in failed.content.decode()
    retry = send(client, form, challenge=solved, wat="Eerste poging")
    assert retry.status_code == 200, retry.content.decode()[-3000:]
    assert Melding.objects.count() == 1
    replay = send(client, form, challenge=solved, wat="Eerste poging")
    assert replay.status_code == 400
    assert message(REFUSALS[REPLAYED]) in replay.content.decode()
    assert Melding.objects.count() == 1


def test_a_retry_after_a_fault_works_on_the_api(form, recipient, monkeypatch):
    client = Client()
    solved = solve(client.get(api_url(form)).json()["challenge"])
    body = json.dumps({**answers(), "challenge": solved})
    with monkeypatch.context() as patch:
        patch.setattr(Melding, "save", _broken_save)
        failed = client.post(api_url(form), body, content_type="application/json")
    assert failed.status_code == 500
    assert client.post(api_url(form), body, content_type="application/json").status_code == 201
    replay = client.post(api_url(form), body, content_type="application/json")
    assert replay.status_code == 400 and "challenge" in replay.json()["errors"]
    assert Melding.objects.count() == 1


def test_a_retry_after_the_hourly_limit_works_in_the_next_hour(
    form, recipient, settings, monkeypatch
):
    settings.WAGTAIL_VERTROUWEN_RATE_LIMIT_PER_HOUR = 1
    client = Client()
    assert send(client, form, wat="Eerste").status_code == 200
    solved = page_challenge(client, form)
    busy = send(client, form, challenge=solved, wat="Tweede")
    assert busy.status_code == 429 and "Tweede" in busy.content.decode()
    later = timezone.now() + timedelta(hours=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    retry = send(client, form, challenge=solved, wat="Tweede")
    assert retry.status_code == 200, retry.content.decode()[-3000:]
    assert Melding.objects.count() == 2


def test_a_refused_melding_gives_its_slot_back(form, recipient, settings, monkeypatch):
    """A melding that could not be stored does not count against the hour's limit."""
    settings.WAGTAIL_VERTROUWEN_RATE_LIMIT_PER_HOUR = 1
    client = Client()
    with monkeypatch.context() as patch:
        patch.setattr(Melding, "save", _broken_save)
        assert send(client, form).status_code == 500
    assert send(client, form).status_code == 200


def test_a_solution_being_stored_is_not_stored_twice(form, recipient):
    """Two requests with the same solution at once (a double click): while one stores, the
    other is told so and stores nothing; once the first is done, the solution is used."""
    client = Client()
    solved = page_challenge(client, form)
    assert challenge.claim(solved)  # the first request, still storing
    second = send(client, form, challenge=solved, wat="Dubbel")
    assert second.status_code == 409 and "Dubbel" in second.content.decode()
    assert message(form_views.REFUSALS["in_progress"]) in second.content.decode()
    assert not Melding.objects.exists()
    challenge.release(solved)  # the first request failed: the solution is free again
    assert send(client, form, challenge=solved).status_code == 200
    assert not challenge.claim(solved) or challenge.is_used(solved)


# 7. The browser keeps nothing in its autofill store ---------------------------------------


class _Fields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.form = None
        self.fields = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "vw-form" in (attrs.get("class") or ""):
            self.form = attrs
        elif tag in {"input", "textarea", "select"} and attrs.get("name"):
            self.fields.setdefault(attrs["name"], attrs)


def test_the_browser_is_asked_to_remember_nothing(form, recipient):
    parser = _Fields()
    parser.feed(Client().get(form.url, **host(form)).content.decode())
    assert parser.form is not None and parser.form.get("autocomplete") == "off"
    for name in (
        "naam",
        "email",
        "telefoon",
        "wanneer",
        "betrokkenen",
        "wat",
        "wens",
        "bevestiging_email",
    ):
        assert parser.fields[name].get("autocomplete") == "off", name


# 9. A crafted proof-of-work payload is a clear 400 ----------------------------------------


def _crafted(client, page, **change):
    """A real solution of a fresh challenge, with fields replaced."""
    document = json.loads(base64.b64decode(page_challenge(client, page)))
    document.update(change)
    return base64.b64encode(json.dumps(document).encode()).decode()


CRAFTED = [
    {"salt": 12345},
    {"salt": ["a", "b"]},
    {"salt": {"expires": "1"}},
    {"salt": None},
    {"challenge": None},
    {"challenge": ["x"]},
    {"number": "zeven"},
    {"number": None},
    {"algorithm": ["SHA-256"]},
    {"signature": {"a": 1}},
    {"salt": "abc?expires=99999999999999999999999999999"},
]


@pytest.mark.parametrize("change", CRAFTED, ids=[json.dumps(c) for c in CRAFTED])
def test_a_crafted_payload_on_the_page_is_a_clear_400(form, recipient, change):
    client = Client(raise_request_exception=False)
    crafted = _crafted(client, form, **change)
    response = send(client, form, challenge=crafted, wat="Mijn tekst blijft")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Mijn tekst blijft" in html
    assert message(melding_form.CHALLENGE_INVALID) in html
    assert not Melding.objects.exists()


@pytest.mark.parametrize(
    "payload",
    [
        base64.b64encode(b"[1, 2, 3]").decode(),
        base64.b64encode(b'"tekst"').decode(),
        base64.b64encode(b"null").decode(),
        base64.b64encode(b"\xff\xfe").decode(),
    ],
)
def test_payloads_that_are_no_object_are_a_clear_400(form, recipient, payload):
    response = send(Client(raise_request_exception=False), form, challenge=payload, wat="Blijft")
    assert response.status_code == 400 and "Blijft" in response.content.decode()
    assert not Melding.objects.exists()


@pytest.mark.parametrize("change", CRAFTED, ids=[json.dumps(c) for c in CRAFTED])
def test_a_crafted_payload_on_the_api_is_a_clear_400(form, recipient, change):
    client = Client(raise_request_exception=False)
    document = client.get(api_url(form)).json()["challenge"]
    solution = json.loads(base64.b64decode(solve(document)))
    solution.update(change)
    crafted = base64.b64encode(json.dumps(solution).encode()).decode()
    response = client.post(
        api_url(form),
        json.dumps({**answers(), "challenge": crafted}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["errors"]["challenge"] == [str(api_views.CHALLENGE_INVALID)]
    assert not Melding.objects.exists()


# 10. A stale CSRF token does not lose the melding ----------------------------------------


@pytest.mark.parametrize("token", [None, "x" * 64])
def test_a_stale_or_missing_csrf_token_loses_nothing(form, recipient, token):
    client = Client(enforce_csrf_checks=True)
    data = {**answers(wat="Na een uur typen"), "challenge": page_challenge(client, form)}
    if token is not None:
        client.cookies["csrftoken"] = "y" * 32
        data["csrfmiddlewaretoken"] = token
    response = client.post(submit_url(form), data, **host(form))
    assert response.status_code == 200, response.content.decode()[:500]
    assert Melding.objects.count() == 1


def test_the_page_sets_no_csrf_cookie(form, recipient):
    """The page needs no CSRF token any more, so it sets no cookie on the melder's device."""
    response = Client().get(form.url, **host(form))
    assert "csrftoken" not in response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


# Attachments that are too large together, too many, or a decompression bomb -------------------


def noise_jpeg(minimum):
    side = 100
    while True:
        image = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
        buffer = BytesIO()
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


def test_files_over_the_total_are_refused_not_cut_off(form, recipient, settings):
    settings.WAGTAIL_VERTROUWEN_ATTACHMENT_MAX_BYTES = 400_000
    settings.WAGTAIL_VERTROUWEN_ATTACHMENTS_TOTAL_MAX_BYTES = 500_000
    first, second = noise_jpeg(300_000)[:390_000], noise_jpeg(300_000)[:390_000]
    response = send(Client(), form, files=[upload("a.jpg", first), upload("b.jpg", second)])
    assert response.status_code == 400 and "samen" in response.content.decode()
    assert not Melding.objects.exists()


def test_a_decompression_bomb_is_refused_with_a_message(form, recipient):
    response = send(Client(), form, files=[upload("bom.png", bomb_png())], wat="Blijft")
    assert response.status_code == 400
    assert "geen foto" in response.content.decode() and "Blijft" in response.content.decode()


def test_more_files_than_django_accepts_gets_our_message(form, recipient):
    response = send(Client(), form, files=[upload(f"f{i}.png", png()) for i in range(101)])
    assert response.status_code == 400
    assert "hoogstens 5" in response.content.decode()
