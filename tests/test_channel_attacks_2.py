"""The second review's attacks, as regression tests (each showed the weakness before its fix)."""

import json
import sys

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.signals import got_request_exception
from django.test import Client
from django.urls import reverse
from django.views.debug import get_exception_reporter_class

from example_site.demo_channel import VP_PASSPHRASE
from wagtail_vertrouwen.channel.models import AuditAction, AuditEntry, Melding, RecipientKey

from .channel import answers, enter, page_challenge, png, send, solve, upload

NEW_PASSPHRASE = {"new_passphrase1": VP_PASSPHRASE, "new_passphrase2": VP_PASSPHRASE}


def host(page):
    return {"HTTP_HOST": page.get_site().hostname}


def test_bulk_deactivation_in_wagtail_is_audited_and_does_not_silently_come_back(
    melding_form, vp, make_recipient, django_capture_on_commit_callbacks
):
    from wagtail.users.views.bulk_actions.set_active_state import SetActiveStateBulkAction

    other = make_recipient("tweede", form=melding_form)
    mail.outbox.clear()
    SetActiveStateBulkAction.execute_action([other], mark_as_active=False, model=User)
    assert [u.username for u in melding_form.recipients()] == ["vertrouwenspersoon"]
    # No signal fired: the tasks' sweep (or Wagtail's after_bulk_action hook) ends it.
    from wagtail_vertrouwen.channel.services.designate import end_lapsed_designations

    with django_capture_on_commit_callbacks(execute=True):
        assert end_lapsed_designations() == 1
    assert AuditEntry.objects.filter(
        action=AuditAction.RECIPIENT_REMOVED, detail__contains="tweede"
    ).exists()
    assert vp.email in {a for m in mail.outbox for a in m.to}
    SetActiveStateBulkAction.execute_action([other], mark_as_active=True, model=User)
    assert [u.username for u in melding_form.recipients()] == ["vertrouwenspersoon"]


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
        return client.post(url, data, **host(melding_form))

    for do in (form, api):
        do.page = melding_form
        report = _report(monkeypatch, do)
        assert "cache down" in report  # it is the report of this failure
        assert "GEHEIMTEKST" not in report and "GEHEIM-naam" not in report


def test_half_an_emoji_in_json_is_a_clear_400(melding_form):
    client = Client()
    url = reverse("wagtail_vertrouwen:api_melding_submit", args=[melding_form.pk])
    solved = solve(client.get(url).json()["challenge"])
    response = client.post(
        url,
        json.dumps(answers(wat="ik \ud83d schrijf", challenge=solved)),
        content_type="application/json",
    )
    assert response.status_code == 400 and "wat" in response.json()["errors"]
    assert not Melding.objects.exists()


def test_more_files_than_django_accepts_gets_our_message(melding_form):
    response = send(Client(), melding_form, files=[upload(f"f{i}.png", png()) for i in range(101)])
    assert response.status_code == 400
    assert "hoogstens 5" in response.content.decode()


def test_after_a_new_key_old_meldingen_are_marked_and_new_ones_read(melding_form, vp):
    assert send(Client(), melding_form, wat="oud").status_code == 302
    old = Melding.objects.get()
    RecipientKey.objects.filter(user=vp).delete()  # lost password and recovery code
    client = enter(Client(), vp, unlocked=False)
    client.post(reverse("wagtail_vertrouwen_inbox:key_setup"), NEW_PASSPHRASE)
    assert send(Client(), melding_form, wat="NIEUWE-MELDING").status_code == 302
    index = client.get(reverse("wagtail_vertrouwen_inbox:index"))
    assert (
        index.status_code == 200
        and "Niet leesbaar met uw huidige sleutel" in index.content.decode()
    )
    assert client.get(reverse("wagtail_vertrouwen_inbox:detail", args=[old.pk])).status_code == 404
    new = Melding.objects.exclude(pk=old.pk).get()
    assert (
        "NIEUWE-MELDING"
        in client.get(reverse("wagtail_vertrouwen_inbox:detail", args=[new.pk])).content.decode()
    )


@pytest.mark.parametrize("view", ["detail", "status", "note", "download"])
def test_a_co_recipient_deleting_meanwhile_gives_404_not_500(
    melding_form, vp, make_recipient, monkeypatch, view, django_capture_on_commit_callbacks
):
    from wagtail_vertrouwen.channel.services.reading import delete_melding
    from wagtail_vertrouwen.channel.views import inbox as views

    other = make_recipient("tweede", form=melding_form)
    assert send(Client(), melding_form, files=[upload("a.png", png())]).status_code == 302
    melding = Melding.objects.get()
    bijlage = melding.bijlagen.get()
    client = enter(Client(), vp)
    original = views._melding

    def racing(request, pk):
        found = original(request, pk)
        with django_capture_on_commit_callbacks(execute=True):
            delete_melding(Melding.objects.get(pk=pk), other)  # the other request commits now
        return found

    monkeypatch.setattr(views, "_melding", racing)
    args = [melding.pk, bijlage.pk] if view == "download" else [melding.pk]
    url = reverse(f"wagtail_vertrouwen_inbox:{view}", args=args)
    if view in ("detail", "download"):
        response = client.get(url)
    else:
        response = client.post(url, {"status": "afgesloten", "note": "n"})
    assert response.status_code == 404


def test_a_recipients_new_email_address_is_audited_and_told_to_the_old_one(
    melding_form, vp, django_capture_on_commit_callbacks
):
    old = vp.email
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        vp.email = "omgeleid@example.org"
        vp.save()
    assert old in {a for m in mail.outbox for a in m.to}
    assert AuditEntry.objects.filter(
        action=AuditAction.RECIPIENT_CONTACT_CHANGED, subject=vp
    ).exists()


def test_a_double_click_on_key_setup_is_no_500(melding_form, vp, monkeypatch):
    from wagtail_vertrouwen.channel import crypto
    from wagtail_vertrouwen.channel.services import keys as security

    RecipientKey.objects.filter(user=vp).delete()
    first = enter(Client(), vp, unlocked=False)
    second = enter(Client(), vp, unlocked=False)
    original = crypto.generate_recipient_keys
    seen = {}

    def slow(password, limits):
        keys = original(password, limits)
        if not seen:  # the first click finishes while the second derives its key
            seen["busy"] = True
            seen["first"] = first.post(
                reverse("wagtail_vertrouwen_inbox:key_setup"), NEW_PASSPHRASE
            )
        return keys

    monkeypatch.setattr(security.crypto, "generate_recipient_keys", slow)
    response = second.post(reverse("wagtail_vertrouwen_inbox:key_setup"), NEW_PASSPHRASE)
    assert response.status_code == 302 and response["Location"].endswith("/unlock/")
    assert seen["first"].status_code == 200 and RecipientKey.objects.filter(user=vp).count() == 1
