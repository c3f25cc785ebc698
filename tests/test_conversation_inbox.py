"""The vertrouwenspersoon's side of the conversation (issue 9, items 3 and 5): the messages on
the melding's page, the reply with files, the status the melder sees, the next contact date,
and the urgency mark; every way in through the inbox's gate, CSRF kept, no plaintext on disk."""

import io
import re
from datetime import timedelta

import pytest
from django.core.files import uploadedfile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail_vertrouwen.channel.forms.uploads import Upload
from wagtail_vertrouwen.channel.models import (
    AuditAction,
    AuditEntry,
    Bijlage,
    Melding,
    Message,
    MessageKind,
)
from wagtail_vertrouwen.channel.policy import identity
from wagtail_vertrouwen.channel.services import conversation, mailbox
from wagtail_vertrouwen.channel.services.reading import Reader, delete_melding
from wagtail_vertrouwen.channel.services.submit import submit

from .channel import answers, enter, nl, png, reader, send, upload
from .factories import make_form, make_school, make_vp

MARKER = "GESPREK-7Q4"


def _submit(form, **overrides):
    return submit(form, form.get_site(), answers(wat=f"{MARKER} wat", **overrides))


def melder_key(melding):
    return mailbox.open_with_code(melding.form.translation_key, melding.melder_code).content_key


def from_melder(melding, text, files=(), **kwargs):
    uploads = [
        Upload(name=name, content_type="image/png", size=len(data), file=io.BytesIO(data))
        for name, data in files
    ]
    return conversation.post(melding, melder_key(melding), text=text, uploads=uploads, **kwargs)


def url(name, melding, *args):
    return reverse(f"wagtail_vertrouwen_inbox:{name}", args=[melding.pk, *args])


def csrf_client(user):
    """A recipient's browser that, like a real one, must send the CSRF token."""
    client = enter(Client(), user)
    client.handler.enforce_csrf_checks = True
    return client


def token(client, melding):
    html = client.get(url("detail", melding)).content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


@pytest.fixture
def melding(melding_form):
    return _submit(melding_form)


# The conversation on the melding's page -------------------------------------------------------


def test_the_page_shows_every_message_oldest_first_with_author_time_files_and_read_state(
    melding, vp
):
    photo = png(f"{MARKER}-foto")
    from_melder(melding, "Eerste vraag van de melder", files=[(f"{MARKER}.png", photo)])
    client = enter(Client(), vp)
    assert client.post(url("reply", melding), {"text": "Antwoord van de VP"}).status_code == 302
    from_melder(
        melding,
        "",
        kind=MessageKind.IDENTITY,
        details={"naam": "Sam de Vries", "email": "sam@example.org", "telefoon": "0612345678"},
    )

    page = client.get(url("detail", melding))
    html = page.content.decode()
    assert page.status_code == 200
    texts = [item["text"] for item in page.context["conversation"]]
    assert texts == ["Eerste vraag van de melder", "Antwoord van de VP", ""]
    assert (
        html.index("Eerste vraag") < html.index("Antwoord van de VP") < html.index("Sam de Vries")
    )
    assert nl("The melder") in html and identity(vp) in html
    assert nl("The melder shared:") in html
    for shared in ("Sam de Vries", "sam@example.org", "0612345678"):
        assert shared in html
    assert nl("Not read yet.") in html
    # The melder's file: listed with its message, not among the melding's own attachments,
    # and it comes back byte-identical through the inbox's download.
    own = page.context["bijlagen"]
    assert own == []
    files = page.context["conversation"][0]["bijlagen"]
    assert [b.name for b in files] == [f"{MARKER}.png"]
    link = url("download", melding, files[0].bijlage.pk)
    assert link in html
    download = client.get(link)
    assert download.status_code == 200 and b"".join(download.streaming_content) == photo
    assert AuditEntry.objects.filter(
        action=AuditAction.DOWNLOADED, detail=str(files[0].bijlage.pk)
    ).exists()

    # The melder reads the answer; the recipient then sees when.
    conversation.mark_read(melding, by_melder=True)
    html = client.get(url("detail", melding)).content.decode()
    assert nl("Not read yet.") not in html
    read_at = Message.objects.get(from_melder=False).read_at
    assert read_at is not None
    assert nl("Read by the melder on %(date)s.").split("%(date)s")[0] in html


def test_opening_the_page_marks_the_melders_messages_read(melding, vp):
    from_melder(melding, "Hallo?")
    message = Message.objects.get()
    assert message.read_at is None
    page = enter(Client(), vp).get(url("detail", melding))
    assert page.context["conversation"][0]["new"] is True  # new until this page opened
    message.refresh_from_db()
    assert message.read_at is not None


