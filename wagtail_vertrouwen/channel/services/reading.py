"""Reading meldingen with a recipient's unlocked private key, and what reading records."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ...choices import Probleemgebied
from .. import crypto, storage
from ..models import AuditAction, AuditEntry, MelderStatus, Melding, MeldingAccess
from . import conversation, deadlines
from .conversation import BijlageInfo, bijlage_info  # noqa: F401 - BijlageInfo is re-exported

logger = logging.getLogger(__name__)

#: Areas whose meldingen are marked urgent in the inbox (issue 9, item 5).
URGENT_AREAS = (Probleemgebied.HUISELIJK_GEWELD, Probleemgebied.SEKSUEEL_GRENSOVERSCHRIJDEND_GEDRAG)
#: The answer to "Is it about someone who works at the school?" that marks a melding urgent
#: (``forms.melding.OverMedewerker.JA``).
ABOUT_STAFF = "ja"


def urgency(answers: dict) -> list:
    """Why a melding is urgent (empty when it is not), from its decrypted answers: computed
    for the unlocked recipient only, never stored."""
    reasons = []
    area = answers.get("probleemgebied")
    if area in URGENT_AREAS:
        reasons.append(Probleemgebied(area).label)
    if answers.get("over_medewerker") == ABOUT_STAFF:
        reasons.append(_("About someone who works at the school"))
    return reasons


class Reader:
    """One recipient's view of the meldingen sealed to them."""

    def __init__(self, user, private_key):
        self.user = user
        self.private_key = private_key
        self._content_keys = {}  # melding id -> opened content key, for this request

    def access(self, melding) -> MeldingAccess:
        return MeldingAccess.objects.get(melding=melding, recipient=self.user)

    def content_key(self, melding, access=None) -> bytes:
        """The melding's content key, opened once per request however often it is needed
        (the answers, each attachment's name and key)."""
        if melding.pk not in self._content_keys:
            access = access or self.access(melding)
            self._content_keys[melding.pk] = crypto.open_content_key(
                bytes(access.sealed_key), self.private_key
            )
        return self._content_keys[melding.pk]

    def answers(self, melding, access=None) -> dict:
        return crypto.decrypt_json(
            self.content_key(melding, access), bytes(melding.content), melding.context
        )

    def open(self, melding, action=AuditAction.DECRYPTED):
        """Decrypt a melding for display or export; records it (I5)."""
        access = self.access(melding)
        answers = self.answers(melding, access)
        bijlagen = [
            self.bijlage_info(b, access) for b in melding.bijlagen.filter(message__isnull=True)
        ]
        with transaction.atomic():
            if access.read_at is None:
                access.read_at = timezone.now()
                access.save(update_fields=["read_at"])
            AuditEntry.record(action, self.user, melding=melding)
        return answers, bijlagen, self.note(access)

    def bijlage_info(self, bijlage, access=None) -> BijlageInfo:
        return bijlage_info(bijlage, self.content_key(bijlage.melding, access))

    def download(self, bijlage):
        """(info, plaintext chunks) of an attachment; records the download (I5)."""
        info = self.bijlage_info(bijlage)
        chunks = storage.open_plaintext(bijlage.storage_name, info.key)
        AuditEntry.record(
            AuditAction.DOWNLOADED, self.user, melding=bijlage.melding, detail=str(bijlage.pk)
        )
        return info, chunks

    def note(self, access) -> str:
        if not access.note:
            return ""
        note_key = crypto.open_content_key(bytes(access.note_key), self.private_key)
        return crypto.decrypt_field(
            note_key, bytes(access.note), f"{access.melding.context}/note"
        ).decode()

    def save_note(self, melding, text: str):
        """A private note, sealed to this recipient alone (other recipients cannot read it)."""
        access = self.access(melding)
        note_key = crypto.new_content_key()
        access.note_key = crypto.seal_content_key(note_key, bytes(self.private_key.public_key))
        access.note = crypto.encrypt_field(note_key, text, f"{melding.context}/note")
        with transaction.atomic():
            access.save(update_fields=["note_key", "note"])
            AuditEntry.record(AuditAction.NOTE_SAVED, self.user, melding=melding)

    def messages(self, melding) -> list:
        """The conversation about ``melding``, decrypted, oldest first; the melder's messages
        count as read by the recipients from now on (the melder sees that)."""
        readable = conversation.read(melding, self.content_key(melding))
        conversation.mark_read(melding, by_melder=False)
        return readable

    def reply(self, melding, text: str, uploads=(), *, feedback=False):
        """A message to the melder; ``feedback`` marks it as the feedback the form promises
        (only where the melding has a feedback deadline). ``conversation.MeldingGone`` when the
        melding was deleted meanwhile. The message is the next contact: a "next contact by"
        date set before it is met, and cleared (audited); the recipient may set a new one."""
        planned = melding.next_contact_by
        message = conversation.post(
            melding,
            self.content_key(melding),
            text=text,
            uploads=uploads,
            author=self.user,
            feedback=bool(feedback and melding.feedback_by),
        )
        if planned is not None:
            with transaction.atomic():
                # Only the date this recipient saw: one a co-recipient set meanwhile stays.
                if Melding.objects.filter(pk=melding.pk, next_contact_by=planned).update(
                    next_contact_by=None
                ):
                    AuditEntry.record(AuditAction.DEADLINE_SET, self.user, melding=melding)
            melding.next_contact_by = None
        return message

    def set_melder_status(self, melding, status):
        """What the melder sees as the state of their melding; audited."""
        status = MelderStatus(status)
        with transaction.atomic():
            if not Melding.objects.filter(pk=melding.pk).update(melder_status=status):
                raise Melding.DoesNotExist  # deleted by a co-recipient a moment ago
            melding.melder_status = status
            AuditEntry.record(
                AuditAction.MELDER_STATUS_CHANGED, self.user, melding=melding, detail=status
            )

    def set_next_contact(self, melding, day):
        """The date by which the melder is to hear from the recipients next (``None``: no
        date). ``ValidationError`` when ``deadlines.check_next_contact`` refuses it."""
        with transaction.atomic():
            current = Melding.objects.select_for_update().filter(pk=melding.pk).first()
            if current is None:
                raise Melding.DoesNotExist
            deadlines.check_next_contact(current, day)
            Melding.objects.filter(pk=melding.pk).update(next_contact_by=day)
            melding.next_contact_by = day
            AuditEntry.record(
                AuditAction.DEADLINE_SET,
                self.user,
                melding=melding,
                detail=day.isoformat() if day else "",
            )

    def set_status(self, melding, status):
        with transaction.atomic():
            melding.set_status(status)
            changed = (
                type(melding)
                .objects.filter(pk=melding.pk)
                .update(**{field: getattr(melding, field) for field in melding.STATUS_FIELDS})
            )
            if not changed:  # deleted by a co-recipient a moment ago
                raise type(melding).DoesNotExist
            AuditEntry.record(AuditAction.STATUS_CHANGED, self.user, melding=melding, detail=status)


def delete_melding(melding, actor, action=AuditAction.DELETED, **audit):
    """Delete a melding with its stored attachment objects; the audit line stays."""
    names = list(melding.bijlagen.values_list("storage_name", flat=True))
    with transaction.atomic():
        AuditEntry.record(action, actor, melding=melding, **audit)
        melding.delete()
        # The objects go once the rows are gone for good; a rollback keeps both.
        transaction.on_commit(lambda: _delete_objects(names))


def _delete_objects(names):
    for name in names:
        try:
            storage.delete(name)
        except Exception:  # noqa: BLE001 - one failing object must not stop a purge run
            logger.exception("could not delete an attachment object (ciphertext) from storage")
