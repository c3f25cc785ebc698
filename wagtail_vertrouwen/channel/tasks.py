"""Background work through django-tasks (shipped with Wagtail 8): mail and retention.

Task arguments are identifiers only: nothing a melder wrote ever enters a task queue (I1).
A failed mail is tried again later, with a doubling wait, when the task backend can defer.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import default_task_backend, task

from . import conf

logger = logging.getLogger(__name__)


def inbox_url() -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("wagtail_vertrouwen_inbox:index")


def _retry(task_obj, attempt, *args):
    if attempt >= conf.get("NOTIFY_ATTEMPTS") or not default_task_backend.supports_defer:
        logger.error("giving up on a vertrouwen notification after %d attempt(s)", attempt)
        return
    wait = timedelta(minutes=2**attempt)
    task_obj.using(run_after=timezone.now() + wait).enqueue(*args, attempt=attempt + 1)


def _send(users, template, context):
    return _send_to([user.email for user in users], template, context)


def _send_to(addresses, template, context):
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"wagtail_vertrouwen/mail/{template}_subject.txt", context)
        body = render_to_string(f"wagtail_vertrouwen/mail/{template}.txt", context)
    addresses = [address for address in addresses if address]
    for address in addresses:
        send_mail(" ".join(subject.split()), body, None, [address])
    return len(addresses)


@task()
def notify_new_melding(melding_id: str, attempt: int = 1) -> int:
    """Tell each recipient that there is a new melding, and where to read it. Nothing more."""
    from .models import Melding, MeldingAccess

    melding = Melding.objects.filter(pk=melding_id).first()
    if melding is None:
        return 0
    users = [
        access.recipient
        for access in MeldingAccess.objects.filter(melding=melding).select_related("recipient")
    ]
    try:
        return _send(users, "new_melding", {"inbox_url": inbox_url()})
    except Exception:  # noqa: BLE001 - SMTP and friends fail in many ways
        logger.warning("notification mail failed (attempt %d)", attempt)
        _retry(notify_new_melding, attempt, melding_id)
        return 0


@task()
def notify_recipient_change(
    form_id: int, action: str, subject_name: str, actor_id, user_ids, attempt: int = 1
) -> int:
    """Tell the recipients of a form that someone was added to or removed from it (I4)."""
    from .models import AuditAction, MeldingFormPage

    users = get_user_model().objects
    form = MeldingFormPage.objects.filter(pk=form_id).first()
    context = {
        "form": form,
        "added": action == AuditAction.RECIPIENT_ADDED,
        "subject": subject_name,
        "actor": users.filter(pk=actor_id).first() if actor_id else None,
        "inbox_url": inbox_url(),
    }
    try:
        return _send(users.filter(pk__in=user_ids), "recipient_change", context)
    except Exception:  # noqa: BLE001
        logger.warning("recipient change mail failed (attempt %d)", attempt)
        _retry(notify_recipient_change, attempt, form_id, action, subject_name, actor_id, user_ids)
        return 0


@task()
def notify_contact_change(subject_name: str, old_address: str, user_ids, attempt: int = 1) -> int:
    """A recipient's e-mail address changed: tell the old address and the co-recipients, so
    that notices cannot be diverted quietly (I4)."""
    users = get_user_model().objects.filter(pk__in=user_ids)
    addresses = [*{user.email for user in users}, old_address]
    context = {"subject": subject_name, "inbox_url": inbox_url()}
    try:
        return _send_to(addresses, "contact_change", context)
    except Exception:  # noqa: BLE001
        logger.warning("contact change mail failed (attempt %d)", attempt)
        _retry(notify_contact_change, attempt, subject_name, old_address, user_ids)
        return 0


@task()
def purge_expired_meldingen() -> int:
    from .services.purge import purge_expired

    return purge_expired()
