"""The melding form page's views: the page shows the form; a dedicated URL receives it.

The form posts to ``submit`` rather than to the page, so the upload handlers can be replaced
before anything reads the request body: Django's CSRF middleware reads ``request.POST`` before
any page's ``serve`` runs, which would spool large uploads to a temporary file in plaintext.

No CSRF check on ``submit``, on purpose. CSRF protects the credentials a browser sends along
(a session, a login cookie) from being used by another site. This view reads none: it uses no
session, no login and no cookie (``forget_client`` drops them at the door), and a melding
grants nothing, so a forged cross-site post can do nothing its author cannot do directly,
and each post still needs its own fresh proof of work. A check would only lose meldingen: a
melder who typed for an hour, or whose cookie was cleared, would get Django's bare 403 page
and lose the text (I6). The API takes the same view of it.

After a melding is stored, the answer to the post itself is the thank-you page with the
melder's code (not a redirect): the code is in that one response and nowhere else (no URL, no
session, no log, no mail). Reloading it posts the same proof of work again, which is refused
as already sent; the refusal says the code was shown once and cannot be shown again.
``?verzonden=1`` (the redirect target of earlier versions) still shows the thanks, without a
code.

When the database cannot be reached for a moment, the view waits for it a little (finding the
page, showing the thanks), and otherwise answers 503 with ``Retry-After``: the form again with
what was typed and a new proof of work, or, when even the page cannot be shown without the
database, a plain page that holds the typed text in a form that sends again
(``melding_unreachable.html``); a melding that was stored always gets its code shown.
"""

import json
import logging
import time

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_POST

from ...choices import Probleemgebied
from ...unreachable import DATABASE_UNREACHABLE, retry_later
from .. import conf
from ..debug import forget_client
from ..forms.melding import MeldingForm, reader_rows
from ..forms.uploads import MemoryOnlyUploadHandler, file_size_label
from ..policy import protect_public as protect
from ..services import challenge
from ..services.deadlines import LEGAL_ACKNOWLEDGE_DAYS, LEGAL_FEEDBACK_MONTHS
from ..services.receive import (
    BUSY,
    FAULT,
    IN_PROGRESS,
    NO_RECIPIENTS,
    REPLAYED,
    UNAVAILABLE,
    Refused,
    receive,
)

logger = logging.getLogger(__name__)

#: How the page words a refusal: to a pupil or parent, whose text stays in the form.
REFUSALS = {
    REPLAYED: gettext_lazy(
        "This melding was already sent; nothing was sent twice. Its code was shown once, "
        "right after sending, and cannot be shown again. If you did not write it down, you "
        "can send a new melding, or contact the vertrouwenspersoon."
    ),
    IN_PROGRESS: gettext_lazy(
        "This melding is being sent at this moment (perhaps the button was pressed twice). "
        "Wait a minute, then send again if you are not sure it arrived: it will not be "
        "stored twice. Your text is still here."
    ),
    BUSY: gettext_lazy(
        "Very many meldingen arrived in the last hour, so this form is paused for a while. "
        "Please try again in an hour, or call the vertrouwenspersoon. Your text is still here."
    ),
    NO_RECIPIENTS: gettext_lazy(
        "This form cannot receive meldingen yet. Please contact the school."
    ),
    FAULT: gettext_lazy(
        "Your melding could not be stored because of a fault on our side. Nothing was sent. "
        "Please try again later; your text is still here."
    ),
    UNAVAILABLE: gettext_lazy(
        "Our service cannot be reached for a moment, so nothing was sent. Please send your "
        "melding again in a few seconds; your text is still here."
    ),
}
#: Pauses before each new try when the database cannot be reached while finding the page or
#: showing the thanks: a database that fails over is back within a second or two.
DATABASE_PAUSES = (0.25, 0.5, 1.0)
#: The answers the plain page keeps, and which of them it shows as text to edit.
PLAIN_FIELDS = (*MeldingForm.STORED_FIELDS, "niet_naar", "bevestiging_email")
PLAIN_TEXT_FIELDS = {"wat", "wanneer", "betrokkenen", "wens", "naam", "email", "telefoon"}


