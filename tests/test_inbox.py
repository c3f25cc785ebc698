"""The inbox: only the designated recipient, OTP-verified and unlocked, reads (I2, I3, I5)."""

import re
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission

from example_site.demo_channel import VP_PASSPHRASE, VP_PASSWORD
from wagtail_vertrouwen.channel import crypto
from wagtail_vertrouwen.channel.forms.melding import recipient_token
from wagtail_vertrouwen.channel.models import (
    AuditAction,
    AuditEntry,
    Melding,
    MeldingAccess,
    RecipientKey,
)
from wagtail_vertrouwen.channel.services import designate as recipients

from .channel import enter, pdf, png, send, unlock, upload
from .factories import admin, make_form, make_school, vp_group

MARKER = "INBOXMARKER7Q"


@pytest.fixture
def melding(client, melding_form, vp):
    response = send(
        Client(),
        melding_form,
        files=[upload(f"{MARKER}.png", png(MARKER)), upload("b.pdf", pdf(MARKER))],
        wat=f"Verhaal {MARKER}",
    )
    assert response.status_code == 200
    return Melding.objects.get()


def urls(melding):
    bijlage = melding.bijlagen.first()
    return [
        ("get", reverse("wagtail_vertrouwen_inbox:index")),
        ("get", reverse("wagtail_vertrouwen_inbox:audit_log")),
        ("get", reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])),
        ("get", reverse("wagtail_vertrouwen_inbox:export", args=[melding.pk])),
        ("get", reverse("wagtail_vertrouwen_inbox:download", args=[melding.pk, bijlage.pk])),
        ("post", reverse("wagtail_vertrouwen_inbox:status", args=[melding.pk])),
        ("post", reverse("wagtail_vertrouwen_inbox:note", args=[melding.pk])),
        ("post", reverse("wagtail_vertrouwen_inbox:delete", args=[melding.pk])),
    ]


def host(page):
    return {"HTTP_HOST": page.get_site().hostname}


