"""Receiving a melding: encrypt everything, seal the key to each recipient, store, notify."""

import logging

from django.db import transaction
from django.utils import timezone

from .. import crypto
from ..models import AuditAction, AuditEntry, Melding, MeldingAccess
from . import deadlines, mailbox
from .conversation import remove_objects, store_uploads

logger = logging.getLogger(__name__)


#: The key in the encrypted answers that records the exclusion (never shown as an answer).
EXCLUDED = "_excluded"


class NoRecipients(Exception):
    """Nobody with a key is designated for this form (or the melder excluded the only one)."""


def excluded_record(user) -> dict:
    """Who the melder kept the melding away from, as stored inside the encrypted answers:
    ``policy.may_be_given_access`` refuses that person for good (a handover cannot undo it)."""
    return {"id": user.pk, "username": user.get_username(), "email": user.email or ""}


def submit(form_page, site, answers: dict, uploads=(), excluded=None) -> Melding:
    """Store a melding durably and queue its notification; all or nothing.

    ``answers`` and ``uploads`` are encrypted before anything is written. The content key is
    sealed to the form's current recipients that have a key, except ``excluded``, and wrapped
    for the melder with a new code: the returned melding's ``melder_code`` (not stored; show
    it once).
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
            melding = Melding(
                form=form_page,
                form_key=form_page.translation_key,
                site=site,
                retention_days=form_page.retention_days,
                received_at=timezone.now(),
            )
            for name, value in deadlines.initial(form_page, melding.received_at).items():
                setattr(melding, name, value)
            document = dict(answers)
            # Always written, also when nobody was excluded: a melding without the record is
            # one from before it existed (policy.EXCLUSION_UNKNOWN).
            document[EXCLUDED] = excluded_record(excluded) if excluded is not None else None
            melding.content = crypto.encrypt_json(content_key, document, melding.context)
            code = mailbox.issue_code(melding, content_key)
            melding.save()
            MeldingAccess.objects.bulk_create(
                MeldingAccess(
                    melding=melding,
                    recipient=user,
                    sealed_key=crypto.seal_content_key(
                        content_key, bytes(user.vertrouwen_key.public_key)
                    ),
                    sealed_to=bytes(user.vertrouwen_key.public_key),
                )
                for user in recipients
            )
            store_uploads(melding, content_key, uploads, stored_names)
            AuditEntry.record(AuditAction.RECEIVED, melding=melding)
            transaction.on_commit(lambda: _queue_notification(melding))
    except Exception:
        remove_objects(stored_names)
        raise
    melding.melder_code = code
    return melding


def _queue_notification(melding):
    from ..tasks import notify_new_melding

    try:
        notify_new_melding.enqueue(str(melding.pk))
    except Exception:  # noqa: BLE001 - stored; the inbox shows it unread
        logger.exception("could not queue the notification of a new melding")
