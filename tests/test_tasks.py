"""Notification mail and retention through django-tasks: identifiers only in the queue,
retries with a growing wait, and a melder who never notices a mail failure (I1, I6)."""

import json

import pytest
from django.test import Client
from django_tasks import TaskContext, default_task_backend

from wagtail_vertrouwen.channel.models import Melding
from wagtail_vertrouwen.channel.tasks import notify_new_melding, purge_expired_meldingen

from .channel import send


def run(result):
    """Run a queued task as the worker does: with its context (the task result's id)."""
    return result.task.call(TaskContext(task_result=result), *result.args, **result.kwargs)


def ours(queue):
    """Our notifications among what was enqueued (Wagtail queues its own tasks too)."""
    return [r for r in queue.results if r.task.name == notify_new_melding.name]


@pytest.fixture
def queue(settings):
    """A backend that keeps what is enqueued (django-tasks resets on setting_changed)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return default_task_backend


def test_the_queue_holds_only_an_identifier(
    queue, melding_form, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(Client(), melding_form, wat="Niet in de wachtrij QUEUEMARKER")
    [result] = ours(queue)
    assert result.task.name == notify_new_melding.name
    assert result.args == [str(Melding.objects.get().pk)]
    assert "QUEUEMARKER" not in json.dumps([result.args, result.kwargs])


def test_a_failed_mail_is_retried_later_and_the_melder_still_sees_the_thanks(
    queue, settings, melding_form, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.channel.FailingMailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = send(Client(), melding_form)
    assert response.status_code == 200  # stored; the mail is the queue's business
    [first] = ours(queue)
    assert run(first) == 0  # the worker runs it: SMTP fails
    retry = ours(queue)[-1]
    assert retry.kwargs == {
        "attempt": 2,
        "recipient_id": first.kwargs["recipient_id"],
        "notice": first.id,  # the retry mails whom the first run did not reach
    }
    assert retry.task.run_after is not None
    settings.WAGTAIL_VERTROUWEN_NOTIFY_ATTEMPTS = 2
    count = len(ours(queue))
    run(retry)
    assert len(ours(queue)) == count  # gave up after the last attempt


def test_the_purge_task_runs_the_retention(melding_form, django_capture_on_commit_callbacks):
    from django.utils import timezone

    with django_capture_on_commit_callbacks(execute=True):
        send(Client(), melding_form)
    Melding.objects.update(status="afgesloten", purge_after=timezone.now())
    assert purge_expired_meldingen.call() == 1
    assert not Melding.objects.exists()
