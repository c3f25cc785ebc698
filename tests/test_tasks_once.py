"""Each notification mail goes out once (issue 11): the send ledger (``services.notices``).

A task that is run again with the same task result (``requeue_interrupted`` flips a task of a
worker presumed dead back to READY, keeping its id) mails nobody twice; a retry after a failed
mail mails only whom the first run missed; each mail carries a ``Message-ID`` derived from its
notice and address, the same on a rerun; the ledger holds no address (I1); a requeued copy
beside a first run still sending sends nothing and tries later; no transaction is open while
the mail server answers.
"""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone
from django_tasks import TaskContext, default_task_backend

from wagtail_vertrouwen.channel.models import Melding, SentNotice
from wagtail_vertrouwen.channel.services import notices
from wagtail_vertrouwen.channel.services.purge import purge_expired
from wagtail_vertrouwen.channel.tasks import notify_event, notify_new_melding

from .channel import send

A, B, C = "anna@school.test", "bram@school.test", "cato@school.test"
MESSAGE_ID = re.compile(r"^<[0-9a-f]{32}@example\.org>$")


def run(result):
    """Run a queued task as the worker does: with its context (the task result, whose id a
    requeue keeps)."""
    return result.task.call(TaskContext(task_result=result), *result.args, **result.kwargs)


def queued(queue, task_obj):
    return [r for r in queue.results if r.task.name == task_obj.name]


def message_ids(messages):
    return [m.message()["Message-ID"] for m in messages]


def event(addresses):
    """Queue a notice to ``addresses`` (an ``event`` mail: who and what, no melding)."""
    return notify_event.enqueue("form_offline", "Melding", "/melding/", "Vera", "Piet", addresses)


class RefusingBackend(EmailBackend):
    """A mail server that refuses the addresses in ``refused`` and takes the others."""

    refused: set = set()

    def send_messages(self, messages):
        for message in messages:
            if set(message.to) & self.refused:
                raise ConnectionRefusedError("mailbox unavailable")
        return super().send_messages(messages)


@pytest.fixture
def queue(settings):
    """A backend that keeps what is enqueued; the test runs the tasks as the worker would."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return default_task_backend


def test_a_requeued_task_mails_nobody_twice(
    queue, form, recipient, make_recipient, django_capture_on_commit_callbacks
):
    second = make_recipient("vp2", form)
    with django_capture_on_commit_callbacks(execute=True):
        assert send(Client(), form).status_code == 200
    tasks = queued(queue, notify_new_melding)
    assert len(tasks) == 2
    mail.outbox.clear()
    assert [run(t) for t in tasks] == [1, 1]
    # The lease ran out (a slow worker, or one killed after its mails): the same task results
    # run again.
    assert [run(t) for t in tasks] == [0, 0]
    assert sorted(m.to[0] for m in mail.outbox) == sorted([recipient.email, second.email])
    # One task for several addresses (a notice to everyone involved) likewise.
    mail.outbox.clear()
    notice = event([A, B])
    assert run(notice) == 2
    assert run(notice) == 0
    assert sorted(m.to[0] for m in mail.outbox) == [A, B]


def test_a_retry_mails_only_whom_the_failed_run_missed(queue, db, settings):
    settings.EMAIL_BACKEND = "tests.test_tasks_once.RefusingBackend"
    RefusingBackend.refused = {B}
    first = event([A, B, C])
    assert run(first) == 2  # B refused; A and C are not kept waiting for B
    assert sorted(m.to[0] for m in mail.outbox) == [A, C]
    [retry] = queued(queue, notify_event)[1:]
    assert retry.kwargs["attempt"] == 2 and retry.kwargs["notice"] == first.id
    RefusingBackend.refused = set()
    mail.outbox.clear()
    assert run(retry) == 1
    assert [m.to for m in mail.outbox] == [[B]]
    # Neither the retry nor the first task, run again, mails anyone more.
    assert run(retry) == 0 and run(first) == 0
    assert [m.to for m in mail.outbox] == [[B]]


def test_the_message_id_is_the_notices_and_the_addresses(queue, db):
    first = event([A, B])
    run(first)
    ids = message_ids(mail.outbox)
    assert all(MESSAGE_ID.match(one) for one in ids), ids
    assert ids[0] != ids[1]  # per address
    # A worker killed after the mail server took the mails, before marking them sent: once
    # its claims lapse (the lease), the rerun sends again, with the same Message-IDs.
    SentNotice.objects.update(sent_at=None, claimed_at=timezone.now() - timedelta(days=1))
    mail.outbox.clear()
    assert run(first) == 2
    assert message_ids(mail.outbox) == ids
    # Another notice with the same arguments is another message.
    mail.outbox.clear()
    run(event([A, B]))
    assert not set(message_ids(mail.outbox)) & set(ids)


def test_the_ledger_holds_no_address(queue, form, recipient, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send(Client(), form)
    for task_result in queue.results:
        if task_result.task.name == notify_new_melding.name:
            run(task_result)
    run(event([A, "Bram.Bos@School.test"]))
    melding_id = str(Melding.objects.get().pk)
    rows = list(SentNotice.objects.values())
    assert len(rows) == 3
    for row in rows:
        assert set(row) == {"id", "key", "claimed_at", "sent_at"}
        assert re.fullmatch(r"[0-9a-f]{64}", row["key"])
    stored = " ".join(row["key"] for row in rows).lower()
    for clear in (recipient.email, A, "bram.bos@school.test", "school.test", melding_id):
        for part in clear.lower().split("@"):
            assert part not in stored
        assert clear.lower() not in " ".join(message_ids(mail.outbox)).lower()


def test_the_database_gone_at_the_ledger_sends_nothing_and_the_retry_sends_once(
    queue, form, recipient, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(Client(), form)
    [first] = queued(queue, notify_new_melding)
    mail.outbox.clear()

    def gone(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    with monkeypatch.context() as patch:
        patch.setattr(SentNotice, "save", gone)
        assert run(first) == 0
    assert mail.outbox == []  # nothing sent without its claim
    [retry] = queued(queue, notify_new_melding)[1:]
    assert retry.kwargs["notice"] == first.id
    assert run(retry) == 1
    assert run(first) == 0  # the lease's rerun of the first: already sent
    assert [m.to for m in mail.outbox] == [[recipient.email]]


class LedgerWatchingBackend(EmailBackend):
    """Notes, for each mail, the ledger's rows and the savepoints open while it is sent."""

    seen: list = []

    def send_messages(self, messages):
        LedgerWatchingBackend.seen.append(
            (
                list(SentNotice.objects.values_list("sent_at", flat=True)),
                connection.savepoint_ids[:],
            )
        )
        return super().send_messages(messages)


