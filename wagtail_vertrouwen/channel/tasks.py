"""Background work through django-tasks (shipped with Wagtail 8): mail and retention.

Task arguments are identifiers, and for notices about recipients the staff's identities and
addresses: nothing a melder wrote ever enters a task queue (I1).
A failed mail is tried again later, with a doubling wait, when the task backend can defer.
"""

import logging
from datetime import timedelta

from django.conf import settings
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


def _retry(task_obj, attempt, *args, **kwargs):
    if attempt >= conf.get("NOTIFY_ATTEMPTS") or not default_task_backend.supports_defer:
        logger.error("giving up on a vertrouwen notification after %d attempt(s)", attempt)
        return
    wait = timedelta(minutes=2**attempt)
    task_obj.using(run_after=timezone.now() + wait).enqueue(*args, attempt=attempt + 1, **kwargs)


def _deliver(task_obj, args, attempt, addresses, template, context, **kwargs) -> int:
    """Send ``template`` to ``addresses``; on failure, run ``task_obj(*args, **kwargs)`` again
    later."""
    try:
        return _send_to(addresses, template, context)
    except Exception:  # noqa: BLE001 - SMTP and friends fail in many ways
        logger.warning("%s mail failed (attempt %d)", template, attempt)
        _retry(task_obj, attempt, *args, **kwargs)
        return 0


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
    from .services.designate import end_lapsed_designations

    try:  # a submission is an occasion to end designations that lapsed without a signal
        end_lapsed_designations()
    except Exception:  # noqa: BLE001 - the notice of the new melding matters more
        logger.exception("could not end lapsed designations")
    melding = Melding.objects.filter(pk=melding_id).first()
    if melding is None:
        return 0
    users = [
        access.recipient
        for access in MeldingAccess.objects.filter(melding=melding).select_related("recipient")
    ]
    addresses = [user.email for user in users]
    context = {"inbox_url": inbox_url()}
    return _deliver(notify_new_melding, (melding_id,), attempt, addresses, "new_melding", context)


@task()
def notify_new_message(melding_id: str, attempt: int = 1) -> int:
    """Tell each recipient of a melding that its melder wrote a new message (or shared their
    name or contact details), and where to read it. Nothing of the message."""
    from .models import Melding, MeldingAccess

    if not Melding.objects.filter(pk=melding_id).exists():
        return 0
    addresses = list(
        MeldingAccess.objects.filter(melding_id=melding_id).values_list(
            "recipient__email", flat=True
        )
    )
    context = {"inbox_url": inbox_url()}
    return _deliver(notify_new_message, (melding_id,), attempt, addresses, "new_message", context)


@task()
def notify_recipient_change(
    form_title: str,
    action: str,
    subject: str,
    actor: str,
    reason: str,
    addresses,
    attempt=1,
    school: str = "",
) -> int:
    """Tell everyone involved that someone was added to or removed from a form (I4): the
    person it is about and the form's recipients. ``subject`` and ``actor`` are identities
    (``policy.identity``); ``addresses`` were collected when the change was made, so the mail
    reaches a deleted account's address too."""
    from .models import AuditAction

    context = {
        "form_title": form_title,
        "added": action == AuditAction.RECIPIENT_ADDED,
        "subject": subject,
        "actor": actor,
        "reason": reason,
        "school": school,
        "inbox_url": inbox_url(),
    }
    args = (form_title, action, subject, actor, reason, addresses)
    return _deliver(
        notify_recipient_change,
        args,
        attempt,
        addresses,
        "recipient_change",
        context,
        school=school,
    )


@task()
def alert_no_recipients(
    form_title: str, form_url: str, subject: str, actor: str, reason: str, addresses, attempt=1
) -> int:
    """Tell the alert contacts (``WAGTAIL_VERTROUWEN_ALERT_EMAILS``) that a live form lost its
    last recipient: which form, and who did what. Nothing about any melding."""
    context = {
        "form_title": form_title,
        "form_url": form_url,
        "subject": subject,
        "actor": actor,
        "reason": reason,
    }
    args = (form_title, form_url, subject, actor, reason, addresses)
    return _deliver(alert_no_recipients, args, attempt, addresses, "no_recipients", context)


@task()
def notify_contact_change(before: str, after: str, actor: str, addresses, attempt=1) -> int:
    """A recipient's name, login name or address changed: tell her old and new address and the
    co-recipients, so that notices cannot be diverted and names not borrowed quietly (I4)."""
    context = {"before": before, "after": after, "actor": actor, "inbox_url": inbox_url()}
    args = (before, after, actor, addresses)
    return _deliver(notify_contact_change, args, attempt, addresses, "contact_change", context)


@task()
def notify_event(
    event: str,
    form_title: str,
    form_url: str,
    subject: str,
    actor: str,
    addresses,
    attempt=1,
    school: str = "",
    count: int = 0,
) -> int:
    """A form went offline or got its first recipient, or a recipient's account changed in a
    way that decides who can open her meldingen (second factor, key, login password), or a
    recipient gave a colleague access to ``count`` meldingen (services.handover). Tells who
    and what, never anything of a melding (I4)."""
    context = {
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
    return _deliver(
        notify_event, args, attempt, addresses, "event", context, school=school, count=count
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