def _editor():
    """A web editor who edits and publishes the schools' pages (Wagtail's Editors group)."""
    user = User.objects.create_user("redacteur", "redacteur@school.test", "x")
    group, _created = Group.objects.get_or_create(name="Editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def _moderator(homes):
    user = User.objects.create_user("moderator", "m@school.test", "x")
    group, _created = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for home in homes:
        for codename in (
            "add_page",
            "change_page",
            "publish_page",
            "bulk_delete_page",
            "lock_page",
        ):
            GroupPagePermission.objects.create(
                group=group, page=home, permission=Permission.objects.get(codename=codename)
            )
    user.groups.add(group)
    return user


def _clients(melding_form, vp, make_recipient):
    """Every kind of visitor of the access matrix, except the one who may read."""
    other_form = make_form(make_school("tweede.test", "OBS Tweede"))
    second = make_recipient("tweede_vp", form=other_form)
    homes = [melding_form.get_parent(), other_form.get_parent()]
    clients = {"anonymous": Client()}
    for name, user in [
        ("editor", _editor()),
        ("moderator", _moderator(homes)),
        ("superuser", admin()),
    ]:
        clients[name] = Client()
        clients[name].force_login(user)
    clients["second vertrouwenspersoon"] = enter(Client(), second)
    clients["recipient without OTP"] = enter(Client(), vp, otp=False, unlocked=False)
    clients["recipient with OTP, key locked"] = enter(Client(), vp, unlocked=False)
    return clients


def test_access_matrix(melding_form, melding, vp, make_recipient):
    clients = _clients(melding_form, vp, make_recipient)
    data = {"status": "afgesloten", "note": "x", "confirm": "on"}
    for who, client in clients.items():
        for method, url in urls(melding):
            response = getattr(client, method)(url, data) if method == "post" else client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert MARKER.encode() not in body, (who, url)
            own_pages = (
                reverse("wagtail_vertrouwen_inbox:index"),
                reverse("wagtail_vertrouwen_inbox:audit_log"),
            )
            if who == "second vertrouwenspersoon" and url in own_pages:
                assert response.status_code == 200  # their own, empty, inbox
            elif who == "anonymous":
                assert response.status_code == 302 and "/admin/login/" in response["Location"]
            else:
                assert response.status_code in (403, 404), (who, url, response.status_code)
    melding.refresh_from_db()
    assert melding.status == "nieuw"
    assert not AuditEntry.objects.filter(action=AuditAction.DECRYPTED).exists()

    reader = enter(Client(), vp)
    for _method, url in urls(melding)[:5]:
        response = reader.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200, url
        if "/log/" not in url and reverse("wagtail_vertrouwen_inbox:index") != url:
            assert MARKER.encode() in body, url


def test_superuser_status_grants_nothing_even_with_otp(melding):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    superuser = admin()
    TOTPDevice.objects.create(user=superuser, name="app", confirmed=True)
    client = Client()
    client.force_login(superuser)
    assert client.get(reverse("wagtail_vertrouwen_inbox:otp_verify")).status_code == 404
    assert client.get(reverse("wagtail_vertrouwen_inbox:unlock")).status_code == 404
    home = client.get("/admin/").content.decode()
    assert "Meldingen" not in home and MARKER not in home
    search = client.get("/admin/pages/search/", {"q": MARKER[:-2]}).content.decode()
    assert MARKER not in search


def test_a_recipient_added_later_cannot_read_earlier_meldingen(
    melding, melding_form, make_recipient
):
    later = make_recipient("later_vp", form=melding_form)
    client = enter(Client(), later)
    assert (
        client.get(reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])).status_code == 404
    )
    assert MARKER not in client.get(reverse("wagtail_vertrouwen_inbox:index")).content.decode()
    # Nor can their key open any sealed copy of the content key.
    private = crypto.unwrap_with_secret(later.vertrouwen_key.wrapped_by_secret, VP_PASSPHRASE)
    for access in MeldingAccess.objects.filter(melding=melding):
        with pytest.raises(crypto.DecryptionError):
            crypto.open_content_key(bytes(access.sealed_key), private)
    # A melding sent after the designation is theirs to read.
    send(Client(), melding_form, wat="Nieuw verhaal NADERHAND")
    newer = Melding.objects.exclude(pk=melding.pk).get()
    page = client.get(reverse("wagtail_vertrouwen_inbox:detail", args=[newer.pk]))
    assert "NADERHAND" in page.content.decode()


def test_the_melder_can_keep_a_melding_away_from_one_recipient(melding_form, vp, make_recipient):
    other = make_recipient("andere_vp", form=melding_form)
    html = Client().get(melding_form.url, **host(melding_form)).content.decode()
    assert 'name="niet_naar"' in html
    # Named by name and address (never the login name), and the posted value is no account id.
    assert (
        "andere_vp@school.test" in html
        and "andere_vp," not in html
        and str(other.pk) not in re.findall(r'name="niet_naar"[^>]*value="([^"]*)"', html)
    )
    response = send(Client(), melding_form, niet_naar=recipient_token(other), wat="Over ANDERE")
    assert response.status_code == 200
    melding = Melding.objects.get()
    assert list(
        MeldingAccess.objects.filter(melding=melding).values_list("recipient", flat=True)
    ) == [vp.pk]
    client = enter(Client(), other)
    assert (
        client.get(reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])).status_code == 404
    )
    assert (
        "Over ANDERE"
        in enter(Client(), vp)
        .get(reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk]))
        .content.decode()
    )
    # Excluding someone who is no recipient is refused, and the text stays.
    bad = send(Client(), melding_form, niet_naar="999999", wat="Blijft staan")
    assert bad.status_code == 400 and "Blijft staan" in bad.content.decode()


def test_an_exclusion_is_honoured_even_if_recipients_change_meanwhile(
    melding_form, vp, make_recipient
):
    """The melder opened the form with two recipients and excluded one; before they sent it,
    the other was removed. The melding must not go to the excluded person."""
    other = make_recipient("andere_vp", form=melding_form)
    client = Client()
    from .channel import answers as filled
    from .channel import page_challenge

    data = filled(niet_naar=recipient_token(vp), wat="Over de vertrouwenspersoon zelf")
    data["challenge"] = page_challenge(client, melding_form)
    recipients.remove(melding_form.designations().get(user=other), melding_form, None)
    response = client.post(
        reverse("wagtail_vertrouwen:melding_submit", args=[melding_form.pk]),
        data,
        **host(melding_form),
    )
    assert response.status_code == 400
    assert "Over de vertrouwenspersoon zelf" in response.content.decode()
    assert not Melding.objects.exists()


