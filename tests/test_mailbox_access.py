"""The access matrix of the conversation (issue 9, "What must be shown"): every inbox URL the
mailbox added (reply, melder status, next contact, grant, handover, unreadable) besides the old
ones, and every URL of the melder's mailbox and its API, tried by everyone who must not read
melding A: a wrong code, another melding's code, a code of another form, an editor, a
superuser with OTP, a vertrouwenspersoon of another school, one designated after the melding,
the one the melder excluded, the rightful recipient without OTP or with her key locked, and
anonymous. None of them reads anything of it (its marker is in no response: not its text,
messages, shared name, file names or file bytes) and none changes anything of it.

Each visitor gets real credentials for what they try: valid proofs of work, their own mailbox
session and form token, the CSRF exemption of Django's test client. The rightful recipient and
the melder with the right code read the marker through the same URLs (the control)."""

import io
import json

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from wagtail_vertrouwen.channel.forms.melding import recipient_token
from wagtail_vertrouwen.channel.forms.uploads import Upload
from wagtail_vertrouwen.channel.models import (
    AuditEntry,
    Bijlage,
    MailboxSession,
    Melding,
    MeldingAccess,
    Message,
    MessageKind,
)
from wagtail_vertrouwen.channel.services import challenge, conversation, guard, mailbox

from .channel import enter, pdf, png, send, solve, upload
from .factories import admin, make_form, make_school
from .mailbox import browser, challenges, code_on, form_token, log_in, send_melding

MARKER = "MATRIXMARKER4K"
INTRUDER = "INDRINGER"


# The set-up ------------------------------------------------------------------------------------


