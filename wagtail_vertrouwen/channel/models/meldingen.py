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


class MeldingStatus(models.TextChoices):
    NIEUW = "nieuw", _("New")
    IN_BEHANDELING = "in_behandeling", _("In progress")
    DOORVERWEZEN = "doorverwezen", _("Referred")
    AFGESLOTEN = "afgesloten", _("Closed")


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

    def set_status(self, status):
        self.status = status
        if status == MeldingStatus.AFGESLOTEN:
            self.closed_at = timezone.now()
            self.purge_after = self.closed_at + timedelta(days=self.retention_days)
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

    def __str__(self):
        return f"{self.melding} → {self.recipient}"


class Bijlage(models.Model):
    """An attachment: ciphertext in storage under a random name; name and key encrypted."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="bijlagen")
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
