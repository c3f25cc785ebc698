"""Attacks from the adversarial review of the mailbox and the handover, each performed: a
melder flooding the recipients, another site posting to the mailbox, absurd page ids, a
melding from before the exclusion was recorded, the excluded person learning of a melding,
and a far-off next contact date."""

from datetime import date

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail_vertrouwen.channel import crypto, policy
from wagtail_vertrouwen.channel.models import Melding, Message
from wagtail_vertrouwen.channel.services import conversation, handover, mailbox
from wagtail_vertrouwen.channel.services.deadlines import NEXT_CONTACT_MAX_MONTHS, add_months
from wagtail_vertrouwen.channel.services.submit import EXCLUDED

from .channel import enter, mails_to, png, reader, upload
from .factories import make_vp
from .mailbox import browser, log_in, mailbox_url, open_mailbox, reply, send_melding
from .test_handover import grant_url, holders, melding_for, replace_key

# Flooding ------------------------------------------------------------------------------------


def test_a_melder_cannot_flood_the_recipients(melding_form, vp, settings):
    settings.WAGTAIL_VERTROUWEN_MELDER_MESSAGES_PER_HOUR = 3
    code = send_melding(melding_form)
    opened = mailbox.open_with_code(melding_form.translation_key, code)
    for number in range(3):
        conversation.post(opened.melding, opened.content_key, text=f"bericht {number}")
    with pytest.raises(conversation.TooMany):
        conversation.post(opened.melding, opened.content_key, text="nog een")
    assert Message.objects.count() == 3
    # Through the page: refused with a message, the text kept, nothing stored.
    client = browser(melding_form)
    log_in(client, melding_form, code)
    response = reply(client, melding_form, "TEKST-BLIJFT")
    assert response.status_code == 429
    assert "TEKST-BLIJFT" in response.content.decode()
    assert Message.objects.count() == 3


def test_files_per_melding_are_capped(melding_form, vp, settings):
    settings.WAGTAIL_VERTROUWEN_ATTACHMENTS_PER_MELDING = 2
    code = send_melding(melding_form)
    opened = mailbox.open_with_code(melding_form.translation_key, code)
    two = [upload(f"{n}.png", png(str(n)), "image/png") for n in range(2)]
    conversation.post(opened.melding, opened.content_key, text="twee", uploads=two)
    with pytest.raises(conversation.TooMany):
        conversation.post(
            opened.melding,
            opened.content_key,
            text="derde",
            uploads=[upload("c.png", png("c"), "image/png")],
        )
    assert opened.melding.bijlagen.count() == 2


def test_one_notice_until_the_recipients_have_read(
    melding_form, vp, django_capture_on_commit_callbacks
):
    code = send_melding(melding_form)
    opened = mailbox.open_with_code(melding_form.translation_key, code)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        conversation.post(opened.melding, opened.content_key, text="een")
        conversation.post(opened.melding, opened.content_key, text="twee")
    assert len(mails_to(vp.email)) == 1
    conversation.mark_read(opened.melding, by_melder=False)
    with django_capture_on_commit_callbacks(execute=True):
        conversation.post(opened.melding, opened.content_key, text="drie")
    assert len(mails_to(vp.email)) == 2


# Another site posting ------------------------------------------------------------------------


