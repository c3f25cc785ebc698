"""Retention: closed meldingen are deleted with their attachments after the form's period, and
meldingen that nobody can read any more do not stay behind."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from ..models import AuditAction, Designation, Melding
from . import challenge, notices
from .designate import end_lapsed_designations
from .reading import delete_melding
from .submit import remove_orphan_objects

#: The audit detail of a melding deleted because no reader is left.
NO_READER_LEFT = "no reader left"


def purge_expired(now=None) -> int:
    """The daily run: end designations that lapsed without a signal, delete expired guessing
    and replay state (``challenge.purge_expired``), old keys of the send ledger
    (``notices.purge_sent``), meldingen without a reader, and closed meldingen past their
    retention period. Returns how many meldingen were deleted."""
    end_lapsed_designations()
    challenge.purge_expired(now)
    notices.purge_sent(now)
    remove_orphan_objects(now)
    count = purge_unreadable()
    for melding in Melding.objects.expired(now or timezone.now()).prefetch_related("bijlagen"):
        delete_melding(melding, actor=None, action=AuditAction.PURGED)
        count += 1
    return count


def purge_unreadable() -> int:
    """Meldingen whose every sealed key is gone (their last holder's account was deleted, in
    the shell, since Wagtail's user admin refuses it): nobody can ever read them again, a new
    recipient included (I4). They are deleted with an audit line "no reader left", which the
    form's current recipients see in their log."""
    count = 0
    users = get_user_model()._default_manager
    for melding in Melding.objects.filter(accesses__isnull=True).select_related("form"):
        readers = []
        if melding.form_key is not None:
            readers = users.filter(
                pk__in=Designation.objects.current()
                .filter(translation_key=melding.form_key)
                .values("user")
            )
        delete_melding(
            melding, actor=None, action=AuditAction.PURGED, detail=NO_READER_LEFT, readers=readers
        )
        count += 1
    return count
