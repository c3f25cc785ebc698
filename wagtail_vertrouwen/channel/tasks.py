"""Background work through django-tasks (shipped with Wagtail 8): mail and retention.

Task arguments are identifiers, and for notices about recipients the staff's identities and
addresses: nothing a melder wrote ever enters a task queue (I1).
A failed mail is tried again later, with a doubling wait, when the task backend can defer.

Notifications of a melding or a melder's message go out once per recipient, each its own task
(``queue_notifications``), so that a retry or a rerun mails only whom it concerns:

- queued inside the transaction that stores the melding (or message) when the queue is kept in
  the same database (django-tasks-db): stored and queued are then one commit, and a fault
  between the two cannot lose the notice (I6). Other backends are given it after the commit.
- a worker killed while running a task (SIGKILL, out of memory, a lost machine) leaves it
  "running" for good in django-tasks-db, which has no lease of its own
  (RealOrangeOne/django-tasks#46). ``requeue_interrupted`` queues such a task again once it has
  run longer than ``TASK_LEASE_SECONDS``; a worker checks when it starts a task, and while a
  task runs a check is queued for the moment its lease ends (``watch_running``). So each mail
  goes out at least once.
- and at most once: every mail is claimed in a send ledger (``services.notices``), keyed by
  its notice and address, before it is sent, and marked sent after. A notice is the id of the
  task result that first carried it: a requeued task keeps its id, and a retry carries it on
  (``notice``), so neither mails an address again, and a copy requeued beside a worker that is
  only slow finds its claim, sends nothing and tries later. What is left: a worker killed
  after the mail server took a mail and before marking it sends that mail again once its
  claim lapses, with the same ``Message-ID`` (the ledger key's), so mail systems can tell the
  copy for one.
"""

import contextlib
import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import default_task_backend, task, task_backends

from ..unreachable import DATABASE_UNREACHABLE as UNREACHABLE
from . import conf

logger = logging.getLogger(__name__)

#: The channel's own tasks, by the start of their path in the queue.
TASK_PREFIX = __name__ + "."
#: How long a notification waits for a database that went away, how often it looks, and how
#: often it starts again (``_when_reachable``): a fail-over or a restart takes seconds.
DATABASE_WAIT_SECONDS = 30
DATABASE_POLL_SECONDS = 0.25
DATABASE_TRIES = 3


def transactional_queue() -> bool:
    """Whether the task queue lives in the database (django-tasks-db), so that a task queued
    inside a transaction is queued exactly when that transaction commits."""
    try:
        from django_tasks_db.backend import DatabaseBackend
    except ImportError:
        return False
    return isinstance(task_backends["default"], DatabaseBackend)


def queue_in_transaction(task_obj, *args, **kwargs):
    """Queue ``task_obj`` as part of the current transaction: in it when the queue is in the
    database (a failure to queue rolls the transaction back), else once it commits (a failure
    is logged; the inbox still shows what was stored)."""
    if transactional_queue():
        task_obj.enqueue(*args, **kwargs)
        return

    def later():
        try:
            task_obj.enqueue(*args, **kwargs)
        except Exception:  # noqa: BLE001 - stored; the inbox shows it
            logger.exception("could not queue %s", task_obj.name)

    transaction.on_commit(later)


def queue_notifications(task_obj, melding_id, recipient_ids):
    """One ``task_obj`` per recipient of the melding, inside the current transaction."""
    for recipient_id in recipient_ids:
        queue_in_transaction(task_obj, str(melding_id), recipient_id=recipient_id)


def inbox_url() -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("wagtail_vertrouwen_inbox:index")


def _notice(context, notice) -> str:
    """The identity of the notice a task carries: ``notice`` when the task is a retry, else the
    id of its own task result (which a requeue keeps)."""
    return notice or str(context.task_result.id)