def test_attachments_come_back_byte_identical_from_the_file_system(melding, vp):
    client = enter(Client(), vp)
    for bijlage, original in zip(melding.bijlagen.all(), [png(MARKER), pdf(MARKER)], strict=True):
        response = client.get(
            reverse("wagtail_vertrouwen_inbox:download", args=[melding.pk, bijlage.pk])
        )
        assert b"".join(response.streaming_content) == original
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
    assert AuditEntry.objects.filter(action=AuditAction.DOWNLOADED, actor=vp).count() == 2


def test_status_note_and_delete_are_audited_and_the_note_is_private(
    django_capture_on_commit_callbacks, melding, vp, make_recipient, melding_form
):
    client = enter(Client(), vp)
    detail = reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])
    client.post(
        reverse("wagtail_vertrouwen_inbox:status", args=[melding.pk]), {"status": "afgesloten"}
    )
    client.post(reverse("wagtail_vertrouwen_inbox:note", args=[melding.pk]), {"note": "NOTITIE42"})
    melding.refresh_from_db()
    assert melding.status == "afgesloten" and melding.purge_after is not None
    access = MeldingAccess.objects.get(melding=melding, recipient=vp)
    assert b"NOTITIE42" not in bytes(access.note)
    assert "NOTITIE42" in client.get(detail).content.decode()
    bad = client.post(
        reverse("wagtail_vertrouwen_inbox:status", args=[melding.pk]), {"status": "weg"}
    )
    assert bad.status_code == 302
    response = client.post(reverse("wagtail_vertrouwen_inbox:delete", args=[melding.pk]), {})
    assert Melding.objects.filter(pk=melding.pk).exists()  # not confirmed
    names = list(melding.bijlagen.values_list("storage_name", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_vertrouwen_inbox:delete", args=[melding.pk]), {"confirm": "on"}
        )
    assert response.status_code == 302
    assert not Melding.objects.filter(pk=melding.pk).exists()
    from wagtail_vertrouwen.channel.storage import attachment_storage

    assert not [name for name in names if attachment_storage().exists(name)]
    actions = set(AuditEntry.objects.filter(melding_id=melding.pk).values_list("action", flat=True))
    assert {"received", "decrypted", "status_changed", "note_saved", "deleted"} <= actions
    log = client.get(reverse("wagtail_vertrouwen_inbox:audit_log")).content.decode()
    assert "vertrouwenspersoon" in log
    # The audit log has no place for an IP address.
    assert not [f.name for f in AuditEntry._meta.fields if "ip" in f.name.lower()]


def test_a_read_that_renews_while_the_inbox_is_locked_cannot_put_the_key_back(melding, vp):
    """A read that loaded the session before "Lock my inbox" and saves it (renewing the key's
    last-seen time) after writes the sealed key back: it must open nothing, not for a kept
    copy of the cookies either, and the read itself is not refused."""
    from django.contrib.sessions.backends.db import SessionStore

    from wagtail_vertrouwen.channel.services import unlock as unlocking

    client = enter(Client(), vp)
    detail = reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])
    kept = {name: morsel.value for name, morsel in client.cookies.items()}
    reading = SessionStore(session_key=kept["sessionid"])  # the read, loaded before the lock
    reading[unlocking.SESSION_KEY]["seen"] += 1  # it renews

    assert client.post(reverse("wagtail_vertrouwen_inbox:lock")).status_code == 302
    reading.modified = True
    reading.save()  # after the lock: the sealed key is back in the session row
    assert unlocking.SESSION_KEY in SessionStore(session_key=kept["sessionid"]).load()
    thief = Client()
    for name, value in kept.items():
        thief.cookies[name] = value
    refused = thief.get(detail)
    assert refused.status_code == 403 and refused.context["reason"] == "unlock"
    locked = client.get(detail)  # the owner's browser: still logged in and verified, locked
    assert locked.status_code == 403 and locked.context["reason"] == "unlock"
    unlock(client)  # and unlocking again opens it
    assert client.get(detail).status_code == 200


