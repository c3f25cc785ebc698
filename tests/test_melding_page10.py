"""Issue 10, the melding page: its legal texts and their conditions, the readers it names (by
name and role, nobody else), the meldplicht notice, the warning about images, the privacy
notice, what happens next, the language a melder writes in, and the demo's routing.

Texts are compared with ``gettext`` of their full msgid under the test's language (Dutch), so
the tests hold before and after the catalogues are filled."""

import json
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext, ngettext

from wagtail_vertrouwen.channel.models import Designation, Melding, MeldingAccess
from wagtail_vertrouwen.channel.services import designate

from .channel import answers, enter, reader, send, solve
from .factories import admin, make_vp
from .mailbox import browser, code_on, log_in, open_mailbox


def t(msgid, **values):
    """The text as the page shows it: translated, then escaped like ``{% translate %}``."""
    text = gettext(msgid)
    return escape(text % values if values else text)


def page_html(client, page):
    response = client.get(page.url, HTTP_HOST=page.get_site().hostname)
    assert response.status_code == 200
    return response.content.decode()


def designated(username, form, role="", **fields):
    """A recipient (key, TOTP, admin access) designated to ``form`` with ``role``."""
    user = make_vp(username, None, **fields)
    designate.designate(form, user, admin(), role=role)
    return user


SECRECY = (
    "The vertrouwenspersoon keeps what you tell a secret. But there are exceptions:",
    "Does a complaint or a report go to the klachtencommissie (the complaints committee), the "
    "school board or the police? Then the secret does not count towards them.",
    "Is it about sexual abuse of a pupil by someone who works for the school? That can be a "
    "teacher, but also an intern or a volunteer. Then the school must tell the school board.",
    "Are you a pupil under 18? Then the vertrouwenspersoon may tell your parents. Only if you "
    "know about it, and only if it is not bad for you.",
    "Does the vertrouwenspersoon have to tell someone? And did you leave a way to reach you? "
    "Then the vertrouwenspersoon tells you first, when that is possible.",
)
#: The sentence issue 10 replaced: too broad ("a crime"), and a promise an anonymous melder
#: cannot be given ("they will tell you first").
OLD_SECRECY = (
    "The vertrouwenspersoon keeps what you tell a secret, except when someone is in danger or "
    "when the law says they must tell: for example about sexual abuse by someone who works at "
    "the school, or a crime. They will tell you first if that happens."
)
OLD_READERS = (
    "Only the vertrouwenspersoon reads what you write. Teachers, the head and the people who "
    "run this website cannot read it."
)


# Confidentiality: the exceptions, before anything is typed ---------------------------------


def test_the_form_names_every_exception_to_secrecy(client, melding_form):
    html = page_html(client, melding_form)
    for sentence in SECRECY:
        assert t(sentence) in html, sentence
    assert t(OLD_SECRECY) not in html and t(OLD_READERS) not in html
    # Before the form: said before anything is typed.
    assert html.index('class="vw-secrecy"') < html.index('<form class="vw-form"')


def test_danger_lines_keep_their_numbers_in_order(client, melding_form):
    html = page_html(client, melding_form)
    assert '<a href="tel:112"><bdi dir="ltr">112</bdi></a>' in html
    assert '<a href="tel:08002000"><bdi dir="ltr">0800-2000</bdi></a>' in html


# Readers: every current reader by name and role, nobody else --------------------------------


