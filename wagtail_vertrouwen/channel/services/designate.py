"""Who receives a form's meldingen, and every way that changes (I4).

A designation starts on the recipients page and ends there, or when the account is deleted,
deactivated or loses its admin access (``policy.receiving``), whichever path did it: Wagtail's
user admin, its bulk actions, group changes, the shell. Each change is audited with the
identities of the people involved as they were at that moment, and mailed to everyone
involved: the person it is about (at her address from before the change), the form's other
recipients, and, when a live form lost its last recipient, the configured alert contacts
(``policy.alert_addresses``). Mail goes to addresses collected now, so it still arrives when
the account is gone by the time the task runs.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from ...locales import default_locale, reference_versions
from .. import policy
from ..models import AuditAction, AuditEntry, Designation, FormSchool, MeldingFormPage

#: Set on a user or group instance by the admin hooks, so that the signals its save or delete
#: fires know who acted (Wagtail's views save the very instance they handed to the hook).
ACTOR_ATTRIBUTE = "_vertrouwen_actor"


def acting(instance, actor):
    """Remember that ``actor`` is changing ``instance`` (a user or group) in this request."""
    setattr(instance, ACTOR_ATTRIBUTE, actor)


def actor_of(instance):
    return getattr(instance, ACTOR_ATTRIBUTE, None)


# Designating and removing on the recipients page ----------------------------------------------


class NotOnAWebsite(Exception):
    """A designation was refused: the form is pinned to no school and no version of it stands
    on a website, so there is no school to pin it to (and it would receive nothing)."""


def lock_form(translation_key):
    """Serialise every change of who receives a form and of its pin (PostgreSQL runs READ
    COMMITTED): a row lock on its versions' page rows, held until the transaction ends. Two
    designations, removals or releases of one form run one after the other, and each decides
    "first" or "release" after the lock. (SQLite locks the whole database on write.)"""
    from wagtail.models import Page

    list(
        Page.objects.select_for_update()
        .filter(translation_key=translation_key)  # any page type: subclasses of the form too
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def designate(form_page, user, actor, role="") -> Designation:
    """Designate ``user`` for the form (all versions of ``form_page``). A designation of a
    form that is not pinned (its first, or the next one of a form left unpinned by migration
    0003) pins it to its school (``pin``): audited, and mailed to the alert contacts and the
    recipient with the school named. Refused (``NotOnAWebsite``, nothing written) while the
    form is not pinned and no version of it stands on a website: it would receive nothing.
    ``role`` (a ``Rol`` key, or empty) is how the public form names what she is; it is in the
    audit line."""
    key = form_page.translation_key
    with transaction.atomic():
        lock_form(key)
        pinned = policy.pinned_school(key)
        home = policy.school_to_pin(key) if pinned is None else pinned
        if home is None:
            raise NotOnAWebsite(form_page.title)
        designation, created = Designation.objects.current().get_or_create(
            translation_key=key, user=user, defaults={"added_by": actor, "role": role}
        )
        if created:
            first = not form_page.designations().exclude(pk=designation.pk).exists()
            detail, school = "", ""
            if pinned is None:
                school = pin(key)
                detail = f"form pinned to {school}"
                if first:
                    detail = f"first recipient; {detail}"
            if role:
                detail = f"{detail}; role {role}" if detail else f"role {role}"
            AuditEntry.record(
                AuditAction.RECIPIENT_ADDED, actor, form=form_page, subject=user, detail=detail
            )
            notify_change(form_page, AuditAction.RECIPIENT_ADDED, user, actor, school=school)
            if pinned is None:  # a new form, or one that had lost everyone or its pin
                event = EVENT_FIRST_RECIPIENT if first else EVENT_FORM_PINNED
                alert = policy.alert_addresses()
                _tell(event, alert, form_page, user, actor, school=school)
    return designation


def change_role(form_page, designation_pk, role, actor) -> Designation:
    """Give a current recipient of the form another ``role`` (a ``Rol`` key, or empty), the
    way the public form names her. Only the role changes: she keeps receiving throughout (I4).
    Audited with the old and the new role; ``Designation.DoesNotExist`` when ``designation_pk``
    is not a current designation of this form."""
    key = form_page.translation_key
    with transaction.atomic():
        lock_form(key)
        designation = (
            Designation.objects.current()
            .select_for_update()
            .select_related("user")
            .get(translation_key=key, pk=designation_pk)
        )
        old = designation.role
        if old != role:
            designation.role = role
            designation.save(update_fields=["role"])
            AuditEntry.record(
                AuditAction.RECIPIENT_ROLE_CHANGED,
                actor,
                form=form_page,
                subject=designation.user,
                detail=f"role {old or '-'} -> {role or '-'}",
            )
    return designation


def pin_designated(form_page, actor) -> str | None:
    """Pin a form that has recipients but no school (left so by migration 0003, check W008)
    to the school of its reference version's Site, now that a version stands on one: from
    then on it receives there. Audited and mailed to its recipients and the alert contacts
    with the school named. Returns the school, or None when the form was pinned already;
    ``NotOnAWebsite`` when no version stands on a website yet."""
    key = form_page.translation_key
    with transaction.atomic():
        lock_form(key)
        if policy.pinned_school(key) is not None:
            return None
        if policy.school_to_pin(key) is None:
            raise NotOnAWebsite(form_page.title)
        school = pin(key)
        _form_event(
            AuditAction.FORM_PINNED,
            EVENT_FORM_PINNED,
            form_page,
            actor,
            _designated(key),
            detail=f"form pinned to {school}",
            where="",  # no account and no version: the form itself was pinned
            school=school,
        )
    return school


def remove(designation, form_page, actor):
    with transaction.atomic():
        lock_form(form_page.translation_key)
        designation.removed_at = timezone.now()
        designation.removed_by = actor
        designation.save(update_fields=["removed_at", "removed_by"])
        AuditEntry.record(
            AuditAction.RECIPIENT_REMOVED, actor, form=form_page, subject=designation.user
        )
        release_if_undesignated(form_page.translation_key)
        notify_change(form_page, AuditAction.RECIPIENT_REMOVED, designation.user, actor)


# The school a form is pinned to ------------------------------------------------------------------


def pin(translation_key) -> str:
    """Pin the form ``translation_key`` to the school of its reference version's Site
    (``policy.school_to_pin``), at its first designation: from then on its versions receive
    only on that school's Sites, whatever happens to Locales, ``LANGUAGE_CODE`` or its other
    versions. Returns the school's Sites as the audit line names them ("—" for none: no
    version stands on a website, and nothing receives until one is designated again)."""
    home = policy.school_to_pin(translation_key)
    if home is None:  # designate() refuses this case; kept for other callers
        FormSchool.objects.filter(form_key=translation_key).delete()
        return site_label(None)
    FormSchool.objects.update_or_create(form_key=translation_key, defaults={"home_key": home})
    return school_label(home)


def release_if_undesignated(translation_key):
    """The pin is released when the form has no current designation left: it receives
    nothing then anyway, and the next first designation pins it again (audited and mailed to
    the alert contacts as the form's first recipient)."""
    if not Designation.objects.current().filter(translation_key=translation_key).exists():
        FormSchool.objects.filter(form_key=translation_key).delete()


def school_label(home_key) -> str:
    """The Sites of a school (those whose root page has ``home_key``), as lines name them."""
    from wagtail.models import Site

    sites = Site.objects.filter(root_page__translation_key=home_key).order_by("hostname")
    return ", ".join(site_label(site) for site in sites) or site_label(None)


# Designations that end because the account changed -------------------------------------------


def end_designations(user, reason, actor=None) -> int:
    """End every current designation of ``user`` (still in the database: called before a
    delete, or after a change): audited, and announced to her, the co-recipients and, for a
    form left without recipients, the alert contacts."""
    with transaction.atomic():
        keys = Designation.objects.current().filter(user=user).values_list("translation_key")
        for key in sorted({key for (key,) in keys}, key=str):  # one order: no deadlock
            lock_form(key)
        current = list(Designation.objects.current().filter(user=user))
        if not current:
            return 0
        Designation.objects.filter(pk__in=[d.pk for d in current]).update(
            removed_at=timezone.now(), removed_by=actor
        )
        detail = f"account {user.get_username()} {reason}"
        for key in dict.fromkeys(d.translation_key for d in current):
            form = form_of(key)
            AuditEntry.record(
                AuditAction.RECIPIENT_REMOVED,
                actor,
                form=form,
                subject=user,
                detail=detail,
                translation_key=key,
            )
            release_if_undesignated(key)
            if form is not None:
                notify_change(form, AuditAction.RECIPIENT_REMOVED, user, actor, reason=reason)
    return len(current)


def end_lapsed_designations(users=None, actor=None) -> int:
    """End the designations of accounts that may no longer receive (deactivated, or without
    admin access), among ``users`` (ids) or everywhere. Called by the signals after a change
    is committed, by the bulk-action hook, and by the tasks, for changes that fire no signal
    (``queryset.update(is_active=False)``). Give ``actor`` only with ``users``: a sweep of
    everything cannot know who made the changes it finds."""
    model = get_user_model()
    lapsed = Designation.objects.current().exclude(
        user__in=policy.receiving(model._default_manager.all())
    )
    if users is not None:
        lapsed = lapsed.filter(user__in=list(users))
    user_ids = set(lapsed.values_list("user", flat=True))
    for user in model._default_manager.filter(pk__in=user_ids):
        end_designations(user, policy.why_not_receiving(user), actor)
    return len(user_ids)


def announce_identity_change(user, before: str, old_address: str, actor=None):
    """A designated recipient's name, login name or address changed: audited (before → after)
    and mailed to the old and the new address and to the co-recipients, so that nobody can
    quietly take a colleague's name or divert her notices."""
    from ..tasks import notify_contact_change

    keys = list(
        dict.fromkeys(
            Designation.objects.current()
            .filter(user=user)
            .values_list("translation_key", flat=True)
        )
    )
    if not keys:
        return
    after = policy.identity(user)
    for key in keys:
        AuditEntry.record(
            AuditAction.RECIPIENT_CONTACT_CHANGED,
            actor,
            form=form_of(key),
            subject=user,
            subject_identity=f"{before} → {after}",
            translation_key=key,
        )
    addresses = sorted({*_addresses(co_recipients(user)), old_address, _address(user)} - {""})
    by = policy.identity(actor)
    transaction.on_commit(lambda: notify_contact_change.enqueue(before, after, by, addresses))


# Telling everyone involved -------------------------------------------------------------------


def form_of(translation_key):
    """The form (of all translations sharing ``translation_key``) that names it: the reference
    version (``wagtail_vertrouwen.locales``: the default locale's, else the original)."""
    pages = MeldingFormPage.objects.filter(translation_key=translation_key)
    return reference_versions(pages, default_locale()).get(translation_key)


def notify_change(form_page, action, subject, actor, reason="", school=""):
    """Mail the form's current recipients and ``subject`` (at her address as it is now, before
    a delete), and the alert contacts when a live form is left without recipients."""
    from ..tasks import alert_no_recipients, notify_recipient_change

    designated = get_user_model()._default_manager.filter(
        pk__in=form_page.designations().values("user")
    )
    addresses = sorted({*_addresses(designated), _address(subject)} - {""})
    title = form_page.title
    who = policy.identity(subject)
    by = policy.identity(actor)
    transaction.on_commit(
        lambda: notify_recipient_change.enqueue(
            title, str(action), who, by, reason, addresses, school=school
        )
    )
    if action == AuditAction.RECIPIENT_REMOVED and _left_without_recipients(form_page):
        alert = policy.alert_addresses()
        url = _url(form_page)
        if alert:
            transaction.on_commit(
                lambda: alert_no_recipients.enqueue(title, url, who, by, reason, alert)
            )


def _left_without_recipients(form_page) -> bool:
    """A live form that cannot receive any more, told once: when a sweep ends several lapsed
    designations of one form, the last of them tells."""
    live = MeldingFormPage.objects.filter(translation_key=form_page.translation_key, live=True)
    everyone = get_user_model()._default_manager.all()
    designated = everyone.filter(pk__in=form_page.designations().values("user"))
    # Whoever can still receive, on whichever version: not ``form_page.recipients()``, which
    # is empty for a version that stands outside the form's school.
    able = policy.receiving(designated.filter(vertrouwen_key__isnull=False))
    if not live.exists() or able.exists():
        return False
    return not form_page.designations().exclude(user__in=policy.receiving(everyone)).exists()


def _url(form_page) -> str:
    try:
        return form_page.get_full_url() or ""
    except Exception:  # noqa: BLE001 - a page outside any site has no URL; the title will do
        return ""


def _address(user) -> str:
    if user is None:
        return ""
    return getattr(user, user.get_email_field_name(), "") or ""


def _addresses(users) -> set:
    return {_address(user) for user in users} - {""}


# Events around a recipient's account and a form's life ---------------------------------------

#: What ``notify_event`` mails about (see mail/event.txt).
EVENT_FIRST_RECIPIENT = "first_recipient"
#: A designated form that was pinned to no school (migration 0003) was pinned.
EVENT_FORM_PINNED = "form_pinned"
#: Adding, changing or deleting a Site changed which versions of a form receive.
EVENT_SITES_CHANGED = "sites_changed"
#: No version (translation) of the form receives any more.
EVENT_FORM_CLOSED = "form_closed"
#: One version went offline; another is still live and public.
EVENT_VERSION_CLOSED = "version_closed"
EVENT_FORM_REOPENED = "form_reopened"
EVENT_FORM_MOVED = "form_moved"
#: Moved onto another school's site, where it receives nothing.
EVENT_FORM_MOVED_AWAY = "form_moved_away"
#: Account events of a recipient, with the audit action that records each.
ACCOUNT_EVENTS = {
    "second_factor": AuditAction.SECOND_FACTOR_ENROLLED,
    "key_set_up": AuditAction.KEY_CREATED,
    "key_restored": AuditAction.KEY_RESTORED,
    "login_password": AuditAction.LOGIN_PASSWORD_CHANGED,
}


def _tell(event, addresses, form_page=None, subject=None, actor=None, school=""):
    from ..tasks import notify_event

    addresses = sorted(set(addresses) - {""})
    if not addresses:
        return
    title = form_page.title if form_page is not None else ""
    url = _url(form_page) if form_page is not None else ""
    who, by = policy.identity(subject), policy.identity(actor)
    transaction.on_commit(
        lambda: notify_event.enqueue(event, title, url, who, by, addresses, school=school)
    )


def co_recipients(user):
    """Everyone designated on a form that ``user`` is designated on (herself included)."""
    keys = Designation.objects.current().filter(user=user).values("translation_key")
    return get_user_model()._default_manager.filter(
        pk__in=Designation.objects.current().filter(translation_key__in=keys).values("user")
    )


def announce_account_event(user, event, actor=None, *, audit=True):
    """Something changed that decides who can open what is sealed to ``user``: a second factor
    enrolled, a key set up or restored, her login password changed. For an account that is
    designated or holds meldingen, it is audited and mailed to her and her co-recipients, so
    that nobody (an administrator who reset her password, say) can prepare her account
    unnoticed."""
    if not policy.is_recipient(user):
        return
    if audit:
        AuditEntry.record(ACCOUNT_EVENTS[event], actor, subject=user, readers=[user.pk])
    _tell(event, {_address(user), *_addresses(co_recipients(user))}, None, user, actor)


# A form going offline, coming back or moving (I4: where and whether it receives) -------------

#: How a version of a form went offline (the audit line's detail; the mail translates it).
UNPUBLISHED, PAGE_DELETED, MADE_PRIVATE = "unpublished", "deleted", "made private"
MOVED_PRIVATE = "moved under a private page"
_HOW = {
    UNPUBLISHED: gettext_lazy("it was unpublished"),
    PAGE_DELETED: gettext_lazy("it was deleted"),
    MADE_PRIVATE: gettext_lazy(
        "it was made private (a privacy setting on the page or a page above it)"
    ),
    MOVED_PRIVATE: gettext_lazy(
        "it was moved under a private page (a privacy setting on a page above it)"
    ),
}
RECEIVES = gettext_lazy("receives meldingen")
RECEIVES_NOTHING = gettext_lazy("receives nothing")
WHOLE_FORM_CLOSED = "whole form closed"


def site_label(site) -> str:
    if site is None:
        return "—"
    return f"{site.site_name} ({site.hostname})" if site.site_name else site.hostname


def version_label(page, site=None) -> str:
    """``Melding maken (nl, OBS Test (school.test))``: a version by its title, language and
    site, as the audit line and the mail name it."""
    if site is None:
        site = page.get_site()
    return f"{page.title} ({page.locale.language_code}, {site_label(site)})"


def _designated(translation_key):
    return list(
        get_user_model()._default_manager.filter(
            pk__in=Designation.objects.current()
            .filter(translation_key=translation_key)
            .values("user")
        )
    )


def _tell_about_form(event, page, where, actor, designated, school=""):
    """Mail the form's recipients and the alert contacts about one of its versions: ``where``
    names the version and what happened to it (no account: the version is the subject)."""
    from ..tasks import notify_event

    addresses = sorted({*_addresses(designated), *policy.alert_addresses()} - {""})
    if not addresses:
        return
    title, url, by = page.title, _url(page), policy.identity(actor)
    transaction.on_commit(
        lambda: notify_event.enqueue(event, title, url, where, by, addresses, school=school)
    )


def _form_event(action, event, page, actor, designated, *, detail, where, school="", **line):
    """One event in a form's life: the audit line the form's recipients (``designated``) read,
    and the mail to them and the alert contacts (``where`` says what happened, in the mail's
    words; ``detail`` in the audit line's). ``line``: further fields of the audit line."""
    line.setdefault("form", page)
    AuditEntry.record(
        action, actor, detail=detail, readers=[user.pk for user in designated], **line
    )
    _tell_about_form(event, page, where, actor, designated, school=school)


def form_closing(page, actor=None, *, how=UNPUBLISHED, deleted=False):
    """A version (translation) of a form stops receiving: ``page`` was unpublished, is being
    deleted, or was made private (``how``). Whatever other versions stay live, this is
    audited (naming the version's language and site, and whether the whole form is now
    closed) and mailed to the form's recipients and the alert contacts: a version swapped for
    another form (with other recipients) cannot go unnoticed. When the last version of a form
    is deleted, its designations end with it (once the deletion is committed)."""
    from django.conf import settings
    from django.utils import translation

    key = page.translation_key
    still_open = (
        MeldingFormPage.objects.filter(translation_key=key).live().public().exclude(pk=page.pk)
    )
    whole = not still_open.exists()
    designated = _designated(key)
    label = version_label(page)
    if deleted:
        transaction.on_commit(lambda: _end_designations_of_deleted_form(key, actor))
    with translation.override(settings.LANGUAGE_CODE):
        where = f"{label}: {_HOW.get(how, how)}"
    _form_event(
        AuditAction.FORM_CLOSED,
        EVENT_FORM_CLOSED if whole else EVENT_VERSION_CLOSED,
        page,
        actor,
        designated,
        detail=f"{how}: {label}" + (f"; {WHOLE_FORM_CLOSED}" if whole else ""),
        where=where,
        form=None if deleted else page,  # a line cannot point to a page being deleted
        translation_key=key,
        form_title=page.title,
    )


def _end_designations_of_deleted_form(translation_key, actor):
    """After a deletion: a form none of whose versions is left loses its designations (the
    closing line already told its recipients)."""
    with transaction.atomic():
        lock_form(translation_key)
        if MeldingFormPage.objects.filter(translation_key=translation_key).exists():
            return
        Designation.objects.current().filter(translation_key=translation_key).update(
            removed_at=timezone.now(), removed_by=actor
        )
        release_if_undesignated(translation_key)


def form_reopened(page, actor=None):
    """A version that a privacy setting had taken offline is public (and live) again."""
    label = version_label(page)
    _form_event(
        AuditAction.FORM_REOPENED,
        EVENT_FORM_REOPENED,
        page,
        actor,
        _designated(page.translation_key),
        detail=f"public again: {label}",
        where=label,
    )


def versions_summary(page) -> list:
    """Each version of ``page``'s form with its language and site, and whether it receives
    there now, as (label, receives) pairs (``MeldingFormPage.versions``)."""
    return [
        (
            f"{version['language_code']}, {site_label(version['site'])}",
            version["receives"] and version["live"] and version["public"],
        )
        for version in page.versions()
    ]


def _listed(summary, translated=True) -> str:
    """Each version and whether it receives: in English for the audit line (as its other
    details), in the site's language for the mail."""
    from django.conf import settings
    from django.utils import translation

    if not translated:
        return "; ".join(
            f"{label}: {'receives' if yes else 'receives nothing'}" for label, yes in summary
        )
    with translation.override(settings.LANGUAGE_CODE):
        return "; ".join(
            f"{label}: {RECEIVES if yes else RECEIVES_NOTHING}" for label, yes in summary
        )


def form_moved(page, site_before, site_after, actor=None):
    """A version was moved (with a page above it, or by itself) from one website to another:
    audited and mailed, since a version on another school's site would collect that school's
    meldingen for this form's recipients. It receives only on a Site of the school the form
    is pinned to (``policy.receives_on_its_site``); the line and the mail say whether it
    does, and whether each of the form's versions receives now."""
    designated = _designated(page.translation_key)
    page = MeldingFormPage.objects.get(pk=page.pk)  # its new place, not a cached one
    receives = policy.receives_at(
        policy.home_key_of_site(policy.site_id_of(page)), policy.school_of(page.translation_key)
    )
    moved = f"{site_label(site_before)} → {site_label(site_after)}"
    where = f"{page.title} ({page.locale.language_code}): {moved}"
    summary = versions_summary(page)
    _form_event(
        AuditAction.FORM_MOVED,
        EVENT_FORM_MOVED if receives else EVENT_FORM_MOVED_AWAY,
        page,
        actor,
        designated,
        detail=f"{where}"
        + ("" if receives else "; receives nothing there")
        + f". {_listed(summary, translated=False)}",
        where=f"{where} ({_listed(summary)})",
    )


# The Sites admin: adding, changing or deleting a Site -----------------------------------------


def receiving_versions() -> dict:
    """For every pinned form, where its versions receive now: ``{form_key: frozenset of
    (page id, host, port)}`` for each version on a Site of its school. The address counts,
    not only the page: a Site whose hostname or port changes, or (for the default Site, which
    answers every host no other Site claims) any other Site's address changing, sends melders
    somewhere else. Three queries whatever the number of forms (Wagtail caches the Site root
    paths; call ``Site.clear_site_root_paths_cache`` first after a Site changed)."""
    from wagtail.models import Site

    pins = dict(FormSchool.objects.values_list("form_key", "home_key"))
    if not pins:
        return {}
    sites = {
        pk: (home, host, port, default)
        for pk, home, host, port, default in Site.objects.values_list(
            "pk", "root_page__translation_key", "hostname", "port", "is_default_site"
        )
    }
    # The hosts the default Site does not answer: any change there changes what it answers.
    claimed = frozenset(
        (host, port) for _home, host, port, default in sites.values() if not default
    )
    result = {key: set() for key in pins}
    for page in MeldingFormPage.objects.filter(translation_key__in=list(pins)):
        home, host, port, default = sites.get(policy.site_id_of(page), (None, "", 0, False))
        if policy.receives_at(home, pins[page.translation_key]):
            result[page.translation_key].add((page.pk, host, port, claimed if default else None))
    return {key: frozenset(places) for key, places in result.items()}


def sites_changed(before: dict, change: str, actor=None):
    """A Site was added, changed or deleted (``change`` names it): every pinned form whose
    receiving versions changed (``before`` from ``receiving_versions``) is audited and mailed
    to its recipients and the alert contacts, with each version's state now. A Site whose
    root is a section between a school's home and its form, or that points a school's
    hostname at another page, can otherwise stop a form without anyone noticing."""

    after = receiving_versions()
    for key in sorted(set(before) | set(after)):
        if before.get(key, frozenset()) == after.get(key, frozenset()):
            continue
        page = form_of(key)
        if page is None:
            continue
        summary = versions_summary(page)
        _form_event(
            AuditAction.FORM_MOVED,
            EVENT_SITES_CHANGED,
            page,
            actor,
            _designated(key),
            detail=f"website settings (Sites): {change}. {_listed(summary, translated=False)}",
            where=f"{change} ({_listed(summary)})",
        )
