"""The send ledger: which notification mails went out, so that each goes out once.

A row holds a digest and two times, nothing else: no address, no melding, no task argument
(I1). ``services.notices`` claims a row before sending and marks it sent after; the daily
purge deletes rows older than ``services.notices.KEEP_DAYS``.
"""

from django.db import models
from django.utils import timezone


class SentNotice(models.Model):
    """One notification mail, claimed by a worker (``claimed_at``) and, once the mail server
    took it, sent (``sent_at``). The unique ``key`` lets one worker at a time have it
    (``services.notices.send_once``)."""

    #: SHA-256 (hex) of the notice's identity (its first task's result id) and the address it
    #: goes to.
    key = models.CharField(max_length=64, unique=True)
    claimed_at = models.DateTimeField(default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return self.key
