"""The melder's code and the conversation's storage, below the views: what is stored, what a
code opens, and what a message binds to (DESIGN.md, "The melder's mailbox")."""

import threading

import pytest
from django.db import connection

from wagtail_vertrouwen.channel import crypto
from wagtail_vertrouwen.channel.models import (
    InstallationSalt,
    MailboxSession,
    Melding,
    Message,
    MessageKind,
)
from wagtail_vertrouwen.channel.services import conversation, mailbox
from wagtail_vertrouwen.channel.services.submit import EXCLUDED, submit

from .channel import answers, png, reader, upload

MARKER = "ZQX-geheim-4711"


def _submit(form, **overrides):
    return submit(form, form.get_site(), answers(wat=f"{MARKER} wat", **overrides))


# The code --------------------------------------------------------------------------------


def test_a_code_is_sixteen_digits_in_four_groups():
    codes = {crypto.new_melder_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        groups = code.split(" ")
        assert [len(group) for group in groups] == [4, 4, 4, 4]
        assert "".join(groups).isdigit()


@pytest.mark.parametrize(
    "typed",
    ["1234 5678 9012 3456", "1234-5678-9012-3456", " 1234567890123456 ", "١٢٣٤ ٥٦٧٨ ٩٠١٢ ٣٤٥٦"],
)
def test_what_people_type_is_normalised(typed):
    assert crypto.normalise_melder_code(typed) == "1234567890123456"


@pytest.mark.parametrize(
    "typed",
    ["", "1234 5678 9012 345", "1234 5678 9012 34567", "1234 5678 9012 345a", None, "1" * 500],
)
def test_anything_else_is_no_code(typed):
    with pytest.raises(crypto.InvalidMelderCode):
        crypto.normalise_melder_code(typed)


def test_the_lookup_and_the_wrap_key_differ_and_depend_on_the_salt():
    code = crypto.new_melder_code()
    one = crypto.melder_keys(code, b"a" * 16, crypto.FAST_KDF)
    other_salt = crypto.melder_keys(code, b"b" * 16, crypto.FAST_KDF)
    assert one.lookup != other_salt.lookup and one.wrap_key != other_salt.wrap_key
    assert bytes.fromhex(one.lookup) != one.wrap_key
    assert code.replace(" ", "") not in one.lookup


def test_the_server_keeps_only_the_lookup_and_a_wrapped_content_key(melding_form):
    melding = _submit(melding_form)
    code = melding.melder_code
    digits = code.replace(" ", "")
    stored = Melding.objects.get(pk=melding.pk)
    assert stored.melder_lookup and stored.melder_key
    salt = bytes(InstallationSalt.objects.get(name=mailbox.SALT_NAME).value)
    assert len(salt) == crypto.INSTALLATION_SALT_BYTES
    with connection.cursor() as cursor:
        cursor.execute("SELECT melder_lookup FROM wagtail_vertrouwen_channel_melding")
        rows = cursor.fetchall()
    assert all(digits not in str(row) for row in rows)
    assert not hasattr(stored, "melder_code")


def test_the_code_opens_its_melding_and_gives_the_same_content_key_as_a_recipient(melding_form, vp):
    melding = _submit(melding_form)
    opened = mailbox.open_with_code(melding_form.translation_key, melding.melder_code)
    assert opened.melding.pk == melding.pk
    assert opened.content_key == reader(vp).content_key(opened.melding)


def test_a_wrong_code_or_a_code_of_another_form_opens_nothing(melding_form, vp, make_recipient):
    from tests.factories import make_form, make_school

    melding = _submit(melding_form)
    with pytest.raises(mailbox.WrongCode):
        mailbox.open_with_code(melding_form.translation_key, crypto.new_melder_code())
    with pytest.raises(mailbox.WrongCode):
        mailbox.open_with_code(melding_form.translation_key, "not a code")
    other_form = make_form(make_school("other.test", "Other"))
    make_recipient("vp-other", other_form)
    with pytest.raises(mailbox.WrongCode):
        mailbox.open_with_code(other_form.translation_key, melding.melder_code)


def test_each_melding_gets_its_own_code(melding_form):
    first, second = _submit(melding_form), _submit(melding_form)
    assert first.melder_code != second.melder_code
    opened = mailbox.open_with_code(melding_form.translation_key, second.melder_code)
    assert opened.melding.pk == second.pk


# The session -----------------------------------------------------------------------------


def test_a_session_holds_neither_the_code_nor_the_content_key(melding_form):
    melding = _submit(melding_form)
    started = mailbox.log_in(melding_form.translation_key, melding.melder_code)
    session = MailboxSession.objects.get()
    stored = f"{session.token_hash}{session.blob}"
    assert melding.melder_code.replace(" ", "") not in stored
    assert started.token.split(".")[0] not in stored  # only its hash
    assert crypto._b64encode(started.opened.content_key) not in stored
    resumed = mailbox.session_for(started.token)
    assert resumed.melding.pk == melding.pk
    assert resumed.content_key == started.opened.content_key


def test_a_token_with_another_secret_or_after_log_out_opens_nothing(melding_form):
    melding = _submit(melding_form)
    token = mailbox.log_in(melding_form.translation_key, melding.melder_code).token
    token_id = token.split(".")[0]
    forged = f"{token_id}.{crypto._b64encode(b'x' * 32)}"
    assert mailbox.session_for(forged) is None
    for junk in (None, "", "a.b.c", "x" * 300, 42):
        assert mailbox.session_for(junk) is None
    mailbox.log_out(token)
    assert mailbox.session_for(token) is None


def test_a_session_ends_when_idle_and_at_its_maximum(melding_form):
    import time_machine

    melding = _submit(melding_form)
    with time_machine.travel("2026-11-24 10:00 +0000", tick=False) as clock:
        token = mailbox.log_in(melding_form.translation_key, melding.melder_code).token
        clock.shift(14 * 60)
        assert mailbox.session_for(token) is not None
        clock.shift(16 * 60)
        assert mailbox.session_for(token) is None  # idle too long
        token = mailbox.log_in(melding_form.translation_key, melding.melder_code).token
        for _ in range(5):
            clock.shift(13 * 60)
            mailbox.session_for(token)
        assert mailbox.session_for(token) is None  # past the hour, however active


# Messages --------------------------------------------------------------------------------


def test_messages_both_ways_are_ciphertext_bound_to_their_place(melding_form, vp):
    melding = _submit(melding_form)
    key = reader(vp).content_key(melding)
    question = conversation.post(melding, key, text=f"{MARKER} vraag", author=vp)
    opened = mailbox.open_with_code(melding_form.translation_key, melding.melder_code)
    answer = conversation.post(
        opened.melding,
        opened.content_key,
        text=f"{MARKER} antwoord",
        uploads=[upload("foto.png", png(MARKER), "image/png")],
    )
    assert (question.position, answer.position) == (0, 1)
    for message in Message.objects.all():
        assert MARKER.encode() not in bytes(message.body)
    texts = [r.text for r in conversation.read(melding, key)]
    assert texts == [f"{MARKER} vraag", f"{MARKER} antwoord"]
    files = conversation.read(melding, opened.content_key)[1].bijlagen
    assert [f.name for f in files] == ["foto.png"]
    # A message moved to another position (or melding) does not decrypt.
    Message.objects.filter(pk=question.pk).update(position=7)
    with pytest.raises(crypto.DecryptionError):
        conversation.read(melding, key)


def test_what_each_side_s_message_changes(melding_form, vp):
    melding = _submit(melding_form)
    assert melding.waiting_since is not None and melding.acknowledged_at is None
    key = reader(vp).content_key(melding)
    conversation.post(melding, key, text="Dank je, ik neem contact op.", author=vp)
    melding.refresh_from_db()
    assert melding.waiting_since is None and melding.acknowledged_at is not None
    acknowledged = melding.acknowledged_at
    conversation.post(melding, key, text="Nog iets")  # from the melder
    melding.refresh_from_db()
    assert melding.waiting_since is not None and melding.acknowledged_at == acknowledged
    assert conversation.mark_read(melding, by_melder=False) == 1
    assert conversation.mark_read(melding, by_melder=True) == 1
    assert conversation.mark_read(melding, by_melder=True) == 0


def test_identity_shared_later_is_encrypted_too(melding_form, vp):
    melding = _submit(melding_form)
    opened = mailbox.open_with_code(melding_form.translation_key, melding.melder_code)
    conversation.post(
        melding,
        opened.content_key,
        kind=MessageKind.IDENTITY,
        details={"naam": f"{MARKER} Naam"},
    )
    assert MARKER.encode() not in bytes(Message.objects.get().body)
    shared = conversation.read(melding, reader(vp).content_key(melding))[0]
    assert shared.details == {"naam": f"{MARKER} Naam"}


def test_a_message_to_a_deleted_melding_is_refused_and_leaves_no_object(melding_form, vp):
    from wagtail_vertrouwen.channel import storage

    melding = _submit(melding_form)
    key = reader(vp).content_key(melding)
    Melding.objects.filter(pk=melding.pk).delete()
    before = set(storage.attachment_storage().listdir("vertrouwen")[1])
    with pytest.raises(conversation.MeldingGone):
        conversation.post(melding, key, text="x", uploads=[upload("a.png", png(), "image/png")])
    assert set(storage.attachment_storage().listdir("vertrouwen")[1]) == before


def test_the_exclusion_is_kept_inside_the_encrypted_answers(melding_form, vp, make_recipient):
    other = make_recipient("vp2", melding_form)
    melding = submit(melding_form, melding_form.get_site(), answers(), excluded=other)
    assert b"vp2" not in bytes(Melding.objects.get(pk=melding.pk).content)
    record = reader(vp).answers(melding)[EXCLUDED]
    assert record == {"id": other.pk, "username": "vp2", "email": "vp2@school.test"}


@pytest.mark.django_db(transaction=True)
def test_two_tabs_replying_at_once_both_arrive(form, settings):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises the writes itself; the retry is exercised on PostgreSQL")
    from tests.factories import make_vp

    user = make_vp("vp-tabs", form)
    melding = _submit(form)
    key = mailbox.open_with_code(form.translation_key, melding.melder_code).content_key
    errors = []

    def reply(number):
        try:
            conversation.post(melding, key, text=f"tab {number}")
        except Exception as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=reply, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    texts = sorted(r.text for r in conversation.read(melding, key))
    assert texts == [f"tab {n}" for n in range(4)]
    assert user.pk  # the recipient exists; nothing of hers was needed to reply
