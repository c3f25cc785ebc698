"""A melding form's life (I4: where and whether a form receives is visible): a version
(translation) going offline by any path (unpublished, deleted, made private, with or without
its parent), coming back, or moving to another website is audited and mailed to the form's
recipients and the alert contacts, naming who did it; the history of who receives survives
the deletion of a version; a removed recipient does not follow the form after her removal; a
version on another school's website receives nothing.

Each test performs an attack of the late review (2026-11-24, "form and recipient lifecycle")
and failed before its fix."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, PageViewRestriction, Site

from wagtail_vertrouwen.channel.models import (
    AuditAction,
    AuditEntry,
    Designation,
    FormSchool,
    Melding,
    MeldingFormPage,
)
from wagtail_vertrouwen.channel.services import designate
from wagtail_vertrouwen.channel.views.audit import entries_visible_to

from .channel import admin_client, enter, mails_to, nl, send
from .factories import admin, make_form, make_school, make_vp

ALERT = "alarm@bureau.test"


@pytest.fixture
def alert(settings):
    settings.ADMINS = [("Webbureau", ALERT)]
    return ALERT


def english_copy(form):
    """The form's English translation (same translation_key), published, on the same site."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    copy = form.copy_for_translation(english, copy_parents=True)
    copy.save_revision().publish()
    copy = MeldingFormPage.objects.get(pk=copy.pk)
    assert copy.translation_key == form.translation_key and copy.live
    return copy


def closings():
    return list(AuditEntry.objects.filter(action=AuditAction.FORM_CLOSED))


def recipients_rows():
    return admin_client().get(reverse("wagtail_vertrouwen_recipients:index")).context["rows"]


# A version going offline -----------------------------------------------------------------------


