"""Recipient changes made outside the recipients view are still audited and notified (I4)."""

from django.db import transaction
from django.db.models.signals import pre_delete, pre_save
from django.utils import timezone

WATCHED = {"email", "is_active"}


def _end_designations(user, reason):
    """End every current designation of ``user``: audited, and the form's other recipients
    told. Used for deleted and deactivated accounts."""
    from .models import AuditAction, AuditEntry, Designation, MeldingFormPage
    from .services.designate import notify_change

    with transaction.atomic():
        designations = Designation.objects.current().filter(user=user)
        for designation in designations:
            form = MeldingFormPage.objects.filter(
                translation_key=designation.translation_key
            ).first()
            AuditEntry.record(
                AuditAction.RECIPIENT_REMOVED, None, form=form, subject=user, detail=reason
            )
            if form is not None:
                notify_change(form, AuditAction.RECIPIENT_REMOVED, user, None)
        designations.update(removed_at=timezone.now())


def end_designations_of_inactive(users):
    """Accounts deactivated behind our back (Wagtail's bulk action updates the table without
    save(), so no signal fires): end their designations when a form next meets them."""
    for user in users:
        _end_designations(user, f"account {user.get_username()} deactivated")


def user_deleted(sender, instance, **kwargs):
    _end_designations(instance, f"account {instance.get_username()} deleted")


def user_saved(sender, instance, **kwargs):
    """Deactivating an account ends its designations, visibly; a recipient's new e-mail
    address is audited and told to the old address and to the co-recipients."""
    update_fields = kwargs.get("update_fields")
    if instance.pk is None or (update_fields is not None and not WATCHED & set(update_fields)):
        return  # a new account, or e.g. a login's last_login: nothing to look up
    before = sender.objects.filter(pk=instance.pk).values("email", "is_active").first()
    if before is None:
        return
    if before["email"] != instance.email:
        _email_changed(instance, before["email"])
    if before["is_active"] and not instance.is_active:
        end_designations_of_inactive([instance])


def _email_changed(user, old_address):
    from .models import AuditAction, AuditEntry, Designation, MeldingFormPage
    from .tasks import notify_contact_change

    keys = list(
        Designation.objects.current().filter(user=user).values_list("translation_key", flat=True)
    )
    if not keys:
        return
    forms = MeldingFormPage.objects.filter(translation_key__in=keys)
    for form in {page.translation_key: page for page in forms}.values():
        AuditEntry.record(
            AuditAction.RECIPIENT_CONTACT_CHANGED, None, form=form, subject=user, detail=""
        )
    co_recipients = sorted(
        set(
            Designation.objects.current()
            .filter(translation_key__in=keys)
            .values_list("user", flat=True)
        )
    )
    name = user.get_full_name() or user.get_username()
    transaction.on_commit(lambda: notify_contact_change.enqueue(name, old_address, co_recipients))


def connect(user_model):
    pre_delete.connect(user_deleted, sender=user_model, dispatch_uid="vertrouwen-user-deleted")
    pre_save.connect(user_saved, sender=user_model, dispatch_uid="vertrouwen-user-deactivated")
