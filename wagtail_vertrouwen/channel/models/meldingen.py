"""Meldingen at rest: nothing here holds a word the melder wrote in plaintext (I1).

A melding's answers are one ciphertext under the melding's content key; the content key is
sealed to each recipient (``MeldingAccess``); attachments live encrypted in the configured
storage under random names (``Bijlage``), with their file name and key inside a ciphertext.
What stays readable is what the school needs to run the channel: which form and school, when
it arrived, its status and when it is to be purged.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MeldingStatus(models.TextChoices):
    NIEUW = "nieuw", _("New")
    IN_BEHANDELING = "in_behandeling", _("In progress")
    DOORVERWEZEN = "doorverwezen", _("Referred")
    AFGESLOTEN = "afgesloten", _("Closed")


class MelderStatus(models.TextChoices):
    """What the melder sees in the mailbox: the status as the vertrouwenspersoon chose to tell
    it, separate from her own working status."""

    ONTVANGEN = "ontvangen", pgettext_lazy("status shown to the melder", "Received")
    IN_BEHANDELING = "in_behandeling", _("Being looked into")
    AFGEROND = "afgerond", _("Finished")


class MeldingQuerySet(models.QuerySet):
    def readable_by(self, user):
        """Meldingen sealed to ``user``: the only way the inbox finds meldingen."""
        return self.filter(accesses__recipient=user).distinct()

    def expired(self, now=None):
        return self.filter(purge_after__lte=now or timezone.now())


class Melding(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    form = models.ForeignKey(
        "wagtail_vertrouwen_channel.MeldingFormPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("melding form"),
    )
    #: The form it was sent to: the ``translation_key`` all versions (translations) of the
    #: form share. ``form`` is the version it came through; when that version is deleted, the
    #: melding still belongs to the form (its mailbox, who may be given access). Plaintext
    #: metadata, like ``form``; None only for a melding whose version was gone before 0007.
    form_key = models.UUIDField(null=True, blank=True, db_index=True, editable=False)
    site = models.ForeignKey(
        "wagtailcore.Site",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("school"),
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    content = models.BinaryField(editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=MeldingStatus.choices, default=MeldingStatus.NIEUW
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    retention_days = models.PositiveIntegerField()
    purge_after = models.DateTimeField(null=True, blank=True, db_index=True)
    # The melder's way back (services.mailbox): the lookup derived from their code, and the
    # content key wrapped with the second derivation. Neither reveals the code.
    melder_lookup = models.CharField(max_length=64, null=True, blank=True, unique=True)
    melder_key = models.BinaryField(null=True, editable=False)
    #: The address the melder asked to be told of new messages at, encrypted under the
    #: content key: only a recipient posting a message (her key open) can send the notice.
    melder_notice = models.BinaryField(null=True, editable=False)
    melder_status = models.CharField(
        _("status for the melder"),
        max_length=20,
        choices=MelderStatus.choices,
        default=MelderStatus.ONTVANGEN,
    )
    # Deadlines: plaintext timing, never content (DESIGN.md). See services.deadlines.
    acknowledge_by = models.DateTimeField(_("acknowledge by"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    feedback_by = models.DateTimeField(_("feedback by"), null=True, blank=True)
    feedback_at = models.DateTimeField(_("feedback given"), null=True, blank=True)
    next_contact_by = models.DateField(_("next contact by"), null=True, blank=True)
    #: Since when the melder waits for an answer (received, or their message unanswered).
    waiting_since = models.DateTimeField(_("waiting since"), null=True, blank=True)

    objects = MeldingQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        # Nobody gets the default model permissions through Wagtail: there is no admin for
        # this model but the inbox, which checks access itself (I3).
        default_permissions = ()

    def __str__(self):
        return str(_("Melding of %(date)s") % {"date": f"{self.received_at:%Y-%m-%d %H:%M}"})

    @property
    def context(self) -> str:
        """The associated data that binds ciphertexts to this melding."""
        return f"melding/{self.pk}"

    #: The fields ``set_status`` changes.
    STATUS_FIELDS = ("status", "closed_at", "purge_after", "next_contact_by")

    def set_status(self, status):
        self.status = status
        if status == MeldingStatus.AFGESLOTEN:
            self.closed_at = timezone.now()
            self.purge_after = self.closed_at + timedelta(days=self.retention_days)
            self.next_contact_by = None  # closing clears its reminders
        else:
            self.closed_at = self.purge_after = None


class MeldingAccess(models.Model):
    """The melding's content key sealed to one recipient, and whether they have read it."""

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="accesses")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    sealed_key = models.BinaryField(editable=False)
    read_at = models.DateTimeField(null=True, blank=True)
    note_key = models.BinaryField(null=True, editable=False)
    note = models.BinaryField(null=True, editable=False)
    #: The public key ``sealed_key`` is sealed to: when the recipient's current key differs
    #: (she set up a new one), this access opens nothing.
    sealed_to = models.BinaryField(null=True, editable=False)
    #: Set when a co-recipient handed the melding over (services.handover); None for the
    #: recipients it was sealed to at submission.
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # Wagtail's listing counts these as "meldingen" (the inbox lists one per melding).
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["melding", "recipient"], name="one_access_per_recipient"
            )
        ]
        # The inbox's default order (views.inbox: unread first, then the last read), so that
        # its first page is read from the index, not sorted from all of a recipient's rows.
        indexes = [
            models.Index(fields=["recipient", "-read_at", "-id"], name="vw_meldingaccess_inbox")
        ]

    def __str__(self):
        return f"{self.melding} → {self.recipient}"


class Bijlage(models.Model):
    """An attachment: ciphertext in storage under a random name; name and key encrypted."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="bijlagen")
    #: The message it came with; None for the melding's own attachments.
    message = models.ForeignKey(
        "wagtail_vertrouwen_channel.Message",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="bijlagen",
    )
    position = models.PositiveSmallIntegerField(default=0)
    storage_name = models.CharField(max_length=255, editable=False)
    stored_bytes = models.PositiveBigIntegerField(editable=False)
    meta = models.BinaryField(editable=False)

    class Meta:
        ordering = ["position"]
        default_permissions = ()

    def __str__(self):
        return str(self.pk)  # the name is encrypted

    @property
    def context(self) -> str:
        return f"melding/{self.melding_id}/bijlage/{self.pk}"
