"""What happens to a valid melding form, the same for the page and the API: the proof of
work is used up, the hour's limit counted, the melding stored, the melder's confirmation sent.
Each view words the refusals for its own audience."""

import logging
from dataclasses import dataclass

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from . import challenge
from .submit import NoRecipients, submit

logger = logging.getLogger(__name__)

REPLAYED, BUSY, NO_RECIPIENTS, FAULT = "replayed", "busy", "no_recipients", "fault"
#: The HTTP status of each refusal.
STATUS = {REPLAYED: 400, BUSY: 429, NO_RECIPIENTS: 503, FAULT: 500}


@dataclass
class Refused(Exception):
    reason: str

    @property
    def status(self) -> int:
        return STATUS[self.reason]


def receive(page, site, form) -> None:
    """Store what a valid ``form`` holds, or raise ``Refused``."""
    if not challenge.use(form.cleaned_data["challenge"]):
        raise Refused(REPLAYED)
    if not challenge.take_rate_slot(page.translation_key):
        raise Refused(BUSY)
    try:
        submit(page, site, form.answers(), form.uploads, excluded=form.excluded_recipient())
    except NoRecipients as error:
        raise Refused(NO_RECIPIENTS) from error
    except Exception as error:
        logger.exception("a melding could not be stored")
        raise Refused(FAULT) from error
    confirm(form.cleaned_data.get("bevestiging_email"), site)


def confirm(address, site):
    """The optional confirmation: sent now and never queued, so the address is not stored."""
    if not address:
        return
    body = render_to_string("wagtail_vertrouwen/mail/confirmation.txt", {"site": site})
    try:
        send_mail(_("We received your melding"), body, None, [address])
    except Exception:  # noqa: BLE001 - the melding is stored; a lost confirmation is no loss
        logger.warning("the confirmation mail to a melder failed")
