"""The public melding form: what it says, what it accepts, what it refuses and how (I6, I7)."""

import pytest
from django.core import mail
from django.urls import reverse

from wagtail_vertrouwen.channel.models import Bijlage, Melding, MeldingAccess

from .channel import answers, page_challenge, pdf, png, send, upload


def host(page):
    return {"HTTP_HOST": page.get_site().hostname}


def test_page_explains_the_channel_and_leaks_nothing(client, melding_form):
    response = client.get(melding_form.url, **host(melding_form))
    html = response.content.decode()
    assert response.status_code == 200
    assert "geen formele klacht" in html  # not a formal complaint, in Dutch
    assert "tel:112" in html and "0800-2000" in html
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    own = melding_form.get_site().root_url  # the school's own address, e.g. in links home
    assert "http://" not in html.replace(own, "").replace("http://testserver", "")
    assert "https://" not in html


def test_a_melding_is_stored_encrypted_and_the_melder_sees_the_thanks(
    client, melding_form, vp, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, melding_form, files=[upload("foto.png", png())])
    assert response.status_code == 200, response.content.decode()[:3000]
    assert "Location" not in response  # the code is shown in this response, once
    assert "Je melding is ontvangen" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    melding = Melding.objects.get()
    assert MeldingAccess.objects.filter(melding=melding, recipient=vp).exists()
    assert Bijlage.objects.filter(melding=melding).count() == 1
    assert b"gepest" not in bytes(melding.content)
    # The recipient is told, without content.
    assert [m.to for m in mail.outbox if "nieuwe melding" in m.subject.lower()] == [[vp.email]]


def test_confirmation_to_the_melder_says_nothing_of_the_content(client, melding_form):
    send(client, melding_form, bevestiging_email="melder@example.org", wat="Geheim verhaal XYZ")
    confirmation = [m for m in mail.outbox if m.to == ["melder@example.org"]]
    assert len(confirmation) == 1
    assert "XYZ" not in confirmation[0].body and "Geheim" not in confirmation[0].body


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"wat": ""}, "wat", "wat er gebeurd is"),
        ({"wie": ""}, "wie", "leerling, ouder"),
        ({"probleemgebied": "kapot"}, "probleemgebied", "geen beschikbare keuze"),
        ({"wat": "x" * 10_001}, "wat", "onder 10000 tekens"),
        ({"contact": "email"}, "email", "vul je e-mailadres in"),
        ({"contact": "telefoon"}, "telefoon", "telefoonnummer"),
        ({"email": "geen-adres"}, "email", "geldig e-mailadres"),
        ({"website": "http://spam.example"}, "website", "moet leeg blijven"),
        ({"wat": "nul\x00teken"}, "wat", "null"),
    ],
)
def test_bad_answers_get_a_clear_message_and_keep_what_was_typed(
    client, melding_form, overrides, field, message
):
    typed = "Dit heb ik getypt en het mag niet verloren gaan"
    data = {"betrokkenen": typed, **overrides}
    response = send(client, melding_form, **data)
    html = response.content.decode()
    assert response.status_code == 400
    assert message.lower() in html.lower()
    assert typed in html
    assert Melding.objects.count() == 0


def test_without_proof_of_work_the_form_explains_and_keeps_the_text(client, melding_form):
    response = send(client, melding_form, challenge="", wat="Mijn verhaal blijft staan")
    html = response.content.decode()
    assert response.status_code == 400
    assert "JavaScript" in html and "Mijn verhaal blijft staan" in html
    assert Melding.objects.count() == 0


