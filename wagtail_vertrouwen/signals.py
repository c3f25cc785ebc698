"""Recipient changes made outside the recipients view are still audited and notified (I4)."""

from django.db import transaction
from django.db.models.signals import pre_delete, pre_save
from django.utils import timezone


def _end_designations(user, reason):
    from .meldingen.recipients import notify_change
    from .models import AuditAction, AuditEntry, Designation, MeldingFormPage

    for designation in Designation.objects.current().filter(user=user):
        form = MeldingFormPage.objects.filter(translation_key=designation.translation_key).first()
        AuditEntry.record(
            AuditAction.RECIPIENT_REMOVED, None, form=form, subject=user, detail=reason
        )
        if form is not None:
            notify_change(form, AuditAction.RECIPIENT_REMOVED, user, None)


def end_inactive_designations(translation_key):
    """End, visibly, the designations of accounts that were deactivated behind our back."""
    from .models import Designation

    stale = Designation.objects.current().filter(
        translation_key=translation_key, user__is_active=False
    )
    for designation in stale.select_related("user"):
        with transaction.atomic():
            _end_designations(
                designation.user, f"account {designation.user.get_username()} deactivated"
            )
            Designation.objects.current().filter(user=designation.user).update(
                removed_at=timezone.now()
            )


def user_deleted(sender, instance, **kwargs):
    _end_designations(instance, f"account {instance.get_username()} deleted")


def user_saved(sender, instance, **kwargs):
    """Deactivating an account ends its designations, visibly; a recipient's new e-mail
    address is audited and told to the old address and to the co-recipients."""
    if instance.pk is None:
        return
    before = sender.objects.filter(pk=instance.pk).values("email", "is_active").first()
    if before is None:
        return
    if before["email"] != instance.email:
        _email_changed(instance, before["email"])
    if instance.is_active:
        return
    was_active = before["is_active"]
    if was_active:
        from .models import Designation

        with transaction.atomic():
            _end_designations(instance, f"account {instance.get_username()} deactivated")
            Designation.objects.current().filter(user=instance).update(removed_at=timezone.now())


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
