"""Handing meldingen over (issue 9, item 6): a party seals the content key to a colleague
designated on the same form; the melder's exclusion always holds; every grant is audited and
mailed without content; meldingen nobody can open are listed, so they are not forgotten."""

import uuid

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core import mail
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext, ngettext

from example_site.demo_channel import VP_PASSPHRASE
from wagtail_vertrouwen.channel import crypto, policy
from wagtail_vertrouwen.channel.models import (
    AuditAction,
    AuditEntry,
    MeldingAccess,
    MeldingStatus,
    RecipientKey,
)
from wagtail_vertrouwen.channel.services import designate, handover
from wagtail_vertrouwen.channel.services.submit import submit
from wagtail_vertrouwen.channel.views.handover import REFUSALS, handover_context

from .channel import answers, enter, nl, reader
from .factories import admin, make_form, make_vp

MARKER = "HANDOVERMARKER5Z"
INDEX = "wagtail_vertrouwen_inbox:index"


def detail(melding):
    return reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])


def grant_url(melding):
    return reverse("wagtail_vertrouwen_inbox:grant", args=[melding.pk])


def handover_url():
    return reverse("wagtail_vertrouwen_inbox:handover")


def unreadable_url():
    return reverse("wagtail_vertrouwen_inbox:unreadable")


def melding_for(form, excluded=None, status=None, text="Er gebeurt iets"):
    melding = submit(form, form.get_site(), answers(wat=f"{text} {MARKER}"), excluded=excluded)
    if status is not None:
        melding.set_status(status)
        melding.save()
    return melding


def replace_key(user, passphrase=VP_PASSPHRASE):
    """She lost passphrase and recovery code and set up a new key pair."""
    RecipientKey.objects.filter(user=user).delete()
    keys = crypto.generate_recipient_keys(passphrase, crypto.FAST_KDF)
    RecipientKey.objects.create(
        user=user,
        public_key=keys.public_key,
        wrapped_by_secret=keys.wrapped_by_secret,
        wrapped_by_recovery_code=keys.wrapped_by_recovery_code,
    )