def editor():
    """A web editor who edits and publishes the schools' pages (Wagtail's Editors group)."""
    user = User.objects.create_user("redacteur", "redacteur@school.test", "x")
    group, _created = Group.objects.get_or_create(name="Editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def superuser_with_otp():
    """A superuser whose session passed django-otp with her own TOTP device."""
    user = admin()
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    response = client.get("/admin/")
    assert response.wsgi_request.user.is_verified()
    return client


@pytest.fixture
def world(melding_form, vp, make_recipient):
    """Melding A (marked, with a conversation both ways and files on both sides) kept away
    from ``excluded``; melding B of the same form; melding C of another school's form."""
    excluded = make_recipient("uitgesloten_vp", form=melding_form)
    response = send(
        Client(),
        melding_form,
        files=[upload(f"{MARKER}-foto.png", png(f"{MARKER}-bytes"))],
        wat=f"Verhaal {MARKER}",
        niet_naar=recipient_token(excluded),
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    code_a = code_on(response)
    melding = Melding.objects.get()
    box = mailbox.open_with_code(melding_form.translation_key, code_a)
    conversation.post(
        melding,
        box.content_key,
        text=f"Vraag {MARKER}",
        uploads=[_upload(f"{MARKER}-vp.pdf", pdf(f"{MARKER}-vp"), "application/pdf")],
        author=vp,
    )
    conversation.post(
        melding,
        box.content_key,
        text=f"Antwoord {MARKER}",
        uploads=[_upload(f"{MARKER}-melder.png", png(f"{MARKER}-melder"), "image/png")],
    )
    conversation.post(
        melding, box.content_key, kind=MessageKind.IDENTITY, details={"naam": f"Naam {MARKER}"}
    )
    code_b = send_melding(melding_form, wat="Een ander verhaal")
    other_form = make_form(make_school("tweede.test", "OBS Tweede"))
    second = make_recipient("tweede_vp", form=other_form)
    code_c = send_melding(other_form, wat="Verhaal van een andere school")
    later = make_recipient("later_vp", form=melding_form)
    assert Bijlage.objects.filter(melding=melding).count() == 3
    return {
        "form": melding_form,
        "other_form": other_form,
        "melding": melding,
        "codes": {"a": code_a, "b": code_b, "c": code_c},
        "vp": vp,
        "excluded": excluded,
        "second": second,
        "later": later,
    }


def _upload(name, data, content_type):
    return Upload(name=name, content_type=content_type, size=len(data), file=io.BytesIO(data))


def state(melding):
    """Everything of melding A that someone could change, and who can read it."""
    melding = Melding.objects.get(pk=melding.pk)
    return {
        "fields": {
            name: getattr(melding, name)
            for name in (
                "status",
                "melder_status",
                "next_contact_by",
                "waiting_since",
                "acknowledged_at",
                "feedback_at",
                "purge_after",
            )
        },
        "content": bytes(melding.content),
        "notice": bytes(melding.melder_notice) if melding.melder_notice else None,
        "messages": list(
            Message.objects.filter(melding=melding)
            .order_by("position")
            .values_list("pk", "read_at", "body")
        ),
        "files": sorted(Bijlage.objects.filter(melding=melding).values_list("pk", "storage_name")),
        "access": sorted(
            MeldingAccess.objects.values_list("melding", "recipient", "sealed_to", "note")
        ),
        "sessions": MailboxSession.objects.filter(melding=melding).count(),
        "audit": list(
            AuditEntry.objects.filter(melding_id=melding.pk)
            .order_by("pk")
            .values_list("action", "actor", "detail")
        ),
    }


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def unmarked(response, *where):
    assert response.status_code != 500, where
    assert MARKER.encode() not in body(response), (*where, response.status_code)
    assert MARKER.lower().encode() not in body(response), where


# The inbox ---------------------------------------------------------------------------------------


def inbox_requests(world):
    """Every URL of the inbox with what a visitor would send to it."""
    melding = world["melding"]
    files = list(Bijlage.objects.filter(melding=melding).order_by("message__position"))

    def url(name, *args):
        return reverse(f"wagtail_vertrouwen_inbox:{name}", args=args)

    def posted():
        return {
            "status": "afgesloten",
            "note": INTRUDER,
            "confirm": "on",
            "text": INTRUDER,
            "bijlagen": [upload("indringer.png", png(INTRUDER))],
            "melder_status": "afgerond",
            "next_contact_by": "2031-01-01",
            "colleague": str(world["excluded"].pk),
            "give_up": "on",
        }

    pk = melding.pk
    own = [
        ("get", url("index")),
        ("get", url("audit_log")),
        ("get", url("handover")),
        ("post", url("handover")),
        ("get", url("unreadable")),
    ]
    of_the_melding = [
        ("get", url("detail", pk)),
        ("get", url("export", pk)),
        *[("get", url("download", pk, bijlage.pk)) for bijlage in files],
        ("post", url("status", pk)),
        ("post", url("note", pk)),
        ("post", url("reply", pk)),
        ("post", url("melder_status", pk)),
        ("post", url("next_contact", pk)),
        ("get", url("grant", pk)),
        ("post", url("grant", pk)),
        ("post", url("delete", pk)),
    ]
    return own, of_the_melding, posted


def inbox_visitors(world):
    """Everyone who must not read melding A in the inbox, each with their own session."""
    visitors = {"anonymous": Client(), "editor": Client()}
    visitors["editor"].force_login(editor())
    visitors["superuser with OTP"] = superuser_with_otp()
    visitors["vertrouwenspersoon of another school"] = enter(Client(), world["second"])
    visitors["vertrouwenspersoon designated later"] = enter(Client(), world["later"])
    visitors["excluded vertrouwenspersoon"] = enter(Client(), world["excluded"])
    visitors["recipient without OTP"] = enter(Client(), world["vp"], otp=False, unlocked=False)
    visitors["recipient with OTP, key locked"] = enter(Client(), world["vp"], unlocked=False)
    return visitors


RECIPIENTS = {
    "vertrouwenspersoon of another school",
    "vertrouwenspersoon designated later",
    "excluded vertrouwenspersoon",
}


def test_the_inbox_matrix(world):
    melding = world["melding"]
    own, of_the_melding, posted = inbox_requests(world)
    visitors = inbox_visitors(world)
    before = state(melding)
    for who, client in visitors.items():
        for method, url in own + of_the_melding:
            response = client.post(url, posted()) if method == "post" else client.get(url)
            unmarked(response, who, method, url)
            status = response.status_code
            if who == "anonymous":
                assert status == 302 and "/admin/login/" in response["Location"], (url, status)
            elif who in RECIPIENTS and (method, url) in own:
                # Their own inbox, log, handover and unreadable list: theirs, without A.
                assert status in (200, 302, 400), (who, method, url, status)
            elif who == "recipient with OTP, key locked" and url.endswith("/unreadable/"):
                assert status == 200  # metadata of unreadable meldingen only, needs no key
            else:
                assert status in (403, 404), (who, method, url, status)
    assert state(melding) == before

    # The control: the rightful recipient reads the marker through the same URLs.
    reader = enter(Client(), world["vp"])
    for _method, url in of_the_melding[:5]:
        response = reader.get(url)
        assert response.status_code == 200, url
        assert MARKER.encode() in body(response), url


# The mailbox and its API ---------------------------------------------------------------------


def mailbox_url(form, name="mailbox", *args):
    return reverse(f"wagtail_vertrouwen:{name}", args=[form.pk, *args])


def reply_pow() -> str:
    return solve(challenge.new_challenge())


def login_pow(form) -> str:
    return solve(guard.new_challenge(form.translation_key))


class Melder:
    """A visitor of the mailbox: a browser (cookie) and an API client (bearer token)."""

    def __init__(self, form, client=None, code=""):
        self.form = form
        self.page = client or browser(form)
        self.api = Client()
        self.token = ""
        self.code = code

    def log_in_page(self, form=None):
        form = form or self.form
        return self.page.post(mailbox_url(form), {"code": self.code, "challenge": login_pow(form)})

    def log_in_api(self, form=None):
        form = form or self.form
        response = self.api.post(
            mailbox_url(form, "api_mailbox_login"),
            {"code": self.code, "challenge": login_pow(form)},
            content_type="application/json",
        )
        if response.status_code == 201:
            self.token = response.json()["token"]
        return response

    def headers(self):
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}


def mailbox_requests(world, melder):
    """Every URL of the mailbox and its API, as this visitor would send to it (the form token
    of their own session, where they have one; fresh proofs of work)."""
    form = world["form"]
    files = list(Bijlage.objects.filter(melding=world["melding"]))

    def token():
        """The form token of the visitor's session now (if they have one)."""
        page = melder.page.get(mailbox_url(form)).content.decode()
        return form_token(page) if 'name="form_token"' in page else "x"

    pages = [
        ("page: mailbox", lambda: melder.page.get(mailbox_url(form))),
        ("page: log in", melder.log_in_page),
        (
            "page: reply",
            lambda: melder.page.post(
                mailbox_url(form, "mailbox_reply"),
                {
                    "text": INTRUDER,
                    "bijlagen": [upload("indringer.png", png(INTRUDER))],
                    "challenge": reply_pow(),
                    "form_token": token(),
                },
            ),
        ),
        (
            "page: identity",
            lambda: melder.page.post(
                mailbox_url(form, "mailbox_identity"),
                {"naam": INTRUDER, "challenge": reply_pow(), "form_token": token()},
            ),
        ),
        (
            "page: notice",
            lambda: melder.page.post(
                mailbox_url(form, "mailbox_notice"),
                {"email": "indringer@example.org", "form_token": token()},
            ),
        ),
        *[
            (
                f"page: download {bijlage.pk}",
                lambda bijlage=bijlage: melder.page.get(
                    mailbox_url(form, "mailbox_download", bijlage.pk)
                ),
            )
            for bijlage in files
        ],
    ]
    api = [
        ("api: challenge", lambda: melder.api.get(mailbox_url(form, "api_mailbox_login"))),
        ("api: log in", melder.log_in_api),
        ("api: read", lambda: melder.api.get(mailbox_url(form, "api_mailbox"), **melder.headers())),
        (
            "api: message",
            lambda: melder.api.post(
                mailbox_url(form, "api_mailbox_messages"),
                json.dumps({"text": INTRUDER, "challenge": reply_pow()}),
                content_type="application/json",
                **melder.headers(),
            ),
        ),
        (
            "api: identity",
            lambda: melder.api.post(
                mailbox_url(form, "api_mailbox_messages"),
                json.dumps(
                    {"kind": "identity", "details": {"naam": INTRUDER}, "challenge": reply_pow()}
                ),
                content_type="application/json",
                **melder.headers(),
            ),
        ),
        *[
            (
                f"api: download {bijlage.pk}",
                lambda bijlage=bijlage: melder.api.get(
                    mailbox_url(form, "api_mailbox_download", bijlage.pk), **melder.headers()
                ),
            )
            for bijlage in files
        ],
    ]
    endings = [
        (
            "api: log out",
            lambda: melder.api.post(mailbox_url(form, "api_mailbox_logout"), **melder.headers()),
        ),
        ("page: log out", lambda: melder.page.post(mailbox_url(form, "mailbox_logout"))),
    ]
    return pages + api + endings


def wrong_code(world) -> str:
    codes = {code.replace(" ", "") for code in world["codes"].values()}
    return next(c for c in ("1111222233334444", "4444333322221111") if c not in codes)


def mailbox_visitors(world):
    """Everyone who must not read melding A in the mailbox, logged in as far as they can."""
    form, other_form = world["form"], world["other_form"]
    codes = world["codes"]
    visitors = {"anonymous": Melder(form)}

    wrong = Melder(form, code=wrong_code(world))
    assert wrong.log_in_page().status_code == 403
    assert wrong.log_in_api().status_code == 403
    visitors["a wrong code"] = wrong

    other = Melder(form, code=codes["b"])
    log_in(other.page, form, codes["b"])
    assert other.log_in_api().status_code == 201
    visitors["another melding's code"] = other

    # A code of another school's form: refused here; its session there opens nothing here.
    foreign = Melder(form, code=codes["c"])
    assert foreign.log_in_page().status_code == 403
    assert foreign.log_in_api().status_code == 403
    there = {"HTTP_HOST": other_form.get_site().hostname}
    foreign.page.get(mailbox_url(other_form), **there)
    started = foreign.page.post(
        mailbox_url(other_form), {"code": codes["c"], "challenge": login_pow(other_form)}, **there
    )
    assert started.status_code == 303 and foreign.page.cookies  # logged in at the other form
    assert foreign.log_in_api(other_form).status_code == 201
    visitors["another form's code"] = foreign

    an_editor = browser(form)
    an_editor.force_login(editor())
    admins = {
        "editor": an_editor,
        "superuser with OTP": superuser_with_otp(),
        "vertrouwenspersoon of another school": enter(browser(form), world["second"]),
        "excluded vertrouwenspersoon": enter(browser(form), world["excluded"]),
        "the recipient herself, without the code": enter(browser(form), world["vp"]),
    }
    for name, client in admins.items():
        client.defaults["HTTP_HOST"] = form.get_site().hostname
        visitors[name] = Melder(form, client)
    return visitors


def test_the_mailbox_matrix(world):
    melding = world["melding"]
    visitors = mailbox_visitors(world)
    a_files = {
        str(pk) for pk in Bijlage.objects.filter(melding=melding).values_list("pk", flat=True)
    }
    before = state(melding)
    for who, melder in visitors.items():
        for name, request in mailbox_requests(world, melder):
            response = request()
            unmarked(response, who, name)
            if "download" in name:
                assert response.status_code in (401, 403, 404), (who, name, response.status_code)
            if name == "api: read" and who != "another melding's code":
                assert response.status_code == 401, (who, response.status_code)
        assert state(melding) == before, who
    assert a_files  # the downloads above asked for each of A's files

    # The control: the melder with A's code reads the marker through the same URLs.
    melder = Melder(world["form"], code=world["codes"]["a"])
    assert melder.log_in_page().status_code == 303
    assert melder.log_in_api().status_code == 201
    page = melder.page.get(mailbox_url(world["form"]))
    assert MARKER.encode() in body(page)
    read = melder.api.get(mailbox_url(world["form"], "api_mailbox"), **melder.headers())
    assert MARKER.encode() in body(read)
    for pk in a_files:
        for response in (
            melder.page.get(mailbox_url(world["form"], "mailbox_download", pk)),
            melder.api.get(
                mailbox_url(world["form"], "api_mailbox_download", pk), **melder.headers()
            ),
        ):
            assert response.status_code == 200 and MARKER.encode() in body(response)


def test_another_melding_s_code_reads_and_changes_only_its_own(world):
    """The visitor with B's code is logged in for real: what they read and send is B's."""
    form = world["form"]
    melder = Melder(form, code=world["codes"]["b"])
    log_in(melder.page, form, world["codes"]["b"])
    page = melder.page.get(mailbox_url(form)).content.decode()
    assert "Een ander verhaal" in page and MARKER not in page
    b = Melding.objects.exclude(pk=world["melding"].pk).get(form=form)
    sent = melder.page.post(
        mailbox_url(form, "mailbox_reply"),
        {"text": INTRUDER, "challenge": solve(challenges(page)[0]), "form_token": form_token(page)},
    )
    assert sent.status_code == 303
    assert Message.objects.filter(melding=b, from_melder=True).count() == 1
    assert Message.objects.filter(melding=world["melding"]).count() == 3
