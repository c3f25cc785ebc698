"""The conversation about a melding: messages and files from either side, encrypted under the
melding's content key, so that exactly its current parties (the recipients holding a sealed
copy, and the melder holding the code) can read them (DESIGN.md, "The melder's mailbox").

Both sides call ``post``; the views of the mailbox hold the content key from the melder's
session, those of the inbox from the recipient's unlocked key (``Reader.content_key``). What
each side's message changes besides (waiting time, acknowledgement, notices) is decided here,
once.
"""

from __future__ import annotations

import base64
import logging
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import Max
from django.utils import timezone

from .. import crypto, storage
from ..models import AuditAction, AuditEntry, Bijlage, Melding, Message, MessageKind

logger = logging.getLogger(__name__)

#: Attempts to find a free position when two tabs post at the same moment.
POSITION_ATTEMPTS = 5


class MeldingGone(Exception):
    """The melding was deleted or purged while the message was being written."""


class TooMany(Exception):
    """The melder reached a limit: messages in the last hour, or files of the melding. The
    message (translated) says which; nothing was stored."""


def _check_melder_limits(melding, uploads, now):
    """A stolen or a shared code must not let anyone flood the recipients or the storage."""
    from django.utils.translation import gettext as _

    from .. import conf

    hour_ago = now - timedelta(hours=1)
    recent = Message.objects.filter(melding=melding, from_melder=True, sent_at__gte=hour_ago)
    if recent.count() >= conf.get("MELDER_MESSAGES_PER_HOUR"):
        raise TooMany(
            _(
                "You sent many messages in the last hour. Wait a while before you send more; "
                "your text is still here."
            )
        )
    limit = conf.get("ATTACHMENTS_PER_MELDING")
    if uploads and Bijlage.objects.filter(melding=melding).count() + len(uploads) > limit:
        raise TooMany(
            _(
                "This melding has as many files as it can hold (%(count)d). Describe the rest "
                "in words, or ask the vertrouwenspersoon how to give it."
            )
            % {"count": limit}
        )


@dataclass
class BijlageInfo:
    bijlage: Bijlage
    name: str
    content_type: str
    size: int
    key: bytes


@dataclass
class Readable:
    """A decrypted message, for display."""

    message: Message
    text: str = ""
    #: For ``MessageKind.IDENTITY``: what the melder chose to tell (naam, email, telefoon).
    details: dict = field(default_factory=dict)
    bijlagen: list = field(default_factory=list)


def bijlage_info(bijlage: Bijlage, content_key: bytes) -> BijlageInfo:
    meta = crypto.decrypt_json(content_key, bytes(bijlage.meta), bijlage.context)
    return BijlageInfo(
        bijlage=bijlage,
        name=meta["name"],
        content_type=meta["content_type"],
        size=meta["size"],
        key=base64.b64decode(meta["key"]),
    )


def store_uploads(melding, content_key, uploads, stored_names, *, message=None, start=0):
    """Encrypt and store each upload as a ``Bijlage`` of ``melding`` (and ``message``).
    Appends each stored object's name to ``stored_names`` so that the caller can remove them
    when its transaction fails."""
    for position, upload in enumerate(uploads, start):
        key = crypto.new_stream_key()
        name, stored_bytes = storage.store(upload.file, key)
        stored_names.append(name)
        bijlage = Bijlage(melding=melding, message=message, position=position, storage_name=name)
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


def remove_objects(names):
    for name in names:
        try:
            storage.delete(name)
        except Exception:  # noqa: BLE001 - the original error matters more
            logger.warning("could not remove an attachment object after a failed message")


