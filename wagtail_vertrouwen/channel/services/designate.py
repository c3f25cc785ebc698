"""Designating recipients (I4): a dedicated permission, an audit line, and a notice to the
current recipients for every change."""

from django.db import transaction
from django.utils import timezone

from ..models import AuditAction, AuditEntry, Designation


def designate(form_page, user, actor) -> Designation:
    with transaction.atomic():
        designation, created = Designation.objects.current().get_or_create(
            translation_key=form_page.translation_key, user=user, defaults={"added_by": actor}
        )
        if created:
            AuditEntry.record(AuditAction.RECIPIENT_ADDED, actor, form=form_page, subject=user)
            notify_change(form_page, AuditAction.RECIPIENT_ADDED, user, actor)
    return designation


def remove(designation, form_page, actor):
    with transaction.atomic():
        designation.removed_at = timezone.now()
        designation.removed_by = actor
        designation.save(update_fields=["removed_at", "removed_by"])
        AuditEntry.record(
            AuditAction.RECIPIENT_REMOVED, actor, form=form_page, subject=designation.user
        )
        notify_change(
            form_page, AuditAction.RECIPIENT_REMOVED, designation.user, actor, also=designation.user
        )


def notify_change(form_page, action, subject, actor, also=None):
    from ..tasks import notify_recipient_change

    user_ids = {d.user_id for d in form_page.designations()}
    name = subject.get_full_name() or subject.get_username()
    if also is not None:
        user_ids.add(also.pk)
    transaction.on_commit(
        lambda: notify_recipient_change.enqueue(
            form_page.pk, str(action), name, actor.pk if actor else None, sorted(user_ids)
        )
    )
