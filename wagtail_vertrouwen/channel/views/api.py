"""Headless submission of a melding: the same form, limits and confidentiality as the page.

``POST /…/api/meldingen/<page id>/`` takes JSON, or ``multipart/form-data`` when there are
attachments (field ``bijlagen``, repeated). ``GET`` on the same URL gives what a client needs
to render the form: the questions' choices, the limits and a fresh proof-of-work challenge.

When the database or the attachment storage cannot be reached for a moment, anywhere in a
request, or every key-derivation slot of the process stayed taken (``crypto.Busy``), the answer
is a 503 with a message, ``Retry-After`` and (for the melding API) a fresh challenge, never the
site's bare error page; nothing was stored (``answers_when_unreachable``).
"""

import json
import logging
from functools import wraps

from django.core.exceptions import RequestDataTooBig
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_GET

from ...unreachable import retry_later
from .. import conf
from ..debug import forget_client
from ..forms.melding import CHALLENGE_INVALID_CODE, MeldingForm, reader_rows
from ..forms.uploads import MemoryOnlyUploadHandler
from ..openapi import document
from ..services import challenge
from ..services.receive import (
    BUSY,
    FAULT,
    IN_PROGRESS,
    NO_RECIPIENTS,
    REPLAYED,
    UNAVAILABLE,
    Refused,
    receive,
    unreachable,
)
from .form import new_form, protect

logger = logging.getLogger(__name__)

TEXT_FIELDS = [*MeldingForm.STORED_FIELDS, "niet_naar", "bevestiging_email", "website", "challenge"]


#: How the API words a refusal: to a client program that keeps its own data.
REFUSALS = {
    REPLAYED: gettext_lazy(
        "This melding was already sent; nothing was sent twice. Its code was in the response "
        "to the first request and cannot be given again."
    ),
    IN_PROGRESS: gettext_lazy(
        "Another request with this proof of work is being stored at this moment. Wait a "
        "minute and send again if it did not succeed: it will not be stored twice."
    ),
    BUSY: gettext_lazy(
        "Very many meldingen arrived in the last hour. Please try again in an hour."
    ),
    NO_RECIPIENTS: gettext_lazy(
        "This form cannot receive meldingen yet. Please contact the school."
    ),
    FAULT: gettext_lazy(
        "Your melding could not be stored because of a fault on our side. Nothing was sent. "
        "Please try again later."
    ),
    UNAVAILABLE: gettext_lazy(
        "Our service cannot be reached for a moment, so nothing was stored or sent. Please "
        "try again in a few seconds."
    ),
}
#: The same, for any request of the channel's APIs (the mailbox's too).
UNAVAILABLE_MESSAGE = REFUSALS[UNAVAILABLE]


#: A proof of work that is malformed, forged or expired, worded for a client program.
CHALLENGE_INVALID = gettext_lazy(
    "The proof of work is malformed, wrong or expired. GET this URL for a new challenge, "
    "solve it and send again."
)


def _form_errors(form):
    errors = {name: [str(m) for m in messages] for name, messages in form.errors.items()}
    if form.has_error("challenge", "replayed"):
        errors["challenge"] = [str(REFUSALS[REPLAYED])]
    if form.has_error("challenge", CHALLENGE_INVALID_CODE):
        errors["challenge"] = [str(CHALLENGE_INVALID)]
    return errors


def _error(status, errors, **extra):
    return protect(JsonResponse({"errors": errors, **extra}, status=status))


def unavailable(*, with_challenge=False):
    """503: the database or the storage cannot be reached just now; ``Retry-After`` says when
    to try again, and ``with_challenge`` adds a fresh proof-of-work challenge, so that the
    client can send again without asking for one (computing it needs neither)."""
    extra = {"challenge": challenge.new_challenge()} if with_challenge else {}
    return retry_later(_error(503, {"__all__": [str(UNAVAILABLE_MESSAGE)]}, **extra))