def test_locking_the_inbox_locks_it_in_her_other_browsers_too(melding, vp):
    detail = reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])
    at_school, at_home = enter(Client(), vp), enter(Client(), vp)
    assert at_school.get(detail).status_code == at_home.get(detail).status_code == 200
    at_home.post(reverse("wagtail_vertrouwen_inbox:lock"))
    assert at_school.get(detail).status_code == 403


def test_a_new_key_passphrase_or_a_restored_key_locks_her_other_browsers(melding, vp):
    """Someone who knew the old passphrase may have unlocked the key elsewhere: changing it,
    or restoring the key with the recovery code, locks every other browser; this one stays."""
    detail = reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])
    elsewhere, here = enter(Client(), vp), enter(Client(), vp)
    assert elsewhere.get(detail).status_code == 200
    new = "Nieuw-sleutelwachtwoord-2026"
    changed = here.post(
        reverse("wagtail_vertrouwen_inbox:change_passphrase"),
        {"old_passphrase": VP_PASSPHRASE, "new_passphrase1": new, "new_passphrase2": new},
    )
    assert changed.status_code == 302
    assert here.get(detail).status_code == 200
    assert elsewhere.get(detail).status_code == 403

    elsewhere = enter(Client(), vp, new)
    assert elsewhere.get(detail).status_code == 200
    restored = here.post(
        reverse("wagtail_vertrouwen_inbox:restore"),
        {"recovery_code": vp.recovery_code, "new_passphrase1": new, "new_passphrase2": new},
    )
    assert restored.status_code == 200
    assert here.get(detail).status_code == 200
    assert elsewhere.get(detail).status_code == 403


def test_unlock_idles_out_and_a_stolen_session_without_the_cookie_opens_nothing(
    melding, vp, settings
):
    client = enter(Client(), vp)
    detail = reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])
    assert client.get(detail).status_code == 200
    stolen = Client()
    stolen.cookies["sessionid"] = client.cookies["sessionid"].value  # session, not unlock cookie
    stolen.cookies["vertrouwen_otp_key"] = client.cookies["vertrouwen_otp_key"].value
    refused = stolen.get(detail)
    assert refused.status_code == 403 and refused.context["reason"] == "unlock"
    client.cookies["vertrouwen_unlock_key"] = "A" * 43  # a forged unlock cookie
    assert client.get(detail).status_code == 403
    client = enter(Client(), vp)
    settings.WAGTAIL_VERTROUWEN_UNLOCK_IDLE_SECONDS = 1e-6  # past by the next request
    assert client.get(detail).status_code == 403


