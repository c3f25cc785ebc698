"""The melder's mailbox, headless (issue 9, item 7): log in with the code, read, reply, add
files, tell one's name, log out; the same throttling and confidentiality as the pages."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from openapi_spec_validator import validate

from wagtail_vertrouwen.channel.models import (
    AuditAction,
    AuditEntry,
    Bijlage,
    MailboxSession,
    Melding,
    Message,
    MessageKind,
)
from wagtail_vertrouwen.channel.services import conversation, mailbox

from .channel import answers, nl, pdf, png, solve, upload
from .factories import make_form, make_vp
from .mailbox import send_melding


def url(form, name="api_mailbox", *args):
    return reverse(f"wagtail_vertrouwen:{name}", args=[form.pk, *args])


def login_challenge(client, form):
    response = client.get(url(form, "api_mailbox_login"))
    assert response.status_code == 200
    return solve(response.json()["challenge"])


def api_log_in(client, form, code, expect=201):
    response = client.post(
        url(form, "api_mailbox_login"),
        {"code": code, "challenge": login_challenge(client, form)},
        content_type="application/json",
    )
    assert response.status_code == expect, response.content
    return response.json()


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def session(form, **overrides):
    """A melding sent through the API, and a logged-in token for it."""
    client = Client()
    code = send_melding(form, **overrides)
    token = api_log_in(client, form, code)["token"]
    return client, code, token


def post_json(client, form, token, payload):
    return client.post(
        url(form, "api_mailbox_messages"),
        json.dumps(payload),
        content_type="application/json",
        **bearer(token),
    )


def reply_challenge(client, form, token):
    return solve(client.get(url(form), **bearer(token)).json()["challenge"])


# Sending: the code in the response ----------------------------------------------------------


def test_the_submit_api_returns_the_code_and_where_to_use_it(melding_form):
    client = Client()
    challenge = solve(
        client.get(reverse("wagtail_vertrouwen:api_melding_submit", args=[melding_form.pk])).json()[
            "challenge"
        ]
    )
    response = client.post(
        reverse("wagtail_vertrouwen:api_melding_submit", args=[melding_form.pk]),
        json.dumps({**answers(), "challenge": challenge}),
        content_type="application/json",
    )
    assert response.status_code == 201
    data = response.json()
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", data["code"])
    assert data["mailbox_url"] == f"http://school.test/vertrouwen/postvak/{melding_form.pk}/"
    assert data["mailbox_api_url"].endswith(url(melding_form))
    assert "no-store" in response["Cache-Control"]
    assert mailbox.open_with_code(melding_form.translation_key, data["code"]).melding
    # A repeat of the same request gets no code again.
    again = client.post(
        reverse("wagtail_vertrouwen:api_melding_submit", args=[melding_form.pk]),
        json.dumps({**answers(), "challenge": challenge}),
        content_type="application/json",
    )
    assert again.status_code == 400 and "code" not in again.json()
    assert again.json()["errors"]["challenge"] == [
        nl(
            "This melding was already sent; nothing was sent twice. Its code was in the "
            "response to the first request and cannot be given again."
        )
    ]
    assert Melding.objects.count() == 1


# Logging in and out -------------------------------------------------------------------------


def test_login_gives_a_token_and_sets_no_cookie(melding_form):
    client = Client()
    code = send_melding(melding_form)
    response = client.post(
        url(melding_form, "api_mailbox_login"),
        {"code": code.replace(" ", "-"), "challenge": login_challenge(client, melding_form)},
        content_type="application/json",
    )
    assert response.status_code == 201
    data = response.json()
    assert set(data) == {"token", "expires", "idle_expires", "idle_seconds"}
    assert not response.cookies and "no-store" in response["Cache-Control"]
    assert MailboxSession.objects.count() == 1
    assert AuditEntry.objects.filter(action=AuditAction.MAILBOX_OPENED).count() == 1


def test_a_wrong_code_is_403_with_a_new_challenge(melding_form):
    code = send_melding(melding_form)
    wrong = ("1" if code[0] != "1" else "2") + code[1:]
    data = api_log_in(Client(), melding_form, wrong, expect=403)
    assert "code" in data["errors"] and set(data["challenge"]) >= {"salt", "maxnumber"}
    assert AuditEntry.objects.filter(action=AuditAction.MAILBOX_CODE_FAILED).count() == 1


@pytest.mark.parametrize(
    ("body", "content_type", "status", "field"),
    [
        (b"{kapot", "application/json", 400, "__all__"),
        (b"[1, 2]", "application/json", 400, "__all__"),
        (b'{"code": 1234, "challenge": "x"}', "application/json", 400, "code"),
        (b'{"code": "abc", "challenge": "x"}', "application/json", 400, "code"),
        (b'{"code": "1234 5678 9012 3456"}', "application/json", 400, "challenge"),
        (b'{"code": "1234 5678 9012 3456", "challenge": "eA=="}', "application/json", 400, None),
        (b"code=1", "text/plain", 415, "__all__"),
    ],
)
def test_bad_logins_are_clear_errors(melding_form, body, content_type, status, field):
    response = Client().post(
        url(melding_form, "api_mailbox_login"), body, content_type=content_type
    )
    assert response.status_code == status
    if field:
        assert field in response.json()["errors"]
    assert not MailboxSession.objects.exists()


def test_logout_ends_the_session(melding_form):
    client, _code, token = session(melding_form)
    response = client.post(url(melding_form, "api_mailbox_logout"), **bearer(token))
    assert response.status_code == 204 and not MailboxSession.objects.exists()
    assert client.get(url(melding_form), **bearer(token)).status_code == 401
    assert client.post(url(melding_form, "api_mailbox_logout")).status_code == 204


def test_methods_and_missing_forms(melding_form):
    client = Client()
    assert client.delete(url(melding_form)).status_code == 405
    assert client.get(url(melding_form, "api_mailbox_logout")).status_code == 405
    missing = reverse("wagtail_vertrouwen:api_mailbox", args=[999999])
    assert client.get(missing).status_code == 404


# Reading ------------------------------------------------------------------------------------


def test_reading_gives_the_melding_status_deadlines_messages_readers_and_files(melding_form, vp):
    client, code, token = session(
        melding_form, wat="Via de API LEESBAAR", files=[upload("brief.pdf", pdf("PDF"))]
    )
    opened = mailbox.open_with_code(melding_form.translation_key, code)
    question = conversation.post(opened.melding, opened.content_key, text="Een vraag", author=vp)
    response = client.get(url(melding_form), **bearer(token))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    data = response.json()
    what = {"name": "wat", "label": nl("What happened?"), "value": "Via de API LEESBAAR"}
    assert what in data["melding"]["answers"]
    assert "_excluded" not in json.dumps(data)
    [file] = data["melding"]["attachments"]
    assert file["name"] == "brief.pdf" and file["content_type"] == "application/pdf"
    assert data["status"]["value"] == "ontvangen"
    assert data["deadlines"]["acknowledge_by"] and data["deadlines"]["acknowledged_at"]
    [message] = data["messages"]
    assert message["text"] == "Een vraag" and not message["from_melder"]
    assert message["author"] == "Fatima El Amrani (vertrouwenspersoon@school.test)"
    assert data["readers"] == [
        {"name": "Fatima El Amrani (vertrouwenspersoon@school.test)", "since": None}
    ]
    assert data["notice"] is False and "challenge" in data
    question.refresh_from_db()
    assert question.read_at is not None  # read by the melder: the inbox can tell
    download = client.get(file["url"], **bearer(token))
    assert download.status_code == 200 and b"".join(download.streaming_content) == pdf("PDF")
    assert download["Content-Security-Policy"] == "default-src 'none'; sandbox"


@pytest.mark.parametrize(
    "header",
    [None, "Bearer ", "Bearer x", "Bearer a.b", "Basic dXNlcjpwdw==", "Bearer é.é", "Bearer ..."],
)
def test_without_a_valid_token_nothing_is_read(melding_form, header):
    client, _code, _token = session(melding_form, wat="GEHEIM")
    extra = {"HTTP_AUTHORIZATION": header} if header is not None else {}
    response = client.get(url(melding_form), **extra)
    assert response.status_code == 401 and "GEHEIM" not in response.content.decode()
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_token_of_form_a_reads_nothing_at_form_b(melding_form):
    client, _code, token = session(melding_form, wat="Op A")
    other = make_form(melding_form.get_parent(), title="Formulier B", slug="formulier-b")
    make_vp("vp-b", other)
    assert client.get(url(other), **bearer(token)).status_code == 401


def test_a_token_of_melding_a_cannot_fetch_a_file_of_melding_b(melding_form):
    client, _code, token = session(melding_form, files=[upload("a.png", png("A"))])
    mine = Bijlage.objects.get()
    send_melding(melding_form, files=[upload("b.png", png("B"))])
    theirs = Bijlage.objects.exclude(pk=mine.pk).get()
    response = client.get(url(melding_form, "api_mailbox_download", theirs.pk), **bearer(token))
    assert response.status_code == 404 and b"PNG" not in response.content
    assert client.get(url(melding_form, "api_mailbox_download", mine.pk), **bearer(token))
    unknown = "00000000-0000-0000-0000-000000000000"
    assert (
        client.get(url(melding_form, "api_mailbox_download", unknown), **bearer(token)).status_code
        == 404
    )
    assert client.get(url(melding_form, "api_mailbox_download", mine.pk)).status_code == 401


# Writing ------------------------------------------------------------------------------------


def test_a_json_reply_is_stored(melding_form, vp, django_capture_on_commit_callbacks):
    client, _code, token = session(melding_form)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_json(
            client,
            melding_form,
            token,
            {"text": "Antwoord via API", "challenge": reply_challenge(client, melding_form, token)},
        )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["message"]["text"] == "Antwoord via API" and data["message"]["from_melder"]
    assert "challenge" in data
    assert Message.objects.get().from_melder


def test_a_multipart_reply_with_a_photo_is_stored(melding_form):
    client, _code, token = session(melding_form)
    response = client.post(
        url(melding_form, "api_mailbox_messages"),
        {
            "text": "Met foto",
            "challenge": reply_challenge(client, melding_form, token),
            "bijlagen": [upload("foto.png", png("FOTO"))],
        },
        **bearer(token),
    )
    assert response.status_code == 201, response.content
    [file] = response.json()["message"]["attachments"]
    assert file["name"] == "foto.png"
    download = client.get(file["url"], **bearer(token))
    assert b"".join(download.streaming_content) == png("FOTO")


def test_identity_through_the_api(melding_form):
    client, code, token = session(melding_form)
    refused = post_json(
        client,
        melding_form,
        token,
        {
            "kind": "identity",
            "details": {},
            "challenge": reply_challenge(client, melding_form, token),
        },
    )
    assert refused.status_code == 400 and "naam" in refused.json()["errors"]
    response = post_json(
        client,
        melding_form,
        token,
        {
            "kind": "identity",
            "details": {"naam": "Sam", "email": "sam@example.org"},
            "challenge": reply_challenge(client, melding_form, token),
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["message"]["details"] == {"naam": "Sam", "email": "sam@example.org"}
    assert Message.objects.get().kind == MessageKind.IDENTITY


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "   "}, "text"),
        ({"text": "x" * 10_001}, "text"),
        ({"text": ["lijst"]}, "text"),
        ({"text": "ik \ud83d schrijf"}, "text"),
        ({"text": "Zonder controle", "challenge": None}, "challenge"),
        ({"text": "Kapotte controle", "challenge": "bm9wZQ=="}, "challenge"),
        ({"kind": "brief", "text": "x"}, "kind"),
        ({"kind": "identity", "details": "Sam"}, "details"),
        ({"kind": "identity", "details": {"naam": 5}}, "naam"),
    ],
)
def test_bad_replies_are_clear_400s(melding_form, payload, field):
    client, _code, token = session(melding_form)
    payload = {"challenge": reply_challenge(client, melding_form, token), **payload}
    if payload["challenge"] is None:
        del payload["challenge"]
    response = post_json(client, melding_form, token, payload)
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]
    assert not Message.objects.exists()


def test_a_disguised_file_is_refused(melding_form):
    client, _code, token = session(melding_form)
    response = client.post(
        url(melding_form, "api_mailbox_messages"),
        {
            "text": "x",
            "challenge": reply_challenge(client, melding_form, token),
            "bijlagen": [upload("foto.png", b"MZ\x90\x00" + b"\x00" * 100)],
        },
        **bearer(token),
    )
    assert response.status_code == 400 and "bijlagen" in response.json()["errors"]
    assert not Message.objects.exists() and not Bijlage.objects.filter(message__isnull=False)


def test_a_replayed_reply_is_stored_once_and_two_clients_both_land(melding_form):
    client, _code, token = session(melding_form)
    first, second = (reply_challenge(client, melding_form, token) for _ in range(2))
    assert (
        post_json(client, melding_form, token, {"text": "A", "challenge": first}).status_code == 201
    )
    replay = post_json(client, melding_form, token, {"text": "A", "challenge": first})
    assert replay.status_code == 400 and "challenge" in replay.json()["errors"]
    assert (
        post_json(client, melding_form, token, {"text": "B", "challenge": second}).status_code
        == 201
    )
    assert list(Message.objects.values_list("position", flat=True)) == [0, 1]


def test_a_reply_without_a_session_or_to_a_deleted_melding(melding_form, monkeypatch):
    client, _code, token = session(melding_form)
    challenge = reply_challenge(client, melding_form, token)
    unauthorised = post_json(client, melding_form, "x.y", {"text": "a", "challenge": challenge})
    assert unauthorised.status_code == 401
    stale = mailbox.session_for(token)
    Melding.objects.all().delete()
    monkeypatch.setattr(mailbox, "session_for", lambda token: stale)
    gone = post_json(client, melding_form, token, {"text": "Te laat", "challenge": challenge})
    assert gone.status_code == 410 and "__all__" in gone.json()["errors"]


def test_wrong_content_types_and_broken_json(melding_form):
    client, _code, token = session(melding_form)
    broken = client.post(
        url(melding_form, "api_mailbox_messages"),
        b"{kapot",
        content_type="application/json",
        **bearer(token),
    )
    assert broken.status_code == 400
    plain = client.post(
        url(melding_form, "api_mailbox_messages"), b"x", content_type="text/plain", **bearer(token)
    )
    assert plain.status_code == 415


# The document -------------------------------------------------------------------------------


def test_the_openapi_document_describes_the_mailbox_and_stays_valid():
    document = Client().get(reverse("wagtail_vertrouwen:api_openapi")).json()
    validate(document)
    paths = document["paths"]
    assert {
        "/api/postvak/{page_id}/login",
        "/api/postvak/{page_id}/logout",
        "/api/postvak/{page_id}/",
        "/api/postvak/{page_id}/berichten/",
        "/api/postvak/{page_id}/bijlagen/{bijlage_id}/",
    } <= set(paths)
    login = paths["/api/postvak/{page_id}/login"]
    assert {"201", "400", "403", "404", "409", "413", "415"} <= set(login["post"]["responses"])
    messages = paths["/api/postvak/{page_id}/berichten/"]["post"]["responses"]
    assert {"201", "400", "401", "404", "409", "410", "413", "415", "500"} <= set(messages)
    assert paths["/api/postvak/{page_id}/"]["get"]["security"] == [{"mailbox": []}]
    received = paths["/api/meldingen/{page_id}/"]["post"]["responses"]["201"]
    schema = received["content"]["application/json"]["schema"]
    assert {"code", "mailbox_url"} <= set(schema["required"])