def test_unpublishing_the_dutch_version_is_told_while_the_english_one_stays_live(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    """The swap with a twist: the English copy stays live, the Dutch form (the one the school
    links to) goes offline and its URL is redirected to a new form with another recipient.
    Before the fix nothing was logged or mailed as long as any translation was live."""
    from wagtail.contrib.redirects.models import Redirect

    english_copy(form)
    swap = make_form(form.get_parent(), title="Melding maken (nieuw)", slug="melding-nieuw")
    make_vp("indringer", swap)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client().post(reverse("wagtailadmin_pages:unpublish", args=[form.pk]))
        assert response.status_code == 302
        Redirect.objects.create(old_path="/melding-maken", site=form.get_site(), redirect_page=swap)
    [closed] = closings()
    assert closed.actor == admin() and closed.translation_key == form.translation_key
    assert closed.detail == "unpublished: Melding maken (nl, OBS Test (school.test))"
    assert list(closed.readers.all()) == [recipient]
    assert closed in entries_visible_to(recipient)
    [notice] = mails_to("vp1@school.test")
    assert notice.subject == nl("A version of a melding form went offline")
    assert "Melding maken (nl, OBS Test (school.test))" in notice.body
    assert "beheerder" in notice.body
    assert mails_to(alert)


def test_unpublishing_the_last_live_version_says_the_whole_form_closed(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    english = english_copy(form)
    with django_capture_on_commit_callbacks(execute=True):
        english.unpublish()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client().post(reverse("wagtailadmin_pages:unpublish", args=[form.pk]))
    last = AuditEntry.objects.filter(action=AuditAction.FORM_CLOSED).latest("pk")
    assert last.detail.endswith("; whole form closed")
    [notice] = mails_to("vp1@school.test")
    assert notice.subject == nl("A melding form went offline")


@pytest.mark.parametrize("where", ["form", "school"])
def test_a_privacy_setting_that_takes_the_form_offline_is_told_and_so_is_its_removal(
    form, recipient, alert, where, django_capture_on_commit_callbacks
):
    """A publisher puts a password on the form, or on the whole school site during a
    redesign: submissions answer 404. Before the fix nobody was told."""
    target = form if where == "form" else form.get_parent()
    privacy = reverse("wagtailadmin_pages:set_privacy", args=[target.pk])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client().post(
            privacy, {"restriction_type": "password", "password": "geheim123"}
        )
    assert response.status_code in (200, 302)
    assert PageViewRestriction.objects.filter(page=target).exists()
    submitted = Client().post(
        reverse("wagtail_vertrouwen:melding_submit", args=[form.pk]),
        {"challenge": "x"},
        HTTP_HOST="school.test",
    )
    assert submitted.status_code == 404  # melders can no longer send
    [closed] = closings()
    assert closed.actor == admin()
    assert closed.detail.startswith("made private: Melding maken (nl,")
    assert mails_to("vp1@school.test") and mails_to(alert)
    [row] = recipients_rows()
    assert [version["public"] for version in row["versions"]] == [False]
    assert list(row["log"])[:1] == [closed]

    # Another password on the same restriction changes nothing for who receives.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client().post(privacy, {"restriction_type": "password", "password": "anders456"})
    assert len(closings()) == 1 and not mail.outbox

    # Public again: told as well.
    with django_capture_on_commit_callbacks(execute=True):
        admin_client().post(privacy, {"restriction_type": "none"})
    assert not PageViewRestriction.objects.exists()
    reopened = AuditEntry.objects.get(action=AuditAction.FORM_REOPENED)
    assert reopened.actor == admin() and reopened in entries_visible_to(recipient)
    [notice] = mails_to("vp1@school.test")
    assert notice.subject == nl("A melding form is public again")


def test_deleting_the_school_home_closes_the_form_once_and_names_who_did_it(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    """Deleting a parent deletes the form through the tree. Before the fix: two "form closed"
    lines (Wagtail unpublishes a live page before deleting it), two alert mails, and no
    actor (only the page acted on was marked)."""
    home = form.get_parent()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client().post(reverse("wagtailadmin_pages:delete", args=[home.pk]))
    assert response.status_code == 302
    assert not MeldingFormPage.objects.exists()
    assert not Designation.objects.current().exists()
    [closed] = closings()
    assert closed.actor == admin()
    assert closed.detail == "deleted: Melding maken (nl, OBS Test (school.test)); whole form closed"
    assert closed.form is None and closed.form_title == "Melding maken"
    assert closed in entries_visible_to(recipient)
    assert len(mails_to("vp1@school.test")) == 1 and len(mails_to(alert)) == 1


def test_unpublishing_a_section_with_the_form_names_who_did_it(
    form, recipient, django_capture_on_commit_callbacks
):
    home = form.get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client().post(
            reverse("wagtailadmin_pages:unpublish", args=[home.pk]), {"include_descendants": "on"}
        )
    form.refresh_from_db()
    assert not form.live
    [closed] = closings()
    assert closed.actor == admin() and closed.actor_identity == "beheerder, beheer@school.test"


# The history of who receives ------------------------------------------------------------------


def test_deleting_the_dutch_version_keeps_the_recipient_history_visible(
    form, recipient, django_capture_on_commit_callbacks
):
    """Audit lines pointed to the page (SET_NULL): deleting the version they were written
    against hid every recipient change from the co-recipients' log and the recipients page,
    while the English copy kept the form and its designations alive."""
    english = english_copy(form)
    intruder = make_vp("indringer", form)
    added = AuditEntry.objects.get(action=AuditAction.RECIPIENT_ADDED, subject=intruder)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client().post(reverse("wagtailadmin_pages:delete", args=[form.pk]))
    assert response.status_code == 302
    assert not MeldingFormPage.objects.filter(pk=form.pk).exists()
    assert {u.pk for u in english.recipients()} == {recipient.pk, intruder.pk}
    assert added in entries_visible_to(recipient), "the 'recipient added' line vanished"
    [row] = recipients_rows()
    assert row["page"].pk == english.pk
    assert added in list(row["log"])
    assert AuditAction.FORM_CLOSED in [entry.action for entry in row["log"]]
    client = enter(Client(), recipient)
    html = client.get(reverse("wagtail_vertrouwen_inbox:audit_log")).content.decode()
    assert "indringer@school.test" in html and "Melding maken" in html


def test_the_migration_fills_the_form_key_of_existing_lines(form, recipient):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("wagtail_vertrouwen.channel.migrations.0002_audit_form_key")
    AuditEntry.objects.update(translation_key=None, form_title="")
    migration.fill_form_key(apps, None)
    added = AuditEntry.objects.get(action=AuditAction.RECIPIENT_ADDED)
    assert added.translation_key == form.translation_key and added.form_title == "Melding maken"


def test_a_removed_recipient_does_not_see_who_is_designated_after_her(
    form, recipient, django_capture_on_commit_callbacks
):
    """Her log showed the form's recipient changes forever, through any designation she ever
    had: a later co-recipient's private address included."""
    make_vp("vp2", form)
    assert send(Client(), form).status_code == 200  # she still holds this melding
    designate.remove(form.designations().get(user=recipient), form, admin())
    newcomer = make_vp("vp3", form, first_name="Nieuwe", last_name="Collega")
    newcomer.email = "prive.adres@example.org"
    newcomer.save()
    visible = entries_visible_to(recipient)
    assert not visible.filter(subject=newcomer).exists()
    # What happened while she was designated, and her own removal, she still sees.
    assert visible.filter(action=AuditAction.RECIPIENT_ADDED, subject__username="vp2").exists()
    assert visible.filter(action=AuditAction.RECIPIENT_REMOVED, subject=recipient).exists()
    html = (
        enter(Client(), recipient)
        .get(reverse("wagtail_vertrouwen_inbox:audit_log"))
        .content.decode()
    )
    assert "prive.adres@example.org" not in html and "vp3" not in html


# Accounts in Wagtail's group admin ------------------------------------------------------------


def test_deleting_the_recipients_group_in_wagtails_group_admin_names_who_did_it(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    group = recipient.groups.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client().post(reverse("wagtailusers_groups:delete", args=[group.pk]))
    assert response.status_code == 302
    assert not Group.objects.filter(pk=group.pk).exists()
    removal = AuditEntry.objects.get(action=AuditAction.RECIPIENT_REMOVED, subject=recipient)
    assert mails_to("vp1@school.test") and mails_to(alert)
    assert removal.actor == admin(), "group deleted in Wagtail's admin: 'who' is missing"
    assert removal.translation_key == form.translation_key


# Another school's website ---------------------------------------------------------------------


def test_a_translation_moved_into_another_school_receives_nothing_and_is_told(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    """School A's form, translated and moved into school B's English site: school B's melders
    wrote to school A's vertrouwenspersoon, and nothing was logged or told."""
    school_b = make_school("b.test", "OBS B (English)", language="en")
    english = english_copy(form)
    assert english.recipients() == [recipient]  # on its own school's site it receives
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client().post(
            reverse("wagtailadmin_pages:move_confirm", args=[english.pk, school_b.pk])
        )
    assert response.status_code == 302
    english = MeldingFormPage.objects.get(pk=english.pk)
    assert english.get_site().hostname == "b.test"
    # It receives nothing there: the page says so, a post is refused, nothing is stored.
    assert english.recipients() == []
    page = Client().get(english.url, HTTP_HOST="b.test")
    assert page.status_code == 200 and "data-challenge" not in page.content.decode()
    refused = Client().post(
        reverse("wagtail_vertrouwen:melding_submit", args=[english.pk]),
        {"challenge": "x"},
        HTTP_HOST="b.test",
    )
    assert refused.status_code == 503 and not Melding.objects.exists()
    # The Dutch form of school A still receives.
    assert form.recipients() == [recipient]
    moved = AuditEntry.objects.get(action=AuditAction.FORM_MOVED)
    assert moved.actor == admin() and moved in entries_visible_to(recipient)
    assert "OBS B (English) (b.test)" in moved.detail and "receives nothing" in moved.detail
    [notice] = mails_to("vp1@school.test")
    assert notice.subject == nl("A melding form was moved to another website")
    assert "b.test" in notice.body and mails_to(alert)
    [row] = recipients_rows()
    versions = {version["page"].pk: version for version in row["versions"]}
    assert versions[english.pk]["receives"] is False and versions[form.pk]["receives"] is True
    assert versions[english.pk]["site"].hostname == "b.test"


def test_a_form_in_one_language_asks_one_query_more_for_its_site(
    form, recipient, django_assert_num_queries
):
    """``recipients()`` checks the version's site: one query for a form without translations
    (measured: 2 in all, the recipients being the other)."""
    form = MeldingFormPage.objects.get(pk=form.pk)
    with django_assert_num_queries(2):
        assert form.recipients() == [recipient]


def test_designating_on_the_english_copy_is_the_same_form(form, recipient):
    """Sound check: designating through either translation's id gives one designation."""
    english = english_copy(form)
    other = make_vp("vp2")
    admin_client().post(
        reverse("wagtail_vertrouwen_recipients:add", args=[english.pk]),
        {f"{english.pk}-user": other.pk},
    )
    assert form.designations().filter(user=other).count() == 1
    assert Designation.objects.filter(user=other).count() == 1


def test_each_versions_site_costs_a_fixed_number_of_queries(
    form, recipient, django_assert_num_queries
):
    """The recipients page shows every version with its website and state (measured: 4
    queries for one version or two: versions, default locale, sites, privacy settings)."""
    form = MeldingFormPage.objects.get(pk=form.pk)
    Site.get_site_root_paths()  # Wagtail caches them; publishing a page empties that cache
    with django_assert_num_queries(4):
        [only] = form.versions()
    english_copy(form)
    Site.get_site_root_paths()
    with django_assert_num_queries(4):
        versions = form.versions()
    assert [(v["language_code"], v["site"].hostname, v["receives"]) for v in versions] == [
        ("nl", "school.test", True),
        ("en", "school.test", True),
    ]
    assert only["live"] and only["public"]


# The school a form is pinned to ----------------------------------------------------------------
#
# Review 2 (2026-11-24, "the reference version can change"): which version is the reference
# (default locale, else the oldest) decided where a form received, and it changed silently by
# deleting the original, adding a default-locale translation elsewhere, renaming Locales or
# changing LANGUAGE_CODE. The form is now pinned to its school at its first designation.


def move(page, parent, capture):
    """Move ``page`` under ``parent`` in Wagtail's admin, on-commit work done."""
    with capture(execute=True):
        response = admin_client().post(
            reverse("wagtailadmin_pages:move_confirm", args=[page.pk, parent.pk])
        )
    assert response.status_code == 302, response.content[:500]
    return MeldingFormPage.objects.get(pk=page.pk)


def post_melding(page, host):
    return Client().post(
        reverse("wagtail_vertrouwen:melding_submit", args=[page.pk]),
        {"challenge": "x"},
        HTTP_HOST=host,
    )


def test_deleting_the_original_does_not_make_a_translation_in_another_school_receive(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    """School A's English version moved into school B's site (told: receives nothing there),
    then A's Dutch original deleted: the English version became the reference and received
    school B's meldingen for school A's vertrouwenspersoon, and nobody was told."""
    school_b = make_school("b.test", "OBS B (English)", language="en")
    english = move(english_copy(form), school_b, django_capture_on_commit_callbacks)
    assert english.recipients() == []
    with django_capture_on_commit_callbacks(execute=True):
        admin_client().post(reverse("wagtailadmin_pages:delete", args=[form.pk]))
    english = MeldingFormPage.objects.get(pk=english.pk)
    assert english.get_site().hostname == "b.test"
    assert english.recipients() == []
    assert post_melding(english, "b.test").status_code == 503
    assert not Melding.objects.exists()


def test_renaming_locales_does_not_move_the_form_to_another_school(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    """Under Instellingen › Taalregio's, nl renamed to ar and en to nl: the English version in
    school B became "the default locale's" and so the reference; it received on b.test for
    school A's recipients, A's own form received nothing, and nothing was audited or mailed."""
    school_b = make_school("b.test", "OBS B (English)", language="en")
    english = move(english_copy(form), school_b, django_capture_on_commit_callbacks)
    client = admin_client()
    for old, new in (("nl", "ar"), ("en", "nl")):
        locale = Locale.objects.get(language_code=old)
        response = client.post(
            reverse("wagtaillocales:edit", args=[locale.pk]), {"language_code": new}
        )
        assert response.status_code == 302
    english = MeldingFormPage.objects.get(pk=english.pk)
    assert english.locale.language_code == "nl"
    assert english.recipients() == []
    assert MeldingFormPage.objects.get(pk=form.pk).recipients() == [recipient]


def test_changing_language_code_does_not_move_the_form_to_another_school(
    settings, form, recipient, alert, django_capture_on_commit_callbacks
):
    """With LANGUAGE_CODE = "en" the English version on school A was the reference, so the
    Dutch original moved into school B was refused; switching back to "nl" made it the
    reference: it received on b.test, and A's English version received nothing."""
    school_b = make_school("b.test", "OBS B")
    english = english_copy(form)
    settings.LANGUAGE_CODE = "en"
    form = move(form, school_b, django_capture_on_commit_callbacks)
    assert form.recipients() == []
    settings.LANGUAGE_CODE = "nl"
    form = MeldingFormPage.objects.get(pk=form.pk)
    assert form.recipients() == []
    assert MeldingFormPage.objects.get(pk=english.pk).recipients() == [recipient]


def test_a_default_locale_translation_made_in_another_school_does_not_take_over(
    db, alert, django_capture_on_commit_callbacks
):
    """School A's form exists in English only. Its Arabic translation is moved into school B's
    Arabic site (told: receives nothing there), and "Translate this page" on that version
    into Dutch puts a Dutch version under school B's home. Being in the default locale, it
    became the reference: it received on b.test for A's recipients, A's own form received
    nothing, and creating and publishing a version is neither audited nor mailed."""
    home_a = make_school("a.test", "School A", language="en")
    form = make_form(home_a)
    vp = make_vp("vp1", form)
    home_b = make_school("b.test", "School B", language="nl")
    arabic_locale = Locale.objects.get_or_create(language_code="ar")[0]
    home_b_ar = home_b.copy_for_translation(arabic_locale)
    home_b_ar.save_revision().publish()
    arabic = form.copy_for_translation(arabic_locale, copy_parents=True)
    arabic.save_revision().publish()
    arabic = move(arabic, home_b_ar, django_capture_on_commit_callbacks)
    assert arabic.get_site().hostname == "b.test" and arabic.recipients() == []
    dutch = arabic.copy_for_translation(Locale.objects.get(language_code="nl"), copy_parents=True)
    dutch.save_revision().publish()
    dutch = MeldingFormPage.objects.get(pk=dutch.pk)
    assert dutch.get_site().hostname == "b.test"
    assert dutch.recipients() == []
    assert MeldingFormPage.objects.get(pk=form.pk).recipients() == [vp]


def test_moving_the_original_away_leaves_the_other_versions_receiving_and_says_so(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    """The Dutch original moved into school B was told as "moved" (it received there), while
    school A's English version silently received nothing any more. Now the original receives
    nothing in school B, the English version keeps receiving, and the line and the mail say
    whether each version receives."""
    school_b = make_school("b.test", "OBS B")
    english = english_copy(form)
    mail.outbox.clear()
    form = move(form, school_b, django_capture_on_commit_callbacks)
    assert form.recipients() == []
    assert MeldingFormPage.objects.get(pk=english.pk).recipients() == [recipient]
    moved = AuditEntry.objects.get(action=AuditAction.FORM_MOVED)
    assert "receives nothing there" in moved.detail
    assert "nl, OBS B (b.test): receives nothing" in moved.detail
    assert "en, OBS Test (school.test): receives" in moved.detail.replace("receives nothing", "")
    [notice] = mails_to("vp1@school.test")
    assert "en, OBS Test (school.test): " + nl("receives meldingen") in notice.body
    assert "nl, OBS B (b.test): " + nl("receives nothing") in notice.body
    assert mails_to(alert)


def test_a_form_moved_into_another_school_receives_there_only_once_designated_anew(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    """Formerly a documented residual: a form in one language moved into school B received
    there for school A's recipients (told). Now it receives nothing there; the pin is
    released when its last designation ends, and the next first designation pins it to
    school B, which the audit line says."""
    school_a = form.get_parent()
    school_b = make_school("b.test", "OBS B")
    form = move(form, school_b, django_capture_on_commit_callbacks)
    assert form.recipients() == []
    from wagtail_vertrouwen.channel.models import FormSchool

    assert "receives nothing there" in AuditEntry.objects.get(action=AuditAction.FORM_MOVED).detail
    assert mails_to("vp1@school.test") and mails_to(alert)
    assert FormSchool.objects.get(form_key=form.translation_key).home_key == (
        school_a.translation_key
    )
    designate.remove(form.designations().get(), form, admin())
    assert not FormSchool.objects.filter(form_key=form.translation_key).exists()
    successor = make_vp("vp2", form)
    assert FormSchool.objects.get(form_key=form.translation_key).home_key == (
        school_b.translation_key
    )
    assert form.recipients() == [successor]
    added = AuditEntry.objects.filter(action=AuditAction.RECIPIENT_ADDED, subject=successor).get()
    assert added.detail == "first recipient; form pinned to OBS B (b.test)"


def test_moving_the_form_under_a_private_section_on_the_same_site_is_told(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    """A form moved under an already private section of the same website went offline for
    melders (404) and nobody was told; moved out again, nobody was told either."""
    home = form.get_parent()
    section = Page(title="Intern", slug="intern")
    home.add_child(instance=section)
    section.save_revision().publish()
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    mail.outbox.clear()
    form = move(form, section, django_capture_on_commit_callbacks)
    assert post_melding(form, "school.test").status_code == 404
    [closed] = closings()
    assert closed.actor == admin()
    assert closed.detail == (
        "moved under a private page: Melding maken (nl, OBS Test (school.test)); whole form closed"
    )
    [notice] = mails_to("vp1@school.test")
    assert notice.subject == nl("A melding form went offline")
    assert nl("it was moved under a private page (a privacy setting on a page above it)") in (
        notice.body
    )
    assert mails_to(alert)
    mail.outbox.clear()
    form = move(form, home, django_capture_on_commit_callbacks)
    assert AuditEntry.objects.filter(action=AuditAction.FORM_REOPENED).count() == 1
    [notice] = mails_to("vp1@school.test")
    assert notice.subject == nl("A melding form is public again")


def test_designating_through_a_decoy_version_names_the_form(
    form, recipient, django_capture_on_commit_callbacks
):
    """A designator posted "add" with the id of an unpublished translation titled like an
    old test form: the audit line and the co-recipients' mail named that title, though the
    designation applies to the live form."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    decoy = MeldingFormPage.objects.get(pk=form.copy_for_translation(english, copy_parents=True).pk)
    decoy.title = "Oud testformulier (niet in gebruik)"
    decoy.save()
    intruder = make_vp("indringer")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client().post(
            reverse("wagtail_vertrouwen_recipients:add", args=[decoy.pk]),
            {f"{decoy.pk}-user": intruder.pk},
        )
    assert response.status_code == 302
    assert intruder in form.recipients()
    line = AuditEntry.objects.get(action=AuditAction.RECIPIENT_ADDED, subject=intruder)
    assert line.form_title == "Melding maken" and line.form_id == form.pk
    [notice] = mails_to("vp1@school.test")
    assert "Melding maken" in notice.body and "Oud testformulier" not in notice.body


def test_the_migration_pins_every_designated_form_to_its_reference_versions_school(form, recipient):
    """Forms designated before the pin existed: the migration pins each to the school of its
    reference version (here the Dutch original on school.test, whose English version stands
    on the same site), and leaves forms without designations unpinned."""
    import importlib

    from django.apps import apps

    from wagtail_vertrouwen.channel.models import FormSchool

    english_copy(form)
    idle = make_form(make_school("b.test", "OBS B"))
    migration = importlib.import_module("wagtail_vertrouwen.channel.migrations.0003_form_school")
    FormSchool.objects.all().delete()
    assert MeldingFormPage.objects.get(pk=form.pk).recipients() == []
    migration.pin_designated_forms(apps, None)
    [pinned] = FormSchool.objects.all()
    assert pinned.form_key == form.translation_key
    assert pinned.home_key == form.get_parent().translation_key
    assert MeldingFormPage.objects.get(pk=form.pk).recipients() == [recipient]
    assert not FormSchool.objects.filter(form_key=idle.translation_key).exists()


def test_a_recipient_sees_nothing_from_before_her_designation(form, recipient):
    """Sound check of the period rule: lines about the form before she was added stay
    hidden; her own addition and later changes are visible."""
    early = make_vp("vroeg", form)
    designate.remove(form.designations().get(user=early), form, admin())
    late = make_vp("laat", form)
    visible = entries_visible_to(late)
    assert not visible.filter(subject=early).exists()
    assert visible.filter(subject=late, action=AuditAction.RECIPIENT_ADDED).exists()
    other = make_vp("later", form)
    assert visible.filter(subject=other).exists()


# Review 3 (2026-11-24, "designated ⇒ pinned"): a form designated while on no website, or left
# unpinned by migration 0003, never received while every page said it would; a re-pin was
# named to nobody; the Sites admin could stop a form silently; designate and release raced.


def in_site_language(msgid):
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        return translation.gettext(msgid)


def staging_tree():
    """A section under Wagtail's root that no Site serves (a staging area)."""
    root = Page.get_first_root_node()
    staging = Page(title="Staging", slug="staging")
    root.add_child(instance=staging)
    staging.save_revision().publish()
    return Page.objects.get(pk=staging.pk)


def unpinned_designated_form(school, capture):
    """A designated form that migration 0003 left unpinned (it stood on no website then),
    moved onto ``school``'s site since."""
    import importlib

    from django.apps import apps

    from wagtail_vertrouwen.channel.models import Designation, FormSchool

    form = make_form(staging_tree())
    vp = make_vp("vp1")
    Designation.objects.create(translation_key=form.translation_key, user=vp)
    migration = importlib.import_module("wagtail_vertrouwen.channel.migrations.0003_form_school")
    migration.pin_designated_forms(apps, None)
    assert not FormSchool.objects.exists()
    return move(form, school, capture), vp


def test_designating_a_form_on_no_website_is_refused_with_a_clear_message(db, alert):
    from wagtail_vertrouwen.channel.models import Designation

    form = make_form(staging_tree())
    vp = make_vp("vp1")
    client = admin_client()
    response = client.post(
        reverse("wagtail_vertrouwen_recipients:add", args=[form.pk]),
        {f"{form.pk}-user": vp.pk},
        follow=True,
    )
    assert response.status_code == 200
    shown = [str(m) for m in response.context["messages"]]
    assert shown == [
        in_site_language(
            "“%(form)s” stands on no website, so it has no school to receive for. Put the "
            "form on the school's website first: publish it under the school's homepage."
        )
        % {"form": form.title}
    ]
    assert not Designation.objects.exists()
    assert not AuditEntry.objects.filter(action=AuditAction.RECIPIENT_ADDED).exists()
    with pytest.raises(designate.NotOnAWebsite):
        designate.designate(form, vp, admin())
    assert not Designation.objects.exists()


def test_a_designated_unpinned_form_is_said_to_receive_nothing_everywhere(
    db, alert, django_capture_on_commit_callbacks
):
    """Moved onto its school's site, the migration's unpinned form receives nothing, and the
    move line, the recipients page and check W008 all say so."""
    from django.core.checks import run_checks

    school = make_school()
    form, vp = unpinned_designated_form(school, django_capture_on_commit_callbacks)
    assert form.recipients() == []
    moved = AuditEntry.objects.get(action=AuditAction.FORM_MOVED)
    assert "receives nothing there" in moved.detail, moved.detail
    assert [v["receives"] for v in form.versions()] == [False]
    [row] = [r for r in recipients_rows() if r["page"].pk == form.pk]
    assert row["unpinned"]
    page = admin_client().get(reverse("wagtail_vertrouwen_recipients:index"))
    warning_text = in_site_language(
        "This form has recipients but is pinned to no school, so it receives nothing. Put it "
        "on the school's website, then pin it to its school."
    )
    content = page.content.decode()
    assert warning_text in content or warning_text.replace("'", "&#x27;") in content
    [warning] = [w for w in run_checks() if w.id == "wagtail_vertrouwen_channel.W008"]
    assert form.title in warning.msg and "pinned to no school" in warning.msg


def test_w008_is_silent_for_pinned_forms(form, recipient):
    from django.core.checks import run_checks

    assert not [w for w in run_checks() if w.id == "wagtail_vertrouwen_channel.W008"]


def test_the_next_designation_pins_an_unpinned_form_and_says_so(
    db, alert, django_capture_on_commit_callbacks
):
    from wagtail_vertrouwen.channel.models import FormSchool

    school = make_school()
    form, vp1 = unpinned_designated_form(school, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        vp2 = make_vp("vp2", form)
    assert FormSchool.objects.get().home_key == school.translation_key
    assert form.recipients() == [vp1, vp2]
    added = AuditEntry.objects.get(action=AuditAction.RECIPIENT_ADDED, subject=vp2)
    assert added.detail == "form pinned to OBS Test (school.test)"
    [alerted] = mails_to(alert)
    assert alerted.subject == in_site_language("A melding form was pinned to its school")
    assert "OBS Test (school.test)" in alerted.body
    assert all("OBS Test (school.test)" in m.body for m in mails_to("vp2@school.test"))


def test_a_repin_elsewhere_is_named_in_the_mails(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    """Her only designation ends (deactivated), the form moves into school B, she is
    re-activated and designated again: the form is pinned to school B, and both her mail and
    the alert contacts' name that school."""
    from wagtail_vertrouwen.channel.models import FormSchool

    school_b = make_school("b.test", "OBS B")
    with django_capture_on_commit_callbacks(execute=True):
        recipient.is_active = False
        recipient.save()
    assert not FormSchool.objects.exists()
    form = move(form, school_b, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        recipient.is_active = True
        recipient.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        designate.designate(form, recipient, admin())
    assert FormSchool.objects.get().home_key == school_b.translation_key
    assert form.recipients() == [recipient]
    [hers] = mails_to("vp1@school.test")
    [alerted] = mails_to(alert)
    assert "OBS B (b.test)" in hers.body and "OBS B (b.test)" in alerted.body


def nested_form(form, capture):
    """The form moved into a section "Vertrouwen" under its school's home."""
    section = Page(title="Vertrouwen", slug="vertrouwen")
    form.get_parent().add_child(instance=section)
    section.save_revision().publish()
    section = Page.objects.get(pk=section.pk)
    return move(form, section, capture), section


def edit_site(site, **changes):
    """Save ``site`` in Wagtail's Sites admin as a superuser, with ``changes`` to its fields."""
    fields = {
        "hostname": site.hostname,
        "port": site.port,
        "site_name": site.site_name,
        "root_page": site.root_page_id,
        **changes,
    }
    return admin_client().post(reverse("wagtailsites:edit", args=[site.pk]), fields)


def site_change_told(lines, alert):
    told = AuditEntry.objects.filter(action=AuditAction.FORM_MOVED).order_by("pk")[lines:]
    return list(told), mails_to("vp1@school.test"), mails_to(alert)


def test_adding_a_site_for_a_section_above_the_form_is_told(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    form, section = nested_form(form, django_capture_on_commit_callbacks)
    assert form.recipients() == [recipient]
    mail.outbox.clear()
    lines = AuditEntry.objects.filter(action=AuditAction.FORM_MOVED).count()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client().post(
            reverse("wagtailsites:add"),
            {
                "hostname": "vertrouwen.school.test",
                "port": 80,
                "site_name": "Vertrouwen",
                "root_page": section.pk,
            },
        )
    assert response.status_code == 302
    assert MeldingFormPage.objects.get(pk=form.pk).recipients() == []
    [line], hers, alerted = site_change_told(lines, alert)
    assert line.actor == admin() and "site added: Vertrouwen (vertrouwen.school.test)" in (
        line.detail
    )
    assert "receives nothing" in line.detail
    assert hers and alerted and "Vertrouwen (vertrouwen.school.test)" in hers[0].body


def test_changing_a_sites_root_page_is_told(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    form, section = nested_form(form, django_capture_on_commit_callbacks)
    site = Site.objects.get(hostname="school.test")
    mail.outbox.clear()
    lines = AuditEntry.objects.filter(action=AuditAction.FORM_MOVED).count()
    with django_capture_on_commit_callbacks(execute=True):
        response = edit_site(site, root_page=section.pk)
    assert response.status_code == 302
    assert MeldingFormPage.objects.get(pk=form.pk).recipients() == []
    [line], hers, alerted = site_change_told(lines, alert)
    assert "site changed: OBS Test (school.test)" in line.detail and line.actor == admin()
    assert hers and alerted


def test_deleting_a_site_is_told_and_an_unrelated_site_change_is_not(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    other = make_school("b.test", "OBS B")
    site_b = Site.objects.get(root_page=other)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        site_b.site_name = "OBS B (renamed)"
        site_b.save()
    assert not AuditEntry.objects.filter(action=AuditAction.FORM_MOVED).exists()
    assert not mail.outbox
    site = Site.objects.get(hostname="school.test")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client().post(reverse("wagtailsites:delete", args=[site.pk]))
    assert response.status_code == 302
    [line], hers, alerted = site_change_told(0, alert)
    assert "site deleted: OBS Test (school.test)" in line.detail and line.actor == admin()
    assert hers and alerted


def test_a_new_hostname_is_told_to_the_school_and_to_the_default_sites_school(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    """Renaming a school's host sends its melders (still using the old address) to the
    default Site, which answers every host no other Site claims: both schools are told."""
    b_home = make_school("b.test", "OBS B")
    Site.objects.update(is_default_site=False)
    Site.objects.filter(root_page=b_home).update(is_default_site=True)
    b_form = make_form(b_home)
    make_vp("vpb", b_form)
    mail.outbox.clear()
    site = Site.objects.get(hostname="school.test")
    with django_capture_on_commit_callbacks(execute=True):
        response = edit_site(site, hostname="nieuw.school.test")
    assert response.status_code == 302
    # The old address now reaches school B's form.
    assert Client().get("/melding-maken/", HTTP_HOST="school.test").context["page"] == b_form
    told = {line.form_id for line in AuditEntry.objects.filter(action=AuditAction.FORM_MOVED)}
    assert told == {form.pk, b_form.pk}
    assert mails_to("vp1@school.test") and mails_to("vpb@school.test") and mails_to(alert)
    # A change of a name only is not told.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Site.objects.filter(pk=site.pk).get().save()
    assert not mail.outbox


def test_a_site_can_be_saved_before_the_channels_tables_exist(form, recipient):
    """Between deploying and `migrate` (or after unapplying the channel) the Sites admin
    must keep working: the comparison is skipped, not the save."""
    from django.db import connection

    from wagtail_vertrouwen.channel.models import FormSchool

    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {connection.ops.quote_name(FormSchool._meta.db_table)}")
    site = Site.objects.get(hostname="school.test")
    site.site_name = "OBS Test (nieuw)"
    site.save()
    assert Site.objects.get(pk=site.pk).site_name == "OBS Test (nieuw)"


@pytest.mark.skipif(
    "sqlite" in __import__("os").environ.get("DATABASE_URL", "sqlite"),
    reason="SQLite has no row locks (it locks the whole database on write); run with "
    "DATABASE_URL=postgres://... to check the FOR UPDATE",
)
def test_designate_and_remove_lock_the_form_first(form, recipient):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    other, actor = make_vp("vp2"), admin()

    def lock_first(queries):
        """The first statement after the transaction's start locks the form's page rows."""
        sql = [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]
        return sql[0].endswith("FOR UPDATE") and "wagtailcore_page" in sql[0]

    with CaptureQueriesContext(connection) as queries:
        designation = designate.designate(form, other, actor)
    assert lock_first(queries), queries[:3]
    with CaptureQueriesContext(connection) as queries:
        designate.remove(designation, form, actor)
    assert lock_first(queries), queries[:3]


def test_a_form_left_unpinned_is_pinned_from_the_recipients_page_told_and_receives(
    form, recipient, alert, django_capture_on_commit_callbacks
):
    """The way out of check W008 with only one vertrouwenspersoon: "Pin to its school"."""
    from django.core.checks import run_checks

    FormSchool.objects.all().delete()  # as migration 0003 leaves a form that was off-site
    assert MeldingFormPage.objects.get(pk=form.pk).recipients() == []
    page = admin_client().get(reverse("wagtail_vertrouwen_recipients:index")).content.decode()
    pin_url = reverse("wagtail_vertrouwen_recipients:pin", args=[form.pk])
    assert pin_url in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client().post(pin_url)
    assert response.status_code == 302
    assert MeldingFormPage.objects.get(pk=form.pk).recipients() == [recipient]
    [line] = AuditEntry.objects.filter(action=AuditAction.FORM_PINNED)
    assert line.actor == admin() and "school.test" in line.detail
    assert line in entries_visible_to(recipient)
    for address in ("vp1@school.test", alert):
        [told] = mails_to(address)
        assert "school.test" in told.body and "beheerder" in told.body
    assert not [w for w in run_checks() if w.id == "wagtail_vertrouwen_channel.W008"]
    # Pinning again changes nothing and tells nobody; someone without the permission is refused.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client().post(pin_url)
    assert (
        not mail.outbox and AuditEntry.objects.filter(action=AuditAction.FORM_PINNED).count() == 1
    )
    refused = Client()
    refused.force_login(recipient)
    FormSchool.objects.all().delete()
    refused.post(pin_url)
    assert not FormSchool.objects.exists()