def test_the_unlock_is_renewed_at_most_once_a_minute_and_never_outlives_its_idle_time(
    melding, vp, monkeypatch
):
    """Reading the inbox does not write the session on every request: the last-seen time is
    renewed once it is a minute old, so the key locks up to a minute early, never late."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wagtail_vertrouwen.channel import conf
    from wagtail_vertrouwen.channel.services import unlock as unlocking

    client = enter(Client(), vp)
    detail = reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])
    idle = conf.get("UNLOCK_IDLE_SECONDS")
    started = client.session[unlocking.SESSION_KEY]["seen"]
    clock = {"now": started}
    monkeypatch.setattr(unlocking, "time", SimpleNamespace(time=lambda: clock["now"]))

    def read(at):
        clock["now"] = started + at
        with CaptureQueriesContext(connection) as queries:
            status = client.get(detail).status_code
        writes = [q["sql"] for q in queries if q["sql"].startswith('UPDATE "django_session"')]
        return status, bool(writes)

    assert read(unlocking.SEEN_RESOLUTION - 1) == (200, False)  # not renewed, not written
    assert client.session[unlocking.SESSION_KEY]["seen"] == started
    assert read(idle - 10) == (200, True)  # renewed
    assert client.session[unlocking.SESSION_KEY]["seen"] == started + idle - 10
    assert read(idle + 30) == (200, False)  # 40 s after the renewal: not renewed again
    # So it locks the idle time after the renewal, 39 s before the idle time after the
    # last request would end: early, never late.
    assert read(2 * idle - 10 + 1)[0] == 403


def test_an_unlock_seen_ahead_of_this_clock_or_under_a_short_idle_time_is_still_renewed(
    melding, vp, monkeypatch, settings
):
    """A last-seen time ahead of this server's clock (another server's ran ahead) is renewed
    at once, or the key would stay unlocked past the idle time; an idle time of a minute or
    less is renewed at half of it, or busy reading would lock it."""
    from wagtail_vertrouwen.channel.services import unlock as unlocking

    client = enter(Client(), vp)
    detail = reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])
    started = client.session[unlocking.SESSION_KEY]["seen"]
    clock = {"now": started - 30}  # this server's clock is 30 s behind the one that unlocked
    monkeypatch.setattr(unlocking, "time", SimpleNamespace(time=lambda: clock["now"]))
    assert client.get(detail).status_code == 200
    assert client.session[unlocking.SESSION_KEY]["seen"] == started - 30

    settings.WAGTAIL_VERTROUWEN_UNLOCK_IDLE_SECONDS = 45
    statuses = []
    for step in (15, 30, 44, 46, 60):  # seconds after the renewal above, always reading
        clock["now"] = started - 30 + step
        statuses.append(client.get(detail).status_code)
    assert statuses == [200] * 5
    clock["now"] += 46
    assert client.get(detail).status_code == 403


def test_passphrase_change_rewraps_and_the_old_passphrase_no_longer_unlocks(melding, vp):
    client = enter(Client(), vp)
    response = client.post(
        reverse("wagtail_vertrouwen_inbox:change_passphrase"),
        {
            "old_passphrase": VP_PASSPHRASE,
            "new_passphrase1": "Nieuw-sleutelwachtwoord-2026",
            "new_passphrase2": "Nieuw-sleutelwachtwoord-2026",
        },
    )
    assert response.status_code == 302
    vp.refresh_from_db()
    assert vp.check_password(VP_PASSWORD)  # the login password is not the inbox's business
    fresh = enter(Client(), vp, unlocked=False)
    wrong = fresh.post(reverse("wagtail_vertrouwen_inbox:unlock"), {"passphrase": VP_PASSPHRASE})
    assert wrong.status_code == 400
    unlock(fresh, "Nieuw-sleutelwachtwoord-2026")
    assert (
        MARKER
        in fresh.get(reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])).content.decode()
    )
    assert AuditEntry.objects.filter(action=AuditAction.KEY_REWRAPPED, actor=vp).exists()


def test_a_login_password_changed_elsewhere_leaves_the_key_alone(melding, vp):
    wrapped = RecipientKey.objects.get(user=vp).wrapped_by_secret
    vp.set_password("Elders-gewijzigd-2026")
    vp.save()
    client = enter(Client(), vp, unlocked=False)
    refused = client.post(
        reverse("wagtail_vertrouwen_inbox:unlock"),
        {"passphrase": "Elders-gewijzigd-2026", "previous_password": VP_PASSWORD},
    )
    assert refused.status_code == 400
    unlock(client)  # the key passphrase, as before
    detail = reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])
    assert client.get(detail).status_code == 200
    assert RecipientKey.objects.get(user=vp).wrapped_by_secret == wrapped


def test_restore_with_the_recovery_code(melding, vp):
    code = vp.recovery_code
    client = enter(Client(), vp, unlocked=False)
    restore = reverse("wagtail_vertrouwen_inbox:restore")
    new = {
        "new_passphrase1": "Hersteld-sleutelwachtwoord-2026",
        "new_passphrase2": "Hersteld-sleutelwachtwoord-2026",
    }
    not_a_code = client.post(restore, {"recovery_code": "1234", **new})
    assert not_a_code.status_code == 400
    wrong = client.post(restore, {"recovery_code": crypto.new_recovery_code(), **new})
    assert wrong.status_code == 400
    vp.refresh_from_db()
    assert vp.check_password(VP_PASSWORD)  # nothing changed
    response = client.post(restore, {"recovery_code": code.lower().replace("-", " "), **new})
    assert response.status_code == 200
    new_code = response.context["code"]
    assert new_code != code
    assert (
        MARKER
        in client.get(
            reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])
        ).content.decode()
    )
    vp.refresh_from_db()
    assert vp.check_password(VP_PASSWORD)  # restoring the key leaves the login password alone
    again = enter(Client(), vp, "Hersteld-sleutelwachtwoord-2026")
    used = again.post(restore, {"recovery_code": code, **new})
    assert used.status_code == 400  # the old recovery code is replaced


def test_first_visit_sets_up_otp_and_key(melding_form):
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = User.objects.create_user("nieuwe_vp", "n@demo.example", "Eerste-wachtwoord-2026")
    user.groups.add(vp_group())
    recipients.designate(melding_form, user, None)
    client = Client()
    client.force_login(user)
    assert client.get(reverse("wagtail_vertrouwen_inbox:index")).status_code == 403
    setup = client.get(reverse("wagtail_vertrouwen_inbox:otp_verify"))
    assert "data:image/svg+xml;base64," in setup.content.decode()  # django-otp's QR code
    device = TOTPDevice.objects.get(user=user)
    otp_url = reverse("wagtail_vertrouwen_inbox:otp_verify")
    wrong = client.post(otp_url, {"otp_token": "000000"})
    assert wrong.status_code == 400 and not TOTPDevice.objects.get(pk=device.pk).confirmed
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)  # throttled
    token = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    codes = client.post(otp_url, {"otp_token": f"{token:06d}"})
    assert len(codes.context["codes"]) == 10
    assert client.get(reverse("wagtail_vertrouwen_inbox:index")).status_code == 403  # no key yet
    setup = reverse("wagtail_vertrouwen_inbox:key_setup")
    wrong = client.post(setup, {"new_passphrase1": "fout", "new_passphrase2": "fout"})
    assert wrong.status_code == 400
    assert not RecipientKey.objects.filter(user=user).exists()
    mine = "Mijn-eigen-sleutelwachtwoord-2026"
    made = client.post(setup, {"new_passphrase1": mine, "new_passphrase2": mine})
    assert made.status_code == 200 and len(made.context["code"]) == 39
    assert client.get(reverse("wagtail_vertrouwen_inbox:index")).status_code == 200


def test_designation_needs_its_permission_and_is_audited_and_notified(
    melding_form, vp, django_capture_on_commit_callbacks
):
    editor, superuser = _editor(), admin()
    index = reverse("wagtail_vertrouwen_recipients:index")
    client = Client()
    client.force_login(editor)
    refused = client.get(index)  # Wagtail turns PermissionDenied into a redirect home
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    new = User.objects.create_user("derde", "derde@school.test", "x")
    new.groups.add(vp_group())  # only who may use the admin
    add = reverse("wagtail_vertrouwen_recipients:add", args=[melding_form.pk])
    assert client.post(add, {f"{melding_form.pk}-user": new.pk}).status_code == 302
    assert not melding_form.designations().filter(user=new).exists()
    mail.outbox.clear()
    manager = Client()
    manager.force_login(superuser)
    assert manager.get(index).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        manager.post(add, {f"{melding_form.pk}-user": new.pk})
    assert melding_form.designations().filter(user=new).exists()
    entry = AuditEntry.objects.get(action=AuditAction.RECIPIENT_ADDED, subject=new)
    assert entry.actor == superuser
    assert sorted(address for m in mail.outbox for address in m.to) == sorted([vp.email, new.email])
    designation = melding_form.designations().get(user=vp)
    manager.post(
        reverse("wagtail_vertrouwen_recipients:remove", args=[melding_form.pk, designation.pk])
    )
    assert AuditEntry.objects.filter(action=AuditAction.RECIPIENT_REMOVED, subject=vp).exists()
    # The last recipient of a live form stays.
    last = melding_form.designations().get()
    manager.post(reverse("wagtail_vertrouwen_recipients:remove", args=[melding_form.pk, last.pk]))
    assert melding_form.designations().count() == 1


def test_retention_purges_closed_meldingen_with_their_files(
    melding, vp, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from wagtail_vertrouwen.channel.storage import attachment_storage

    names = list(melding.bijlagen.values_list("storage_name", flat=True))
    melding.set_status("afgesloten")
    melding.save()
    call_command("purge_meldingen")
    assert Melding.objects.filter(pk=melding.pk).exists()  # not expired yet
    Melding.objects.filter(pk=melding.pk).update(purge_after=timezone.now() - timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_meldingen")
    assert not Melding.objects.filter(pk=melding.pk).exists()
    assert not [name for name in names if attachment_storage().exists(name)]
    assert AuditEntry.objects.filter(action=AuditAction.PURGED, melding_id=melding.pk).exists()


def test_unlock_never_redirects_off_site(vp):
    client = enter(Client(), vp, unlocked=False)
    unlock_url = reverse("wagtail_vertrouwen_inbox:unlock")
    for target in ["https://evil.example/", "//evil.example/", "/admin/pages/"]:
        response = client.post(f"{unlock_url}?next={target}", {"passphrase": VP_PASSPHRASE})
        assert response["Location"] == reverse("wagtail_vertrouwen_inbox:index"), target


def test_listing_and_export_are_audited_apart_from_reading(melding, vp):
    client = enter(Client(), vp)
    client.get(reverse("wagtail_vertrouwen_inbox:index"))
    client.get(reverse("wagtail_vertrouwen_inbox:export", args=[melding.pk]))
    actions = list(
        AuditEntry.objects.filter(melding_id=melding.pk, actor=vp).values_list("action", flat=True)
    )
    assert AuditAction.EXPORTED in actions
    assert AuditEntry.objects.filter(action=AuditAction.LISTED, actor=vp, readers=vp).exists()
    assert AuditAction.DECRYPTED not in actions


def test_the_designate_permission_can_be_given_in_the_group_editor(db):
    client = Client()
    client.force_login(admin())
    group = Group.objects.get(name="Editors")
    html = client.get(reverse("wagtailusers_groups:edit", args=[group.pk])).content.decode()
    permission = Permission.objects.get(codename="designate_recipients")
    assert f'value="{permission.pk}"' in html


@pytest.mark.parametrize("view", ["detail", "status", "note", "download"])
def test_a_co_recipient_deleting_meanwhile_gives_404_not_500(
    melding_form, vp, make_recipient, monkeypatch, view, django_capture_on_commit_callbacks
):
    from wagtail_vertrouwen.channel.services.reading import delete_melding
    from wagtail_vertrouwen.channel.views import inbox as views

    other = make_recipient("tweede", form=melding_form)
    assert send(Client(), melding_form, files=[upload("a.png", png())]).status_code == 200
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


TIME_LIMITS = [
    "UNLOCK_IDLE_SECONDS",
    "OTP_MAX_AGE_SECONDS",
    "MAILBOX_IDLE_SECONDS",
    "MAILBOX_MAX_SECONDS",
]


@pytest.mark.parametrize("name", TIME_LIMITS)
def test_a_time_limit_that_would_never_end_a_session_is_a_check_error(settings, name):
    """An infinite or "not a number" limit compares false with every idle time, so an inbox
    would never lock: system check E004 names each wrong value, and passes the default."""
    from wagtail_vertrouwen.channel import checks

    def errors():
        return [p.msg for p in checks.channel_settings(None) if p.id.endswith(".E004")]

    assert errors() == []
    for value in (float("inf"), float("nan"), 0, -60, True, "1800", None, 400 * 24 * 3600):
        setattr(settings, f"WAGTAIL_VERTROUWEN_{name}", value)
        assert len(errors()) == 1 and name in errors()[0], value
    setattr(settings, f"WAGTAIL_VERTROUWEN_{name}", 90.5)
    assert errors() == []


@pytest.mark.parametrize(
    ("name", "value"), [("UNLOCK_IDLE_SECONDS", float("nan")), ("OTP_MAX_AGE_SECONDS", 1e999)]
)
def test_an_inbox_with_a_limit_that_never_ends_fails_closed(melding, vp, settings, name, value):
    from django.core.exceptions import ImproperlyConfigured

    client = enter(Client(), vp)
    detail = reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk])
    assert client.get(detail).status_code == 200
    setattr(settings, f"WAGTAIL_VERTROUWEN_{name}", value)
    with pytest.raises(ImproperlyConfigured, match=name):
        client.get(detail)
