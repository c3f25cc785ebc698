"""Giving a colleague access to a melding, and handing all open meldingen over to a successor
(issue 9, item 6; DESIGN.md, "The melder's mailbox").

Giving access is sealing the melding's content key to one more recipient's public key, which
only a current party can do: her unlocked key opens the content key (``Reader.content_key``).
Before any seal, the answers are decrypted to read whom the melder kept the melding away from
(``submit.EXCLUDED``), and ``policy.why_not_given_access`` decides; nobody can be given
access who is not designated on the melding's form now, and never the excluded person.

Every grant and every given-up access is audited (the lines are read by all parties, the new
one included) and mailed to everyone involved: the one who gave, the one who got it and the
melding's other recipients. The mail names the form and the people, and for a handover how
many meldingen; nothing of any melding. Each melding changes in one transaction: a failure
leaves it as it was, never half given.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .. import crypto, policy
from ..models import (
    AuditAction,
    AuditEntry,
    Designation,
    Melding,
    MeldingAccess,
    MeldingStatus,
    RecipientKey,
)
from .designate import form_of
from .submit import EXCLUDED

logger = logging.getLogger(__name__)

#: Refusals besides ``policy.why_not_given_access``'s reasons.
NOT_A_PARTY = "not_a_party"  # the giver holds no working access to the melding
LAST_PARTY = "last_party"  # giving up would leave nobody who can open the melding
NOT_A_COLLEAGUE = "not_a_colleague"  # nobody meldingen can be handed over to (hand_over_all)

#: What ``tasks.notify_event`` mails about (see mail/event.txt).
EVENT_ACCESS_GRANTED = "access_granted"  # the giver keeps her own access
EVENT_HANDED_OVER = "handed_over"  # the giver gave up her own access


class Refused(Exception):
    """A grant or handover that policy does not allow; ``reason`` says why (nothing changed)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Handover:
    """What ``hand_over_all`` did: meldingen given, and those left alone because the melder
    excluded the colleague or for another reason (she reads it already, or is not designated
    on its form)."""

    given: int = 0
    skipped_excluded: int = 0
    skipped_other: int = 0


# Who reads, and who could --------------------------------------------------------------------


def parties(melding) -> list:
    """The people who can read ``melding`` now: active accounts holding a copy of its key that
    their current key opens. Those it was sealed to at submission first, then in the order
    they were given access. Each user carries ``granted_at`` (None for the first ones) and
    ``granted_by_id``. Two queries at most (one for the accesses with their users)."""
    accesses = (
        policy.working_accesses(melding)
        .filter(recipient__is_active=True)
        .select_related("recipient")
        .order_by(F("granted_at").asc(nulls_first=True), "pk")
    )
    users = []
    for access in accesses:
        user = access.recipient
        user.granted_at = access.granted_at
        user.granted_by_id = access.granted_by_id
        users.append(user)
    return users


def excluded_of(reader, melding):
    """The record of whom the melder kept ``melding`` away from: None when nobody, and
    ``policy.EXCLUSION_UNKNOWN`` for a melding stored before the record existed (decrypts the
    answers with the reader's key; shows nothing of them)."""
    return exclusion(reader.answers(melding))


def exclusion(answers: dict):
    """The exclusion record in decrypted ``answers``; ``policy.EXCLUSION_UNKNOWN`` when the
    melding was stored before the record existed."""
    return answers.get(EXCLUDED, policy.EXCLUSION_UNKNOWN)


def eligible(reader, melding) -> list:
    """The colleagues ``reader`` may give access to ``melding``: designated on its form now,
    allowed to receive, with a key, not reading it yet, not excluded by the melder. Empty
    when the reader is no party of it."""
    if melding.form_key is None or not policy.may_hand_over(reader.user, melding):
        return []
    excluded = excluded_of(reader, melding)
    model = get_user_model()
    designated = model._default_manager.filter(
        pk__in=Designation.objects.current().filter(translation_key=melding.form_key).values("user")
    ).order_by(model.USERNAME_FIELD)
    return [user for user in designated if policy.may_be_given_access(user, melding, excluded)]


def open_meldingen(user):
    """The meldingen ``user`` can open that are not closed: what a handover hands over."""
    holding = policy.working_accesses().filter(recipient=user).values("melding")
    return Melding.objects.filter(pk__in=holding).exclude(status=MeldingStatus.AFGESLOTEN)


def successors(user) -> list:
    """Who ``user`` can hand her open meldingen over to: someone else designated now on the
    form of at least one of them, allowed to receive and with a key."""
    keys = open_meldingen(user).values("form_key")
    model = get_user_model()
    designated = model._default_manager.filter(
        pk__in=Designation.objects.current().filter(translation_key__in=keys).values("user"),
        vertrouwen_key__isnull=False,
    ).exclude(pk=user.pk)
    return list(policy.receiving(designated).order_by(model.USERNAME_FIELD))


def form_title(melding) -> str:
    """The title of the melding's form: of the version it was sent through, or, that version
    deleted, of the form's reference version (``designate.form_of``)."""
    if melding.form_id is not None:
        return melding.form.title
    form = form_of(melding.form_key) if melding.form_key else None
    return form.title if form is not None else ""


# Giving access ---------------------------------------------------------------------------------


