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

``queryset.update(is_active=False)`` fires nothing: the tasks sweep those up
(``end_lapsed_designations``), and ``MeldingFormPage.recipients()`` leaves such accounts out
at once.
"""

from django.contrib.auth.models import Group
from django.db import transaction
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


def _after_commit(users, actor=None):
    """End the lapsed designations of ``users`` (ids) once the current change is committed."""
    from .services.designate import end_lapsed_designations

    users = list(users)
    if users:
        transaction.on_commit(lambda: end_lapsed_designations(users=users, actor=actor))


# Users ---------------------------------------------------------------------------------------


def user_deleted(sender, instance, **kwargs):
    from .services.designate import actor_of, end_designations

    end_designations(instance, policy.DELETED, actor_of(instance))


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
    from .services.designate import actor_of, announce_identity_change

    before = instance.__dict__.pop(_BEFORE, None)
    if created or before is None:
        return
    old_identity, old_address, old_password = before
    actor = actor_of(instance)
    if policy.identity(instance) != old_identity:
        announce_identity_change(instance, old_identity, old_address, actor)
    if instance.password != old_password:
        from .services.designate import announce_account_event

        announce_account_event(instance, "login_password", actor)
    _after_commit([instance.pk], actor)


def user_lost_access(sender, instance, action, reverse, pk_set, **kwargs):
    """A user left groups or lost permissions given to her directly: ``user.groups`` /
    ``group.user_set`` or ``user.user_permissions`` / ``permission.user_set``."""
    from .services.designate import actor_of

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
    _after_commit(users, actor_of(instance))


# Groups --------------------------------------------------------------------------------------


def _members(groups):
    from django.contrib.auth import get_user_model

    return get_user_model()._default_manager.filter(groups__in=groups).values_list("pk", flat=True)


def group_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A group lost a permission (``group.permissions``), or a permission lost groups."""
    from .services.designate import actor_of

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
    _after_commit(users, actor_of(instance))


def group_deleting(sender, instance, **kwargs):
    setattr(instance, _MEMBERS, list(_members([instance])))


def group_deleted(sender, instance, **kwargs):
    from .services.designate import actor_of

    _after_commit(instance.__dict__.pop(_MEMBERS, []), actor_of(instance))


# Melding forms ------------------------------------------------------------------------------


def form_unpublished(sender, instance, **kwargs):
    from .services.designate import actor_of, form_closing

    form_closing(instance, actor_of(instance))


def form_deleting(sender, instance, **kwargs):
    from .services.designate import actor_of, form_closing

    form_closing(instance, actor_of(instance), deleted=True)


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

    from wagtail.signals import page_unpublished

    from .models import MeldingFormPage

    page_unpublished.connect(
        form_unpublished, sender=MeldingFormPage, dispatch_uid=uid("form-unpublished")
    )
    pre_delete.connect(form_deleting, sender=MeldingFormPage, dispatch_uid=uid("form-deleting"))