def new_form(page, *args, **kwargs):
    """The melding form of this version of ``page``: its current recipients, its language."""
    kwargs.setdefault("recipients", page.recipients())
    return MeldingForm(*args, language=page.locale.language_code, **kwargs)


@sensitive_variables("code")
def render_form_page(
    request, page, form=None, *, status=200, sent=False, preview=False, code=None, excluded=None
):
    """The form page; after sending (``sent``), the thank-you state, with the melder's
    ``code`` when it was just issued: shown this once, in this response only. ``excluded``:
    the recipient the melder just kept the melding away from, not named as a reader."""
    if form is None:
        form = new_form(page)
    recipients = form.recipients
    context = {
        "page": page,
        "self": page,
        "form": form,
        "sent": sent,
        # A posted form is shown even without recipients, so nothing typed is lost (I6).
        "available": (bool(recipients) or preview or form.is_bound) and _can_submit(page),
        "challenge_json": json.dumps(challenge.new_challenge()),
        "limits": _limits(),
        "deadlines": _deadlines(page),
        "mailbox_url": _mailbox_url(page),
        # Who reads a melding sent now: the form's current recipients with a key (I2), by
        # name and role; after sending, without the one the melder kept it away from.
        "readers": reader_rows(recipients, excluded),
        "meldplicht_area": Probleemgebied.SEKSUEEL_GRENSOVERSCHRIJDEND_GEDRAG.label,
        "privacy": {
            "organisation": page.organisation_name(),
            "contact": page.privacy_contact,
            "retention_days": page.retention_days,
        },
    }
    if code:
        context["code_groups"] = code.split()
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    # In the version's language also when answering the post (whose URL has no language).
    with translation.override(page.locale.language_code):
        response.render()
    return protect(response)


def _deadlines(page):
    """What the form promises: an answer within the form's days (at most the legal 7 under
    the klokkenluidersregeling), and then feedback within 3 months."""
    days = page.acknowledge_within_days
    if page.klokkenluidersregeling:
        days = min(days, LEGAL_ACKNOWLEDGE_DAYS)
    return {
        "acknowledge_days": days,
        "klokkenluidersregeling": page.klokkenluidersregeling,
        "feedback_months": LEGAL_FEEDBACK_MONTHS,
    }


def _mailbox_url(page):
    try:
        return reverse("wagtail_vertrouwen:mailbox", args=[page.pk])
    except NoReverseMatch:
        return ""


def _can_submit(page) -> bool:
    """Whether the form has somewhere to post to. Without the project's
    ``include("wagtail_vertrouwen.channel.urls")`` (system check E002) the page says that it
    cannot receive meldingen, instead of failing with a server error."""
    try:
        reverse("wagtail_vertrouwen:melding_submit", args=[page.pk])
    except NoReverseMatch:
        logger.error(
            "The melding form %s cannot receive: the channel's URLs are not included "
            "(system check wagtail_vertrouwen_channel.E002).",
            page.pk,
        )
        return False
    return True


def _limits():
    return {
        "count": conf.get("ATTACHMENT_MAX_COUNT"),
        "each": file_size_label(conf.get("ATTACHMENT_MAX_BYTES")),
        "total": file_size_label(conf.get("ATTACHMENTS_TOTAL_MAX_BYTES")),
    }


def serve_melding_form(page, request, preview=False):
    if not preview:
        forget_client(request)
    return render_form_page(request, page, sent="verzonden" in request.GET, preview=preview)