def grant(reader, melding, colleague, keep_own=True) -> MeldingAccess:
    """Give ``colleague`` access to ``melding`` (seal its content key to her current key); if
    not ``keep_own``, the reader then gives up her own access. Audited and mailed to everyone
    involved. Raises ``Refused`` (nothing changed) or ``Melding.DoesNotExist`` (deleted a
    moment ago)."""
    with transaction.atomic():
        access, involved = _seal(reader, melding, colleague, keep_own)
        _announce(
            EVENT_ACCESS_GRANTED if keep_own else EVENT_HANDED_OVER,
            reader.user,
            colleague,
            [(form_title(melding), involved)],
        )
    return access


def hand_over_all(reader, colleague, keep_own=False) -> Handover:
    """Hand every open melding the reader can open, whose form ``colleague`` is designated on,
    over to her (a successor taking over): one ``grant`` per melding, each in its own
    transaction, skipping those the melder kept away from her. One audit line per melding
    (two when the reader gives up her own access), one mail per person for the whole batch.
    Raises ``Refused(NOT_A_COLLEAGUE)`` when ``colleague`` cannot take anything over."""
    user = reader.user
    if not policy.may_take_over(user, colleague):
        raise Refused(NOT_A_COLLEAGUE)
    mine = open_meldingen(user)
    keys = Designation.objects.current().filter(user=colleague).values("translation_key")
    chosen = list(
        mine.filter(form_key__in=keys).select_related("form").order_by("received_at", "pk")
    )
    result = Handover(skipped_other=mine.count() - len(chosen))
    done = []
    try:
        for melding in chosen:
            try:
                with transaction.atomic():
                    _access, involved = _seal(reader, melding, colleague, keep_own)
            except Refused as refusal:
                if refusal.reason == policy.EXCLUDED_BY_MELDER:
                    result.skipped_excluded += 1
                else:
                    result.skipped_other += 1
                continue
            except (Melding.DoesNotExist, MeldingAccess.DoesNotExist, crypto.DecryptionError):
                result.skipped_other += 1  # deleted, or no longer hers, a moment ago
                continue
            result.given += 1
            done.append((form_title(melding), involved))
    finally:  # what was done is told, also when a later melding failed
        if done:
            event = EVENT_ACCESS_GRANTED if keep_own else EVENT_HANDED_OVER
            _announce(event, user, colleague, done)
    return result


def _seal(reader, melding, colleague, keep_own):
    """The work of one grant, inside the caller's transaction: returns the colleague's access
    and everyone involved (the melding's recipients before and after)."""
    user = reader.user
    if not Melding.objects.select_for_update().filter(pk=melding.pk).exists():
        raise Melding.DoesNotExist  # deleted by a co-recipient or purged a moment ago
    if not policy.may_hand_over(user, melding):
        raise Refused(NOT_A_PARTY)
    own = MeldingAccess.objects.select_for_update().get(melding=melding, recipient=user)
    content_key = reader.content_key(melding, own)
    excluded = exclusion(crypto.decrypt_json(content_key, bytes(melding.content), melding.context))
    reason = policy.why_not_given_access(colleague, melding, excluded)
    if reason is not None:
        raise Refused(reason)
    public_key = bytes(RecipientKey.objects.select_for_update().get(user=colleague).public_key)
    involved = {access.recipient for access in melding.accesses.select_related("recipient")}
    # A row sealed to a key she has since replaced opens nothing: it is sealed anew, and the
    # private note that only her lost key could open goes with the old seal.
    access, _created = MeldingAccess.objects.update_or_create(
        melding=melding,
        recipient=colleague,
        defaults={
            "sealed_key": crypto.seal_content_key(content_key, public_key),
            "sealed_to": public_key,
            "granted_by": user,
            "granted_at": timezone.now(),
            "read_at": None,
            "note_key": None,
            "note": None,
        },
    )
    AuditEntry.record(AuditAction.ACCESS_GRANTED, user, melding=melding, subject=colleague)
    if not keep_own:
        _give_up(user, melding)
    return access, involved | {user, colleague}


def _give_up(user, melding):
    """Delete ``user``'s own copy of the key, after the grant; never the last one that opens
    the melding. The audit line is read by everyone who held it, she too."""
    others = policy.working_accesses(melding).exclude(recipient=user)
    if not others.exists():
        raise Refused(LAST_PARTY)
    AuditEntry.record(AuditAction.ACCESS_GIVEN_UP, user, melding=melding, subject=user)
    MeldingAccess.objects.filter(melding=melding, recipient=user).delete()


def _address(user) -> str:
    return getattr(user, user.get_email_field_name(), "") or ""


def _announce(event, giver, colleague, done):
    """Mail everyone involved once: ``done`` is (form title, people involved) per melding.
    Each person hears how many of the meldingen concern them and of which forms; people with
    the same count and forms share one task."""
    per_address = {}
    for title, involved in done:
        for person in {giver, colleague, *involved}:
            address = _address(person)
            if address:
                per_address.setdefault(address, []).append(title)
    groups = {}
    for address, titles in per_address.items():
        forms = ", ".join(f"“{title}”" for title in sorted({title for title in titles if title}))
        groups.setdefault((len(titles), forms), []).append(address)
    who, by = policy.identity(colleague), policy.identity(giver)
    for (count, forms), addresses in sorted(groups.items()):
        transaction.on_commit(partial(_enqueue, event, forms, who, by, sorted(addresses), count))


def _enqueue(event, forms, who, by, addresses, count):
    from ..tasks import notify_event

    try:
        notify_event.enqueue(event, forms, "", who, by, addresses, count=count)
    except Exception:  # noqa: BLE001 - the access is given and audited; the log shows it
        logger.exception("could not queue the notice of a handover")