def test_no_transaction_is_open_while_the_mail_server_answers(queue, db, settings):
    """The claim is committed before the mail and marked sent after: no lock (SQLite's one for
    the whole database) and no transaction (which an idle-in-transaction timeout would cut
    after the mail went out) is held while SMTP runs."""
    settings.EMAIL_BACKEND = "tests.test_tasks_once.LedgerWatchingBackend"
    LedgerWatchingBackend.seen = []
    before = connection.savepoint_ids[:]
    assert run(event([A])) == 1
    [(rows, savepoints)] = LedgerWatchingBackend.seen
    assert rows == [None]  # claimed, not yet sent
    assert savepoints == before  # nothing of ours open (the test's own transaction aside)
    assert SentNotice.objects.get().sent_at is not None


def claim_of_another_worker(task_result, address, minutes_ago):
    return SentNotice.objects.create(
        key=notices.notice_key(str(task_result.id), address),
        claimed_at=timezone.now() - timedelta(minutes=minutes_ago),
    )


def test_a_copy_beside_a_worker_still_sending_sends_nothing_and_tries_later(queue, db):
    """The requeued copy of a task whose first worker is only slow finds that worker's claim
    (younger than the lease): it sends nothing now and retries; by then the first has sent."""
    first = event([A])
    claim = claim_of_another_worker(first, A, minutes_ago=1)
    assert run(first) == 0
    assert mail.outbox == []
    [retry] = queued(queue, notify_event)[1:]
    assert retry.kwargs["notice"] == first.id
    assert retry.kwargs["attempt"] == 1  # waiting for a claim uses no attempt
    assert retry.task.run_after >= claim.claimed_at + timedelta(minutes=15)  # once it lapses
    SentNotice.objects.filter(pk=claim.pk).update(sent_at=timezone.now())  # the first sent it
    assert run(retry) == 0
    assert mail.outbox == []


def test_a_claim_on_the_last_attempt_is_waited_for_not_given_up(queue, db, settings):
    """The worker holding the claim may still die: a notice on its last attempt that finds a
    claim runs again once the claim lapses, and then sends."""
    settings.WAGTAIL_VERTROUWEN_NOTIFY_ATTEMPTS = 1
    first = event([A])
    claim = claim_of_another_worker(first, A, minutes_ago=1)
    assert run(first) == 0
    [after] = queued(queue, notify_event)[1:]
    assert after.kwargs["attempt"] == 1
    # The claim's worker died without sending; its claim lapses.
    SentNotice.objects.filter(pk=claim.pk).update(claimed_at=timezone.now() - timedelta(days=1))
    assert run(after) == 1
    assert [m.to for m in mail.outbox] == [[A]]


def test_a_claim_of_a_worker_that_died_is_taken_over_after_the_lease(queue, db, settings):
    lease_minutes = settings.WAGTAIL_VERTROUWEN_TASK_LEASE_SECONDS = 15 * 60
    first = event([A])
    claim_of_another_worker(first, A, minutes_ago=lease_minutes // 60 + 1)
    assert run(first) == 1
    assert [m.to for m in mail.outbox] == [[A]]
    assert SentNotice.objects.get().sent_at is not None
    assert run(first) == 0 and len(mail.outbox) == 1


def test_a_mark_that_fails_after_the_mail_is_no_second_mail_from_this_process(
    queue, db, monkeypatch
):
    """The database goes away right after the mail server took the mail: the task waits for
    it and runs again (``_when_reachable``), marking the key instead of sending again."""
    real, calls = notices._mark_sent, []

    def flaky(key):
        calls.append(key)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real(key)

    monkeypatch.setattr(notices, "_mark_sent", flaky)
    first = event([A])
    run(first)
    retries = queued(queue, notify_event)[1:]
    for retry in retries:  # without a database queue the task is retried instead
        run(retry)
    assert [m.to for m in mail.outbox] == [[A]]
    assert SentNotice.objects.get().sent_at is not None


def test_the_daily_purge_forgets_old_keys(db):
    now = timezone.now()
    old, recent = now - timedelta(days=notices.KEEP_DAYS + 1), now - timedelta(days=1)
    SentNotice.objects.create(key="a" * 64, claimed_at=old, sent_at=old)
    SentNotice.objects.create(key="b" * 64, claimed_at=recent, sent_at=recent)
    purge_expired(now)
    assert list(SentNotice.objects.values_list("key", flat=True)) == ["b" * 64]