def test_a_reply_with_a_photo_is_encrypted_audited_and_acknowledges(melding, vp):
    photo = png(f"{MARKER}-antwoord")
    client = enter(Client(), vp)
    response = client.post(
        url("reply", melding),
        {"text": f"Dank je, {MARKER}", "bijlagen": [upload("uitleg.png", photo, "image/png")]},
    )
    assert response.status_code == 302 and response["Location"].endswith("#gesprek")
    message = Message.objects.get()
    assert (message.from_melder, message.author) == (False, vp)
    assert MARKER.encode() not in bytes(message.body)
    readable = conversation.read(melding, melder_key(melding))
    assert readable[0].text == f"Dank je, {MARKER}"
    assert [b.name for b in readable[0].bijlagen] == ["uitleg.png"]
    melding.refresh_from_db()
    assert melding.acknowledged_at is not None and melding.waiting_since is None
    assert AuditEntry.objects.filter(action=AuditAction.MESSAGE_SENT, actor=vp).count() == 1
    assert Bijlage.objects.get(message=message).melding_id == melding.pk


def test_reply_files_never_reach_a_temporary_file(melding, vp, settings, monkeypatch):
    """Django's CSRF middleware reads the body before the view: with its default handlers a
    file above FILE_UPLOAD_MAX_MEMORY_SIZE would land in a temporary file, in plaintext. The
    reply view parses the body itself, with the memory-only handler, and checks CSRF after."""
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 10
    spooled = []
    original = uploadedfile.TemporaryUploadedFile.__init__

    def record(self, *args, **kwargs):
        spooled.append(args)
        original(self, *args, **kwargs)

    monkeypatch.setattr(uploadedfile.TemporaryUploadedFile, "__init__", record)
    client = csrf_client(vp)
    response = client.post(
        url("reply", melding),
        {
            "csrfmiddlewaretoken": token(client, melding),
            "text": "met foto",
            "bijlagen": [upload("groot.png", png(MARKER, size=(64, 64)), "image/png")],
        },
    )
    assert response.status_code == 302
    assert spooled == []
    assert Bijlage.objects.filter(message__isnull=False).count() == 1


def test_a_reply_without_the_csrf_token_is_refused(melding, vp):
    client = csrf_client(vp)
    forged = client.post(url("reply", melding), {"text": "vervalst"})
    assert forged.status_code == 403
    wrong = client.post(
        url("reply", melding), {"text": "vervalst", "csrfmiddlewaretoken": "x" * 64}
    )
    assert wrong.status_code == 403
    assert not Message.objects.exists()
    sent = client.post(
        url("reply", melding), {"text": "echt", "csrfmiddlewaretoken": token(client, melding)}
    )
    assert sent.status_code == 302 and Message.objects.count() == 1
    # The other forms of the page keep Django's own CSRF middleware.
    for name, data in (("melder_status", {"melder_status": "afgerond"}), ("next_contact", {})):
        assert client.post(url(name, melding), data).status_code == 403


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "Write a message or add a file; an empty message is not sent."),
        ("   \n  ", "Write a message or add a file; an empty message is not sent."),
        ("x" * 10_001, None),
    ],
)
def test_an_empty_or_too_long_reply_is_refused_and_the_text_kept(melding, vp, text, error):
    client = enter(Client(), vp)
    response = client.post(url("reply", melding), {"text": text})
    assert response.status_code == 400
    form = response.context["reply_form"]
    assert form.errors
    html = response.content.decode()
    if error:
        assert nl(error) in html
    else:
        assert "x" * 10_001 in html  # still in the box, to shorten
    assert not Message.objects.exists()


def test_a_disguised_file_is_refused_and_the_text_kept(melding, vp):
    client = enter(Client(), vp)
    response = client.post(
        url("reply", melding),
        {"text": "Bewaar mij", "bijlagen": [upload("foto.png", b"MZ\x90\x00 not a png")]},
    )
    assert response.status_code == 400
    assert "Bewaar mij" in response.content.decode()
    assert not Message.objects.exists() and not Bijlage.objects.filter(message__isnull=False)


