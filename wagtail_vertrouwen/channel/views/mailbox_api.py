"""The melder's mailbox, headless: the same throttling, limits and confidentiality as the
mailbox's pages (``views/mailbox.py``).

- ``GET  api/postvak/<page id>/login``: a login challenge at the current difficulty.
- ``POST api/postvak/<page id>/login`` ``{"code", "challenge"}``: ``{"token", "expires"}``.
- ``GET  api/postvak/<page id>/`` with ``Authorization: Bearer <token>``: the melding, its
  status, deadlines, files, the conversation and who reads it; marks the messages read.
- ``POST api/postvak/<page id>/berichten/``: a message (JSON, or multipart with files), or the
  melder's name or contact details (``"kind": "identity"``), each with a proof of work.
- ``GET  api/postvak/<page id>/bijlagen/<id>/``: one file of this melding.
- ``POST api/postvak/<page id>/logout``: ends the session.

The token travels only in the ``Authorization`` header, which a browser never adds by itself:
no cookie, so no cross-site request can use it and there is no CSRF to guard against. Unlike
the pages, the API answers on any host of the installation (a headless front end calls it on
the API's own host); the form version must still be live, public and receiving.

A database or attachment storage that cannot be reached for a moment is a 503 with a message
and ``Retry-After`` (``api.answers_when_unreachable``), never the site's bare error page.
"""

import json
import logging
from datetime import timedelta
from functools import wraps

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import transaction
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_variables

from .. import conf, policy
from ..debug import forget_client
from ..forms.mailbox import IdentityForm, LoginForm, ReplyForm
from ..forms.melding import answer_rows
from ..forms.uploads import MemoryOnlyUploadHandler, safe_name
from ..models import MessageKind
from ..services import challenge, conversation, guard, mailbox, melder_reading
from ..services.receive import unreachable
from .api import CHALLENGE_INVALID, _form_errors, answers_when_unreachable, unavailable

logger = logging.getLogger(__name__)

#: How the API words a refused login or message: to a client program.
REFUSALS = {
    guard.MISSING: gettext_lazy(
        "A proof of work is required. GET the login URL for a challenge, solve it and send it."
    ),
    guard.INVALID: CHALLENGE_INVALID,
    guard.HARDER: gettext_lazy(
        "Many wrong codes were sent here recently, so the proof of work became harder. Solve "
        "the new challenge in this response and send again."
    ),
    guard.REPLAYED: gettext_lazy("This proof of work was already used. Solve a new challenge."),
    guard.IN_PROGRESS: gettext_lazy(
        "Another request with this proof of work is being handled at this moment. Wait a "
        "moment and send again: it will not be stored twice."
    ),
    guard.WRONG: gettext_lazy("This code does not open a melding of this form."),
}
NOT_LOGGED_IN = gettext_lazy(
    "Log in first. The session is missing, has ended (after %(idle)d minutes without a "
    "request, or %(max)d minutes after logging in) or belongs to another form."
)
GONE = gettext_lazy("This melding no longer exists: it was closed and deleted.")
FAULT = gettext_lazy(
    "The message could not be stored because of a fault on our side. Nothing was sent. Please "
    "try again later."
)


def _json(data, status=200):
    return policy.protect_public(JsonResponse(data, status=status))


def _error(status, errors, **extra):
    return _json({"errors": errors, **extra}, status=status)


def _bearer(request) -> str:
    scheme, _space, token = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def api_view(*methods):
    """Read the bearer token, forget the client, keep uploads in memory, find the form
    version (``policy.mailbox_version``, on any host), and refuse other methods."""

    def decorator(view):
        @wraps(view)
        @answers_when_unreachable()
        def wrapped(request, page_id, *args, **kwargs):
            token = _bearer(request)
            forget_client(request)
            request.sensitive_post_parameters = "__ALL__"
            request.upload_handlers = [MemoryOnlyUploadHandler(request)]
            page = policy.mailbox_version(page_id, None, any_host=True)
            if page is None:
                return _error(404, {"__all__": [_("No mailbox of a melding form here.")]})
            if request.method not in methods:
                message = _("Use %(methods)s.") % {"methods": " or ".join(methods)}
                response = _error(405, {"__all__": [message]})
                response["Allow"] = ", ".join(methods)
                return response
            request.mailbox_token = token
            return view(request, page, *args, **kwargs)

        return csrf_exempt(transaction.non_atomic_requests(wrapped))

    return decorator


