"""Receiving a melding: encrypt everything, seal the key to each recipient, store, notify.

All or nothing: the melding, its key envelopes, its attachment rows, its audit line and (with a
database task queue) the notification of each recipient are one transaction. The attachment
objects are written to storage inside it, before the commit; when the transaction fails they
are removed again. A process that dies before its commit (a killed worker) cannot remove
them: ``remove_orphan_objects``, run by the daily purge, removes objects that no row names once
they are older than any request can take (``ORPHAN_GRACE_SECONDS``).
"""

import logging
from datetime import UTC, datetime, timedelta

from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from .. import conf, crypto, storage
from ..models import AuditAction, AuditEntry, Bijlage, Melding, MeldingAccess
from . import deadlines, mailbox
from .conversation import remove_objects, store_uploads

logger = logging.getLogger(__name__)


#: The key in the encrypted answers that records the exclusion (never shown as an answer).
EXCLUDED = "_excluded"
#: Names looked up per query when looking for objects without a row.
ORPHAN_BATCH = 500


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
    it once). ``storage.Unavailable`` when the attachment storage cannot be reached,
    ``crypto.Busy`` when no key-derivation slot came free in time (nothing stored).
    """
    from .. import tasks

    def current_recipients():
        found = [u for u in form_page.recipients() if excluded is None or u.pk != excluded.pk]
        if not found:
            raise NoRecipients
        return found

    current_recipients()  # refused before the cost of the code's derivation
    content_key = crypto.new_content_key()
    stored_names = []
    try:
        melding = Melding(
            form=form_page,
            form_key=form_page.translation_key,
            site=site,
            retention_days=form_page.retention_days,
        )
        # The code's Argon2id derivation before the transaction, which then stays short: it
        # may wait for a slot (``KDF_WAIT_SECONDS``) and then raise ``crypto.Busy``.
        code = mailbox.issue_code(melding, content_key)
        with transaction.atomic():
            # Asked again after the derivation, which may have waited for a slot: whoever was
            # removed meanwhile gets no copy (I4).
            recipients = current_recipients()
            melding.received_at = timezone.now()
            for name, value in deadlines.initial(form_page, melding.received_at).items():
                setattr(melding, name, value)
            document = dict(answers)
            # Always written, also when nobody was excluded: a melding without the record is
            # one from before it existed (policy.EXCLUSION_UNKNOWN).
            document[EXCLUDED] = excluded_record(excluded) if excluded is not None else None
            melding.content = crypto.encrypt_json(content_key, document, melding.context)
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
            # One notification per recipient, queued with the melding (tasks module).
            tasks.queue_notifications(
                tasks.notify_new_melding, melding.pk, [user.pk for user in recipients]
            )
    except (OperationalError, InterfaceError):
        # The database went away, perhaps while answering the COMMIT after it was done: the
        # melding may be stored, so its objects stay. Those without a row are orphans for
        # the purge (``remove_orphan_objects``), which checks for rows first.
        raise
    except Exception:
        remove_objects(stored_names)
        raise
    melding.melder_code = code
    return melding


def remove_orphan_objects(now=None) -> int:
    """Remove the attachment objects that no row names and that are older than
    ``ORPHAN_GRACE_SECONDS``: left by a request that died between writing them and its commit.
    Returns how many; a storage that cannot be listed is logged, not raised (the purge goes
    on)."""
    grace = conf.get("ORPHAN_GRACE_SECONDS")
    if grace is None:  # off: the folder may not be this installation's alone
        return 0
    cutoff = (now or datetime.now(UTC)) - timedelta(seconds=grace)
    try:
        old = [name for name, modified in storage.stored_objects() if modified < cutoff]
    except Exception:  # noqa: BLE001 - tried again at the next purge
        logger.exception("could not list the attachment storage to remove orphaned objects")
        return 0
    removed = 0
    for start in range(0, len(old), ORPHAN_BATCH):
        batch = old[start : start + ORPHAN_BATCH]
        named = set(
            Bijlage.objects.filter(storage_name__in=batch).values_list("storage_name", flat=True)
        )
        for name in batch:
            if name in named:
                continue
            try:
                storage.delete(name)
            except Exception:  # noqa: BLE001 - tried again at the next purge
                logger.warning("could not remove an orphaned attachment object")
                continue
            removed += 1
    if removed:
        logger.warning("removed %d attachment object(s) without a melding", removed)
    return removed