def test_a_reply_to_a_deleted_melding_says_so_and_gives_the_text_back(melding, vp, monkeypatch):
    client = enter(Client(), vp)
    # Deleted while she typed.
    delete_melding(Melding.objects.get(pk=melding.pk), vp)
    response = client.post(url("reply", melding), {"text": "Mijn lange antwoord"})
    assert response.status_code == 404
    html = response.content.decode()
    assert "Mijn lange antwoord" in html
    gone_text = nl(
        "This melding no longer exists (it was deleted or purged a moment ago), or you can no "
        "longer read it. Your message was not sent."
    )
    assert gone_text in html

    # Deleted while the message was being stored: the same page, no 500.
    other = _submit(melding.form)

    def gone(*args, **kwargs):
        raise conversation.MeldingGone

    monkeypatch.setattr(Reader, "reply", gone)
    response = client.post(url("reply", other), {"text": "Ook dit antwoord"})
    assert response.status_code == 404 and "Ook dit antwoord" in response.content.decode()


def test_the_feedback_tick_only_where_the_melding_has_a_feedback_deadline(db):
    ordinary = make_form(make_school("gewoon.test", "Gewone school"))
    whistle = make_form(
        make_school("klok.test", "Klokschool"), klokkenluidersregeling=True, slug="klok"
    )
    user = make_vp("vp-klok", ordinary)
    from wagtail_vertrouwen.channel.services import designate

    from .factories import admin

    designate.designate(whistle, user, admin())
    plain, legal = _submit(ordinary), _submit(whistle)
    client = enter(Client(), user)
    assert "feedback" not in client.get(url("detail", plain)).context["reply_form"].fields
    assert "feedback" in client.get(url("detail", legal)).context["reply_form"].fields

    client.post(url("reply", plain), {"text": "antwoord", "feedback": "on"})
    plain.refresh_from_db()
    assert plain.feedback_at is None  # nothing promised, nothing recorded

    client.post(url("reply", legal), {"text": "eerste"})
    legal.refresh_from_db()
    assert legal.feedback_at is None and legal.acknowledged_at is not None
    client.post(url("reply", legal), {"text": "terugkoppeling", "feedback": "on"})
    legal.refresh_from_db()
    assert legal.feedback_at is not None
    assert AuditEntry.objects.filter(action=AuditAction.FEEDBACK_GIVEN, actor=user).count() == 1


# What the melder sees, and the next contact date --------------------------------------------


def test_the_status_shown_to_the_melder_is_set_and_audited(melding, vp):
    client = enter(Client(), vp)
    response = client.post(url("melder_status", melding), {"melder_status": "in_behandeling"})
    assert response.status_code == 302
    melding.refresh_from_db()
    assert melding.melder_status == "in_behandeling"
    line = AuditEntry.objects.get(action=AuditAction.MELDER_STATUS_CHANGED)
    assert (line.actor, line.detail, line.melding_id) == (vp, "in_behandeling", melding.pk)
    bad = client.post(url("melder_status", melding), {"melder_status": "verzonnen"})
    assert bad.status_code == 400
    melding.refresh_from_db()
    assert melding.melder_status == "in_behandeling"


def test_the_next_contact_date_is_checked_and_audited(melding, vp):
    client = enter(Client(), vp)
    today = timezone.localdate()
    future = today + timedelta(days=10)
    assert client.post(url("next_contact", melding), {"next_contact_by": future}).status_code == 302
    melding.refresh_from_db()
    assert melding.next_contact_by == future
    assert AuditEntry.objects.get(action=AuditAction.DEADLINE_SET).detail == future.isoformat()

    past = today - timedelta(days=1)
    refused = client.post(url("next_contact", melding), {"next_contact_by": past.isoformat()})
    assert refused.status_code == 400
    assert nl("That date has passed. Choose today or a later date.") in refused.content.decode()
    assert refused.context["next_contact_form"].data["next_contact_by"] == past.isoformat()
    garbage = client.post(url("next_contact", melding), {"next_contact_by": "volgende week"})
    assert garbage.status_code == 400 and "volgende week" in garbage.content.decode()
    melding.refresh_from_db()
    assert melding.next_contact_by == future

    assert client.post(url("next_contact", melding), {"next_contact_by": today}).status_code == 302
    assert client.post(url("next_contact", melding), {"next_contact_by": ""}).status_code == 302
    melding.refresh_from_db()
    assert melding.next_contact_by is None
    details = list(
        AuditEntry.objects.filter(action=AuditAction.DEADLINE_SET)
        .order_by("pk")
        .values_list("detail", flat=True)
    )
    assert details == [future.isoformat(), today.isoformat(), ""]