def _opened(request, page):
    """The open mailbox of the request's bearer token for ``page``'s form, or None."""
    opened = mailbox.session_for(request.mailbox_token) if request.mailbox_token else None
    if opened is None or opened.melding.form_key != page.translation_key:
        return None
    return opened


def _unauthorised():
    message = NOT_LOGGED_IN % {
        "idle": conf.seconds("MAILBOX_IDLE_SECONDS") // 60,
        "max": conf.seconds("MAILBOX_MAX_SECONDS") // 60,
    }
    response = _error(401, {"__all__": [message]})
    response["WWW-Authenticate"] = 'Bearer realm="postvak"'
    return response


def _body(request):
    """(data, files) of a JSON or multipart request, or an error response."""
    try:
        if request.content_type == "application/json":
            try:
                body = json.loads(request.body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError):
                return None, _error(
                    400, {"__all__": [_("The request is not valid JSON in UTF-8.")]}
                )
            if not isinstance(body, dict):
                return None, _error(400, {"__all__": [_("Send one JSON object.")]})
            return (body, {}), None
        if request.content_type == "multipart/form-data":
            return (request.POST, request.FILES), None
    except (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent):
        return None, _error(413, {"__all__": [_("The request is too large.")]})
    return None, _error(415, {"__all__": [_("Send JSON, or multipart/form-data with files.")]})


def _texts(data, names):
    """The named fields of a JSON object as text, or the errors of those that are not."""
    not_text = [name for name in names if not isinstance(data.get(name, ""), str | None)]
    if not_text:
        return None, {name: [_("This must be text.")] for name in not_text}
    return {name: data[name] or "" for name in names if name in data}, None


# Logging in and out ----------------------------------------------------------------------------


@api_view("GET", "POST")
@sensitive_variables("code", "started", "data")
def log_in(request, page):
    if request.method == "GET":
        return _json({"challenge": guard.new_challenge(page.translation_key), "code_digits": 16})
    parsed, error = _body(request)
    if error is not None:
        return error
    data, _files = parsed
    texts, errors = _texts(data, ["code", "challenge"])
    if errors:
        return _error(400, errors)
    form = LoginForm(texts)
    if not form.is_valid():
        return _error(400, _form_errors(form))
    code = form.cleaned_data["code"]
    try:
        started = guard.log_in(page, code, form.cleaned_data["challenge"])
    except guard.Refused as refusal:
        field = "code" if refusal.reason == guard.WRONG else "challenge"
        return _error(
            refusal.status,
            {field: [str(REFUSALS[refusal.reason])]},
            challenge=guard.new_challenge(page.translation_key),
        )
    session = started.opened.session
    idle_until = session.last_seen + timedelta(seconds=conf.seconds("MAILBOX_IDLE_SECONDS"))
    return _json(
        {
            "token": started.token,
            "expires": session.expires_at.isoformat(),
            "idle_expires": min(idle_until, session.expires_at).isoformat(),
            "idle_seconds": conf.seconds("MAILBOX_IDLE_SECONDS"),
        },
        status=201,
    )


@api_view("POST")
def log_out(request, page):
    if request.mailbox_token:
        mailbox.log_out(request.mailbox_token)
    return policy.protect_public(HttpResponse(status=204))


# Reading -------------------------------------------------------------------------------------


def _date(value):
    return value.isoformat() if value is not None else None


def _file(page, info):
    return {
        "id": str(info.bijlage.pk),
        "name": safe_name(info.name, info.content_type),
        "content_type": info.content_type,
        "size": info.size,
        "url": reverse("wagtail_vertrouwen:api_mailbox_download", args=[page.pk, info.bijlage.pk]),
    }


def _message(page, readable):
    message = readable.message
    return {
        "id": str(message.pk),
        "position": message.position,
        "kind": message.kind,
        "from_melder": message.from_melder,
        "author": "" if message.from_melder else getattr(readable, "author_name", ""),
        "sent_at": _date(message.sent_at),
        "read_at": _date(message.read_at),
        "text": readable.text,
        "details": readable.details,
        "attachments": [_file(page, info) for info in readable.bijlagen],
    }