def _retry(task_obj, attempt, *args, **kwargs) -> bool:
    """Run the task again after a doubling wait, as attempt ``attempt + 1``; whether it was
    queued (not after ``NOTIFY_ATTEMPTS``, nor without a backend that can wait)."""
    if attempt >= conf.get("NOTIFY_ATTEMPTS") or not default_task_backend.supports_defer:
        logger.error("giving up on a vertrouwen notification after %d attempt(s)", attempt)
        return False
    wait = timedelta(minutes=2**attempt)
    task_obj.using(run_after=timezone.now() + wait).enqueue(*args, attempt=attempt + 1, **kwargs)
    return True


def _after_claim(task_obj, until, attempt, *args, **kwargs):
    """Run the task again once another worker's claim on one of its mails has lapsed
    (``until``), as the same attempt: whether that worker sent the mail or died, the rerun
    settles it, so a notice is never given up while a claim holds it."""
    if not default_task_backend.supports_defer:
        logger.error("a vertrouwen notification is claimed by another worker; not retried")
        return
    run_after = until + timedelta(seconds=5)
    task_obj.using(run_after=run_after).enqueue(*args, attempt=attempt, **kwargs)


def _deliver(task_obj, args, attempt, addresses, template, context, notice, **kwargs) -> int:
    """Send ``template`` to each of ``addresses`` that ``notice`` did not reach yet; when one
    fails, run ``task_obj(*args, notice=notice, **kwargs)`` again later (it mails only those
    still missing); when one is claimed by another worker, again once that claim lapses. The
    database's errors pass up to ``_when_reachable``."""
    try:
        return _send_to(addresses, template, context, notice)
    except UNREACHABLE:
        raise
    except Exception as error:  # noqa: BLE001 - SMTP and friends fail in many ways
        claimed_until = getattr(error, "claimed_until", None)
        failed = getattr(error, "failed", True)
        if failed:
            logger.warning("%s mail failed (attempt %d)", template, attempt)
        queued = failed and _retry(task_obj, attempt, *args, notice=notice, **kwargs)
        if claimed_until is not None and not queued:
            _after_claim(task_obj, claimed_until, attempt, *args, notice=notice, **kwargs)
        return getattr(error, "sent", 0)


def database_back(seconds: float) -> bool:
    """Wait (at most ``seconds``) until the database answers again on a new connection;
    whether it does. Nothing is done meanwhile: the caller decides what to try again."""
    from django.db import connection

    deadline = time.monotonic() + seconds
    while True:
        try:
            connection.ensure_connection()
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            return True
        except UNREACHABLE:
            with contextlib.suppress(UNREACHABLE):
                connection.close()
            if time.monotonic() >= deadline:
                return False
            time.sleep(DATABASE_POLL_SECONDS)


def _when_reachable(task_obj, args, attempt, kwargs, work):
    """Run ``work()``, which sends each mail only after claiming it in the ledger
    (``services.notices``). When the database cannot be reached, that mail was not sent (or,
    when marking it sent failed, this process remembers that it was): wait for it
    (``DATABASE_WAIT_SECONDS``) and run ``work()`` again, which skips what the ledger holds, or
    queue the task for later (``kwargs`` carry its ``notice``) when the wait is in vain. After
    the mail, wait for the database likewise before returning, so that the worker can record
    the task as done: a task left "running" would be run again after its lease (the ledger
    keeps it from mailing anyone twice)."""
    worker = transactional_queue()  # else run in a request, or by a queue of its own
    for _try in range(DATABASE_TRIES):
        try:
            result = work()
            break
        except UNREACHABLE:
            logger.warning("%s: the database could not be reached", task_obj.name)
            if not worker or not database_back(DATABASE_WAIT_SECONDS):
                _retry(task_obj, attempt, *args, **kwargs)  # raises too when it is still gone
                return 0
    else:
        _retry(task_obj, attempt, *args, **kwargs)
        return 0
    if worker:
        database_back(DATABASE_WAIT_SECONDS)
    return result