def answers_when_unreachable(with_challenge=False):
    """Decorate a view of the channel's APIs: a database or storage that cannot be reached,
    wherever in the view, is ``unavailable()`` rather than Django's bare 500 page."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except Exception as error:
                if not unreachable(error):
                    raise
                logger.warning("%s: unreachable or busy: %s", view.__name__, type(error).__name__)
                return unavailable(with_challenge=with_challenge)

        return wrapped

    return decorator


@transaction.non_atomic_requests  # ``submit`` commits before the proof of work is used up
@csrf_exempt
@sensitive_post_parameters()
@answers_when_unreachable(with_challenge=True)
@sensitive_variables("code")
def submit_melding(request, page_id):
    """No session, no cookie, no CSRF: the API takes no credentials, so it grants nothing."""
    forget_client(request)
    request.upload_handlers = [MemoryOnlyUploadHandler(request)]
    from ..models import MeldingFormPage

    page = get_object_or_404(MeldingFormPage.objects.live().public(), pk=page_id)
    recipients = page.recipients()
    if request.method == "GET":
        form = new_form(page, recipients=recipients)
        return protect(
            JsonResponse(
                {
                    "available": bool(recipients),
                    "fields": {
                        name: [
                            {"value": str(v), "label": str(label)}
                            for v, label in form.fields[name].choices
                        ]
                        for name in ("probleemgebied", "wie", "taal", "contact", "niet_naar")
                        if name in form.fields
                    },
                    # What the form preselects: the language of this version of the page.
                    "initial": {"taal": form.language},
                    # Who reads a melding sent now, as the form page names them (issue 10).
                    "readers": [
                        {"name": str(row["name"]), "role": str(row["role"])}
                        for row in reader_rows(recipients)
                    ],
                    "limits": {
                        "attachments": conf.get("ATTACHMENT_MAX_COUNT"),
                        "attachment_bytes": conf.get("ATTACHMENT_MAX_BYTES"),
                        "attachments_total_bytes": conf.get("ATTACHMENTS_TOTAL_MAX_BYTES"),
                    },
                    "challenge": challenge.new_challenge(),
                }
            )
        )
    if request.method != "POST":
        response = _error(405, {"__all__": [_("Use GET or POST.")]})
        response["Allow"] = "GET, POST"  # RFC 9110: a 405 says which methods are allowed
        return response
    try:
        if request.content_type == "application/json":
            try:
                body = json.loads(request.body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError):
                return _error(400, {"__all__": [_("The request is not valid JSON in UTF-8.")]})
            if not isinstance(body, dict):
                return _error(400, {"__all__": [_("Send one JSON object with the answers.")]})
            not_text = [k for k in TEXT_FIELDS if not isinstance(body.get(k, ""), str | None)]
            if not_text:
                return _error(400, {k: [_("This must be text.")] for k in not_text})
            data = {k: body[k] or "" for k in TEXT_FIELDS if k in body}
            files = {}
        elif request.content_type == "multipart/form-data":
            data, files = request.POST, request.FILES
        else:
            return _error(
                415, {"__all__": [_("Send JSON, or multipart/form-data with attachments.")]}
            )
    except RequestDataTooBig:
        return _error(413, {"__all__": [_("The request is too large.")]})
    if not recipients:
        return _error(503, {"__all__": [REFUSALS[NO_RECIPIENTS]]})
    form = new_form(page, data, files, recipients=recipients)
    if not form.is_valid():
        return _error(400, _form_errors(form))
    site = page.get_site()
    try:
        code = receive(page, site, form)
    except Refused as refusal:
        if refusal.reason == UNAVAILABLE:
            return unavailable(with_challenge=True)
        field = "challenge" if refusal.reason in {REPLAYED, IN_PROGRESS} else "__all__"
        return _error(refusal.status, {field: [REFUSALS[refusal.reason]]})
    # The melder's code, in this response only (never stored, logged or mailed): the client
    # must show it once and tell the melder to write it down.
    mailbox_path = reverse("wagtail_vertrouwen:mailbox", args=[page.pk])
    return protect(
        JsonResponse(
            {
                "received": True,
                "message": _("Your melding was received."),
                "code": code,
                "mailbox_url": f"{site.root_url}{mailbox_path}" if site else mailbox_path,
                "mailbox_api_url": request.build_absolute_uri(
                    reverse("wagtail_vertrouwen:api_mailbox", args=[page.pk])
                ),
            },
            status=201,
        )
    )


def not_found(request, path=""):
    """Any other address under the API: a JSON 404 that a client program can read, not the
    site's HTML page."""
    return _error(404, {"__all__": [_("There is no such address in this API.")]})


@require_GET
def openapi(request):
    prefix = reverse("wagtail_vertrouwen:api_openapi").removesuffix("api/openapi.json")
    return JsonResponse(document(server=request.build_absolute_uri(prefix)))
