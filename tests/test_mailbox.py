"""The melder's side of the mailbox: the code shown once, logging in with it on the school's
own site, reading, replying, telling one's name, the optional notice, logging out, and every
kind of bad input (issue 9, items 1 and 2)."""

import html
import io
import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from wagtail.models import Locale

from wagtail_vertrouwen.channel.models import (
    AuditAction,
    AuditEntry,
    Bijlage,
    MailboxSession,
    Melding,
    MeldingAccess,
    MeldingFormPage,
    Message,
    MessageKind,
)
from wagtail_vertrouwen.channel.services import conversation, mailbox

from .channel import answers, nl, page_challenge, pdf, png, send, solve, upload
from .factories import make_form, make_school, make_vp
from .mailbox import (
    browser,
    challenges,
    code_on,
    form_token,
    log_in,
    mailbox_url,
    open_mailbox,
    reply,
    send_melding,
)

CODE_PATTERN = re.compile(r"^\d{4} \d{4} \d{4} \d{4}$")


def text(response) -> str:
    return html.unescape(response.content.decode())


def opened(form, code):
    return mailbox.open_with_code(form.translation_key, code)


def vp_says(form, code, vp, words="Kun je meer vertellen?", **kwargs):
    """The vertrouwenspersoon writes to the melder (with the content key, as the inbox does)."""
    box = opened(form, code)
    return conversation.post(box.melding, box.content_key, text=words, author=vp, **kwargs)


def logged_in(form, code=None, **overrides):
    code = code or send_melding(form, **overrides)
    client = browser(form)
    log_in(client, form, code)
    return client, code


# 1. The code, shown once ------------------------------------------------------------------------


