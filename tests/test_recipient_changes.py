"""Who receives a form's meldingen changes only visibly (issue 7, "recipients"): deleting,
deactivating or demoting a designated vertrouwenspersoon by any path ends her designation with
an audit line and a mail to everyone involved, and people are named by who they are (name,
login name and address), never by a display name they can edit."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page

from wagtail_vertrouwen.channel.forms.melding import MeldingForm, recipient_token
from wagtail_vertrouwen.channel.models import (
    AuditAction,
    AuditEntry,
    Designation,
    Melding,
    MeldingAccess,
    MeldingFormPage,
)
from wagtail_vertrouwen.channel.policy import identity
from wagtail_vertrouwen.channel.services import designate
from wagtail_vertrouwen.channel.services.purge import purge_expired

from .channel import admin_client, mails_to, nl, page_challenge, send
from .factories import admin, make_vp, vp_group


def removals(user=None):
    entries = AuditEntry.objects.filter(action=AuditAction.RECIPIENT_REMOVED)
    return entries.filter(subject=user) if user is not None else entries


@pytest.fixture
def colleague(form, recipient):
    """A second recipient of ``form``."""
    return make_vp("vp2", form, first_name="Kees", last_name="de Vries")


@pytest.fixture
def alert(settings):
    settings.ADMINS = [("Webbureau", "alarm@bureau.test")]
    return "alarm@bureau.test"


def user_form_data(user, **changes):
    """What Wagtail's user edit form posts for ``user``, with ``changes``."""
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": "on" if user.is_active else "",
        "groups": [g.pk for g in user.groups.all()],
        "password1": "",
        "password2": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value not in ("", None)}


# Deleting ------------------------------------------------------------------------------------


def test_wagtails_user_admin_refuses_to_delete_the_only_recipient(form, recipient):
    """The review's takeover starts by deleting the only vertrouwenspersoon: refused, with a
    message naming her, on the confirmation page and on the POST."""
    client = admin_client()
    url = reverse("wagtailusers_users:delete", args=[recipient.pk])
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailusers_users:edit", args=[recipient.pk])
    assert User.objects.filter(pk=recipient.pk).exists()
    assert form.designations().filter(user=recipient).exists()
    page = client.get(response["Location"])
    assert "vp1@school.test" in page.content.decode()  # the message names her by identity


def test_wagtails_bulk_delete_refuses_recipients_and_holders_of_meldingen(form, recipient):
    former = make_vp("oud", form)
    assert send(Client(), form).status_code == 200
    designate.remove(form.designations().get(user=former), form, admin())  # holds a melding
    bystander = User.objects.create_user("gewoon", "gewoon@school.test", "x")
    client = admin_client()
    url = reverse("wagtail_bulk_action", args=["auth", "user", "delete"])
    query = f"?id={recipient.pk}&id={former.pk}&id={bystander.pk}&next=/admin/users/"
    response = client.post(url + query)
    assert response.status_code == 302
    assert set(User.objects.filter(pk__in=[recipient.pk, former.pk, bystander.pk])) == {
        recipient,
        former,
        bystander,
    }  # all or nothing: the bystander stays too, and the message says why
    client.post(url + f"?id={bystander.pk}&next=/admin/users/")
    assert not User.objects.filter(pk=bystander.pk).exists()