@transaction.non_atomic_requests  # ``submit`` commits before the proof of work is used up
@csrf_exempt  # see the module's docstring
@require_POST
@sensitive_post_parameters()
def submit_view(request, page_id):
    forget_client(request)
    request.upload_handlers = [MemoryOnlyUploadHandler(request)]
    try:
        request.POST  # noqa: B018 - parse now, with our handlers, to catch what is too much
    except (TooManyFilesSent, TooManyFieldsSent, RequestDataTooBig):
        from ..models import MeldingFormPage

        page = get_object_or_404(MeldingFormPage.objects.live().public(), pk=page_id)
        form = new_form(page)
        form.cleaned_data = {}  # unbound: nothing could be read, but it can carry the message
        form.add_error(
            None,
            _(
                "Too many or too large files were sent, so nothing could be read. Choose at "
                "most %(count)d photos or PDF files and send again."
            )
            % {"count": conf.get("ATTACHMENT_MAX_COUNT")},
        )
        return render_form_page(request, page, form, status=400)
    return _submit(request, page_id)


def _patiently(action):
    """``action()``, tried again after a short pause while the database cannot be reached
    (only for what changes nothing: finding the page, rendering)."""
    for pause in (*DATABASE_PAUSES, None):
        try:
            return action()
        except DATABASE_UNREACHABLE:
            if pause is None:
                raise
            time.sleep(pause)
    raise AssertionError  # not reached


@sensitive_variables("code")
def _submit(request, page_id):
    try:
        return _store_and_answer(request, page_id)
    except DATABASE_UNREACHABLE:
        logger.warning("a melding form could not be answered: the database is unreachable")
        return _plain_page(request, page_id, error=REFUSALS[UNAVAILABLE], status=503)


@sensitive_variables("code")
def _store_and_answer(request, page_id):
    from ..models import MeldingFormPage

    page = _patiently(
        lambda: get_object_or_404(MeldingFormPage.objects.live().public(), pk=page_id)
    )
    site = page.get_site()
    if site is None:
        raise Http404
    recipients = page.recipients()
    form = new_form(page, request.POST, request.FILES, recipients=recipients)
    if not recipients:
        form.add_error(None, REFUSALS[NO_RECIPIENTS])
        return render_form_page(request, page, form, status=503)
    if not form.is_valid():
        if form.has_error("challenge", "replayed"):  # a reload of the thank-you page
            form.errors["challenge"] = form.error_class([REFUSALS[REPLAYED]])
        return render_form_page(request, page, form, status=400)
    try:
        code = receive(page, site, form)
    except Refused as refusal:
        form.add_error(
            "challenge" if refusal.reason in {REPLAYED, IN_PROGRESS} else None,
            REFUSALS[refusal.reason],
        )
        status = refusal.status
        response = _patiently(lambda: render_form_page(request, page, form, status=status))
        return retry_later(response) if refusal.reason == UNAVAILABLE else response
    # Not a redirect: the code is shown in this response, once, and goes nowhere else (no
    # URL, no session). A reload posts the same proof of work again and gets REPLAYED.
    excluded = form.excluded_recipient()
    try:
        return _patiently(
            lambda: render_form_page(request, page, sent=True, code=code, excluded=excluded)
        )
    except DATABASE_UNREACHABLE:  # stored all the same: the code must be shown
        logger.warning("a melding was stored; its thanks is shown plain (database unreachable)")
        return _plain_page(request, page_id, code=code)


@sensitive_variables("code")
def _plain_page(request, page_id, *, error=None, code=None, status=200):
    """A page that needs no database: the melder's code when the melding was stored, else
    ``error`` above a form that holds what was posted (files must be chosen again) and sends
    it again with a new proof of work."""
    fields = [
        {
            "name": name,
            "label": MeldingForm.base_fields[name].label,
            "value": request.POST.get(name, ""),
            "text": name in PLAIN_TEXT_FIELDS,
            "rows": 8 if name == "wat" else 2,
        }
        for name in PLAIN_FIELDS
    ]
    context = {
        "error": error,
        "fields": fields,
        "code_groups": code.split() if code else None,
        "action": reverse("wagtail_vertrouwen:melding_submit", args=[page_id]),
        "challenge_json": json.dumps(challenge.new_challenge()),
    }
    response = TemplateResponse(
        request, "wagtail_vertrouwen/pages/melding_unreachable.html", context, status=status
    )
    response.render()
    return protect(retry_later(response) if status == 503 else response)
