"""Each notification mail goes out once: the send ledger (``models.SentNotice``).

A notice is one thing to tell, identified by ``notice``: the id of the task result that first
carried it (a requeued task keeps its id, and a retry carries it on as ``notice``). Its mail to
one address has the key ``notice_key(notice, address)``, a SHA-256 that names neither (I1).
``send_once`` works like a lease, with no transaction open while the mail server answers:

1. claim the key (a row with ``claimed_at``, committed at once); a key already sent is skipped,
   and one claimed within the last ``TASK_LEASE_SECONDS`` is another worker's, sending it just
   now: ``Claimed``, try again later (the task's retry);
2. send the mail; when that fails, give the claim back, so that a retry sends;
3. mark the key sent.

A claim older than the lease belongs to a worker that died (or whose mail server hangs past
``EMAIL_TIMEOUT``, which must stay well below the lease): the next try takes it over and
sends. The window left: a worker killed after the mail server took the mail and before step 3
leaves a claim that the rerun takes over after the lease and sends again, with the same
``Message-ID`` (``message_id(key)``), so mail systems can recognise the copy; so does a mail
server that fails after taking the mail (an error at QUIT), since a failed send gives its
claim back. Claims are timed by the app servers' clocks: keep them in step (NTP). A copy that
finds a fresh claim is run again once the claim lapses, without using up an attempt
(``tasks._after_claim``), so a claim never makes a notice be given up. A database that
fails at step 3 in a process that sent the mail is remembered in that process
(``_SENT_HERE``): its own rerun marks the key instead of sending again.

No database lock is held while the mail server answers: not SQLite's one write lock for the
whole database, not a PostgreSQL transaction that an ``idle_in_transaction_session_timeout``
(or PgBouncer's) would cut after the mail went out.
"""

import contextlib
import hashlib
import logging
import threading
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from ...unreachable import DATABASE_UNREACHABLE
from .. import conf
from ..models import SentNotice

logger = logging.getLogger(__name__)

#: How long a key is kept: far longer than a notice is retried (NOTIFY_ATTEMPTS, doubling from
#: two minutes) or requeued (TASK_LEASE_SECONDS).
KEEP_DAYS = 30
#: Keys this process sent whose "sent" mark failed (the database went away just then), so that
#: its rerun marks them instead of sending again. Bounded; oldest forgotten first.
_SENT_HERE: dict[str, None] = {}
_SENT_HERE_MAX = 1000
_SENT_HERE_LOCK = threading.Lock()


class Claimed(Exception):
    """Another worker claimed this mail less than a lease ago and may be sending it now:
    nothing was sent; try again after ``until``, when the claim lapses."""

    def __init__(self, until):
        super().__init__(f"claimed until {until:%Y-%m-%d %H:%M:%S}")
        self.until = until


def notice_key(notice: str, address: str) -> str:
    """The ledger key of ``notice``'s mail to ``address``."""
    text = f"wagtail-vertrouwen notice\n{notice}\n{address.strip().lower()}"
    return hashlib.sha256(text.encode()).hexdigest()


def message_id(key: str) -> str:
    """The ``Message-ID`` of the mail with ``key``: the same on every worker and every run, so
    a copy sent twice is recognisable as one message. The domain is the sender's."""
    _name, sender = parseaddr(settings.DEFAULT_FROM_EMAIL)
    domain = sender.rpartition("@")[2] or "localhost"
    return f"<{key[:32]}@{domain}>"


def send_once(key: str, message) -> bool:
    """Send ``message`` (an ``EmailMessage``) unless the ledger says ``key`` was sent or is
    being sent (``Claimed``); whether it was sent now. Raises what sending raises, with the
    claim given back; and the database's errors (``DATABASE_UNREACHABLE``)."""
    if key in _SENT_HERE:  # sent by this process; the mark failed
        _mark_sent(key)
        return False
    claimed_at = _claim(key)
    if claimed_at is None:
        logger.info("a notification mail was sent before; not again")
        return False
    try:
        message.send()
    except Exception:
        with contextlib.suppress(*DATABASE_UNREACHABLE):  # else it lapses after the lease
            SentNotice.objects.filter(key=key, claimed_at=claimed_at, sent_at=None).delete()
        raise
    with _SENT_HERE_LOCK:  # threaded workers
        _SENT_HERE[key] = None
        while len(_SENT_HERE) > _SENT_HERE_MAX:
            del _SENT_HERE[next(iter(_SENT_HERE))]
    _mark_sent(key)
    return True


def _claim(key: str):
    """Claim ``key`` for this worker: the claim's time, or None when it was sent already.
    ``Claimed`` when another worker holds a claim younger than the lease."""
    now = timezone.now()
    lease = timedelta(seconds=conf.get("TASK_LEASE_SECONDS"))
    row = SentNotice.objects.filter(key=key).values_list("sent_at", "claimed_at").first()
    if row is None:
        try:
            with transaction.atomic():
                SentNotice.objects.create(key=key, claimed_at=now)
        except IntegrityError:  # another worker claimed it a moment ago
            raise Claimed(now + lease) from None
        return now
    sent_at, claimed_at = row
    if sent_at is not None:
        return None
    if claimed_at > now - lease:
        raise Claimed(claimed_at + lease)
    # A lapsed claim (its worker died): take it over, unless another worker just did.
    taken = SentNotice.objects.filter(key=key, claimed_at=claimed_at, sent_at=None).update(
        claimed_at=now
    )
    if not taken:
        raise Claimed(now + lease)
    logger.warning("a notification mail claimed by a worker that died is sent now")
    return now


def _mark_sent(key: str):
    SentNotice.objects.filter(key=key).update(sent_at=timezone.now())
    with _SENT_HERE_LOCK:
        _SENT_HERE.pop(key, None)


def purge_sent(now=None) -> int:
    """Delete the keys older than ``KEEP_DAYS`` (the daily purge)."""
    now = now or timezone.now()
    count, _ = SentNotice.objects.filter(claimed_at__lt=now - timedelta(days=KEEP_DAYS)).delete()
    return count
