"""What happens to a valid melding form, the same for the page and the API: the proof of
work is claimed, the hour's limit counted, the melding stored, the proof of work used up, the
melder's confirmation sent. Each view words the refusals for its own audience.

Nothing is used up by a melding that was not stored: after a fault or a full hour the claim
and the hour's slot are given back, so sending the same form again works (I6).

A database or attachment storage that cannot be reached for a moment, or a process whose
key-derivation slots all stayed taken (``crypto.Busy``), is ``UNAVAILABLE`` (503, "try again in
a moment"), not a fault: the melding was not stored. Once ``submit`` has
committed, the melding is stored whatever happens next: the bookkeeping after it (using up the
proof of work) is tried a few times and then left, so that a melder is never told that a
stored melding failed.
"""

import logging
import time
from dataclasses import dataclass

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from ...unreachable import DATABASE_UNREACHABLE
from .. import crypto, storage
from . import challenge
from .submit import NoRecipients, submit

logger = logging.getLogger(__name__)

REPLAYED, IN_PROGRESS, BUSY, NO_RECIPIENTS, FAULT, UNAVAILABLE = (
    "replayed",
    "in_progress",
    "busy",
    "no_recipients",
    "fault",
    "unavailable",
)
#: The HTTP status of each refusal.
STATUS = {
    REPLAYED: 400,
    IN_PROGRESS: 409,
    BUSY: 429,
    NO_RECIPIENTS: 503,
    FAULT: 500,
    UNAVAILABLE: 503,
}
#: Tries, and the pause before each retry, of the bookkeeping around ``submit``.
BOOKKEEPING_PAUSES = (0.2, 0.5, 1.0)


@dataclass
class Refused(Exception):
    reason: str

    @property
    def status(self) -> int:
        return STATUS[self.reason]


def unreachable(error: BaseException) -> bool:
    """Whether ``error`` means that the database or the storage cannot be reached just now, or
    that this process is too busy deriving keys (``crypto.Busy``): try again in a moment."""
    return isinstance(error, DATABASE_UNREACHABLE + (storage.Unavailable, crypto.Busy))


def receive(page, site, form) -> str:
    """Store what a valid ``form`` holds and return the melder's code (show it once, store it
    nowhere), or raise ``Refused``."""
    payload = form.cleaned_data["challenge"]
    try:
        claimed = challenge.claim(payload)
    except DATABASE_UNREACHABLE as error:
        raise Refused(UNAVAILABLE) from error
    if not claimed:
        raise Refused(REPLAYED if challenge.is_used(payload) else IN_PROGRESS)
    try:
        if challenge.is_used(payload):  # stored by a request that ended before this claim
            raise Refused(REPLAYED)
        melding = _store(page, site, form)
    except BaseException as error:
        bookkeeping(challenge.release, payload)
        if isinstance(error, DATABASE_UNREACHABLE):
            raise Refused(UNAVAILABLE) from error
        raise
    # ``submit`` has committed (the views that call this are exempt from ATOMIC_REQUESTS):
    # only now is the solution used up. Should that fail, the claim lapses after
    # ``challenge.CLAIM_SECONDS``; the melding is stored all the same.
    bookkeeping(challenge.use, payload)
    confirm(form.cleaned_data.get("bevestiging_email"), site)
    return melding.melder_code


def _store(page, site, form):
    slot = challenge.take_rate_slot(page.translation_key)
    if slot is None:
        raise Refused(BUSY)
    try:
        return submit(page, site, form.answers(), form.uploads, excluded=form.excluded_recipient())
    except NoRecipients as error:
        bookkeeping(challenge.give_back, slot)
        raise Refused(NO_RECIPIENTS) from error
    except Exception as error:
        bookkeeping(challenge.give_back, slot)
        if unreachable(error):
            logger.warning("a melding could not be stored: %s", _why(error))
            raise Refused(UNAVAILABLE) from error
        logger.exception("a melding could not be stored")
        raise Refused(FAULT) from error


def _why(error) -> str:
    if isinstance(error, crypto.Busy):
        return "every key-derivation slot of this process stayed taken"
    if isinstance(error, storage.Unavailable):
        return "the storage unreachable"
    return "the database unreachable"


def bookkeeping(action, *args) -> bool:
    """Run ``action(*args)``, again after a short pause while the database cannot be
    reached; False (logged) when it never could. Never raises for that: the caller's own
    outcome (stored, or the original error) is what the melder must hear."""
    for pause in (*BOOKKEEPING_PAUSES, None):
        try:
            action(*args)
            return True
        except DATABASE_UNREACHABLE:
            if pause is None:
                logger.warning("%s failed: the database could not be reached", action.__name__)
                return False
            time.sleep(pause)
    return False


def confirm(address, site):
    """The optional confirmation: sent now and never queued, so the address is not stored."""
    if not address:
        return
    body = render_to_string("wagtail_vertrouwen/mail/confirmation.txt", {"site": site})
    try:
        send_mail(_("We received your melding"), body, None, [address])
    except Exception:  # noqa: BLE001 - the melding is stored; a lost confirmation is no loss
        logger.warning("the confirmation mail to a melder failed")
