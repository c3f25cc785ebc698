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


def user_deleted(sender, instance, **kwargs):
    _end_designations(instance, f"account {instance.get_username()} deleted")


def user_saved(sender, instance, **kwargs):
    """Deactivating an account ends its designations, visibly."""
    if instance.pk is None or instance.is_active:
        return
    was_active = sender.objects.filter(pk=instance.pk, is_active=True).exists()
    if was_active:
        from .models import Designation

        with transaction.atomic():
            _end_designations(instance, f"account {instance.get_username()} deactivated")
            Designation.objects.current().filter(user=instance).update(removed_at=timezone.now())


def connect(user_model):
    pre_delete.connect(user_deleted, sender=user_model, dispatch_uid="vertrouwen-user-deleted")
    pre_save.connect(user_saved, sender=user_model, dispatch_uid="vertrouwen-user-deactivated")