def test_a_closed_melding_takes_no_next_contact_date(melding, vp):
    client = enter(Client(), vp)
    client.post(url("next_contact", melding), {"next_contact_by": timezone.localdate()})
    client.post(url("status", melding), {"status": "afgesloten"})
    melding.refresh_from_db()
    assert melding.next_contact_by is None  # closing cleared it
    tomorrow = timezone.localdate() + timedelta(days=1)
    refused = client.post(url("next_contact", melding), {"next_contact_by": tomorrow})
    assert refused.status_code == 400
    melding.refresh_from_db()
    assert melding.next_contact_by is None


def test_the_new_urls_sit_behind_the_gate_and_change_nothing_for_others(melding, vp, db):
    from .factories import admin

    stranger = make_vp("vreemde", make_form(make_school("ander.test", "Andere school")))
    superuser = admin()
    superuser_client = Client()
    superuser_client.force_login(superuser)
    posts = [
        ("reply", {"text": "ingebroken"}),
        ("melder_status", {"melder_status": "afgerond"}),
        ("next_contact", {"next_contact_by": timezone.localdate() + timedelta(days=3)}),
    ]
    unverified = enter(Client(), vp, otp=False, unlocked=False)
    locked = enter(Client(), vp, unlocked=False)
    for name, data in posts:
        assert superuser_client.post(url(name, melding), data).status_code == 404, name
        stranger_response = enter(Client(), stranger).post(url(name, melding), data)
        assert stranger_response.status_code == 404, name
        assert unverified.post(url(name, melding), data).context["reason"] == "otp", name
        assert locked.post(url(name, melding), data).context["reason"] == "unlock", name
        assert enter(Client(), vp).get(url(name, melding)).status_code == 405, name
    melding.refresh_from_db()
    assert not Message.objects.exists()
    assert (melding.melder_status, melding.next_contact_by) == ("ontvangen", None)


# Urgency ------------------------------------------------------------------------------------


def test_urgent_meldingen_are_marked_for_the_unlocked_recipient_only(melding_form, vp):
    urgent = [
        _submit(melding_form, probleemgebied="huiselijk_geweld"),
        _submit(melding_form, probleemgebied="seksueel_grensoverschrijdend_gedrag"),
        _submit(melding_form, over_medewerker="ja"),
    ]
    calm = [
        _submit(melding_form, over_medewerker="nee"),
        _submit(melding_form, over_medewerker="weet_niet"),
        _submit(melding_form),  # sent before the question existed: no answer at all
    ]
    client = enter(Client(), vp)
    rows = client.get(reverse("wagtail_vertrouwen_inbox:index")).context["object_list"]
    marked = {row.melding_id for row in rows if row.urgency}
    assert marked == {m.pk for m in urgent}
    for melding in urgent:
        page = client.get(url("detail", melding))
        assert page.context["urgency"] and nl("Urgent") in page.content.decode()
    for melding in calm:
        assert client.get(url("detail", melding)).context["urgency"] == []
    # The mark is read from the content: no column of the melding holds it.
    staff = urgent[2]
    row = Melding.objects.filter(pk=staff.pk).values().get()
    for value in row.values():
        if isinstance(value, str):
            assert value != "ja" and "huiselijk" not in value and "seksueel" not in value
    # Locked, the list shows nothing of it.
    locked = enter(Client(), vp, unlocked=False)
    response = locked.get(reverse("wagtail_vertrouwen_inbox:index"))
    assert response.context["reason"] == "unlock"


def test_the_form_asks_whether_it_is_about_staff(client, melding_form, vp):
    page = client.get(melding_form.url, HTTP_HOST=melding_form.get_site().hostname)
    html = page.content.decode()
    assert 'name="over_medewerker"' in html
    help_text = nl(
        "For example a teacher, an intern, a volunteer or a coach. Is it about sexual "
        "abuse of a pupil by someone who works for the school? Then the school must tell "
        "the school board."
    )
    assert help_text.replace("'", "&#x27;") in html
    assert send(Client(), melding_form, over_medewerker="ja").status_code < 400
    melding = Melding.objects.get()
    assert reader(vp).answers(melding)["over_medewerker"] == "ja"
    refused = send(Client(), melding_form, over_medewerker="misschien", wat="Blijft staan")
    assert refused.status_code == 400 and "Blijft staan" in refused.content.decode()
    assert Melding.objects.count() == 1


def test_too_many_files_for_django_is_a_clear_message_not_a_500(melding, vp, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 1
    client = enter(Client(), vp)
    files = [upload(f"{n}.png", png(str(n)), "image/png") for n in range(3)]
    response = client.post(url("reply", melding), {"text": "veel", "bijlagen": files}, follow=True)
    assert response.status_code == 200
    text = nl("Too many or too large files were sent, so nothing could be read or sent.")
    assert text in response.content.decode()
    assert not Message.objects.exists()
