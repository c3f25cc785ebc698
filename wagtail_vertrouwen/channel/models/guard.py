"""What guards the public side against guessing and replay, kept in the database.

Not in Django's cache: a cache may evict (a ``DatabaseCache`` culls the alphabetically first
third of its keys when it is full, so a guesser's own wrong codes would push the counters out)
and its ``incr`` is a get and a set that parallel requests lose increments of. Neither row
holds anything about who sent a request: a counter per form (or for the whole installation)
and window, and a hash of each spent proof-of-work challenge (``services.challenge``).
Expired rows are deleted by ``services.challenge.purge_expired`` (now and then on a write, and
in the daily purge).
"""

from django.db import models


class GuardCount(models.Model):
    """How many times something happened in one window: wrong mailbox codes at a form or at
    the installation (``services.guard``), meldingen stored per form per hour
    (``services.challenge.take_rate_slot``)."""

    #: What is counted, e.g. ``guard:form:<translation_key>``, ``guard:all``, ``rate:<key>``.
    scope = models.CharField(max_length=100)
    #: The number of the window (its start in seconds divided by its length).
    window = models.BigIntegerField()
    count = models.IntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["scope", "window"], name="one_count_per_window")
        ]

    def __str__(self):
        return f"{self.scope} @ {self.window}: {self.count}"


class SpentChallenge(models.Model):
    """A proof-of-work solution that is being used (``used`` False: a claim, held for a few
    minutes) or was used (until its challenge can no longer be valid). Inserting the row is
    the claim: the unique ``digest`` lets only one request have it."""

    #: SHA-256 (hex) of the challenge the solution solves; the challenge is random.
    digest = models.CharField(max_length=64, unique=True)
    used = models.BooleanField(default=False)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return self.digest