def editor():
    user = User.objects.create_user("redacteur", "redacteur@school.test", "x")
    group, _created = Group.objects.get_or_create(name="Editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def granted():
    return AuditEntry.objects.filter(action=AuditAction.ACCESS_GRANTED)


def holders(melding):
    return set(MeldingAccess.objects.filter(melding=melding).values_list("recipient", flat=True))


# The successor ---------------------------------------------------------------------------------


def test_a_successor_reads_the_old_open_meldingen_after_the_handover_not_before(
    form, recipient, django_capture_on_commit_callbacks
):
    old = melding_for(form, text="Oud verhaal")
    closed = melding_for(form, status=MeldingStatus.AFGESLOTEN)
    successor = make_vp("opvolger", form, first_name="Olga", last_name="Opvolger")
    theirs = enter(Client(), successor)
    assert theirs.get(detail(old)).status_code == 404  # designated later: nothing from before

    mine = enter(Client(), recipient)
    page = mine.get(handover_url())
    assert page.status_code == 200 and policy.identity(successor) in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = mine.post(
            handover_url(),
            {"colleague": successor.pk, "give_up": "on", "confirm": "on"},
            follow=True,
        )
    assert response.redirect_chain == [(reverse(INDEX), 302)]
    told = [str(message) for message in response.context["messages"]]
    expected = ngettext(
        "%(count)d melding was handed over to %(who)s.",
        "%(count)d meldingen were handed over to %(who)s.",
        1,
    ) % {"count": 1, "who": policy.identity(successor)}
    assert told == [expected], told

    opened = theirs.get(detail(old))
    assert opened.status_code == 200 and "Oud verhaal" in opened.content.decode()
    assert theirs.get(detail(closed)).status_code == 404  # closed meldingen stay where they were
    assert mine.get(detail(old)).status_code == 404  # she gave hers up
    assert mine.get(detail(closed)).status_code == 200
    access = MeldingAccess.objects.get(melding=old, recipient=successor)
    assert access.granted_by == recipient and access.granted_at is not None
    line = granted().get(melding_id=old.pk)
    assert line.actor == recipient and line.subject == successor
    assert set(line.readers.values_list("pk", flat=True)) == {recipient.pk, successor.pk}
    assert AuditEntry.objects.get(
        action=AuditAction.ACCESS_GIVEN_UP, melding_id=old.pk
    ).readers.filter(pk=recipient.pk)


def test_giving_up_removes_own_access(form, recipient, django_capture_on_commit_callbacks):
    melding = melding_for(form)
    colleague = make_vp("collega", form)
    mine = enter(Client(), recipient)
    assert mine.get(detail(melding)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = mine.post(
            grant_url(melding), {"colleague": colleague.pk, "give_up": "on", "confirm": "on"}
        )
    assert response.status_code == 302 and response["Location"] == reverse(INDEX)
    assert mine.get(detail(melding)).status_code == 404
    assert mine.get(grant_url(melding)).status_code == 404  # no party: cannot grant either
    assert enter(Client(), colleague).get(detail(melding)).status_code == 200
    assert holders(melding) == {colleague.pk}
    assert AuditEntry.objects.filter(
        action=AuditAction.ACCESS_GIVEN_UP, actor=recipient, melding_id=melding.pk
    ).exists()


def test_keeping_own_access_shares_the_melding(form, recipient):
    melding = melding_for(form)
    colleague = make_vp("collega", form)
    mine = enter(Client(), recipient)
    response = mine.post(grant_url(melding), {"colleague": colleague.pk, "confirm": "on"})
    assert response.status_code == 302 and response["Location"] == detail(melding)
    assert mine.get(detail(melding)).status_code == 200
    assert enter(Client(), colleague).get(detail(melding)).status_code == 200
    assert [user.pk for user in handover.parties(melding)] == [recipient.pk, colleague.pk]
    assert not AuditEntry.objects.filter(action=AuditAction.ACCESS_GIVEN_UP).exists()


def test_the_last_party_cannot_give_up_her_access(form, recipient):
    melding = melding_for(form)
    with pytest.raises(handover.Refused) as refused:
        handover._give_up(recipient, melding)
    assert refused.value.reason == handover.LAST_PARTY
    assert holders(melding) == {recipient.pk}
    # A co-recipient whose copy is sealed to a key she no longer has does not count.
    other = make_vp("tweede", form)
    MeldingAccess.objects.create(
        melding=melding,
        recipient=other,
        sealed_key=b"\x01stale",
        sealed_to=b"\x00" * 32,
    )
    with pytest.raises(handover.Refused):
        handover._give_up(recipient, melding)


# The melder's exclusion ----------------------------------------------------------------------


@pytest.fixture
def excluded_case(form, recipient):
    """A form with three recipients; the melder kept the melding away from ``uitgesloten``."""
    co = make_vp("tweede", form)
    excluded = make_vp("uitgesloten", form, first_name="Ed", last_name="Uitgesloten")
    melding = melding_for(form, excluded=excluded)
    assert holders(melding) == {recipient.pk, co.pk}
    return melding, co, excluded


def test_the_excluded_person_cannot_be_given_access_even_by_a_co_recipient(
    excluded_case, recipient
):
    melding, co, excluded = excluded_case
    client = enter(Client(), co)
    page = client.get(grant_url(melding))
    assert page.status_code == 200
    assert policy.identity(excluded) not in page.content.decode()  # not offered
    assert MARKER not in page.content.decode()  # metadata only
    before = AuditEntry.objects.count()

    crafted = client.post(
        grant_url(melding), {"colleague": excluded.pk, "give_up": "on", "confirm": "on"}
    )
    assert crafted.status_code == 400
    assert escape(str(REFUSALS[policy.EXCLUDED_BY_MELDER])) in crafted.content.decode()
    assert holders(melding) == {recipient.pk, co.pk}  # nobody gained, nobody gave up
    assert not granted().exists() and AuditEntry.objects.count() == before
    assert enter(Client(), excluded).get(detail(melding)).status_code == 404

    # Not through the service either, nor by handing everything over.
    with pytest.raises(handover.Refused) as refused:
        handover.grant(reader(co), melding, excluded)
    assert refused.value.reason == policy.EXCLUDED_BY_MELDER
    result = handover.hand_over_all(reader(recipient), excluded)
    assert (result.given, result.skipped_excluded) == (0, 1)
    assert holders(melding) == {recipient.pk, co.pk} and not granted().exists()


def test_the_exclusion_holds_for_a_recreated_or_renamed_account(excluded_case, recipient):
    """Same address under another login name (any case), or the same login name."""
    melding, _co, excluded = excluded_case
    record = handover.excluded_of(reader(recipient), melding)
    assert record == {"id": excluded.pk, "username": "uitgesloten", "email": excluded.email}
    again = make_vp("ed2", form=melding.form, email=excluded.email.upper())
    assert policy.why_not_given_access(again, melding, record) == policy.EXCLUDED_BY_MELDER
    excluded.delete()
    renamed = make_vp("UITGESLOTEN", form=melding.form, email="nieuw@school.test")
    assert policy.why_not_given_access(renamed, melding, record) == policy.EXCLUDED_BY_MELDER
    with pytest.raises(handover.Refused):
        handover.grant(reader(recipient), melding, renamed)
    # Someone else designated on the form may be given access.
    fine = make_vp("derde", form=melding.form)
    assert policy.may_be_given_access(fine, melding, record)


# Who cannot be given access, and who cannot give it -------------------------------------------


def test_outsiders_editors_and_superusers_can_neither_be_given_access_nor_give_it(form, recipient):
    melding = melding_for(form)
    outsider = make_vp("buitenstaander")  # key and second factor, but not on this form
    other_form = make_form(form.get_parent(), title="Personeel", slug="personeel")
    designate.designate(other_form, outsider, admin())
    web_editor, superuser = editor(), admin()
    mine = enter(Client(), recipient)
    for person in (outsider, web_editor, superuser):
        response = mine.post(grant_url(melding), {"colleague": person.pk, "confirm": "on"})
        assert response.status_code == 400, person
        assert escape(str(REFUSALS[policy.NOT_DESIGNATED])) in response.content.decode()
        with pytest.raises(handover.Refused) as refused:
            handover.grant(reader(recipient), melding, person)
        assert refused.value.reason == policy.NOT_DESIGNATED
        assert not policy.may_hand_over(person, melding)
    assert holders(melding) == {recipient.pk} and not granted().exists()

    # None of them can give access: the inbox does not open for the editor and the superuser,
    # and the outsider (a recipient of another form) holds no key to this melding.
    for person in (web_editor, superuser):
        client = Client()
        client.force_login(person)
        assert client.get(grant_url(melding)).status_code == 404
        assert client.post(grant_url(melding), {"colleague": person.pk}).status_code == 404
        assert client.get(handover_url()).status_code == 404
    theirs = enter(Client(), outsider)
    assert theirs.get(grant_url(melding)).status_code == 404
    assert (
        theirs.post(grant_url(melding), {"colleague": outsider.pk, "confirm": "on"}).status_code
        == 404
    )
    with pytest.raises(handover.Refused) as refused:
        handover.grant(reader(outsider), melding, outsider)
    assert refused.value.reason == handover.NOT_A_PARTY
    assert holders(melding) == {recipient.pk} and not granted().exists()


def test_a_recipient_cannot_grant_a_melding_she_does_not_hold(form, recipient):
    melding = melding_for(form)
    later = make_vp("later", form)  # designated after the melding: holds nothing of it
    third = make_vp("derde", form)
    client = enter(Client(), later)
    assert client.get(grant_url(melding)).status_code == 404
    response = client.post(grant_url(melding), {"colleague": third.pk, "confirm": "on"})
    assert response.status_code == 404
    with pytest.raises(handover.Refused) as refused:
        handover.grant(reader(later), melding, third)
    assert refused.value.reason == handover.NOT_A_PARTY
    assert holders(melding) == {recipient.pk} and not granted().exists()


def test_a_colleague_without_key_or_admin_access_or_reading_already_is_refused(form, recipient):
    melding = melding_for(form)
    keyless = make_vp("zonder_sleutel", form, key=False)
    reads = make_vp("leest_al", form)
    handover.grant(reader(recipient), melding, reads)
    demoted = make_vp("gedegradeerd", form)
    demoted.groups.clear()
    me = reader(recipient)
    record = handover.excluded_of(me, melding)
    assert policy.why_not_given_access(keyless, melding, record) == policy.NO_KEY
    assert policy.why_not_given_access(reads, melding, record) == policy.ALREADY_READS
    assert policy.why_not_given_access(demoted, melding, record) == policy.NOT_RECEIVING
    assert handover.eligible(me, melding) == []


def test_bad_input_gets_a_message_and_never_a_500(form, recipient):
    melding = melding_for(form)
    colleague = make_vp("collega", form)
    client = enter(Client(), recipient)
    for data in (
        {},
        {"colleague": "abc", "confirm": "on"},
        {"colleague": "999999", "confirm": "on"},
        {"colleague": colleague.pk},  # not confirmed
        {"colleague": ["abc", "zzz"], "confirm": "on", "give_up": "x" * 5000},
    ):
        response = client.post(grant_url(melding), data)
        assert response.status_code == 400, data
        assert escape(gettext("The colleague was not given access: see below.")) in (
            response.content.decode()
        )
        response = client.post(handover_url(), data)
        assert response.status_code == 400, data
    assert holders(melding) == {recipient.pk} and not granted().exists()
    # The unconfirmed choice is kept.
    kept = client.post(grant_url(melding), {"colleague": colleague.pk})
    assert f'<option value="{colleague.pk}" selected' in kept.content.decode()
    absent = reverse("wagtail_vertrouwen_inbox:grant", args=[uuid.uuid4()])
    assert client.get(absent).status_code == client.post(absent, {}).status_code == 404
    assert client.put(grant_url(melding)).status_code == 405
    # Someone who cannot take anything over.
    refused = client.post(handover_url(), {"colleague": editor().pk, "confirm": "on"})
    assert refused.status_code == 400
    assert escape(str(REFUSALS[handover.NOT_A_COLLEAGUE])) in refused.content.decode()


def test_posts_need_the_csrf_token(form, recipient):
    melding = melding_for(form)
    colleague = make_vp("collega", form)
    client = Client(enforce_csrf_checks=True)
    client.cookies = enter(Client(), recipient).cookies
    assert client.get(grant_url(melding)).status_code == 200  # the same, unlocked session
    data = {"colleague": colleague.pk, "confirm": "on"}
    assert client.post(grant_url(melding), data).status_code == 403
    assert client.post(handover_url(), data).status_code == 403
    assert holders(melding) == {recipient.pk}


# Handing everything over -----------------------------------------------------------------------


def test_hand_over_all_counts_and_skips(form, recipient):
    staff_form = make_form(form.get_parent(), title="Melding personeel", slug="personeel")
    designate.designate(staff_form, recipient, admin())
    successor = make_vp("opvolger")  # not designated yet: nothing is sealed to her
    given = melding_for(form)
    excluded = melding_for(form, excluded=successor)
    closed = melding_for(form, status=MeldingStatus.AFGESLOTEN)
    elsewhere = melding_for(staff_form)  # she is not designated on this form
    designate.designate(form, successor, admin())
    reads_already = melding_for(form)  # sealed to both at submission
    me = reader(recipient)

    result = handover.hand_over_all(me, successor)
    assert result == handover.Handover(given=1, skipped_excluded=1, skipped_other=2)
    assert holders(given) == {successor.pk}
    assert holders(excluded) == {recipient.pk}
    assert holders(closed) == {recipient.pk}
    assert holders(elsewhere) == {recipient.pk}
    assert holders(reads_already) == {recipient.pk, successor.pk}
    assert list(granted().values_list("melding_id", flat=True)) == [given.pk]

    # Nobody to hand over to: herself, or someone without a key.
    for nobody in (recipient, make_vp("zonder", form, key=False)):
        with pytest.raises(handover.Refused) as refused:
            handover.hand_over_all(me, nobody)
        assert refused.value.reason == handover.NOT_A_COLLEAGUE


def test_a_failure_halfway_leaves_no_melding_half_done(form, recipient, monkeypatch):
    first, second = melding_for(form), melding_for(form)
    successor = make_vp("opvolger", form)
    real = AuditEntry.record
    calls = []

    def failing(action, *args, **kwargs):
        if action == AuditAction.ACCESS_GIVEN_UP:
            calls.append(kwargs["melding"].pk)
            if len(calls) == 2:
                raise RuntimeError("database went away")
        return real(action, *args, **kwargs)

    monkeypatch.setattr(AuditEntry, "record", failing)
    with pytest.raises(RuntimeError):
        handover.hand_over_all(reader(recipient), successor)
    done, failed = (first, second) if calls[0] == first.pk else (second, first)
    assert holders(done) == {successor.pk}
    assert holders(failed) == {recipient.pk}  # neither sealed to her nor given up
    assert not granted().filter(melding_id=failed.pk).exists()


# Mail -----------------------------------------------------------------------------------------


def test_mails_go_to_everyone_involved_and_hold_nothing_of_the_melding(
    form, recipient, django_capture_on_commit_callbacks
):
    co = make_vp("tweede", form)
    first, second = melding_for(form), melding_for(form)
    other_form = make_form(form.get_parent(), title="Personeel", slug="personeel")
    designate.designate(other_form, recipient, admin())
    third = melding_for(other_form)  # co holds nothing of this one
    successor = make_vp("opvolger", first_name="Olga", last_name="Opvolger")
    for page in (form, other_form):
        designate.designate(page, successor, admin())
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        result = handover.hand_over_all(reader(recipient), successor)
    assert result.given == 3
    by_address = {}
    for message in mail.outbox:
        for address in message.to:
            by_address.setdefault(address, []).append(message)
    assert set(by_address) == {recipient.email, co.email, successor.email}
    assert all(len(messages) == 1 for messages in by_address.values())  # one per person
    for message in mail.outbox:
        text = message.subject + message.body
        assert MARKER not in text and "Er gebeurt iets" not in text
        assert policy.identity(successor) in text and policy.identity(recipient) in text
    assert " 3 " in by_address[successor.email][0].body
    assert {m.subject for m in mail.outbox} == {nl("Meldingen were handed over to a colleague")}
    assert "“Personeel”" in by_address[recipient.email][0].body
    told_co = by_address[co.email][0].body
    assert " 2 " in told_co and "Personeel" not in told_co  # only what concerns her
    assert {first.pk, second.pk, third.pk} == set(granted().values_list("melding_id", flat=True))


def test_one_grant_mails_the_giver_the_colleague_and_the_co_recipients(
    form, recipient, django_capture_on_commit_callbacks
):
    co = make_vp("tweede", form)
    melding = melding_for(form)
    colleague = make_vp("collega", form)
    mail.outbox.clear()
    client = enter(Client(), co)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(grant_url(melding), {"colleague": colleague.pk, "confirm": "on"})
    assert sorted(address for m in mail.outbox for address in m.to) == sorted(
        [recipient.email, co.email, colleague.email]
    )
    for message in mail.outbox:
        assert MARKER not in message.subject + message.body
        assert form.title in message.body and policy.identity(colleague) in message.body
        assert message.subject == nl("A colleague was given access to meldingen")


# Nobody can read it ----------------------------------------------------------------------------


def test_the_unreadable_listing_shows_a_melding_whose_only_recipient_replaced_her_key(
    form, recipient
):
    lost = melding_for(form, text="Niemand leest dit")
    replace_key(recipient)  # passphrase and recovery code lost: a new key pair
    readable = melding_for(form)  # sealed to her new key
    colleague = make_vp("tweede", form)

    assert list(policy.unreadable_for(colleague)) == [lost]
    assert list(policy.unreadable_for(recipient)) == [lost]
    assert list(policy.unreadable_for(make_vp("elders"))) == []  # not on this form

    client = enter(Client(), colleague)
    page = client.get(unreadable_url())
    content = page.content.decode()
    assert page.status_code == 200
    assert page.context["meldingen"] == [lost]
    assert form.title in content and "Niemand leest dit" not in content and MARKER not in content
    assert readable not in page.context["meldingen"]
    # Her own stale copy opens nothing, and nobody can give anyone access to it.
    mine = enter(Client(), recipient)
    assert mine.get(detail(lost)).status_code == 404
    assert mine.get(grant_url(lost)).status_code == 404
    assert mine.get(detail(readable)).status_code == 200
    assert handover.parties(lost) == []


def test_the_unreadable_listing_takes_one_query_however_many(form, recipient):
    for _number in range(2):
        melding_for(form)
    replace_key(recipient)
    with CaptureQueriesContext(connection) as few:
        assert len(list(policy.unreadable_for(recipient))) == 2
    for _number in range(4):
        melding_for(form)
    replace_key(recipient)
    with CaptureQueriesContext(connection) as many:
        rows = list(policy.unreadable_for(recipient))
    assert len(rows) == 6 and len(few) == len(many) == 1
    with CaptureQueriesContext(connection) as more:
        assert all(row.form.title and row.site.site_name for row in rows)
    assert len(more) == 0

    client = enter(Client(), recipient)
    client.get(unreadable_url())
    with CaptureQueriesContext(connection) as first:
        client.get(unreadable_url())
    melding_for(form)
    replace_key(recipient)
    with CaptureQueriesContext(connection) as second:
        assert len(client.get(unreadable_url()).context["meldingen"]) == 7
    assert len(first) == len(second)


def test_a_stale_copy_is_sealed_anew(form, recipient):
    """A co-recipient who set up a new key is given the melding again by a party."""
    co = make_vp("tweede", form)
    melding = melding_for(form)
    replace_key(co)
    stale = MeldingAccess.objects.get(melding=melding, recipient=co)
    stale.note, stale.note_key = b"old note", b"old key"
    stale.save()
    assert enter(Client(), co).get(detail(melding)).status_code == 404
    assert [user.pk for user in handover.parties(melding)] == [recipient.pk]
    assert co in handover.eligible(reader(recipient), melding)

    handover.grant(reader(recipient), melding, co)
    renewed = MeldingAccess.objects.get(melding=melding, recipient=co)
    assert renewed.pk == stale.pk and renewed.note is None and renewed.granted_by == recipient
    assert bytes(renewed.sealed_to) == bytes(RecipientKey.objects.get(user=co).public_key)
    assert enter(Client(), co).get(detail(melding)).status_code == 200
    assert [user.pk for user in handover.parties(melding)] == [recipient.pk, co.pk]


# The melding page's part -------------------------------------------------------------------------


def test_the_melding_page_include_links_or_shows_the_inline_form(form, recipient):
    melding = melding_for(form)
    colleague = make_vp("collega", form)
    plain = render_to_string(
        "wagtail_vertrouwen/inbox/includes/handover.html", {"melding": melding}
    )
    assert grant_url(melding) in plain and handover_url() in plain
    request = RequestFactory().get("/")
    request.user, request.reader = recipient, reader(recipient)
    context = {"melding": melding, **handover_context(request, melding)}
    inline = render_to_string("wagtail_vertrouwen/inbox/includes/handover.html", context)
    assert f'<option value="{colleague.pk}"' in inline and 'name="give_up"' in inline
    page = enter(Client(), recipient).get(detail(melding))
    assert page.status_code == 200 and grant_url(melding) in page.content.decode()