def test_readers_are_named_with_their_role_and_nobody_else(client, form):
    ivp = designated(
        "ivp", form, "interne_vertrouwenspersoon", first_name="Fatima", last_name="El Amrani"
    )
    designated("evp", form, "externe_vertrouwenspersoon", first_name="Hanneke", last_name="Bosman")
    # Not readers: removed, without a key, without admin access.
    removed = designated("weg", form, first_name="Oud", last_name="Ontvanger")
    designate.remove(Designation.objects.current().get(user=removed), form, admin())
    designated("zonder_sleutel", form, first_name="Geen", last_name="Sleutel", key=False)
    demoted = designated("geen_toegang", form, first_name="Geen", last_name="Toegang")
    demoted.groups.clear()  # no admin access: receives nothing

    html = page_html(client, form)
    readers = re.search(r'<ul class="vw-readers">(.*?)</ul>', html, re.DOTALL).group(1)
    items = re.findall(r"<li>(.*?)</li>", readers, re.DOTALL)
    assert len(items) == 2
    fatima = next(item for item in items if "Fatima El Amrani" in item)
    hanneke = next(item for item in items if "Hanneke Bosman" in item)
    assert "ivp@school.test" in fatima and t("Internal confidential adviser") in fatima
    assert t("works at the school") in fatima
    assert t("External confidential adviser") in hanneke
    assert t("does not work for the school") in hanneke
    for absent in ("Oud Ontvanger", "Geen Sleutel", "Geen Toegang", "zonder_sleutel", "weg@"):
        assert absent not in html, absent
    assert "ivp," not in html and ">ivp<" not in html  # never the login name
    assert t("Only these people can read your melding:") in html
    assert ivp.get_username() not in readers.replace("ivp@school.test", "")

    # A headless front end gets the same readers from the melding API, to show them too.
    url = reverse("wagtail_vertrouwen:api_melding_submit", args=[form.pk])
    listed = Client().get(url).json()["readers"]
    assert sorted(reader["name"] for reader in listed) == [
        "Fatima El Amrani (ivp@school.test)",
        "Hanneke Bosman (evp@school.test)",
    ]
    assert {reader["role"] for reader in listed} == {
        t("Internal confidential adviser"),
        t("External confidential adviser"),
    }


def test_one_reader_and_no_reader(client, form):
    html = page_html(client, form)
    assert t("Nobody can read meldingen of this form yet.") in html
    assert 'class="vw-readers"' not in html
    designated("vp1", form, first_name="Vera", last_name="Peters")
    html = page_html(client, form)
    assert t("Only this person can read your melding:") in html
    # No role chosen: "Vertrouwenspersoon".
    assert (
        f'<bdi dir="auto">Vera Peters (vp1@school.test)</bdi>, {t("Vertrouwenspersoon")}</li>'
        in html
    )
    assert t("Only these people can read your melding:") not in html


def test_the_form_page_takes_as_many_queries_for_one_reader_as_for_many(client, form):
    designated("vp1", form, "interne_vertrouwenspersoon", first_name="Een")

    def count():
        page_html(client, form)  # warm caches (site root paths)
        with CaptureQueriesContext(connection) as queries:
            page_html(client, form)
        return len(queries)

    one = count()
    for number in range(2, 6):
        designated(f"vp{number}", form, "externe_vertrouwenspersoon", first_name=f"Nr{number}")
    assert "Nr5" in page_html(client, form)
    assert count() == one


def test_the_thank_you_names_the_readers_but_not_the_one_left_out(client, form):
    designated("vp1", form, "interne_vertrouwenspersoon", first_name="Vera", last_name="Peters")
    kept_away = designated("vp2", form, first_name="Karel", last_name="Weg")
    form_html = page_html(client, form)
    token = re.search(r'<option value="([0-9a-f]+)">Karel Weg', form_html).group(1)
    assert kept_away.get_full_name() in form_html
    response = send(client, form, niet_naar=token)
    assert response.status_code == 200, response.content.decode()[:2000]
    html = response.content.decode()
    sent = html[html.index('class="vw-melding__sent"') :]
    assert "Vera Peters" in sent and "Karel Weg" not in sent
    assert t("Only this person can read your melding:") in sent
    assert t("Thank you for telling us.") in sent


def test_the_exclusion_option_does_not_read_as_nobody_may_read_it(client, melding_form, vp):
    designated("vp2", melding_form, first_name="Tweede")
    html = page_html(client, melding_form)
    option = re.search(r'<option value="" selected>(.*?)</option>', html).group(1)
    assert option == t("Nobody needs to be left out: all readers may read it")
    assert t("— nobody, all recipients may read it —") not in html


# The meldplicht notice, the images, the privacy notice ---------------------------------------