@api_view("GET")
def read(request, page):
    opened = _opened(request, page)
    if opened is None:
        return _unauthorised()
    melding = opened.melding
    conversation.mark_read(melding, by_melder=True)
    return _json(
        {
            "melding": {
                "received": _date(melding.received_at),
                "answers": [
                    {"name": name, "label": label, "value": value}
                    for name, label, value in answer_rows(melder_reading.answers(opened))
                ],
                "attachments": [_file(page, i) for i in melder_reading.original_files(opened)],
            },
            "status": {
                "value": melding.melder_status,
                "label": str(melding.get_melder_status_display()),
            },
            "deadlines": {
                "acknowledge_by": _date(melding.acknowledge_by),
                "acknowledged_at": _date(melding.acknowledged_at),
                "feedback_by": _date(melding.feedback_by),
                "feedback_at": _date(melding.feedback_at),
            },
            "messages": [_message(page, r) for r in melder_reading.messages(opened)],
            "readers": [
                {"name": reader.name, "since": _date(reader.since)}
                for reader in melder_reading.readers(melding)
            ],
            "notice": bool(melding.melder_notice),
            "challenge": challenge.new_challenge(),
            "limits": {
                "message_characters": ReplyForm.base_fields["text"].max_length,
                "attachments": conf.get("ATTACHMENT_MAX_COUNT"),
                "attachment_bytes": conf.get("ATTACHMENT_MAX_BYTES"),
                "attachments_total_bytes": conf.get("ATTACHMENTS_TOTAL_MAX_BYTES"),
            },
        }
    )


@api_view("GET")
def download(request, page, bijlage_id):
    opened = _opened(request, page)
    if opened is None:
        return _unauthorised()
    info = melder_reading.file(opened, bijlage_id)
    if info is None:
        return _error(404, {"__all__": [_("No such file in this mailbox.")]})
    try:
        chunks = melder_reading.download(info)
    except FileNotFoundError:
        return _error(404, {"__all__": [_("No such file in this mailbox.")]})
    response = StreamingHttpResponse(chunks, content_type=info.content_type)
    response["Content-Disposition"] = content_disposition_header(
        True, safe_name(info.name, info.content_type)
    )
    response["Content-Length"] = str(info.size)
    response["X-Content-Type-Options"] = "nosniff"
    policy.protect_public(response)
    response["Content-Security-Policy"] = policy.ATTACHMENT_CSP
    return response


# Writing -------------------------------------------------------------------------------------


@api_view("POST")
def post(request, page):
    opened = _opened(request, page)
    parsed, error = _body(request)
    if opened is None:
        return _unauthorised()
    if error is not None:
        return error
    data, files = parsed
    kind = data.get("kind") or MessageKind.MESSAGE
    if kind not in MessageKind.values:
        return _error(400, {"kind": [_("Use “message” or “identity”.")]})
    if kind == MessageKind.IDENTITY:
        details = data.get("details") or {}
        if files or not isinstance(details, dict):
            return _error(400, {"details": [_("Send the details as one JSON object.")]})
        texts, errors = _texts(
            {**details, "challenge": data.get("challenge")}, [*IdentityForm.FIELDS, "challenge"]
        )
        if errors:
            return _error(400, errors)
        form = IdentityForm(texts)
        if not form.is_valid():
            return _error(400, _form_errors(form))
        message = {"kind": MessageKind.IDENTITY, "details": form.details()}
    else:
        if files:
            form = ReplyForm(data, files)
        else:
            texts, errors = _texts(data, ["text", "challenge"])
            if errors:
                return _error(400, errors)
            form = ReplyForm(texts)
        if not form.is_valid():
            return _error(400, _form_errors(form))
        message = {"text": form.cleaned_data["text"], "uploads": form.uploads}
    try:
        stored = guard.spend(
            form.cleaned_data["challenge"],
            lambda: conversation.post(opened.melding, opened.content_key, **message),
        )
    except guard.Refused as refusal:
        return _error(refusal.status, {"challenge": [str(REFUSALS[refusal.reason])]})
    except conversation.MeldingGone:
        return _error(410, {"__all__": [str(GONE)]})
    except conversation.TooMany as too_many:
        return _error(429, {"__all__": [str(too_many)]})
    except Exception as error:
        if unreachable(error):
            logger.warning("a melder's message could not be stored: unreachable")
            return unavailable()
        logger.exception("a melder's message could not be stored")
        return _error(500, {"__all__": [str(FAULT)]})
    try:
        readable = next(
            (r for r in melder_reading.messages(opened) if r.message.pk == stored.pk), None
        )
    except Exception as error:  # stored: say so, also when it cannot be read back just now
        if not unreachable(error):
            raise
        readable = None
    return _json(
        {
            "message": _message(page, readable) if readable else {"id": str(stored.pk)},
            "challenge": challenge.new_challenge(),
        },
        status=201,
    )