def test_deleting_the_only_recipient_in_the_shell_is_announced_and_her_meldingen_purged(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    assert send(Client(), form, wat="alleen Vera kan dit lezen").status_code == 200
    melding = Melding.objects.get()
    before = identity(recipient)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        recipient.delete()
    # Her address, captured before the row went, got the notice.
    [notice] = mails_to("vp1@school.test")
    assert before in notice.body and nl("Reason: the account was deleted.") in notice.body
    entry = removals().get()
    assert entry.subject is None and entry.subject_identity == before
    # The agency hears that the live form has nobody left.
    [warning] = mails_to(alert)
    assert form.title in warning.body and form.get_full_url() in warning.body
    assert before in warning.body and "alleen Vera" not in warning.body
    # Her melding has no sealed key left: nobody can ever read it, so it goes, logged.
    assert not MeldingAccess.objects.exists()
    assert purge_expired() == 1
    assert not Melding.objects.filter(pk=melding.pk).exists()
    assert AuditEntry.objects.filter(
        action=AuditAction.PURGED, melding_id=melding.pk, detail="no reader left"
    ).exists()


def test_a_superuser_taking_over_after_deleting_the_recipient_is_seen_by_all(
    form, recipient, colleague, alert, django_capture_on_commit_callbacks
):
    """The review's attack, in the shell where the admin cannot refuse it: delete Vera, then
    designate yourself. Vera (at her old address), Kees and the log all know who did it."""
    boss = admin()
    boss.first_name, boss.last_name = "Vera", "Peters"  # borrows her name, too
    boss.save()
    vera = identity(recipient)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        designate.acting(recipient, boss)  # as Wagtail's hooks do for the user admin
        recipient.delete()
        client = admin_client()
        client.post(
            reverse("wagtail_vertrouwen_recipients:add", args=[form.pk]),
            {f"{form.pk}-user": boss.pk},
        )
    assert form.designations().filter(user=boss).exists()
    to_vera = mails_to("vp1@school.test")
    to_kees = mails_to("vp2@school.test")
    assert len(to_vera) == 1 and len(to_kees) == 2
    for message in [*to_vera, *to_kees]:
        assert "beheerder" in message.body and "beheer@school.test" in message.body
    for message in to_kees:  # "Vera Peters" now receives: the borrowed name, and whose it is
        assert "Vera Peters (beheerder, beheer@school.test)" in message.body
    removed = removals().get()
    assert removed.subject_identity == vera
    assert removed.actor_identity == "Vera Peters (beheerder, beheer@school.test)"
    assert not mails_to(alert)  # Kees is still there: the form never lost its last recipient


# Deactivating and demoting -------------------------------------------------------------------


def test_deactivating_in_wagtails_user_edit_view_is_announced_with_who_did_it(
    form, recipient, colleague, alert, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client().post(
            reverse("wagtailusers_users:edit", args=[recipient.pk]),
            user_form_data(recipient, is_active=""),
        )
    assert response.status_code == 302
    assert not form.designations().filter(user=recipient).exists()
    entry = removals(recipient).get()
    assert entry.actor == admin() and entry.actor_identity == identity(admin())
    assert entry.subject_identity == identity(recipient)
    for address in ("vp1@school.test", "vp2@school.test"):
        [notice] = mails_to(address)
        assert nl("Reason: the account was deactivated.") in notice.body
        assert identity(admin()) in notice.body
    assert not mails_to(alert)
    # Activating her again does not make her a recipient again behind anyone's back.
    User.objects.filter(pk=recipient.pk).update(is_active=True)
    assert [u.username for u in form.recipients()] == ["vp2"]


def test_removing_her_group_in_wagtails_user_edit_view_ends_the_designation(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client().post(
            reverse("wagtailusers_users:edit", args=[recipient.pk]),
            user_form_data(recipient, groups=[]),
        )
    assert not recipient.groups.exists()
    assert form.recipients() == []
    entry = removals(recipient).get()
    assert entry.actor_identity == identity(admin())
    assert "lost admin access" in entry.detail
    [notice] = mails_to("vp1@school.test")
    assert (
        nl(
            "Reason: the account can no longer use the Wagtail admin (a group or permission was "
            "taken away)."
        )
        in notice.body
    )
    [warning] = mails_to(alert)  # the only recipient of a live form
    assert form.title in warning.body and identity(recipient) in warning.body


def test_moving_her_to_another_group_with_admin_access_ends_nothing(
    form, recipient, django_capture_on_commit_callbacks
):
    other = Group.objects.create(name="Team")
    other.permissions.add(Permission.objects.get(codename="access_admin"))
    with django_capture_on_commit_callbacks(execute=True):
        admin_client().post(
            reverse("wagtailusers_users:edit", args=[recipient.pk]),
            user_form_data(recipient, groups=[other.pk]),
        )
    assert list(recipient.groups.all()) == [other]  # the form removed, then added
    assert form.recipients() == [recipient]
    assert not removals().exists()


def test_groups_remove_in_the_shell_ends_the_designation(
    form, recipient, colleague, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        recipient.groups.remove(vp_group())
    assert removals(recipient).exists()
    assert mails_to("vp1@school.test") and mails_to("vp2@school.test")
    with django_capture_on_commit_callbacks(execute=True):
        vp_group().user_set.remove(colleague)  # the other side of the relation
    assert removals(colleague).exists()
    assert form.designations().count() == 0


def test_a_group_losing_admin_access_or_deleted_ends_its_members_designations(
    form, recipient, colleague, alert, django_capture_on_commit_callbacks
):
    group = vp_group()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        group.permissions.remove(Permission.objects.get(codename="access_admin"))
    assert {e.subject for e in removals()} == {recipient, colleague}
    assert len(mails_to(alert)) == 1  # the moment the form had nobody left
    second = make_vp("vp3", form)
    with django_capture_on_commit_callbacks(execute=True):
        Group.objects.get(pk=second.groups.get().pk).delete()
    assert removals(second).exists()


def test_a_superuser_recipient_losing_superuser_status_is_demoted_visibly(
    form, django_capture_on_commit_callbacks
):
    boss = make_vp("baas", None)
    boss.groups.clear()
    boss.is_superuser = True
    boss.save()
    designate.designate(form, boss, admin())
    assert form.recipients() == [boss]
    with django_capture_on_commit_callbacks(execute=True):
        boss.is_superuser = False
        boss.save()
    assert removals(boss).exists() and form.recipients() == []


def test_bulk_deactivation_through_wagtails_bulk_action_url(
    form, recipient, colleague, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    url = reverse("wagtail_bulk_action", args=["auth", "user", "set_active_state"])
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client().post(
            url + f"?id={recipient.pk}&next=/admin/users/", {"mark_as_active": "False"}
        )
    assert response.status_code == 302
    assert not User.objects.get(pk=recipient.pk).is_active
    entry = removals(recipient).get()
    assert entry.actor_identity == identity(admin())
    assert mails_to("vp1@school.test") and mails_to("vp2@school.test")


def test_an_update_without_signal_is_left_out_at_once_and_ended_at_the_next_run(
    form, recipient, colleague, django_capture_on_commit_callbacks
):
    User.objects.filter(pk=recipient.pk).update(is_active=False)  # no signal fires
    with CaptureQueriesContext(connection) as queries:
        assert form.recipients() == [colleague]
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []  # a getter that only reads
    assert form.designations().filter(user=recipient).exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        purge_expired()  # the daily task; a new melding's notice task does the same
    assert removals(recipient).get().actor is None
    assert mails_to("vp1@school.test") and mails_to("vp2@school.test")


def test_the_next_melding_ends_a_designation_that_lapsed_without_signal(
    form, recipient, colleague, django_capture_on_commit_callbacks
):
    User.objects.filter(pk=recipient.pk).update(is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert send(Client(), form).status_code == 200
    assert removals(recipient).exists()
    assert list(Melding.objects.get().accesses.values_list("recipient", flat=True)) == [
        colleague.pk
    ]


def test_deleting_or_deactivating_a_recipient_account_is_audited_and_notified(
    form, recipient, colleague, django_capture_on_commit_callbacks
):
    third = make_vp("vp3", form)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        colleague.delete()
    assert AuditEntry.objects.filter(
        action=AuditAction.RECIPIENT_REMOVED, detail__contains="vp2"
    ).exists()
    assert recipient.email in [address for message in mail.outbox for address in message.to]
    with django_capture_on_commit_callbacks(execute=True):
        third.is_active = False
        third.save()
    assert not form.designations().filter(user=third).exists()
    assert AuditEntry.objects.filter(
        action=AuditAction.RECIPIENT_REMOVED, detail__contains="vp3"
    ).exists()


def test_bulk_deactivation_in_wagtail_is_audited_and_does_not_silently_come_back(
    form, recipient, colleague, django_capture_on_commit_callbacks
):
    from wagtail.users.views.bulk_actions.set_active_state import SetActiveStateBulkAction

    mail.outbox.clear()
    SetActiveStateBulkAction.execute_action([colleague], mark_as_active=False, model=User)
    assert [u.username for u in form.recipients()] == ["vp1"]
    # No signal fired: the tasks' sweep (or Wagtail's after_bulk_action hook) ends it.
    with django_capture_on_commit_callbacks(execute=True):
        assert designate.end_lapsed_designations() == 1
    assert AuditEntry.objects.filter(
        action=AuditAction.RECIPIENT_REMOVED, detail__contains="vp2"
    ).exists()
    assert recipient.email in {a for m in mail.outbox for a in m.to}
    SetActiveStateBulkAction.execute_action([colleague], mark_as_active=True, model=User)
    assert [u.username for u in form.recipients()] == ["vp1"]


def test_an_inactive_account_receives_nothing(form, recipient):
    User.objects.filter(pk=recipient.pk).update(is_active=False)  # bypassing the save() signal
    assert form.designations().filter(user=recipient).exists()
    assert form.recipients() == []
    html = Client().get(form.url, HTTP_HOST=form.get_site().hostname).content.decode()
    assert "kan nog geen meldingen ontvangen" in html


def test_designation_pages_keep_working_after_recipient_changes(form, recipient, colleague):
    designate.remove(form.designations().get(user=colleague), form, None)
    assert list(form.designations().values_list("user__username", flat=True)) == ["vp1"]
    html = Client().get(form.url, HTTP_HOST=form.get_site().hostname).content.decode()
    assert 'name="niet_naar"' not in html
    assert page_challenge(Client(), form)


def test_a_recipients_new_email_address_is_audited_and_told_to_the_old_one(
    form, recipient, django_capture_on_commit_callbacks
):
    old = recipient.email
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        recipient.email = "omgeleid@example.org"
        recipient.save()
    assert old in {a for m in mail.outbox for a in m.to}
    assert AuditEntry.objects.filter(
        action=AuditAction.RECIPIENT_CONTACT_CHANGED, subject=recipient
    ).exists()


# Names ---------------------------------------------------------------------------------------


def test_a_recipient_who_takes_a_colleagues_name_is_still_told_apart(
    form, recipient, colleague, django_capture_on_commit_callbacks
):
    """Kees renames himself "Vera Peters": the melder's keep-away choice and the notices still
    tell them apart, and the rename itself is logged and mailed to both of them."""
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        colleague.first_name, colleague.last_name = "Vera", "Peters"
        colleague.email = "vera.peters@elders.test"
        colleague.save()
    choices = dict(MeldingForm(recipients=form.recipients()).fields["niet_naar"].choices)
    assert choices[recipient_token(recipient)] == "Vera Peters (vp1@school.test)"
    assert choices[recipient_token(colleague)] == "Vera Peters (vera.peters@elders.test)"
    entry = AuditEntry.objects.get(action=AuditAction.RECIPIENT_CONTACT_CHANGED)
    assert entry.subject_identity == (
        "Kees de Vries (vp2, vp2@school.test) → Vera Peters (vp2, vera.peters@elders.test)"
    )
    for address in ("vp1@school.test", "vp2@school.test", "vera.peters@elders.test"):
        [notice] = mails_to(address)
        assert "Kees de Vries (vp2, vp2@school.test)" in notice.body


def test_a_blank_name_shows_the_address_and_the_public_form_never_a_login_name(
    form, recipient, colleague
):
    colleague.first_name = colleague.last_name = ""
    colleague.save()
    choices = dict(MeldingForm(recipients=form.recipients()).fields["niet_naar"].choices)
    assert choices[recipient_token(colleague)] == "vp2@school.test"
    html = Client().get(form.url, HTTP_HOST="school.test").content.decode()
    assert "vp2@school.test" in html
    assert "vp1," not in html and "vp2," not in html  # login names stay off the public page


def test_a_name_cannot_imitate_the_stable_part(form, recipient, colleague):
    colleague.first_name, colleague.last_name = "Vera Peters (vp1, vp1@school.test)", ""
    colleague.save()
    assert identity(colleague) == "Vera Peters vp1 vp1school.test (vp2, vp2@school.test)"
    choices = dict(MeldingForm(recipients=form.recipients()).fields["niet_naar"].choices)
    assert choices[recipient_token(colleague)] != choices[recipient_token(recipient)]


def test_the_log_keeps_identities_as_they_were(form, recipient):
    entry = AuditEntry.objects.get(action=AuditAction.RECIPIENT_ADDED, subject=recipient)
    assert entry.subject_identity == "Vera Peters (vp1, vp1@school.test)"
    assert entry.actor_identity == "beheerder, beheer@school.test"
    recipient.first_name = "Anders"
    recipient.save()
    entry.refresh_from_db()
    assert entry.subject_identity == "Vera Peters (vp1, vp1@school.test)"


# The alert contacts and the recipients page ----------------------------------------------------


def test_the_alert_goes_to_the_configured_addresses(
    form, recipient, settings, django_capture_on_commit_callbacks
):
    settings.ADMINS = [("Niet deze", "niet@bureau.test")]
    settings.WAGTAIL_VERTROUWEN_ALERT_EMAILS = ["wacht@bureau.test"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        recipient.is_active = False
        recipient.save()
    [warning] = mails_to("wacht@bureau.test")
    assert not mails_to("niet@bureau.test")
    assert form.get_full_url() in warning.body


def test_the_recipients_page_lists_forms_of_every_locale_once(form, recipient):
    english = Locale.objects.get_or_create(language_code="en")[0]
    home = Page(title="Home EN", slug="home-en", locale=english)
    Page.get_first_root_node().add_child(instance=home)
    only_english = MeldingFormPage(title="Report something", slug="report", locale=english)
    home.add_child(instance=only_english)
    dutch_copy = form.copy_for_translation(english, copy_parents=True)  # the same form
    client = admin_client()
    response = client.get(reverse("wagtail_vertrouwen_recipients:index"))
    assert response.status_code == 200
    pages = [row["page"] for row in response.context["rows"]]
    assert only_english in pages and form in pages and dutch_copy not in pages
    html = response.content.decode()
    assert "Vera Peters (vp1, vp1@school.test)" in html


def test_designating_an_account_without_admin_access_is_refused(form, recipient):
    outsider = User.objects.create_user("buiten", "buiten@school.test", "x")
    admin_client().post(
        reverse("wagtail_vertrouwen_recipients:add", args=[form.pk]),
        {f"{form.pk}-user": outsider.pk},
    )
    assert not form.designations().filter(user=outsider).exists()


def test_the_recipients_page_pages_through_many_forms(form, recipient, monkeypatch):
    from wagtail_vertrouwen.channel.views import recipients as view

    monkeypatch.setattr(view, "PER_PAGE", 1)
    second = MeldingFormPage(title="Zorgen melden", slug="zorgen")
    form.get_parent().add_child(instance=second)
    client = admin_client()
    index = reverse("wagtail_vertrouwen_recipients:index")
    first_page = client.get(index)
    assert [row["page"] for row in first_page.context["rows"]] == [form]
    assert "?p=2" in first_page.content.decode()
    assert [row["page"] for row in client.get(index + "?p=2").context["rows"]] == [second]


# A form swapped for another, an account prepared by someone else ------------------------------


def test_unpublishing_the_form_is_logged_and_mailed_to_its_recipients_and_the_alert(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    """The review's swap: an admin takes the only form offline (to put up another one with
    himself as recipient). Her log and her mailbox, and the agency, hear of it."""
    mail.outbox.clear()
    client = admin_client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:unpublish", args=[form.pk]))
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action=AuditAction.FORM_CLOSED)
    assert entry.actor_identity == "beheerder, beheer@school.test"
    assert list(entry.readers.all()) == [recipient]
    [notice] = mails_to("vp1@school.test")
    assert "Melding maken" in notice.body and "beheerder" in notice.body
    assert mails_to("alarm@bureau.test")


def test_deleting_the_form_ends_its_designations_visibly(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        form.delete()
    assert not Designation.objects.current().exists()
    assert AuditEntry.objects.filter(action=AuditAction.FORM_CLOSED).exists()
    assert mails_to("vp1@school.test") and mails_to("alarm@bureau.test")


def test_a_new_forms_first_recipient_is_told_to_the_alert_contacts(
    db, alert, django_capture_on_commit_callbacks
):
    from .factories import make_form

    new_form = make_form()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        make_vp("indringer", new_form)
    [notice] = mails_to("alarm@bureau.test")
    assert "indringer" in notice.body


def test_an_admin_who_resets_a_recipients_password_is_announced(
    form, recipient, colleague, django_capture_on_commit_callbacks
):
    """The review's preparation attack: reset her password to enrol and set up a key in her
    place. The reset alone is mailed to her and her co-recipients, and logged."""
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        recipient.set_password("gekozen-door-beheer")
        recipient.save()
    assert AuditEntry.objects.filter(
        action=AuditAction.LOGIN_PASSWORD_CHANGED, subject=recipient
    ).exists()
    for address in ("vp1@school.test", "vp2@school.test"):
        assert any("Vera Peters" in m.body for m in mails_to(address))


def test_enrolling_a_second_factor_and_setting_up_a_key_are_announced(
    form, colleague, django_capture_on_commit_callbacks
):
    """A newly designated account set up by someone else: both steps reach her address and
    her co-recipients."""
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    newcomer = make_vp("vp3", form, key=False, totp=False)
    client = Client()
    client.force_login(newcomer)
    mail.outbox.clear()
    client.get(reverse("wagtail_vertrouwen_inbox:otp_verify"))
    device = TOTPDevice.objects.get(user=newcomer)
    token = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_vertrouwen_inbox:otp_verify"), {"otp_token": f"{token:06d}"}
        )
    assert response.status_code == 200
    assert mails_to("vp3@school.test") and mails_to("vp2@school.test")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_vertrouwen_inbox:key_setup"),
            {"new_passphrase1": "Een-eigen-zin-2026!", "new_passphrase2": "Een-eigen-zin-2026!"},
        )
    assert mails_to("vp3@school.test") and mails_to("vp2@school.test")