def _recipient_kwargs(recipient_id):
    return {} if recipient_id is None else {"recipient_id": recipient_id}


class MailFailed(Exception):
    """Mails of a notice were not sent, after ``sent`` others went out: ``failed`` when the
    mail server refused one; ``claimed_until`` when another worker claimed one (the latest
    moment such a claim lapses)."""

    def __init__(self, sent, error, *, failed=True, claimed_until=None):
        super().__init__(f"{type(error).__name__} after {sent} mail(s)")
        self.sent, self.failed, self.claimed_until = sent, failed, claimed_until


def _send_to(addresses, template, context, notice=None) -> int:
    """Mail ``template`` to each address that ``notice`` has not reached (``services.notices``),
    each with a ``Message-ID`` of its own that a rerun repeats; how many were sent now. When
    one fails, the others are still tried, and ``MailFailed`` is raised after; the database's
    errors are raised at once. Without ``notice`` (the daily digest) no ledger is kept."""
    from .services import notices

    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"wagtail_vertrouwen/mail/{template}_subject.txt", context)
        body = render_to_string(f"wagtail_vertrouwen/mail/{template}.txt", context)
    subject = " ".join(subject.split())
    sent, failed, claimed, until = 0, None, None, None
    for address in dict.fromkeys(address for address in addresses if address):
        key = None if notice is None else notices.notice_key(notice, address)
        headers = {} if key is None else {"Message-ID": notices.message_id(key)}
        message = EmailMessage(subject, body, None, [address], headers=headers)
        try:
            sent += bool(message.send() if key is None else notices.send_once(key, message))
        except UNREACHABLE:
            raise
        except notices.Claimed as error:  # another worker has it: see again when it lapses
            claimed = claimed or error
            until = error.until if until is None else max(until, error.until)
        except Exception as error:  # noqa: BLE001 - SMTP and friends; the others still go
            failed = failed or error
    if failed is not None or claimed is not None:
        raise MailFailed(
            sent, failed or claimed, failed=failed is not None, claimed_until=until
        ) from (failed or claimed)
    return sent


def _addresses(melding_id, recipient_id):
    """The addresses of the melding's recipients (of one, ``recipient_id``, when given): only
    those who still hold its key."""
    from .models import MeldingAccess

    accesses = MeldingAccess.objects.filter(melding_id=melding_id)
    if recipient_id is not None:
        accesses = accesses.filter(recipient_id=recipient_id)
    return list(accesses.values_list("recipient__email", flat=True))


def _notify_about(task_obj, template, melding_id, attempt, recipient_id, notice) -> int:
    """Mail ``template`` (a notice without content) about a melding that still exists to its
    recipients (``recipient_id``; each, when None), waiting for a database that went away."""
    from .models import Melding

    extra = _recipient_kwargs(recipient_id)

    def work():
        if not Melding.objects.filter(pk=melding_id).exists():
            return 0
        addresses = _addresses(melding_id, recipient_id)
        context = {"inbox_url": inbox_url()}
        return _deliver(
            task_obj, (melding_id,), attempt, addresses, template, context, notice, **extra
        )

    return _when_reachable(task_obj, (melding_id,), attempt, {**extra, "notice": notice}, work)


@task(takes_context=True)
def notify_new_melding(
    context,
    melding_id: str,
    attempt: int = 1,
    recipient_id: int | None = None,
    notice: str | None = None,
) -> int:
    """Tell a recipient (``recipient_id``; each, for a task queued before there was one task
    per recipient) that there is a new melding, and where to read it. Nothing more."""
    from .services.designate import end_lapsed_designations

    try:  # a submission is an occasion to end designations that lapsed without a signal
        end_lapsed_designations()
    except Exception:  # noqa: BLE001 - the notice of the new melding matters more
        logger.exception("could not end lapsed designations")
    notice = _notice(context, notice)
    return _notify_about(
        notify_new_melding, "new_melding", melding_id, attempt, recipient_id, notice
    )