def test_the_meldplicht_notice_stands_with_the_questions_without_javascript(client, melding_form):
    html = page_html(client, melding_form)
    form = html[html.index('<form class="vw-form"') :]
    notice = re.search(r'<div class="vw-warning vw-meldplicht"[^>]*>(.*?)</div>', form, re.DOTALL)
    assert notice, "the notice is in the form, not behind a script"
    text = notice.group(1)
    assert escape(gettext("Sexually transgressive behaviour")) in text
    assert (
        t(
            "Is it about sexual abuse of a pupil by someone who works for the school? For "
            "example a teacher, an intern or a volunteer. Then the school must tell the school "
            "board. You can still send your melding."
        )
        in text
    )
    assert t("The vertrouwenspersoon can help you if you want to go to the police.") in text
    # After the choice of area, before the question whether it is about staff.
    assert form.index('value="seksueel_grensoverschrijdend_gedrag"') < form.index("vw-meldplicht")
    assert form.index("vw-meldplicht") < form.index('name="over_medewerker"')
    help_text = t(
        "For example a teacher, an intern, a volunteer or a coach. Is it about sexual abuse of "
        "a pupil by someone who works for the school? Then the school must tell the school "
        "board."
    )
    assert help_text in form
    assert "hidden" not in notice.group(0)


NO_NUDES = (
    "Never send a nude or sexual photo or video of someone under 18, not even as proof.",
    "Having it or passing it on is a crime. Write down what you saw instead.",
)


def test_file_fields_warn_never_to_send_nude_images(melding_form, vp):
    html = page_html(Client(), melding_form)
    for sentence in NO_NUDES:
        assert t(sentence) in html
    assert 'aria-describedby="id_bijlagen_warning id_bijlagen_helptext"' in html
    # The mailbox's reply form too.
    client = browser(melding_form)
    code = code_on(send(Client(), melding_form))
    log_in(client, melding_form, code)
    mailbox = open_mailbox(client, melding_form)
    reply_form = mailbox[mailbox.index('id="antwoord"') :]
    for sentence in NO_NUDES:
        assert t(sentence) in reply_form
    assert "_warning " in re.search(r'<input type="file"[^>]*>', reply_form).group(0)


def test_the_privacy_notice_names_holder_purpose_retention_and_rights(client, form):
    designated("vp1", form)
    form.retention_days = 90
    form.save_revision().publish()
    html = page_html(client, form)
    privacy = re.search(r'<details class="vw-privacy">(.*?)</details>', html, re.DOTALL).group(1)
    holder = gettext("the school board of %(school)s") % {"school": "OBS Test"}
    assert t("Your data are held by %(organisation)s.", organisation=holder) in privacy
    assert t("Why: only to help you and to deal with your melding.") in privacy
    assert (
        t(
            "What: your answers and files, encrypted. Only the people named above can read "
            "them. Your IP address is not stored."
        )
        in privacy
    )
    how_long = ngettext(
        "How long: a melding is deleted %(days)s day after it is closed.",
        "How long: a melding is deleted %(days)s days after it is closed.",
        90,
    ) % {"days": 90}
    assert escape(how_long) in privacy
    assert (
        t(
            "Your rights: you may see your data, have them corrected or have them deleted. Ask "
            "in your mailbox with your code, or ask the vertrouwenspersoon."
        )
        in privacy
    )
    assert t("Other questions about your data:") not in privacy
    # The board named by the editor, and a contact.
    form.organisation = "Stichting Rivierenland"
    form.privacy_contact = "privacy@rivierenland.example"
    form.save_revision().publish()
    privacy = page_html(client, form)
    assert t("Your data are held by %(organisation)s.", organisation="Stichting Rivierenland") in (
        privacy
    )
    assert "<bdi>privacy@rivierenland.example</bdi>" in privacy
    # "Name only who is needed", next to the question who was involved.
    assert t("Name only who is needed to understand what happened.") in privacy


def test_what_happens_next_after_sending(client, melding_form, vp):
    melding_form.acknowledge_within_days = 3
    melding_form.save_revision().publish()
    html = send(client, melding_form).content.decode()
    after = html[html.index('class="vw-melding__next"') :]
    assert (
        t(
            "Did you leave no phone number or e-mail address? Then the answer comes only in "
            "your mailbox, with your code. Without the code you hear nothing from us."
        )
        in after
    )
    assert (
        t(
            "Careful: a phone call or an e-mail from us can be seen at home. So can the "
            "confirmation e-mail."
        )
        in after
    )
    # The timing, from the form's setting: in the code box, once.
    days = ngettext(
        "The vertrouwenspersoon answers within %(days)s day, in your mailbox.",
        "The vertrouwenspersoon answers within %(days)s days, in your mailbox.",
        3,
    ) % {"days": 3}
    assert escape(days) in html
    # Without a code (the thanks of earlier versions): the timing in the list itself.
    again = client.get(
        melding_form.url + "?verzonden=1", HTTP_HOST=melding_form.get_site().hostname
    ).content.decode()
    days = ngettext(
        "The vertrouwenspersoon answers within %(days)s day.",
        "The vertrouwenspersoon answers within %(days)s days.",
        3,
    ) % {"days": 3}
    assert escape(days) in again[again.index('class="vw-melding__next"') :]