def test_another_site_cannot_log_a_melder_in_or_out_or_plant_text(melding_form, vp):
    code = send_melding(melding_form)
    client = browser(melding_form)
    log_in(client, melding_form, code)
    cookie_name = policy.mailbox_cookie_name(type("R", (), {"is_secure": lambda s: False})())
    before = client.cookies[cookie_name].value
    evil = {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://evil.example"}
    planted = client.post(
        mailbox_url(melding_form, "mailbox_reply"), {"text": "PLANTED-TEXT"}, **evil
    )
    assert planted.status_code == 403
    assert "PLANTED-TEXT" not in planted.content.decode()
    assert cookie_name not in planted.cookies  # not deleted, not replaced
    logout = client.post(mailbox_url(melding_form, "mailbox_logout"), **evil)
    assert logout.status_code == 403 and cookie_name not in logout.cookies
    assert client.cookies[cookie_name].value == before
    assert "PLANTED-TEXT" not in open_mailbox(client, melding_form)
    # Login CSRF: another site logging the browser in to the attacker's own melding.
    other = send_melding(melding_form)
    stranger = browser(melding_form)
    response = stranger.post(mailbox_url(melding_form), {"code": other}, **evil)
    assert response.status_code == 403 and cookie_name not in response.cookies


def test_a_post_without_a_cookie_deletes_no_cookie(melding_form, vp):
    send_melding(melding_form)
    response = browser(melding_form).post(
        mailbox_url(melding_form, "mailbox_reply"), {"text": "iets"}
    )
    assert response.status_code == 403
    assert not [c for c in response.cookies.values() if c["max-age"] == 0]


@pytest.mark.parametrize(
    "path",
    [
        "/vertrouwen/postvak/99999999999999999999/",
        "/vertrouwen/api/postvak/99999999999999999999/login",
        "/vertrouwen/melding/99999999999999999999/",
        "/vertrouwen/api/meldingen/99999999999999999999/",
    ],
)
def test_an_absurd_page_id_is_a_404(melding_form, path):
    client = Client(HTTP_HOST=melding_form.get_site().hostname)
    assert client.get(path).status_code in (301, 404)  # 301: the slash appended, then 404
    assert client.get(path, follow=True).status_code == 404
    assert client.post(path, {}).status_code in (301, 404, 405)


# A melding from before the exclusion was recorded ----------------------------------------------


def _as_before_the_record(melding, user):
    """Store the answers as version 0.1.0 did: without the exclusion record."""
    key = reader(user).content_key(melding)
    document = crypto.decrypt_json(key, bytes(melding.content), melding.context)
    document.pop(EXCLUDED)
    Melding.objects.filter(pk=melding.pk).update(
        content=crypto.encrypt_json(key, document, melding.context)
    )


def test_an_old_melding_is_never_given_to_whom_it_was_kept_away_from(form, recipient):
    co = make_vp("tweede", form)
    excluded = make_vp("uitgesloten", form)
    melding = melding_for(form, excluded=excluded)
    _as_before_the_record(melding, recipient)
    melding.refresh_from_db()
    with pytest.raises(handover.Refused):
        handover.grant(reader(recipient), melding, excluded)
    client = enter(Client(), recipient)
    crafted = client.post(grant_url(melding), {"colleague": excluded.pk, "confirm": "on"})
    assert crafted.status_code == 400
    assert holders(melding) == {recipient.pk, co.pk}
    # A colleague designated later may still be given it.
    later = make_vp("later", form)
    handover.grant(reader(recipient), melding, later)
    assert later.pk in holders(melding)


def test_a_new_melding_records_that_nobody_was_excluded(form, recipient):
    melding = melding_for(form)
    assert reader(recipient).answers(melding)[EXCLUDED] is None


def test_the_excluded_person_does_not_learn_of_an_unreadable_melding(form, recipient):
    excluded = make_vp("uitgesloten", form)
    melding = melding_for(form, excluded=excluded)
    replace_key(recipient)
    later = make_vp("later", form)
    assert list(policy.unreadable_for(later)) == [melding]
    assert list(policy.unreadable_for(recipient)) == [melding]
    assert list(policy.unreadable_for(excluded)) == []
    page = enter(Client(), excluded).get(reverse("wagtail_vertrouwen_inbox:unreadable"))
    assert page.status_code == 200 and page.context["meldingen"] == []


# Deadlines -----------------------------------------------------------------------------------


def test_a_far_off_next_contact_date_is_refused_and_a_stored_one_breaks_nothing(melding_form, vp):
    melding = Melding.objects.get(pk=melding_for(melding_form).pk)
    client = enter(Client(), vp)
    url = reverse("wagtail_vertrouwen_inbox:next_contact", args=[melding.pk])
    client.post(url, {"next_contact_by": "9999-12-31"})
    melding.refresh_from_db()
    assert melding.next_contact_by is None
    furthest = add_months(date.today(), NEXT_CONTACT_MAX_MONTHS)
    client.post(url, {"next_contact_by": furthest.isoformat()})
    melding.refresh_from_db()
    assert melding.next_contact_by == furthest
    index = reverse("wagtail_vertrouwen_inbox:index")
    assert client.get(index).status_code == 200
    assert client.get(index + "?ordering=due").status_code == 200
    assert (
        client.get(reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])).status_code == 200
    )
