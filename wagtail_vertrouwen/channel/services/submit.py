"""Receiving a melding: encrypt everything, seal the key to each recipient, store, notify."""

import base64
import logging

from django.db import transaction

from .. import crypto, storage
from ..models import AuditAction, AuditEntry, Bijlage, Melding, MeldingAccess

logger = logging.getLogger(__name__)


class NoRecipients(Exception):
    """Nobody with a key is designated for this form (or the melder excluded the only one)."""


def submit(form_page, site, answers: dict, uploads=(), excluded=None) -> Melding:
    """Store a melding durably and queue its notification; all or nothing.

    ``answers`` and ``uploads`` are encrypted before anything is written. The content key is
    sealed to the form's current recipients that have a key, except ``excluded``.
    """
    recipients = [
        user for user in form_page.recipients() if excluded is None or user.pk != excluded.pk
    ]
    if not recipients:
        raise NoRecipients
    content_key = crypto.new_content_key()
    stored_names = []
    try:
        with transaction.atomic():
            melding = Melding(form=form_page, site=site, retention_days=form_page.retention_days)
            melding.content = crypto.encrypt_json(content_key, answers, melding.context)
            melding.save()
            MeldingAccess.objects.bulk_create(
                MeldingAccess(
                    melding=melding,
                    recipient=user,
                    sealed_key=crypto.seal_content_key(
                        content_key, bytes(user.vertrouwen_key.public_key)
                    ),
                )
                for user in recipients
            )
            for position, upload in enumerate(uploads):
                key = crypto.new_stream_key()
                name, stored_bytes = storage.store(upload.file, key)
                stored_names.append(name)
                bijlage = Bijlage(melding=melding, position=position, storage_name=name)
                bijlage.stored_bytes = stored_bytes
                bijlage.meta = crypto.encrypt_json(
                    content_key,
                    {
                        "name": upload.name,
                        "content_type": upload.content_type,
                        "size": upload.size,
                        "key": base64.b64encode(key).decode("ascii"),
                    },
                    bijlage.context,
                )
                bijlage.save()
            AuditEntry.record(AuditAction.RECEIVED, melding=melding)
            transaction.on_commit(lambda: _queue_notification(melding))
    except Exception:
        for name in stored_names:
            try:
                storage.delete(name)
            except Exception:  # noqa: BLE001 - the original error matters more
                logger.warning("could not remove an attachment object after a failed melding")
        raise
    return melding


def _queue_notification(melding):
    from ..tasks import notify_new_melding

    try:
        notify_new_melding.enqueue(str(melding.pk))
    except Exception:  # noqa: BLE001 - stored; the inbox shows it unread
        logger.exception("could not queue the notification of a new melding")
