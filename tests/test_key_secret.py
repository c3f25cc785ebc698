"""The key's secret is hers alone (issue 7, point 3): a key passphrase that the
vertrouwenspersoon chose herself, distinct from the login password that an administrator can
set, reset or hand out. Nothing anyone else knows opens her key or a melding sealed to her."""

import html

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from example_site.demo_channel import VP_PASSPHRASE, VP_PASSWORD
from wagtail_vertrouwen.channel import crypto
from wagtail_vertrouwen.channel.models import (
    AuditAction,
    AuditEntry,
    Melding,
    MeldingAccess,
    RecipientKey,
)

from .channel import enter, send, unlock, verify_otp
from .factories import make_vp

IT_PASSWORD = "Uitgedeeld-door-ICT-2026"  # the initial login password IT handed out
HER_LOGIN = "Haar-eigen-inlog-2026"  # the login password she chose later, in her account
RESET = "Beheerder-koos-dit-2026"  # the login password an administrator reset it to
HERS = "Alleen-ik-ken-deze-zin-2026"  # her key passphrase
MARKER = "SLEUTELMARKER42"


def url(name):
    return reverse(f"wagtail_vertrouwen_inbox:{name}")


def twice(passphrase, **extra):
    return {"new_passphrase1": passphrase, "new_passphrase2": passphrase, **extra}


def stored(user):
    """What a copy of the database holds for her: her key's row and her sealed content keys."""
    key = RecipientKey.objects.get(user=user)
    return {
        "public_key": bytes(key.public_key),
        "wrapped_by_secret": key.wrapped_by_secret,
        "wrapped_by_recovery_code": key.wrapped_by_recovery_code,
        "accesses": [
            (bytes(a.sealed_key), bytes(a.melding.content), a.melding.context)
            for a in MeldingAccess.objects.filter(recipient=user).select_related("melding")
        ],
    }


def attempt(dump, secret):
    """Everything an attacker with the dump and ``secret`` can try; the plaintexts that open."""
    opened = []
    for wrapped, unwrap in (
        (dump["wrapped_by_secret"], crypto.unwrap_with_secret),
        (dump["wrapped_by_recovery_code"], crypto.unwrap_with_recovery_code),
    ):
        try:
            private_key = unwrap(wrapped, secret)
        except crypto.DecryptionError:  # WrongSecret and InvalidRecoveryCode among them
            continue
        for sealed, content, context in dump["accesses"]:
            content_key = crypto.open_content_key(sealed, private_key)
            opened.append(str(crypto.decrypt_json(content_key, content, context)))
    return opened


@pytest.fixture
def her(form):
    """A new vertrouwenspersoon with the password IT handed out, who sets up her key in the
    inbox with her own passphrase; then a melding is sent to her."""
    vp = make_vp("vp1", form, password=IT_PASSWORD, key=False, first_name="Vera")
    client = enter(Client(), vp, unlocked=False)
    response = client.post(url("key_setup"), twice(HERS))
    assert response.status_code == 200 and response.context["code"]
    vp.recovery_code = response.context["code"]
    assert send(Client(), form, wat=f"Verhaal {MARKER}").status_code == 200
    assert MeldingAccess.objects.filter(recipient=vp).count() == 1
    return vp


def test_a_copy_of_the_database_and_every_login_password_open_nothing(her):
    her.set_password(HER_LOGIN)  # she changes her login password in her account
    her.save()
    her.set_password(RESET)  # an administrator resets it
    her.save()
    dump = stored(her)
    for known_to_others in (IT_PASSWORD, HER_LOGIN, RESET, VP_PASSWORD):
        assert attempt(dump, known_to_others) == [], known_to_others
    # The same dump opens for her, with her passphrase or her recovery code: the test can see.
    assert MARKER in attempt(dump, HERS)[0]
    assert MARKER in attempt(dump, her.recovery_code)[0]