def test_the_thank_you_page_shows_the_code_once_in_four_groups(melding_form):
    response = send(Client(), melding_form)
    assert response.status_code == 200 and "Location" not in response
    assert "no-store" in response["Cache-Control"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    page = text(response)
    code = code_on(response)
    assert CODE_PATTERN.match(code)
    assert re.search(r'<p class="vw-code" dir="ltr"', page)
    assert page.count("<span>") >= 4
    for words in (
        "Write it down or take a photo of it now.",
        "The school cannot recover it: nobody can look it up or send it to you again.",
        "Keep it where nobody at home finds it: whoever has the code can read your melding "
        "and the answers.",
    ):
        assert nl(words) in page
    assert f'href="{mailbox_url(melding_form)}"' in page
    assert "meldcode" not in page.lower()  # that word is the statutory code on domestic violence
    assert opened(melding_form, code).melding == Melding.objects.get()


def test_a_reload_of_the_post_is_refused_and_says_the_code_cannot_be_shown_again(melding_form):
    client = Client()
    solved = page_challenge(client, melding_form)
    first = send(client, melding_form, challenge=solved)
    code = code_on(first)
    again = send(client, melding_form, challenge=solved)
    assert again.status_code == 400
    page = text(again)
    assert (
        nl(
            "This melding was already sent; nothing was sent twice. Its code was shown once, "
            "right after sending, and cannot be shown again. If you did not write it down, you "
            "can send a new melding, or contact the vertrouwenspersoon."
        )
        in page
    )
    assert code.replace(" ", "") not in again.content.decode().replace(" ", "")
    assert Melding.objects.count() == 1


def test_old_links_to_verzonden_still_say_received(melding_form):
    response = Client().get(melding_form.url + "?verzonden=1", HTTP_HOST="school.test")
    page = text(response)
    assert nl("Your melding was received") in page
    assert 'class="vw-code"' not in page


def test_the_form_page_states_the_deadlines_and_the_code(form):
    form.acknowledge_within_days = 5
    form.klokkenluidersregeling = True
    form.save_revision().publish()
    make_vp("vp1", form)
    page = text(Client().get(form.url, HTTP_HOST="school.test"))
    with translation.override("nl"):
        days = ngettext(
            "The vertrouwenspersoon answers within %(days)s day.",
            "The vertrouwenspersoon answers within %(days)s days.",
            5,
        ) % {"days": 5}
        months = ngettext(
            "This form follows the klokkenluidersregeling (Wet bescherming klokkenluiders): "
            "every melding is acknowledged within 7 days, and within %(months)s month you hear "
            "what is done with it.",
            "This form follows the klokkenluidersregeling (Wet bescherming klokkenluiders): "
            "every melding is acknowledged within 7 days, and within %(months)s months you "
            "hear what is done with it.",
            3,
        ) % {"months": 3}
    assert days in page and months in page
    assert nl(
        "After sending you get a code. With it you can come back to read the answer of the "
        "vertrouwenspersoon, reply and add files, without giving your name."
    ) in html.unescape(page)
    assert f'href="{mailbox_url(form)}"' in page


def test_a_form_without_the_regeling_promises_no_three_months(melding_form):
    page = text(Client().get(melding_form.url, HTTP_HOST="school.test"))
    assert "klokkenluiders" not in page.lower()


# 2. Logging in ---------------------------------------------------------------------------------


def test_the_login_page_is_phone_first_and_remembers_nothing(melding_form):
    response = browser(melding_form).get(mailbox_url(melding_form))
    page = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert re.search(r'<form class="vw-form"[^>]*autocomplete="off"', page)
    code_input = re.search(r'<input[^>]*name="code"[^>]*>', page).group(0)
    for attribute in ('inputmode="numeric"', 'autocomplete="off"', 'dir="ltr"'):
        assert attribute in code_input
    assert '<label for="id_login_code">' in page
    assert "remember" not in code_input.lower()
    assert "<script>" not in page and " style=" not in page  # the strict CSP allows neither
    assert "proof-of-work.js" in page


@pytest.mark.parametrize(
    "typed",
    [
        lambda code: code,
        lambda code: code.replace(" ", ""),
        lambda code: code.replace(" ", "-"),
        lambda code: f"  {code.replace(' ', ' - ')} ",
        lambda code: code.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
        lambda code: code.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")),
    ],
    ids=["groups", "digits", "dashes", "spaced-dashes", "arabic-indic", "persian"],
)
def test_a_code_with_spaces_dashes_or_arabic_digits_opens(melding_form, typed):
    code = send_melding(melding_form)
    client = browser(melding_form)
    log_in(client, melding_form, typed(code))
    assert nl("Your melding as you sent it") in text(client.get(mailbox_url(melding_form)))


def test_a_wrong_code_is_refused_kept_and_counted(melding_form):
    code = send_melding(melding_form)
    wrong = ("1" if code[0] != "1" else "2") + code[1:]
    client = browser(melding_form)
    response = log_in(client, melding_form, wrong, expect=403)
    page = text(response)
    assert nl("This code does not open a melding of this form.")[:20] in page
    assert f'value="{wrong}"' in page  # what was typed stays
    assert 'id="vw-errors"' in page and 'href="#id_login_code"' in page
    assert not MailboxSession.objects.exists()
    line = AuditEntry.objects.get(action=AuditAction.MAILBOX_CODE_FAILED)
    assert line.detail == "1" and line.translation_key == melding_form.translation_key
    assert line.melding_id is None  # a wrong code names no melding


def test_something_that_is_no_code_is_a_clear_400_and_not_a_guess(melding_form):
    client = browser(melding_form)
    for typed in ("abc", "1234", "1234 5678 9012 3456 7", "", "x" * 500):
        response = log_in(client, melding_form, typed, expect=400)
        assert 'id="vw-errors"' in response.content.decode()
    assert not AuditEntry.objects.filter(action=AuditAction.MAILBOX_CODE_FAILED).exists()


def test_logging_in_needs_the_proof_of_work(melding_form):
    code = send_melding(melding_form)
    client = browser(melding_form)
    missing = client.post(mailbox_url(melding_form), {"code": code})
    assert missing.status_code == 400 and f'value="{code}"' in missing.content.decode()
    forged = client.post(mailbox_url(melding_form), {"code": code, "challenge": "eyJ4IjoxfQ=="})
    assert forged.status_code == 400 and not MailboxSession.objects.exists()
    # A solution of the melding form is no login challenge.
    form_solution = page_challenge(client, melding_form)
    other = client.post(mailbox_url(melding_form), {"code": code, "challenge": form_solution})
    assert other.status_code == 400 and not MailboxSession.objects.exists()


def test_the_cookie_is_session_only_httponly_and_strict(melding_form):
    code = send_melding(melding_form)
    response = log_in(browser(melding_form), melding_form, code)
    assert response["Location"] == mailbox_url(melding_form)  # no code, no token in the URL
    [(name, cookie)] = response.cookies.items()
    assert name == "vertrouwen_mailbox_key" and "KEY" in name.upper()
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    assert not cookie["expires"] and not cookie["max-age"]  # gone when the browser closes
    assert cookie["path"] == mailbox_url(melding_form).removesuffix(f"{melding_form.pk}/")


def test_over_https_the_cookie_is_a_host_cookie(melding_form):
    code = send_melding(melding_form)
    client = browser(melding_form)
    page = client.get(mailbox_url(melding_form), secure=True)
    data = {"code": code, "challenge": solve(challenges(page.content.decode())[0])}
    response = client.post(mailbox_url(melding_form), data, secure=True)
    assert response.status_code == 303
    [(name, cookie)] = response.cookies.items()
    assert name == "__Host-vertrouwen_mailbox_key"
    assert cookie["secure"] and cookie["path"] == "/" and not cookie["domain"]
    assert client.get(mailbox_url(melding_form), secure=True).status_code == 200


def test_nothing_goes_into_djangos_session(melding_form):
    client, _code = logged_in(melding_form)
    reply(client, melding_form, "Hallo")
    assert "sessionid" not in client.cookies and not Session.objects.exists()


# Where the mailbox opens -------------------------------------------------------------------


def test_the_mailbox_is_only_on_the_schools_own_site(melding_form):
    code = send_melding(melding_form)
    other_school = make_school("andere.test", "Andere school")
    assert Client(HTTP_HOST="andere.test").get(mailbox_url(melding_form)).status_code == 404
    assert Client(HTTP_HOST="elders.test").get(mailbox_url(melding_form)).status_code in {404}
    client = Client(HTTP_HOST="andere.test")
    response = client.post(mailbox_url(melding_form), {"code": code, "challenge": "x"})
    assert response.status_code == 404
    assert other_school.pk


def test_no_mailbox_for_a_form_that_is_offline_private_or_not_receiving(melding_form, vp):
    url = mailbox_url(melding_form)
    assert browser(melding_form).get(mailbox_url(melding_form)).status_code == 200
    unpinned = make_form(melding_form.get_parent(), title="Zonder ontvanger", slug="zonder")
    assert browser(unpinned).get(mailbox_url(unpinned)).status_code == 404
    assert browser(melding_form).get(url.replace(str(melding_form.pk), "999999")).status_code == 404
    melding_form.unpublish()
    assert browser(melding_form).get(url).status_code == 404


def test_the_mailbox_speaks_the_language_of_its_form_version(melding_form, vp):
    arabic = melding_form.copy_for_translation(
        Locale.objects.get_or_create(language_code="ar")[0], copy_parents=True
    )
    arabic.save_revision().publish()
    arabic = MeldingFormPage.objects.get(pk=arabic.pk)
    response = send(Client(), arabic)
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.content.decode()
    assert re.search(r'<p class="vw-code" dir="ltr"', response.content.decode())
    code = code_on(response)
    client = browser(arabic)
    login = client.get(mailbox_url(arabic)).content.decode()
    assert '<html lang="ar" dir="rtl">' in login
    log_in(client, arabic, code.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")))
    page = client.get(mailbox_url(arabic)).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    # The Dutch version of the same form is one click away, with the same session.
    assert f'href="{mailbox_url(melding_form)}"' in page
    assert client.get(mailbox_url(melding_form)).status_code == 200
    with translation.override("nl"):
        dutch = client.get(mailbox_url(melding_form)).content.decode()
    assert '<html lang="nl"' in dutch


# Reading ------------------------------------------------------------------------------------


def test_the_mailbox_shows_the_melding_files_status_deadlines_messages_and_readers(
    form, django_capture_on_commit_callbacks
):
    form.klokkenluidersregeling = True
    form.save_revision().publish()
    vp = make_vp("vp1", form, first_name="Vera", last_name="Peters")
    colleague = make_vp("vp2", form, first_name="Kees", last_name="Bos")
    code = send_melding(
        form, wat="Mijn verhaal MELDTEKST", files=[upload("bewijs.pdf", pdf("PDFBYTES"))]
    )
    melding = Melding.objects.get()
    MeldingAccess.objects.filter(melding=melding, recipient=colleague).update(
        granted_at=timezone.now(), granted_by=vp
    )
    message = vp_says(form, code, vp, "Dank je. Wanneer was dit?")
    melding.melder_status = "in_behandeling"
    melding.save(update_fields=["melder_status"])
    client = browser(form)
    log_in(client, form, code)
    response = client.get(mailbox_url(form))
    page = text(response)
    assert "Mijn verhaal MELDTEKST" in page and "bewijs.pdf" in page
    assert nl("What happened?") in page  # the question, as the inbox shows it
    assert str(melding.get_melder_status_display()) in page
    assert "Dank je. Wanneer was dit?" in page
    assert "Vera Peters (vp1@school.test)" in page  # her public name, never the login name
    assert "Kees Bos (kb" not in page and "Kees Bos (vp2@school.test)" in page
    from django.template.defaultfilters import date as date_filter

    granted = MeldingAccess.objects.get(recipient=colleague).granted_at
    with translation.override("nl"):
        since = gettext("reads along since %(date)s, given access by a colleague") % {
            "date": date_filter(timezone.localtime(granted), "DATE_FORMAT")
        }
        melding = Melding.objects.get()
        acknowledged = date_filter(timezone.localtime(melding.acknowledged_at), "DATE_FORMAT")
        feedback = date_filter(timezone.localtime(melding.feedback_by), "DATE_FORMAT")
        answered = gettext("The vertrouwenspersoon answered on %(date)s.") % {"date": acknowledged}
        feedback_by = gettext(
            "By %(date)s at the latest you hear what is done with your melding "
            "(klokkenluidersregeling)."
        ) % {"date": feedback}
    assert since in page and answered in page and feedback_by in page
    message.refresh_from_db()
    assert message.read_at is not None  # the vertrouwenspersoon sees it was read
    assert 'id="berichten"' in page


def test_the_melder_sees_when_their_message_was_read(melding_form):
    client, code = logged_in(melding_form)
    assert reply(client, melding_form, "Nog iets").status_code == 303
    assert nl("Not read yet") in text(client.get(mailbox_url(melding_form)))
    conversation.mark_read(Melding.objects.get(), by_melder=False)
    page = text(client.get(mailbox_url(melding_form)))
    assert nl("Read by the vertrouwenspersoon on %(date)s").split("%")[0].strip() in page


def test_the_files_download_as_sent_and_only_from_this_melding(melding_form):
    client, code = logged_in(melding_form, files=[upload("foto.png", png("FOTO"))])
    [bijlage] = Bijlage.objects.all()
    response = client.get(mailbox_url(melding_form, "mailbox_download", bijlage.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == png("FOTO")
    assert response["Content-Disposition"].startswith('attachment; filename="foto.png"')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]
    # Another melding's file, by its id: as absent as a file that does not exist.
    other_code = send_melding(melding_form, files=[upload("ander.png", png("ANDER"))])
    other = Bijlage.objects.exclude(pk=bijlage.pk).get()
    assert client.get(mailbox_url(melding_form, "mailbox_download", other.pk)).status_code == 404
    assert other_code != code
    # Without a session: the login page, no file.
    stranger = browser(melding_form)
    refused = stranger.get(mailbox_url(melding_form, "mailbox_download", bijlage.pk))
    assert refused.status_code == 403 and b"FOTO" not in refused.content


def test_the_page_costs_the_same_queries_for_two_or_eight_messages(
    melding_form, vp, django_assert_max_num_queries
):
    client, code = logged_in(melding_form)
    for n in range(2):
        vp_says(melding_form, code, vp, f"Bericht {n}")
    with CaptureQueriesContext(connection) as few:
        client.get(mailbox_url(melding_form))
    for n in range(6):
        vp_says(melding_form, code, vp, f"Bericht {n}", uploads=[])
    with CaptureQueriesContext(connection) as many:
        client.get(mailbox_url(melding_form))
    assert len(many) == len(few)
    with django_assert_max_num_queries(len(few)):
        client.get(mailbox_url(melding_form))


# Replying -----------------------------------------------------------------------------------


def test_a_reply_with_a_photo_is_stored_encrypted_and_notified(
    melding_form, vp, django_capture_on_commit_callbacks
):
    client, _code = logged_in(melding_form)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = reply(
            client, melding_form, "Hier is een foto ANTWOORD", files=[upload("f.png", png())]
        )
    assert response.status_code == 303
    assert response["Location"] == mailbox_url(melding_form) + "?gedaan=bericht"
    [message] = Message.objects.all()
    assert message.from_melder and b"ANTWOORD" not in bytes(message.body)
    assert Bijlage.objects.filter(message=message).count() == 1
    assert [m.to for m in mail.outbox] == [[vp.email]]
    assert "ANTWOORD" not in mail.outbox[0].body
    page = text(client.get(response["Location"]))
    assert nl("Your message was sent.") in page and "Hier is een foto ANTWOORD" in page
    assert AuditEntry.objects.filter(action=AuditAction.MELDER_MESSAGE).count() == 1


def test_the_django_csrf_check_does_not_lose_a_reply(melding_form):
    code = send_melding(melding_form)
    client = Client(HTTP_HOST="school.test", enforce_csrf_checks=True)
    log_in(client, melding_form, code)
    assert reply(client, melding_form, "Met CSRF-controle").status_code == 303


@pytest.mark.parametrize(
    ("typed", "files", "message"),
    [
        ("", (), "Write a message, or add a file."),
        ("   \n  ", (), "Write a message, or add a file."),
        (
            "x" * 10_001,
            (),
            "Please keep this under %(limit_value)d characters (it has %(show_value)d).",
        ),
    ],
    ids=["empty", "blank", "too-long"],
)
def test_an_empty_or_too_long_reply_is_refused_and_kept(melding_form, typed, files, message):
    client, _code = logged_in(melding_form)
    response = reply(client, melding_form, typed, files=files)
    assert response.status_code == 400
    page = text(response)
    assert nl(message).split("%")[0] in page
    if typed.strip():
        assert typed in page  # what was typed stays
    assert not Message.objects.exists()


def test_a_disguised_file_is_refused_and_the_text_kept(melding_form):
    client, _code = logged_in(melding_form)
    program = b"MZ\x90\x00" + b"\x00" * 200  # a Windows program, named as a photo
    response = reply(
        client, melding_form, "Mijn tekst blijft staan", files=[upload("foto.png", program)]
    )
    assert response.status_code == 400
    page = text(response)
    assert "Mijn tekst blijft staan" in page and "foto.png" in page
    assert not Message.objects.exists() and not Bijlage.objects.exists()


def test_two_tabs_replying_at_once_both_arrive(melding_form):
    client, _code = logged_in(melding_form)
    first_tab = open_mailbox(client, melding_form)
    second_tab = open_mailbox(client, melding_form)
    assert reply(client, melding_form, "Uit tab één", page_html=first_tab).status_code == 303
    assert reply(client, melding_form, "Uit tab twee", page_html=second_tab).status_code == 303
    assert list(Message.objects.values_list("position", flat=True)) == [0, 1]


def test_a_resent_reply_is_stored_once(melding_form):
    client, _code = logged_in(melding_form)
    page = open_mailbox(client, melding_form)
    data = {
        "text": "Eén keer",
        "challenge": solve(challenges(page)[0]),
        "form_token": form_token(page),
    }
    assert client.post(mailbox_url(melding_form, "mailbox_reply"), data).status_code == 303
    again = client.post(mailbox_url(melding_form, "mailbox_reply"), data)
    assert again.status_code == 400
    assert nl("This message was already sent. Nothing was sent twice.") in text(again)
    assert "Eén keer" in text(again) and Message.objects.count() == 1


def test_a_reply_needs_the_proof_of_work(melding_form):
    client, _code = logged_in(melding_form)
    page = open_mailbox(client, melding_form)
    data = {"text": "Zonder controle", "form_token": form_token(page)}
    response = client.post(mailbox_url(melding_form, "mailbox_reply"), data)
    assert response.status_code == 400 and "Zonder controle" in text(response)
    assert not Message.objects.exists()


@pytest.mark.parametrize("token", [None, "", "0" * 40, "é" * 40])
def test_a_post_without_this_sessions_form_token_is_refused_and_kept(melding_form, token):
    """A page of another site cannot know the token (and SameSite=Strict keeps the cookie
    home); a stale tab of an earlier session gets its text back."""
    client, _code = logged_in(melding_form)
    page = open_mailbox(client, melding_form)
    data = {"text": "Vervalst of oud", "challenge": solve(challenges(page)[0])}
    if token is not None:
        data["form_token"] = token
    response = client.post(mailbox_url(melding_form, "mailbox_reply"), data)
    assert response.status_code == 403
    assert nl(
        "This page was out of date (perhaps you logged in again in another tab). Nothing was "
        "sent. Check your message and send again."
    ) in text(response)
    assert "Vervalst of oud" in text(response) and not Message.objects.exists()


def test_a_token_of_an_earlier_session_is_stale(melding_form):
    client, code = logged_in(melding_form)
    old_page = open_mailbox(client, melding_form)
    client.post(mailbox_url(melding_form, "mailbox_logout"))  # in another tab: out, and in
    log_in(client, melding_form, code)
    response = reply(client, melding_form, "Oude tab", page_html=old_page)
    assert response.status_code == 403 and not Message.objects.exists()
    assert MailboxSession.objects.count() == 1


def test_garbage_cookies_open_nothing_and_break_nothing(melding_form):
    send_melding(melding_form)
    for value in ("x", "a.b", "é.é", "." * 50, "a" * 500, "abc.", ".abc"):
        client = browser(melding_form)
        client.cookies["vertrouwen_mailbox_key"] = value
        response = client.get(mailbox_url(melding_form))
        assert response.status_code == 200
        assert 'name="code"' in response.content.decode()


# Telling one's name, and the notice ------------------------------------------------------------


def test_the_melder_can_tell_their_name_later(melding_form, vp):
    client, code = logged_in(melding_form)
    page = open_mailbox(client, melding_form)
    empty = {"challenge": solve(challenges(page)[1]), "form_token": form_token(page)}
    refused = client.post(mailbox_url(melding_form, "mailbox_identity"), empty)
    assert refused.status_code == 400
    assert nl("Fill in at least one: your name, e-mail address or phone number.") in text(refused)
    page = open_mailbox(client, melding_form)
    data = {
        "naam": "Sam de Vries",
        "telefoon": "0612345678",
        "challenge": solve(challenges(page)[1]),
        "form_token": form_token(page),
    }
    response = client.post(mailbox_url(melding_form, "mailbox_identity"), data)
    assert response.status_code == 303
    [message] = Message.objects.all()
    assert message.kind == MessageKind.IDENTITY and b"Sam" not in bytes(message.body)
    [readable] = conversation.read(message.melding, opened(melding_form, code).content_key)
    assert readable.details == {"naam": "Sam de Vries", "telefoon": "0612345678"}
    assert "Sam de Vries" in text(client.get(mailbox_url(melding_form)))


def test_the_notice_is_opt_in_warned_about_and_can_be_switched_off(
    melding_form, vp, django_capture_on_commit_callbacks
):
    client, code = logged_in(melding_form)
    page = open_mailbox(client, melding_form)
    assert nl(
        "Careful: others at home may see your e-mail. The e-mail only says that there is a new "
        "message on the school's website, not what it is about. Without it, just look here now "
        "and then."
    ) in html.unescape(page)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        vp_says(melding_form, code, vp, "Zonder bericht GEEN")
    assert mail.outbox == []  # no mail by default
    data = {"email": "thuis@example.org", "form_token": form_token(page)}
    response = client.post(mailbox_url(melding_form, "mailbox_notice"), data)
    assert response.status_code == 303
    assert b"thuis@example.org" not in bytes(Melding.objects.get().melder_notice)
    assert "thuis@example.org" in text(client.get(mailbox_url(melding_form)))
    with django_capture_on_commit_callbacks(execute=True):
        vp_says(melding_form, code, vp, "Met bericht INHOUD")
    [notice] = mail.outbox
    assert notice.to == ["thuis@example.org"] and "INHOUD" not in notice.body
    off = client.post(
        mailbox_url(melding_form, "mailbox_notice"), {"uit": "1", "form_token": form_token(page)}
    )
    assert off.status_code == 303 and Melding.objects.get().melder_notice is None
    bad = client.post(
        mailbox_url(melding_form, "mailbox_notice"),
        {"email": "geen adres", "form_token": form_token(page)},
    )
    assert bad.status_code == 400 and "geen adres" in text(bad)


# Sessions ending, and the melding gone ----------------------------------------------------------


def test_an_idle_session_ends_with_a_clear_message_and_the_reply_is_kept(melding_form):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client, code = logged_in(melding_form)
        page = open_mailbox(client, melding_form)
        clock.shift(timedelta(minutes=16))
        response = reply(client, melding_form, "Lang over nagedacht", page_html=page)
        assert response.status_code == 403
        login = text(response)
        with translation.override("nl"):
            said = gettext(
                "You were logged out. The mailbox closes by itself after %(idle_minutes)s "
                "minutes without activity, and %(max_minutes)s minutes after logging in. Log "
                "in again with your code."
            ) % {"idle_minutes": 15, "max_minutes": 60}
        assert said in login
        assert re.search(r"<textarea[^>]*>\s*Lang over nagedacht</textarea>", login)
        assert 'name="code"' in login and not Message.objects.exists()
        # Logging in again with the kept text puts it in the reply box, not yet sent.
        again = log_in(client, melding_form, code, expect=200, reply="Lang over nagedacht")
        page = text(again)
        assert re.search(r'<textarea name="text"[^>]*>Lang over nagedacht</textarea>', page)
        assert not Message.objects.exists()
        sent = reply(client, melding_form, "Lang over nagedacht", page_html=again.content.decode())
        assert sent.status_code == 303


def test_a_session_ends_an_hour_after_login_however_active(melding_form):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client, _code = logged_in(melding_form)
        for _ in range(5):
            clock.shift(timedelta(minutes=10))
            assert 'id="berichten"' in open_mailbox(client, melding_form)
        clock.shift(timedelta(minutes=10, seconds=1))  # 60 minutes after logging in
        response = client.get(mailbox_url(melding_form))
        assert 'name="code"' in response.content.decode()
        assert response.cookies["vertrouwen_mailbox_key"].value == ""  # the stale cookie goes


def test_logging_out_ends_the_session(melding_form):
    client, _code = logged_in(melding_form)
    page = open_mailbox(client, melding_form)
    response = client.post(mailbox_url(melding_form, "mailbox_logout"))
    assert response.status_code == 200 and nl("You are logged out.") in text(response)
    assert response.cookies["vertrouwen_mailbox_key"].value == ""
    assert not MailboxSession.objects.exists()
    after = client.get(mailbox_url(melding_form))
    assert 'name="code"' in after.content.decode()
    assert reply(client, melding_form, "Na uitloggen", page_html=page).status_code == 403
    assert not Message.objects.exists()


def test_a_melding_deleted_before_the_reply_keeps_the_text(melding_form):
    client, _code = logged_in(melding_form)
    page = open_mailbox(client, melding_form)
    Melding.objects.all().delete()  # purged: its sessions go with it
    response = reply(client, melding_form, "Mijn laatste woorden", page_html=page)
    assert response.status_code == 403
    assert re.search(r"<textarea[^>]*>\s*Mijn laatste woorden</textarea>", text(response))


def test_a_melding_deleted_while_the_reply_is_stored_keeps_the_text(melding_form, monkeypatch):
    client, code = logged_in(melding_form)
    page = open_mailbox(client, melding_form)
    stale = mailbox.session_for(client.cookies["vertrouwen_mailbox_key"].value)
    Melding.objects.all().delete()
    monkeypatch.setattr(mailbox, "session_for", lambda token: stale)
    response = reply(client, melding_form, "Net te laat", page_html=page)
    assert response.status_code == 410
    page = text(response)
    assert nl("This melding no longer exists") in page
    assert re.search(r"<textarea[^>]*readonly[^>]*>Net te laat</textarea>", page)
    assert not Message.objects.exists()
    assert code


# Access --------------------------------------------------------------------------------------


def test_a_code_opens_only_its_own_melding(melding_form):
    mine = send_melding(melding_form, wat="Mijn melding EIGEN")
    send_melding(melding_form, wat="Andermans melding VREEMD")
    client = browser(melding_form)
    log_in(client, melding_form, mine)
    page = text(client.get(mailbox_url(melding_form)))
    assert "EIGEN" in page and "VREEMD" not in page


def test_a_code_of_form_a_opens_nothing_at_form_b(melding_form, vp):
    code = send_melding(melding_form, wat="Op formulier A")
    other = make_form(melding_form.get_parent(), title="Formulier B", slug="formulier-b")
    make_vp("vp-b", other)
    client = browser(other)
    log_in(client, other, code, expect=403)
    # A session of form A does not open form B's mailbox either.
    log_in(client, melding_form, code)
    response = client.get(mailbox_url(other))
    assert 'name="code"' in response.content.decode() and "Op formulier A" not in text(response)
    page = open_mailbox(client, melding_form)
    data = {
        "text": "Naar B",
        "challenge": solve(challenges(page)[0]),
        "form_token": form_token(page),
    }
    assert client.post(mailbox_url(other, "mailbox_reply"), data).status_code == 403
    assert not Message.objects.exists()


# The code is nowhere -------------------------------------------------------------------------


def forms_of(code):
    digits = code.replace(" ", "")
    return {code, digits, "-".join(code.split())}


def test_the_code_is_nowhere_after_sending_and_logging_in(
    melding_form, vp, caplog, django_capture_on_commit_callbacks
):
    import logging

    from .test_confidentiality import cache_contents, database_dump

    caplog.set_level(logging.DEBUG)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = send(Client(), melding_form, bevestiging_email="melder@example.org")
        code = code_on(response)
        client = browser(melding_form)
        log_in(client, melding_form, code)
        reply(client, melding_form, "Een antwoord")
        vp_says(melding_form, code, vp)
        api_client = Client()
        login = api_client.get(mailbox_url(melding_form, "api_mailbox_login")).json()
        api_client.post(
            mailbox_url(melding_form, "api_mailbox_login"),
            {"code": code, "challenge": solve(login["challenge"])},
            content_type="application/json",
        )
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    found = [
        value
        for value in database_dump()
        if value is not None and any(form in str(value) for form in forms_of(code))
    ]
    assert not found
    for form in forms_of(code):
        assert form not in dump.getvalue()
        assert not [s for s in Session.objects.all() if form in str(s.get_decoded())]
        assert not [v for v in cache_contents() if form in str(v)]
        assert not [k for k in getattr(cache, "_cache", {}) if form in str(k)]
        for message in mail.outbox:
            assert form not in message.subject and form not in message.body
        assert not [r for r in caplog.records if form in r.getMessage() or form in str(r.args)]
    assert len(mail.outbox) >= 2


def test_the_answers_shown_are_those_of_the_inbox(melding_form):
    """The mailbox shows the answers as the inbox does (``forms.melding.readable_answers``)."""
    from wagtail_vertrouwen.channel.forms.melding import readable_answers
    from wagtail_vertrouwen.channel.views.inbox import _readable

    sample = answers(wie="leerling", contact="email", email="a@b.test", probleemgebied="anders")
    assert readable_answers(sample) == _readable(sample)
    assert readable_answers({**sample, "_excluded": {"id": 1}}) == _readable(sample)


def test_more_files_than_django_accepts_gets_a_clear_message(melding_form, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 2
    client, _code = logged_in(melding_form)
    files = [upload(f"{n}.png", png()) for n in range(3)]
    response = reply(client, melding_form, "Veel foto's", files=files)
    assert response.status_code == 413
    assert nl(
        "Too many or too large files were sent, so nothing could be read. Choose at most "
        "%(count)d photos or PDF files and send again."
    ) % {"count": 5} in text(response)
    assert not Message.objects.exists()


@pytest.mark.parametrize("name", ["mailbox_identity", "mailbox_notice", "mailbox_reply"])
def test_every_form_of_the_mailbox_needs_a_session(melding_form, name):
    send_melding(melding_form)
    response = browser(melding_form).post(
        mailbox_url(melding_form, name), {"naam": "X", "email": "x@example.org", "text": "X"}
    )
    assert response.status_code == 403 and 'name="code"' in response.content.decode()
    assert not Message.objects.exists() and Melding.objects.get().melder_notice is None
