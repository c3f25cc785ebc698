"""The two-way channel at rest: the melder's mailbox sessions and the messages of a melding.

A message, from either side, is one ciphertext under the melding's content key, bound by
associated data to its melding and position (``Message.context``): exactly the melding's
current parties (its recipients and the melder) can read it (DESIGN.md, "The melder's
mailbox"). What stays readable is timing: when a message was sent and read, and by which side.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class InstallationSalt(models.Model):
    """The installation's own salt for deriving melders' codes (``services.mailbox``). Made
    once, at the first melding; never changed (codes would stop finding their meldingen)."""

    name = models.CharField(max_length=40, unique=True)
    value = models.BinaryField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return self.name


class MailboxSession(models.Model):
    """A melder logged in with their code: short-lived, no "remember me".

    The browser (or API client) holds a random token and a key; the server keeps only the
    token's hash and the melding's content key encrypted with that key. Neither the code nor
    the content key is ever in here in plaintext."""

    token_hash = models.CharField(max_length=64, unique=True)
    melding = models.ForeignKey(
        "wagtail_vertrouwen_channel.Melding", on_delete=models.CASCADE, related_name="+"
    )
    blob = models.TextField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_seen = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return str(self.pk)


class MessageKind(models.TextChoices):
    MESSAGE = "message", _("Message")
    #: The melder chose to tell their name or contact details after sending.
    IDENTITY = "identity", _("Name or contact details")


class Message(models.Model):
    """One message of the conversation about a melding, from the melder or a recipient."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    melding = models.ForeignKey(
        "wagtail_vertrouwen_channel.Melding", on_delete=models.CASCADE, related_name="messages"
    )
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=MessageKind.choices, default=MessageKind.MESSAGE)
    from_melder = models.BooleanField()
    #: The recipient who wrote it (None for the melder), and who she was at the time.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_identity = models.CharField(max_length=400, blank=True)
    sent_at = models.DateTimeField(db_index=True)
    body = models.BinaryField(editable=False)
    #: When the other side first read it: the melder (a recipient's message), or any
    #: recipient (the melder's message).
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["melding", "position"]
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["melding", "position"], name="one_message_per_position")
        ]

    def __str__(self):
        return f"{self.melding_id}#{self.position}"

    @property
    def context(self) -> str:
        return f"melding/{self.melding_id}/message/{self.position}"