def test_after_an_admin_reset_the_unlock_page_refuses_the_login_password_and_rewraps_nothing(
    form,
):
    """The old attack: the admin resets her password, she logs in with it and unlocks "as the
    page asks" (formerly also giving her previous password once); the key was then re-wrapped
    with the admin's password. Now the page wants the key passphrase only and changes nothing."""
    vp = make_vp("vp1", form, password=HER_LOGIN)
    assert send(Client(), form, wat=f"Verhaal {MARKER}").status_code == 200
    before = stored(vp)
    vp.set_password(RESET)
    vp.save()
    client = Client()
    assert client.login(username="vp1", password=RESET)
    verify_otp(client, vp)
    for data in (
        {"passphrase": RESET},
        # What the old page asked for after a reset: the new password, and once the previous.
        {"passphrase": RESET, "password": RESET, "previous_password": HER_LOGIN},
        {"passphrase": HER_LOGIN},
    ):
        response = client.post(url("unlock"), data)
        assert response.status_code == 400, data
        assert response.context["form"].has_error("passphrase")
    assert client.get(reverse("wagtail_vertrouwen_inbox:index")).status_code == 403  # locked
    after = stored(vp)
    assert after == before  # nothing re-wrapped
    assert not AuditEntry.objects.filter(action=AuditAction.KEY_REWRAPPED).exists()
    for known_to_others in (RESET, HER_LOGIN):
        assert attempt(after, known_to_others) == []
    unlock(client)  # her own key passphrase still works, whatever her login password is
    melding = Melding.objects.get()
    detail = reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])
    assert MARKER in client.get(detail).content.decode()


def test_key_setup_refuses_the_login_password_and_says_why(form):
    vp = make_vp("vp1", form, password=IT_PASSWORD, key=False)
    client = enter(Client(), vp, unlocked=False)
    page = client.get(url("key_setup")).content.decode()
    assert page.count('autocomplete="new-password"') == 2

    response = client.post(url("key_setup"), twice(IT_PASSWORD))
    assert response.status_code == 400
    form_shown = response.context["form"]
    assert form_shown.has_error("new_passphrase2", "login_password")
    message = form_shown.errors["new_passphrase2"][0]
    assert html.escape(message) in response.content.decode()
    assert IT_PASSWORD not in response.content.decode()  # secrets are not echoed back
    assert not RecipientKey.objects.filter(user=vp).exists()

    mismatch = client.post(url("key_setup"), {"new_passphrase1": HERS, "new_passphrase2": "x"})
    assert mismatch.status_code == 400
    assert mismatch.context["form"].has_error("new_passphrase2", "password_mismatch")
    too_short = client.post(url("key_setup"), twice("kort1"))
    assert too_short.status_code == 400
    assert too_short.context["form"].has_error("new_passphrase2", "password_too_short")
    assert not RecipientKey.objects.filter(user=vp).exists()

    made = client.post(url("key_setup"), twice(HERS))
    assert made.status_code == 200
    key = RecipientKey.objects.get(user=vp)
    crypto.unwrap_with_secret(key.wrapped_by_secret, HERS)
    with pytest.raises(crypto.WrongSecret):
        crypto.unwrap_with_secret(key.wrapped_by_secret, IT_PASSWORD)
    assert AuditEntry.objects.filter(action=AuditAction.KEY_CREATED, actor=vp).exists()


def test_unlock_asks_for_the_key_passphrase_only(recipient):
    client = enter(Client(), recipient, unlocked=False)
    page = client.get(url("unlock"))
    assert list(page.context["form"].fields) == ["passphrase"]
    assert 'autocomplete="current-password"' in page.content.decode()
    refused = client.post(url("unlock"), {"passphrase": VP_PASSWORD})  # her login password
    assert refused.status_code == 400 and refused.context["form"].has_error("passphrase")
    unlock(client, VP_PASSPHRASE)


def test_changing_the_passphrase(recipient):
    client = enter(Client(), recipient)
    wrapped = RecipientKey.objects.get(user=recipient).wrapped_by_secret
    page = client.get(url("change_passphrase")).content.decode()
    assert page.count('autocomplete="new-password"') == 2
    assert page.count('autocomplete="current-password"') == 1

    new = "Een-nieuwe-eigen-zin-2026"
    wrong = client.post(url("change_passphrase"), twice(new, old_passphrase=VP_PASSWORD))
    assert wrong.status_code == 400 and wrong.context["form"].has_error("old_passphrase")
    login = client.post(url("change_passphrase"), twice(VP_PASSWORD, old_passphrase=VP_PASSPHRASE))
    assert login.context["form"].has_error("new_passphrase2", "login_password")
    assert RecipientKey.objects.get(user=recipient).wrapped_by_secret == wrapped

    done = client.post(url("change_passphrase"), twice(new, old_passphrase=VP_PASSPHRASE))
    assert done.status_code == 302
    recipient.refresh_from_db()
    assert recipient.check_password(VP_PASSWORD)  # the login password is unchanged
    key = RecipientKey.objects.get(user=recipient)
    crypto.unwrap_with_secret(key.wrapped_by_secret, new)
    for other in (VP_PASSPHRASE, VP_PASSWORD):
        with pytest.raises(crypto.WrongSecret):
            crypto.unwrap_with_secret(key.wrapped_by_secret, other)
    crypto.unwrap_with_recovery_code(key.wrapped_by_recovery_code, recipient.recovery_code)
    fresh = enter(Client(), recipient, unlocked=False)
    assert fresh.post(url("unlock"), {"passphrase": VP_PASSPHRASE}).status_code == 400
    unlock(fresh, new)
    entry = AuditEntry.objects.get(action=AuditAction.KEY_REWRAPPED, actor=recipient)
    with translation.override("en"):
        assert entry.get_action_display() == "Key passphrase changed"