# The language a melder writes in ----------------------------------------------------------


def test_the_form_says_you_may_write_in_your_own_language_and_preselects_the_page_language(
    client, melding_form, vp
):
    html = page_html(client, melding_form)
    assert html.count(t("You may write in your own language.")) >= 1
    select = re.search(r'<select name="taal"[^>]*>(.*?)</select>', html, re.DOTALL).group(1)
    values = re.findall(r'<option value="([^"]*)"', select)
    assert values == ["nl", "en", "ar", "tr", "pl", "uk", "anders"]
    assert '<option value="nl" selected>' in select
    assert "Türkçe" in select and "العربيّة" in select  # each language in its own name


def test_the_language_is_stored_encrypted_and_shown_in_the_inbox_right_to_left(
    client, melding_form, vp
):
    arabic = "ابني يتعرض للتنمر في الاستراحة"
    response = send(
        client, melding_form, taal="ar", wat=arabic, contact="telefoon", telefoon="06-12345678"
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    melding = Melding.objects.get()
    assert arabic.encode() not in bytes(melding.content)
    assert b'"taal"' not in bytes(melding.content)
    access = MeldingAccess.objects.get(melding=melding, recipient=vp)
    assert reader(vp).answers(melding, access)["taal"] == "ar"
    # The inbox shows the language by name, and every answer and message with dir="auto".
    inbox = enter(Client(), vp)
    detail = inbox.get(reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk]))
    html = detail.content.decode()
    assert f"<strong>{t('Which language do you write in?')}</strong>" in html
    assert re.search(r'<dd dir="auto"[^>]*>' + re.escape(escape(gettext("Arabic"))), html)
    assert re.search(r'<dd dir="auto"[^>]*>' + re.escape(arabic), html)
    assert re.search(r'<dd dir="ltr"[^>]*>06-12345678</dd>', html)  # a number stays in order
    inbox.post(reverse("wagtail_vertrouwen_inbox:reply", args=[melding.pk]), {"text": "شكرًا لك"})
    html = inbox.get(reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])).content
    assert '<div dir="auto" style="white-space:pre-wrap">شكرًا لك</div>' in html.decode()


def test_a_post_without_a_language_stores_the_page_language(client, melding_form, vp):
    assert send(client, melding_form).status_code == 200  # the helper sends no "taal"
    melding = Melding.objects.get()
    access = MeldingAccess.objects.get(melding=melding, recipient=vp)
    assert reader(vp).answers(melding, access)["taal"] == "nl"


@pytest.mark.parametrize("value", ["xx", "nl; DROP", "a" * 500, "\x00", "NL"])
def test_a_bad_language_gets_a_message_not_a_500(client, melding_form, value):
    response = send(client, melding_form, taal=value, wat="Blijft staan")
    assert response.status_code == 400
    assert "Blijft staan" in response.content.decode()
    assert Melding.objects.count() == 0


def test_the_api_knows_the_language_question(melding_form, vp):
    client = Client()
    url = reverse("wagtail_vertrouwen:api_melding_submit", args=[melding_form.pk])
    described = client.get(url).json()
    assert [c["value"] for c in described["fields"]["taal"]][-1] == "anders"
    assert described["initial"] == {"taal": "nl"}
    for bad in (["ar"], 7, "klingon"):
        payload = {
            **answers(),
            "taal": bad,
            "challenge": solve(client.get(url).json()["challenge"]),
        }
        response = client.post(url, json.dumps(payload), content_type="application/json")
        assert response.status_code == 400 and "taal" in response.json()["errors"]
    payload = {**answers(), "taal": "uk", "challenge": solve(client.get(url).json()["challenge"])}
    response = client.post(url, json.dumps(payload), content_type="application/json")
    assert response.status_code == 201, response.content
    melding = Melding.objects.get()
    access = MeldingAccess.objects.get(melding=melding, recipient=vp)
    assert reader(vp).answers(melding, access)["taal"] == "uk"


