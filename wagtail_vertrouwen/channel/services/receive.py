"""What happens to a valid melding form, the same for the page and the API: the proof of
work is claimed, the hour's limit counted, the melding stored, the proof of work used up, the
melder's confirmation sent. Each view words the refusals for its own audience.

Nothing is used up by a melding that was not stored: after a fault or a full hour the claim
and the hour's slot are given back, so sending the same form again works (I6)."""

import logging
from dataclasses import dataclass

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from . import challenge
from .submit import NoRecipients, submit

logger = logging.getLogger(__name__)

REPLAYED, IN_PROGRESS, BUSY, NO_RECIPIENTS, FAULT = (
    "replayed",
    "in_progress",
    "busy",
    "no_recipients",
    "fault",
)
#: The HTTP status of each refusal.
STATUS = {REPLAYED: 400, IN_PROGRESS: 409, BUSY: 429, NO_RECIPIENTS: 503, FAULT: 500}


@dataclass
class Refused(Exception):
    reason: str

    @property
    def status(self) -> int:
        return STATUS[self.reason]


def receive(page, site, form) -> str:
    """Store what a valid ``form`` holds and return the melder's code (show it once, store it
    nowhere), or raise ``Refused``."""
    payload = form.cleaned_data["challenge"]
    if not challenge.claim(payload):
        raise Refused(REPLAYED if challenge.is_used(payload) else IN_PROGRESS)
    try:
        if challenge.is_used(payload):  # stored by a request that ended before this claim
            raise Refused(REPLAYED)
        melding = _store(page, site, form)
    except BaseException:
        challenge.release(payload)
        raise
    # ``submit`` has committed (the views that call this are exempt from ATOMIC_REQUESTS):
    # only now is the solution used up.
    challenge.use(payload)
    confirm(form.cleaned_data.get("bevestiging_email"), site)
    return melding.melder_code


def _store(page, site, form):
    slot = challenge.take_rate_slot(page.translation_key)
    if slot is None:
        raise Refused(BUSY)
    try:
        return submit(page, site, form.answers(), form.uploads, excluded=form.excluded_recipient())
    except NoRecipients as error:
        challenge.give_back(slot)
        raise Refused(NO_RECIPIENTS) from error
    except Exception as error:
        challenge.give_back(slot)
        logger.exception("a melding could not be stored")
        raise Refused(FAULT) from error


def confirm(address, site):
    """The optional confirmation: sent now and never queued, so the address is not stored."""
    if not address:
        return
    body = render_to_string("wagtail_vertrouwen/mail/confirmation.txt", {"site": site})
    try:
        send_mail(_("We received your melding"), body, None, [address])
    except Exception:  # noqa: BLE001 - the melding is stored; a lost confirmation is no loss
        logger.warning("the confirmation mail to a melder failed")
