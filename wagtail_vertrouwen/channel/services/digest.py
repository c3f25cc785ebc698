"""The daily digest: one mail per recipient saying what is due, what is overdue and what is
about to be purged, by kind and date only.

Nothing of a melding's content goes in (I1, I7): no answer, no area, no school, no name, not
even the urgency mark (that is read from the content). The dates are the plaintext timing the
inbox keeps anyway (DESIGN.md: deadlines reveal timing, never content). A recipient with
nothing to be told gets no mail. Run it once a day: ``tasks.send_deadline_digest`` or
``manage.py vertrouwen_digest``.
"""

import logging
from dataclasses import dataclass, field

from django.utils import timezone

from ..models import MeldingAccess
from . import deadlines

logger = logging.getLogger(__name__)


@dataclass
class Digest:
    """What one recipient is told: deadlines and purge dates, nothing else."""

    recipient: object
    overdue: list = field(default_factory=list)  # of deadlines.Deadline
    soon: list = field(default_factory=list)  # of deadlines.Deadline
    purge: list = field(default_factory=list)  # of datetimes

    def __bool__(self):
        return bool(self.overdue or self.soon or self.purge)


def collect(now=None) -> list[Digest]:
    """A digest for each active recipient who has something due, overdue or soon purged among
    the meldingen sealed to her. One query."""
    now = now or timezone.now()
    condition = (
        deadlines.overdue_q(now, prefix="melding__")
        | deadlines.soon_q(now, prefix="melding__")
        | deadlines.purge_soon_q(now, prefix="melding__")
    )
    rows = (
        MeldingAccess.objects.filter(condition, recipient__is_active=True)
        .select_related("recipient", "melding")
        .order_by("recipient_id", "melding__received_at", "melding_id")
    )
    digests = {}
    for access in rows:
        digest = digests.setdefault(access.recipient_id, Digest(access.recipient))
        melding = access.melding
        for deadline in deadlines.open_deadlines(melding, now):
            if deadline.overdue:
                digest.overdue.append(deadline)
            elif deadline.soon:
                digest.soon.append(deadline)
        if deadlines.purge_soon(melding, now):
            digest.purge.append(melding.purge_after)
    for digest in digests.values():
        digest.overdue.sort(key=lambda deadline: deadline.moment)
        digest.soon.sort(key=lambda deadline: deadline.moment)
        digest.purge.sort()
    return [digest for digest in digests.values() if digest]


def send_digests(now=None) -> int:
    """Mail each recipient her digest, in the site's language (``LANGUAGE_CODE``); returns how
    many were sent. A failing mail is logged and left: tomorrow's digest says it again."""
    from ..tasks import _send_to, inbox_url

    sent = 0
    link = inbox_url()
    for digest in collect(now):
        address = digest.recipient.email
        if not address:
            continue
        context = {
            "overdue": digest.overdue,
            "soon": digest.soon,
            "purge": digest.purge,
            "inbox_url": link,
        }
        try:
            sent += _send_to([address], "digest", context)
        except Exception:  # noqa: BLE001 - SMTP and friends fail in many ways; go on
            logger.warning("a deadline digest could not be mailed")
    return sent
