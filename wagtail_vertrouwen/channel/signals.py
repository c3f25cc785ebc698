"""Recipient changes made outside the recipients page are still audited and announced (I4).

Every path that can end a designation or change who a recipient appears to be ends here, and
asks ``services.designate`` to do the work (the rules are ``policy``'s):

- a user deleted (``user.delete()``, ``queryset.delete()``): her designations end before the
  row goes, while her address can still be read;
- a user saved with another name, login name or address: audited and announced;
- a user deactivated, no longer a superuser, removed from a group or losing a permission, a
  group losing ``wagtailadmin.access_admin`` or deleted: once the change is committed (a form
  that moves a user from one group to another removes before it adds), the designations of
  the accounts concerned that may no longer receive end.

And where and whether a form receives (``services.designate``, "a form going offline"):

- a version (translation) of a melding form unpublished, deleted (alone or with a page above
  it) or made private (a ``PageViewRestriction`` on it or above it): audited and mailed to
  the form's recipients and the alert contacts, whatever other versions stay live; a privacy
  setting removed again: told as well;
- a version moved (by itself or with a page above it) to another website: told, with whether
  each version receives now; outside the school the form is pinned to it receives nothing
  (``policy.receives_on_its_site``);
- a live version moved under a private page, on any website, or out from under one: told like
  a privacy setting.

And the Sites admin: a Site added (its root a section between a school's home and its form),
changed (another root page) or deleted can start or stop a pinned form's versions receiving;
each form whose receiving versions changed is audited and mailed
(``services.designate.sites_changed``).

Who acted is the user an admin hook named, else the user of the admin request in progress
(Wagtail's ``LogContext``), else nobody known (the shell).

``queryset.update(is_active=False)`` fires nothing: the tasks sweep those up
(``end_lapsed_designations``), and ``MeldingFormPage.recipients()`` leaves such accounts out
at once.
"""

from django.contrib.auth.models import Group
from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from . import policy

#: Saved values that change who a person appears to be, or whether she may receive.
IDENTITY_FIELDS = ("first_name", "last_name")
ACCESS_FIELDS = ("is_active", "is_superuser")
_BEFORE = "_vertrouwen_before"
_MEMBERS = "_vertrouwen_members"


def _watched(model) -> set:
    return {
        model.USERNAME_FIELD,
        model.get_email_field_name(),
        "password",
        *IDENTITY_FIELDS,
        *ACCESS_FIELDS,
    }


def _actor(instance):
    """Who is acting: the user an admin hook named on ``instance``, else the user of the
    Wagtail admin request in progress (Wagtail's ``LogContext``, which every admin view sets:
    the group admin, page actions on descendants), else nobody known (the shell, a task)."""
    from wagtail.log_actions import get_active_log_context

    from .services.designate import actor_of

    actor = actor_of(instance)
    if actor is None:
        actor = get_active_log_context().user
    if actor is None or not getattr(actor, "is_authenticated", False):
        return None
    return actor


def _after_commit(users, actor=None):
    """End the lapsed designations of ``users`` (ids) once the current change is committed."""
    from .services.designate import end_lapsed_designations

    users = list(users)
    if users:
        transaction.on_commit(lambda: end_lapsed_designations(users=users, actor=actor))


# Users ---------------------------------------------------------------------------------------


def user_deleted(sender, instance, **kwargs):
    from .services.designate import end_designations

    end_designations(instance, policy.DELETED, _actor(instance))


def user_saving(sender, instance, **kwargs):
    """Note who the person was before this save, for ``user_saved``."""
    update_fields = kwargs.get("update_fields")
    if instance.pk is None or kwargs.get("raw"):
        return
    if update_fields is not None and not _watched(sender) & set(update_fields):
        return  # e.g. a login's last_login: nothing to look up
    before = sender._default_manager.filter(pk=instance.pk).first()
    if before is not None:
        address = getattr(before, sender.get_email_field_name(), "") or ""
        setattr(instance, _BEFORE, (policy.identity(before), address, before.password))


def user_saved(sender, instance, created=False, **kwargs):
    from .services.designate import announce_identity_change

    before = instance.__dict__.pop(_BEFORE, None)
    if created or before is None:
        return
    old_identity, old_address, old_password = before
    actor = _actor(instance)
    if policy.identity(instance) != old_identity:
        announce_identity_change(instance, old_identity, old_address, actor)
    if instance.password != old_password:
        from .services.designate import announce_account_event

        announce_account_event(instance, "login_password", actor)
    _after_commit([instance.pk], actor)