@task(takes_context=True)
def notify_new_message(
    context,
    melding_id: str,
    attempt: int = 1,
    recipient_id: int | None = None,
    notice: str | None = None,
) -> int:
    """Tell a recipient of a melding (``recipient_id``; each, when None) that its melder wrote
    a new message (or shared their name or contact details), and where to read it. Nothing of
    the message."""
    notice = _notice(context, notice)
    return _notify_about(
        notify_new_message, "new_message", melding_id, attempt, recipient_id, notice
    )


def _deliver_when_reachable(task_obj, args, attempt, addresses, template, context, notice, **kw):
    """``_deliver``, waiting for a database that went away (the ledger is in it)."""
    return _when_reachable(
        task_obj,
        args,
        attempt,
        {**kw, "notice": notice},
        lambda: _deliver(task_obj, args, attempt, addresses, template, context, notice, **kw),
    )


@task(takes_context=True)
def notify_recipient_change(
    context,
    form_title: str,
    action: str,
    subject: str,
    actor: str,
    reason: str,
    addresses,
    attempt=1,
    school: str = "",
    notice: str | None = None,
) -> int:
    """Tell everyone involved that someone was added to or removed from a form (I4): the
    person it is about and the form's recipients. ``subject`` and ``actor`` are identities
    (``policy.identity``); ``addresses`` were collected when the change was made, so the mail
    reaches a deleted account's address too."""
    from .models import AuditAction

    mail = {
        "form_title": form_title,
        "added": action == AuditAction.RECIPIENT_ADDED,
        "subject": subject,
        "actor": actor,
        "reason": reason,
        "school": school,
        "inbox_url": inbox_url(),
    }
    args = (form_title, action, subject, actor, reason, addresses)
    return _deliver_when_reachable(
        notify_recipient_change,
        args,
        attempt,
        addresses,
        "recipient_change",
        mail,
        _notice(context, notice),
        school=school,
    )


@task(takes_context=True)
def alert_no_recipients(
    context,
    form_title: str,
    form_url: str,
    subject: str,
    actor: str,
    reason: str,
    addresses,
    attempt=1,
    notice: str | None = None,
) -> int:
    """Tell the alert contacts (``WAGTAIL_VERTROUWEN_ALERT_EMAILS``) that a live form lost its
    last recipient: which form, and who did what. Nothing about any melding."""
    mail = {
        "form_title": form_title,
        "form_url": form_url,
        "subject": subject,
        "actor": actor,
        "reason": reason,
    }
    args = (form_title, form_url, subject, actor, reason, addresses)
    notice = _notice(context, notice)
    return _deliver_when_reachable(
        alert_no_recipients, args, attempt, addresses, "no_recipients", mail, notice
    )


@task(takes_context=True)
def notify_contact_change(
    context, before: str, after: str, actor: str, addresses, attempt=1, notice: str | None = None
) -> int:
    """A recipient's name, login name or address changed: tell her old and new address and the
    co-recipients, so that notices cannot be diverted and names not borrowed quietly (I4)."""
    mail = {"before": before, "after": after, "actor": actor, "inbox_url": inbox_url()}
    args = (before, after, actor, addresses)
    notice = _notice(context, notice)
    return _deliver_when_reachable(
        notify_contact_change, args, attempt, addresses, "contact_change", mail, notice
    )


@task(takes_context=True)
def notify_event(
    context,
    event: str,
    form_title: str,
    form_url: str,
    subject: str,
    actor: str,
    addresses,
    attempt=1,
    school: str = "",
    count: int = 0,
    notice: str | None = None,
) -> int:
    """A form went offline or got its first recipient, or a recipient's account changed in a
    way that decides who can open her meldingen (second factor, key, login password), or a
    recipient gave a colleague access to ``count`` meldingen (services.handover). Tells who
    and what, never anything of a melding (I4)."""
    mail = {
        "event": event,
        "form_title": form_title,
        "form_url": form_url,
        "subject": subject,
        "actor": actor,
        "school": school,
        "count": count,
        "inbox_url": inbox_url(),
    }
    args = (event, form_title, form_url, subject, actor, addresses)
    notice = _notice(context, notice)
    return _deliver_when_reachable(
        notify_event, args, attempt, addresses, "event", mail, notice, school=school, count=count
    )