def post(
    melding,
    content_key: bytes,
    *,
    text: str = "",
    uploads=(),
    author=None,
    kind=MessageKind.MESSAGE,
    details=None,
    feedback=False,
) -> Message:
    """Add a message to ``melding``'s conversation: from the melder when ``author`` is None,
    else from that recipient. All or nothing: the message, its files and what it changes are
    stored together, or nothing is (stored objects are removed again). ``MeldingGone`` when
    the melding was deleted meanwhile. Two messages posted at the same moment (two tabs) both
    arrive, one after the other."""
    from_melder = author is None
    document = {"text": text}
    if details:
        document["details"] = details
    last_error = None
    for _attempt in range(POSITION_ATTEMPTS):
        stored_names = []
        try:
            with transaction.atomic():
                locked = Melding.objects.select_for_update().filter(pk=melding.pk).first()
                if locked is None:
                    raise MeldingGone
                if from_melder:
                    _check_melder_limits(locked, uploads, timezone.now())
                position = Message.objects.filter(melding=locked).aggregate(last=Max("position"))[
                    "last"
                ]
                position = 0 if position is None else position + 1
                message = Message(
                    melding=locked,
                    position=position,
                    kind=kind,
                    from_melder=from_melder,
                    author=author,
                    sent_at=timezone.now(),
                )
                if author is not None:
                    from ..policy import identity

                    message.author_identity = identity(author)[:400]
                message.body = crypto.encrypt_json(content_key, document, message.context)
                message.save()
                first = locked.bijlagen.aggregate(last=Max("position"))["last"]
                store_uploads(
                    locked,
                    content_key,
                    uploads,
                    stored_names,
                    message=message,
                    start=0 if first is None else first + 1,
                )
                _after(locked, message, author, feedback)
            if author is not None and locked.melder_notice:
                notice = bytes(locked.melder_notice)
                transaction.on_commit(partial(notify_melder, locked, content_key, notice))
            return message
        except IntegrityError as error:  # the same position taken by a parallel post: again
            remove_objects(stored_names)
            last_error = error
            for upload in uploads:
                upload.file.seek(0)
        except (OperationalError, InterfaceError):
            # Perhaps lost while answering a COMMIT that was done: the objects stay; those
            # without a row are orphans for the purge, which checks for rows first.
            raise
        except BaseException:
            remove_objects(stored_names)
            raise
    raise last_error


def _after(melding, message, author, feedback):
    """What a message changes besides itself: timing, audit, notices (inside the transaction)."""
    now = message.sent_at
    if author is None:
        fields = {"waiting_since": melding.waiting_since or now}
        action = (
            AuditAction.MELDER_IDENTITY
            if message.kind == MessageKind.IDENTITY
            else AuditAction.MELDER_MESSAGE
        )
        AuditEntry.record(action, melding=melding, detail=str(message.position))
        unread_before = Message.objects.filter(
            melding=melding, from_melder=True, read_at__isnull=True, position__lt=message.position
        )
        if not unread_before.exists():  # one notice until the recipients have read
            _queue_notice(melding.pk)
    else:
        fields = {"waiting_since": None, "acknowledged_at": melding.acknowledged_at or now}
        AuditEntry.record(
            AuditAction.MESSAGE_SENT, author, melding=melding, detail=str(message.position)
        )
        if feedback and melding.feedback_at is None:
            fields["feedback_at"] = now
            AuditEntry.record(AuditAction.FEEDBACK_GIVEN, author, melding=melding)
    Melding.objects.filter(pk=melding.pk).update(**fields)
    for name, value in fields.items():
        setattr(melding, name, value)


def notify_melder(melding, content_key, notice):
    """The melder's optional notice of a new message, sent now and never queued: the address
    is decrypted only here, with the posting recipient's key open, and stored nowhere else.
    The mail says only that there is a message and where to log in."""
    from . import mailbox

    try:
        mailbox.send_notice(melding, mailbox.notice_address(melding, content_key, notice))
    except Exception:  # noqa: BLE001 - the message is stored; the melder reads it at login
        logger.warning("the notice to a melder failed")


def _queue_notice(melding_id):
    """One notice per recipient, queued with the message (``tasks.queue_notifications``)."""
    from ..models import MeldingAccess
    from ..tasks import notify_new_message, queue_notifications

    recipients = MeldingAccess.objects.filter(melding_id=melding_id).values_list(
        "recipient_id", flat=True
    )
    queue_notifications(notify_new_message, melding_id, list(recipients))


def read(melding, content_key: bytes) -> list[Readable]:
    """Every message of ``melding``, decrypted, oldest first, with its files' names."""
    messages = list(melding.messages.all())
    files = {}
    for bijlage in Bijlage.objects.filter(melding=melding, message__isnull=False):
        files.setdefault(bijlage.message_id, []).append(bijlage_info(bijlage, content_key))
    result = []
    for message in messages:
        document = crypto.decrypt_json(content_key, bytes(message.body), message.context)
        result.append(
            Readable(
                message=message,
                text=document.get("text", ""),
                details=document.get("details") or {},
                bijlagen=files.get(message.pk, []),
            )
        )
    return result


def mark_read(melding, *, by_melder: bool) -> int:
    """The other side's messages are read now (those not read before); returns how many."""
    return Message.objects.filter(
        melding=melding, from_melder=not by_melder, read_at__isnull=True
    ).update(read_at=timezone.now())