def test_forged_or_replayed_proof_of_work_is_refused(client, melding_form):
    solved = page_challenge(client, melding_form)
    assert send(client, melding_form, challenge=solved).status_code == 200
    replay = send(client, melding_form, challenge=solved)
    assert replay.status_code == 400 and "al verstuurd" in replay.content.decode()
    forged = send(client, melding_form, challenge="eyJhbGdvcml0aG0iOiJTSEEtMjU2In0=")
    assert forged.status_code == 400
    assert Melding.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("virus.png", b"MZ\x90\x00" + b"\x00" * 500, "geen foto"),
        ("nep.pdf", b"<html><script>alert(1)</script></html>", "geen foto"),
        ("kapot.png", png()[:40], "geen foto"),
        ("leeg.jpg", b"", "leeg"),
    ],
)
def test_disguised_broken_or_empty_files_are_refused(client, melding_form, name, data, message):
    response = send(
        client, melding_form, files=[upload(name, data, "image/png")], wat="Tekst blijft"
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html.lower() and "Tekst blijft" in html
    assert Melding.objects.count() == 0


def test_size_and_count_limits(client, melding_form, settings):
    settings.WAGTAIL_VERTROUWEN_ATTACHMENT_MAX_BYTES = 2000
    settings.WAGTAIL_VERTROUWEN_ATTACHMENTS_TOTAL_MAX_BYTES = 3000
    settings.WAGTAIL_VERTROUWEN_ATTACHMENT_MAX_COUNT = 2
    big = send(client, melding_form, files=[upload("groot.pdf", pdf("x" * 5000))])
    assert big.status_code == 400 and "groter dan" in big.content.decode()
    total = send(client, melding_form, files=[upload(f"{n}.pdf", pdf("y" * 1500)) for n in "ab"])
    assert total.status_code == 400 and "samen" in total.content.decode()
    many = send(client, melding_form, files=[upload(f"{n}.png", png()) for n in "abc"])
    assert many.status_code == 400 and "hoogstens 2" in many.content.decode().lower()
    assert Melding.objects.count() == 0


def test_rate_limit_stores_no_sender_and_keeps_the_text(client, melding_form, settings):
    settings.WAGTAIL_VERTROUWEN_RATE_LIMIT_PER_HOUR = 1
    assert send(client, melding_form).status_code == 200
    response = send(client, melding_form, wat="Tweede verhaal")
    assert response.status_code == 429
    assert "Tweede verhaal" in response.content.decode()
    from wagtail_vertrouwen.channel.models import GuardCount, SpentChallenge

    # The hourly count is kept per form, in the database: nothing that identifies a sender.
    scopes = list(GuardCount.objects.values_list("scope", flat=True))
    assert scopes == [f"rate:{melding_form.translation_key}"]
    assert GuardCount.objects.get().count == 1
    stored = " ".join(scopes + list(SpentChallenge.objects.values_list("digest", flat=True)))
    assert "127.0.0.1" not in stored and "testserver" not in stored


def test_broken_encoding_is_no_500(client, melding_form):
    body = b"wat=%FF%FE%00kapot&wie=ouder&probleemgebied=ongewenst_gedrag&contact=geen"
    response = client.post(
        reverse("wagtail_vertrouwen:melding_submit", args=[melding_form.pk]),
        body,
        content_type="application/x-www-form-urlencoded",
        **host(melding_form),
    )
    assert response.status_code == 400  # no CSRF check on the submit view: see views/form.py


def test_excluding_the_only_recipient_is_not_offered(client, melding_form):
    html = client.get(melding_form.url, **host(melding_form)).content.decode()
    assert 'name="niet_naar"' not in html


def test_a_form_without_recipients_says_so(client, melding_form):
    from wagtail_vertrouwen.channel.models import Designation

    Designation.objects.all().delete()
    html = client.get(melding_form.url, **host(melding_form)).content.decode()
    assert "kan nog geen meldingen ontvangen" in html
    response = send(client, melding_form, challenge="x", wat="Blijft staan")
    assert response.status_code == 503 and "Blijft staan" in response.content.decode()


def test_no_form_submission_rows_and_not_in_the_pages_api(client, melding_form):
    send(client, melding_form, wat="APIMARKER")
    response = client.get("/api/v2/pages/?type=wagtail_vertrouwen_channel.MeldingFormPage&fields=*")
    assert response.status_code == 200
    assert "APIMARKER" not in response.content.decode()


def test_answers_helper_matches_the_form():
    from wagtail_vertrouwen.channel.forms.melding import MeldingForm

    # "taal" is left out on purpose: a post without it stores the page's language (issue 10),
    # which every test sending with the helper exercises.
    assert set(MeldingForm.STORED_FIELDS) - {"taal"} <= set(answers())
    assert "taal" not in answers()


def test_an_oversized_file_sent_first_is_reported_not_dropped(client, melding_form, settings):
    """The upload handler discards bytes above the limit but keeps the file's true size, so
    the melder hears that the file is too large, whatever the order of the fields."""
    settings.WAGTAIL_VERTROUWEN_ATTACHMENT_MAX_BYTES = 4000
    data = {"bijlagen": [upload("groot.pdf", pdf("z" * 50_000))]}
    data.update(answers(wat="Na het bestand getypt"))
    data["challenge"] = page_challenge(client, melding_form)
    response = client.post(
        reverse("wagtail_vertrouwen:melding_submit", args=[melding_form.pk]),
        data,
        **host(melding_form),
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "groter dan" in html and "Na het bestand getypt" in html
    assert Melding.objects.count() == 0


def test_recipients_without_a_full_name_are_shown_by_address_never_by_login_name(
    client, melding_form, make_recipient
):
    """Issue 7: a blank display name must not make two recipients indistinguishable."""
    make_recipient("zonder_naam", form=melding_form)
    html = client.get(melding_form.url, **host(melding_form)).content.decode()
    assert 'name="niet_naar"' in html
    assert "zonder_naam@school.test" in html
    assert "zonder_naam," not in html  # login names of the accounts stay off the public page