@task()
def purge_expired_meldingen() -> int:
    from .services.purge import purge_expired

    return purge_expired()


@task()
def send_deadline_digest() -> int:
    """Once a day: mail each recipient what is due within two days, what is overdue and which
    meldingen are purged within 72 hours; dates only, no content (``services.digest``). The
    same as ``manage.py vertrouwen_digest``."""
    from .services.digest import send_digests

    return send_digests()


# Tasks of a worker that died -----------------------------------------------------------------


#: The daily tasks, which a lease must not start a second time beside a slow first run.
NOT_REQUEUED = ("send_deadline_digest", "purge_expired_meldingen")


def requeue_interrupted(now=None) -> int:
    """Queue again each of the channel's tasks that has been running longer than
    ``TASK_LEASE_SECONDS``: its worker died (django-tasks-db never ends such a task). Returns
    how many."""
    if not transactional_queue():
        return 0
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    lost = DBTaskResult.objects.filter(
        status="RUNNING",
        task_path__startswith=TASK_PREFIX,
        started_at__lt=now - timedelta(seconds=conf.get("TASK_LEASE_SECONDS")),
    ).exclude(
        # Daily jobs that may rightly run long and keep no record of what they did: run
        # again tomorrow rather than twice today.
        task_path__in=[f"{TASK_PREFIX}{name}" for name in NOT_REQUEUED]
    )
    count = lost.update(status="READY", started_at=None)
    if count:
        logger.warning("queued %d task(s) of a worker that died again", count)
    return count


def watch_running(now=None, running=None) -> int:
    """``requeue_interrupted`` now, and, while one of the channel's tasks is still running
    (other than ``running``, the id of the task about to run in this worker), once more when
    its lease ends (a ``check_interrupted`` task, queued unless one is)."""
    if not transactional_queue():
        return 0
    from django.db.models import Min
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    count = requeue_interrupted(now)
    ours = DBTaskResult.objects.filter(task_path__startswith=TASK_PREFIX)
    oldest = (
        ours.filter(status="RUNNING")
        .exclude(task_path=check_interrupted.module_path)
        .exclude(pk=running)
        .aggregate(oldest=Min("started_at"))["oldest"]
    )
    if (
        oldest is not None
        and not ours.filter(status="READY", task_path=check_interrupted.module_path).exists()
    ):
        due = max(oldest, now) + timedelta(seconds=conf.get("TASK_LEASE_SECONDS") + 1)
        check_interrupted.using(run_after=due).enqueue()
    return count


@task()
def check_interrupted() -> int:
    return watch_running()


#: When this process last looked for tasks of a dead worker (``time.monotonic``).
_last_watch = None


def _on_task_started(sender, task_result=None, **kwargs):
    """In the worker, before a task runs: look for tasks of a dead worker at the first task
    of this process (a worker that was restarted) and then at most twice per lease."""
    global _last_watch
    now = time.monotonic()
    if _last_watch is not None and now - _last_watch < conf.get("TASK_LEASE_SECONDS") / 2:
        return
    _last_watch = now
    try:
        watch_running(running=getattr(task_result, "id", None))
    except Exception:  # noqa: BLE001 - never in the way of the task itself
        logger.exception("could not look for tasks of a worker that died")


try:
    from django_tasks_db.compat import task_started
except ImportError:  # no database queue: nothing is left running by a dead worker
    pass
else:
    task_started.connect(_on_task_started, dispatch_uid="wagtail_vertrouwen.watch_running")