def test_the_openapi_document_describes_the_language():
    from wagtail_vertrouwen.channel.openapi import document

    answers_schema = document()["paths"]["/api/meldingen/{page_id}/"]["post"]["requestBody"][
        "content"
    ]["application/json"]["schema"]
    assert answers_schema["properties"]["taal"]["enum"] == [
        "",
        "nl",
        "en",
        "ar",
        "tr",
        "pl",
        "uk",
        "anders",
    ]


def test_the_melder_sees_answers_and_messages_in_their_own_direction(melding_form, vp):
    client = browser(melding_form)
    code = code_on(send(Client(), melding_form, taal="ar", wat="مرحبا"))
    log_in(client, melding_form, code)
    html = open_mailbox(client, melding_form)
    assert '<dd dir="auto">مرحبا</dd>' in html


# The demo: each school's meldingen are read only by people serving that school ---------------


def test_the_demo_routes_each_school_to_its_own_readers(demo, client):
    from wagtail_vertrouwen.models import VertrouwenspersoonPage

    forms = demo["channel"]["forms"]
    assert set(forms) == {"regenboog", "vlinder"}
    readers = {}
    for key, form in forms.items():
        site = demo["sites"][key]
        serving = {profile.title for profile in VertrouwenspersoonPage.objects.serving(site)}
        readers[key] = {user.get_full_name() for user in form.recipients()}
        assert readers[key], key
        assert readers[key] <= serving, (key, readers[key] - serving)
        html = page_html(client, form)
        for name in readers[key]:
            assert name in html
    # Nobody reads for both schools but the external vertrouwenspersoon both serve.
    assert readers["regenboog"] & readers["vlinder"] == {"Hanneke Bosman"}
    assert "Fatima El Amrani" not in readers["vlinder"]
    assert "Yusuf Demir" not in readers["regenboog"]


def test_the_role_is_chosen_when_designating_and_audited(client, form):
    from wagtail_vertrouwen.channel.models import AuditEntry

    candidate = make_vp("nieuw", None, first_name="Nieuwe", last_name="Lezer")
    client.force_login(admin())
    response = client.post(
        reverse("wagtail_vertrouwen_recipients:add", args=[form.pk]),
        {f"{form.pk}-user": candidate.pk, f"{form.pk}-role": "externe_vertrouwenspersoon"},
    )
    assert response.status_code == 302
    designation = Designation.objects.current().get(user=candidate)
    assert designation.role == "externe_vertrouwenspersoon"
    line = AuditEntry.objects.filter(subject=candidate).latest("at")
    assert "role externe_vertrouwenspersoon" in line.detail
    listing = client.get(reverse("wagtail_vertrouwen_recipients:index")).content.decode()
    assert t("External confidential adviser") in listing
    # A role that is not one of the choices designates nobody.
    other = make_vp("ander", None)
    client.post(
        reverse("wagtail_vertrouwen_recipients:add", args=[form.pk]),
        {f"{form.pk}-user": other.pk, f"{form.pk}-role": "directeur"},
    )
    assert not Designation.objects.filter(user=other).exists()


def test_an_error_summary_never_puts_a_colon_after_a_question_mark(melding_form, vp):
    """A label that is a question ("Wie ben je?", Arabic "من أنت؟") is followed by a space in
    the error summary, not by ": " (a review found "؟:" on the Arabic form)."""
    from wagtail.models import Locale

    from wagtail_vertrouwen.channel.models import MeldingFormPage

    arabic = melding_form.copy_for_translation(
        Locale.objects.get_or_create(language_code="ar")[0], copy_parents=True
    )
    arabic.save_revision().publish()
    arabic = MeldingFormPage.objects.get(pk=arabic.pk)
    for page in (melding_form, arabic):
        response = send(Client(), page, wie="", wat="")
        assert response.status_code == 400
        summary = re.search(r'id="vw-errors".*?</ul>', response.content.decode(), re.DOTALL)
        text = re.sub(r"<[^>]+>", "", summary.group(0))
        assert "?:" not in text and "؟:" not in text, text
        # A label without a question mark keeps its colon ("Wat is er gebeurd?" is one too,
        # so look at the structure: every item is label, separator, error).
        assert text.count("؟ ") + text.count("? ") >= 2, text
