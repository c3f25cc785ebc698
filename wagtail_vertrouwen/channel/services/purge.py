"""Retention: closed meldingen are deleted with their attachments after the form's period."""

from django.utils import timezone

from ..models import AuditAction, Melding
from .reading import delete_melding


def purge_expired(now=None) -> int:
    count = 0
    for melding in Melding.objects.expired(now or timezone.now()).prefetch_related("bijlagen"):
        delete_melding(melding, actor=None, action=AuditAction.PURGED)
        count += 1
    return count