def test_restoring_with_the_recovery_code(recipient, form):
    assert send(Client(), form, wat=f"Verhaal {MARKER}").status_code == 200
    client = enter(Client(), recipient, unlocked=False)
    new = "Hersteld-met-mijn-code-2026"
    login = client.post(url("restore"), twice(VP_PASSWORD, recovery_code=recipient.recovery_code))
    assert login.status_code == 400
    assert login.context["form"].has_error("new_passphrase2", "login_password")

    response = client.post(url("restore"), twice(new, recovery_code=recipient.recovery_code))
    assert response.status_code == 200 and response.context["restored"]
    code = response.context["code"]
    assert code != recipient.recovery_code and code in response.content.decode()
    assert code not in client.get(url("restore")).content.decode()  # shown once
    recipient.refresh_from_db()
    assert recipient.check_password(VP_PASSWORD)  # restoring leaves the login password alone
    dump = stored(recipient)
    assert MARKER in attempt(dump, new)[0]
    assert MARKER in attempt(dump, code)[0]
    for retired in (VP_PASSPHRASE, recipient.recovery_code, VP_PASSWORD):
        assert attempt(dump, retired) == [], retired
    fresh = enter(Client(), recipient, unlocked=False)
    assert fresh.post(url("unlock"), {"passphrase": VP_PASSPHRASE}).status_code == 400
    unlock(fresh, new)
    assert AuditEntry.objects.filter(action=AuditAction.KEY_RESTORED, actor=recipient).exists()


def test_a_key_still_wrapped_with_the_login_password_must_get_its_own_passphrase(form):
    """Keys set up before key passphrases existed were wrapped with the login password, which an
    administrator may know or have set: unlocking with it leaves the inbox locked and sends her
    to choose a passphrase of her own; after that only her own passphrase opens the key."""
    vp = make_vp("vp1", form, password=VP_PASSWORD, passphrase=VP_PASSWORD)
    client = enter(Client(), vp, VP_PASSWORD, unlocked=False)
    attempt = client.post(url("unlock"), {"passphrase": VP_PASSWORD})
    assert attempt.status_code == 302 and attempt["Location"] == url("change_passphrase")
    assert client.get(url("index")).status_code == 403  # still locked
    done = client.post(url("change_passphrase"), twice(HERS, old_passphrase=VP_PASSWORD))
    assert done.status_code == 302
    key = RecipientKey.objects.get(user=vp)
    with pytest.raises(crypto.WrongSecret):
        crypto.unwrap_with_secret(key.wrapped_by_secret, VP_PASSWORD)
    unlock(client, HERS)
    assert client.get(url("index")).status_code == 200


# A new key ---------------------------------------------------------------------------------


def test_after_a_new_key_old_meldingen_are_marked_and_new_ones_read(form, recipient):
    assert send(Client(), form, wat="oud").status_code == 200
    old = Melding.objects.get()
    RecipientKey.objects.filter(user=recipient).delete()  # lost passphrase and recovery code
    client = enter(Client(), recipient, unlocked=False)
    client.post(url("key_setup"), twice(VP_PASSPHRASE))
    assert send(Client(), form, wat="NIEUWE-MELDING").status_code == 200
    index = client.get(url("index"))
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


def test_a_double_click_on_key_setup_is_no_500(recipient, monkeypatch):
    from wagtail_vertrouwen.channel.services import keys as security

    RecipientKey.objects.filter(user=recipient).delete()
    first = enter(Client(), recipient, unlocked=False)
    second = enter(Client(), recipient, unlocked=False)
    original = crypto.generate_recipient_keys
    seen = {}

    def slow(password, limits):
        keys = original(password, limits)
        if not seen:  # the first click finishes while the second derives its key
            seen["busy"] = True
            seen["first"] = first.post(url("key_setup"), twice(VP_PASSPHRASE))
        return keys

    monkeypatch.setattr(security.crypto, "generate_recipient_keys", slow)
    response = second.post(url("key_setup"), twice(VP_PASSPHRASE))
    assert response.status_code == 302 and response["Location"].endswith("/unlock/")
    assert seen["first"].status_code == 200
    assert RecipientKey.objects.filter(user=recipient).count() == 1