def user_lost_access(sender, instance, action, reverse, pk_set, **kwargs):
    """A user left groups or lost permissions given to her directly: ``user.groups`` /
    ``group.user_set`` or ``user.user_permissions`` / ``permission.user_set``."""
    if action == "pre_clear" and reverse:
        setattr(instance, _MEMBERS, list(instance.user_set.values_list("pk", flat=True)))
    if action not in ("post_remove", "post_clear"):
        return
    if not reverse:
        users = [instance.pk]
    elif action == "post_clear":
        users = instance.__dict__.pop(_MEMBERS, [])
    else:
        users = pk_set or []
    _after_commit(users, _actor(instance))


# Groups --------------------------------------------------------------------------------------


def _members(groups):
    from django.contrib.auth import get_user_model

    return get_user_model()._default_manager.filter(groups__in=groups).values_list("pk", flat=True)


def group_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A group lost a permission (``group.permissions``), or a permission lost groups."""
    if action == "pre_clear" and reverse:
        setattr(instance, _MEMBERS, list(_members(instance.group_set.all())))
    if action not in ("post_remove", "post_clear"):
        return
    if not reverse:
        users = list(_members([instance]))
    elif action == "post_clear":
        users = instance.__dict__.pop(_MEMBERS, [])
    else:
        users = list(_members(Group.objects.filter(pk__in=pk_set or [])))
    _after_commit(users, _actor(instance))


def group_deleting(sender, instance, **kwargs):
    setattr(instance, _MEMBERS, list(_members([instance])))


def group_deleted(sender, instance, **kwargs):
    _after_commit(instance.__dict__.pop(_MEMBERS, []), _actor(instance))


# Melding forms ------------------------------------------------------------------------------


def form_unpublished(sender, instance, **kwargs):
    """A version was unpublished. Wagtail also sends this signal for a live page about to be
    deleted (unpublished in memory only, still live in the database): ``form_deleting`` tells
    of that one, once."""
    from .models import MeldingFormPage
    from .services.designate import form_closing

    if MeldingFormPage.objects.filter(pk=instance.pk, live=True).exists():
        return
    form_closing(instance, _actor(instance))


def form_deleting(sender, instance, **kwargs):
    from .services.designate import PAGE_DELETED, form_closing

    form_closing(instance, _actor(instance), how=PAGE_DELETED, deleted=True)


def _forms_under(page_path, **filters):
    from .models import MeldingFormPage

    return MeldingFormPage.objects.filter(path__startswith=page_path, **filters).select_related(
        "locale"
    )


def _restricted_elsewhere(form, restriction_pk=None):
    """Is ``form`` covered by a privacy restriction (on it or above it) other than this one?"""
    from wagtail.models import PageViewRestriction

    step = form.steplen
    paths = [form.path[:end] for end in range(step, len(form.path) + 1, step)]
    return (
        PageViewRestriction.objects.filter(page__path__in=paths).exclude(pk=restriction_pk).exists()
    )


def restriction_saved(sender, instance, created=False, raw=False, **kwargs):
    """A privacy setting (password, login, groups) on a form or a page above it takes the
    live forms below it offline: ``submit`` serves only public forms. Told like unpublishing.
    A changed restriction (another password) changes nothing for who receives."""
    from .services.designate import MADE_PRIVATE, form_closing

    if raw or not created:
        return
    for form in _forms_under(instance.page.path, live=True):
        if not _restricted_elsewhere(form, instance.pk):
            form_closing(form, _actor(instance), how=MADE_PRIVATE)


def restriction_deleted(sender, instance, **kwargs):
    """A privacy setting was removed: the live forms below it that no other restriction covers
    are public again, once that is committed. (A restriction deleted with its page, when a
    page is deleted, reopens nothing: the page is gone by then.)"""
    from wagtail.models import Page

    page = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if page is None:
        return
    candidates = [form.pk for form in _forms_under(page, live=True)]
    actor = _actor(instance)
    if candidates:
        transaction.on_commit(lambda: _reopen(candidates, actor))


def _reopen(pks, actor):
    from .services.designate import form_reopened

    for form in _forms_under("", pk__in=pks, live=True):
        if not _restricted_elsewhere(form):
            form_reopened(form, actor)


def _restricted_paths(paths):
    from wagtail.models import PageViewRestriction

    covering = PageViewRestriction.objects.filter(page__path__in=paths)
    return set(covering.values_list("page__path", flat=True))


def _chain(path, steplen, start=None):
    """The paths of the page at ``path`` and the pages above it (from ``start`` characters)."""
    return [path[:end] for end in range(start or steplen, len(path) + 1, steplen)]


def page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    """A form, or a page above it, was moved. A version that changes website is told (audited
    and mailed): it receives only on a website of the school the form is pinned to
    (``policy.receives_on_its_site``), and the line says which versions receive now. A live
    version that the move takes under a private page (a privacy setting above its new place)
    is told like a privacy setting, on the same website as well; one moved out from under
    one, public again, is told too."""
    from .policy import site_id_of
    from .services.designate import MOVED_PRIVATE, form_closing, form_moved, form_reopened

    forms = list(_forms_under(instance.path))
    if not forms or parent_page_before is None or parent_page_after is None:
        return
    from wagtail.models import Site

    actor = _actor(instance)
    before, after = site_id_of(parent_page_before), site_id_of(parent_page_after)
    if before != after:
        sites = Site.objects.in_bulk({before, after} - {None})
        for form in forms:
            form_moved(form, sites.get(before), sites.get(after), actor)
    # Public before and after: the privacy settings above the moved page changed; those on it
    # and below it moved with it.
    step = instance.steplen
    private_before = bool(_restricted_paths(_chain(parent_page_before.path, step)))
    private_after = bool(_restricted_paths(_chain(parent_page_after.path, step)))
    if private_before == private_after:
        return
    for form in forms:
        if not form.live or _restricted_paths(_chain(form.path, step, len(instance.path))):
            continue  # offline anyway, or private by a setting that moved with it
        if private_after:
            form_closing(form, actor, how=MOVED_PRIVATE)
        else:
            form_reopened(form, actor)


# Sites ----------------------------------------------------------------------------------------

_SNAPSHOT = "_vertrouwen_receiving"


def site_changing(sender, instance, raw=False, **kwargs):
    """Before a Site is saved or deleted: which versions of each pinned form receive now."""
    from .services.designate import receiving_versions

    if raw:
        return
    try:
        with transaction.atomic():  # a savepoint: a failure here must not break the save
            before = receiving_versions()
    except DatabaseError:
        return  # the channel's tables are not migrated yet: nothing is pinned to compare
    setattr(instance, _SNAPSHOT, before)


def _site_changed(instance, change):
    from wagtail.models import Site

    from .services.designate import site_label, sites_changed

    before = instance.__dict__.pop(_SNAPSHOT, None)
    if before is None:
        return
    Site.clear_site_root_paths_cache()  # Wagtail's own handler may run after this one
    sites_changed(before, f"{change}: {site_label(instance)}", _actor(instance))


def site_saved(sender, instance, created=False, raw=False, **kwargs):
    """A Site added (e.g. one whose root is a section between a school's home and its form)
    or changed (another root page, hostname or port): each pinned form whose receiving
    versions changed is told (``services.designate.sites_changed``)."""
    if not raw:
        _site_changed(instance, "site added" if created else "site changed")


def site_deleted(sender, instance, **kwargs):
    _site_changed(instance, "site deleted")


def connect(user_model):
    def uid(name):
        return f"vertrouwen-{name}"

    pre_delete.connect(user_deleted, sender=user_model, dispatch_uid=uid("user-deleted"))
    pre_save.connect(user_saving, sender=user_model, dispatch_uid=uid("user-saving"))
    post_save.connect(user_saved, sender=user_model, dispatch_uid=uid("user-saved"))
    if hasattr(user_model, "groups"):
        m2m_changed.connect(
            user_lost_access, sender=user_model.groups.through, dispatch_uid=uid("groups")
        )
    if hasattr(user_model, "user_permissions"):
        m2m_changed.connect(
            user_lost_access,
            sender=user_model.user_permissions.through,
            dispatch_uid=uid("user-permissions"),
        )
    m2m_changed.connect(
        group_permissions_changed,
        sender=Group.permissions.through,
        dispatch_uid=uid("group-permissions"),
    )
    pre_delete.connect(group_deleting, sender=Group, dispatch_uid=uid("group-deleting"))
    post_delete.connect(group_deleted, sender=Group, dispatch_uid=uid("group-deleted"))

    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_unpublished, post_page_move

    from .models import MeldingFormPage

    page_unpublished.connect(
        form_unpublished, sender=MeldingFormPage, dispatch_uid=uid("form-unpublished")
    )
    pre_delete.connect(form_deleting, sender=MeldingFormPage, dispatch_uid=uid("form-deleting"))
    post_save.connect(
        restriction_saved, sender=PageViewRestriction, dispatch_uid=uid("restriction-saved")
    )
    post_delete.connect(
        restriction_deleted, sender=PageViewRestriction, dispatch_uid=uid("restriction-deleted")
    )
    post_page_move.connect(page_moved, dispatch_uid=uid("page-moved"))

    from wagtail.models import Site

    pre_save.connect(site_changing, sender=Site, dispatch_uid=uid("site-saving"))
    post_save.connect(site_saved, sender=Site, dispatch_uid=uid("site-saved"))
    pre_delete.connect(site_changing, sender=Site, dispatch_uid=uid("site-deleting"))
    post_delete.connect(site_deleted, sender=Site, dispatch_uid=uid("site-deleted"))
