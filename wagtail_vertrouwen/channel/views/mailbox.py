"""The melder's mailbox, on the school's own site: log in with the code, read the melding and
the conversation, reply (with files), tell one's name later, ask for a notice, log out.

Where it opens is the policy's (``policy.mailbox_version``: a live, public, receiving version
of a melding form, requested on that version's Site); the page speaks that version's
language. Guessing codes is ``services.guard``'s.

The session is a browser-session cookie holding the token of ``services.mailbox.log_in``
(``policy.mailbox_cookie_name`` and ``mailbox_cookie_options``: HttpOnly, SameSite=Strict,
``__Host-`` wherever Secure). The views are exempt from Django's CSRF check for the reason
``views/form.py`` gives (its middleware reads the body before the upload handlers can be
replaced), and check their own form token instead: an HMAC of the session's token in a hidden
field (``policy.mailbox_form_token``), together with SameSite=Strict. Logging out needs no
token: it only ends a session, which is always safe.

``forget_client`` runs first in every view, after the cookie was read: nothing downstream
sees the client's address or browser. The code is never put in a URL, the session store, a
log or a mail; a wrong code keeps what was typed in the form, in the response only. So does a
login refused because every key-derivation slot of the process stayed taken (``crypto.Busy``:
503 with ``Retry-After``).
"""

import json
import logging
from dataclasses import dataclass
from functools import wraps

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import transaction
from django.http import Http404, HttpResponseRedirect, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_variables
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Site

from ...unreachable import MESSAGE as TRY_AGAIN
from ...unreachable import retry_later
from .. import conf, crypto, policy
from ..debug import forget_client
from ..forms.mailbox import (
    MAX_MESSAGE,
    IdentityForm,
    LoginForm,
    NoticeForm,
    ReplyForm,
)
from ..forms.melding import answer_rows
from ..forms.uploads import MemoryOnlyUploadHandler, file_size_label, safe_name
from ..models import MessageKind
from ..services import challenge, conversation, guard, mailbox, melder_reading
from ..services.deadlines import LEGAL_FEEDBACK_MONTHS

logger = logging.getLogger(__name__)

#: How the login page words a refusal: the code stays in the form.
LOGIN_REFUSALS = {
    guard.MISSING: gettext_lazy(
        "The spam check did not finish. Wait a moment and send again; it needs JavaScript "
        "switched on. Your code is still filled in."
    ),
    guard.INVALID: gettext_lazy(
        "The spam check could not be verified; it may have expired. Send again: a new check "
        "runs by itself. Your code is still filled in."
    ),
    guard.HARDER: gettext_lazy(
        "Many wrong codes were typed here recently, so the check became harder. Wait until the "
        "new check is done and send again. Your code is still filled in."
    ),
    guard.REPLAYED: gettext_lazy(
        "This check was already used. Send again: a new check runs by itself. Your code is "
        "still filled in."
    ),
    guard.IN_PROGRESS: gettext_lazy(
        "Your code is being checked at this moment (perhaps the button was pressed twice). "
        "Wait a moment and try again."
    ),
    guard.WRONG: gettext_lazy(
        "This code does not open a melding of this form. Check the 16 digits and try again. "
        "A melding that was closed and deleted cannot be opened any more."
    ),
}

#: How the mailbox words a refused message: the text stays in the form.
MESSAGE_REFUSALS = {
    guard.REPLAYED: gettext_lazy("This message was already sent. Nothing was sent twice."),
    guard.IN_PROGRESS: gettext_lazy(
        "This message is being sent at this moment (perhaps the button was pressed twice). "
        "Wait a moment before you send it again: it will not be stored twice."
    ),
}
FAULT = gettext_lazy(
    "Your message could not be stored because of a fault on our side. Nothing was sent. "
    "Please try again later; your text is still here."
)
STALE = gettext_lazy(
    "This page was out of date (perhaps you logged in again in another tab). Nothing was "
    "sent. Check your message and send again."
)
TOO_MUCH = gettext_lazy(
    "Too many or too large files were sent, so nothing could be read. Choose at most "
    "%(count)d photos or PDF files and send again."
)

#: What the mailbox says after a redirect (``?gedaan=<key>``): nothing but these words.
DONE = {
    "bericht": gettext_lazy("Your message was sent."),
    "gegevens": gettext_lazy("Your details were sent to the vertrouwenspersoon."),
    "melding-aan": gettext_lazy("You will get an e-mail when there is a new message."),
    "melding-uit": gettext_lazy("You will get no more e-mails about new messages."),
}


# The door ------------------------------------------------------------------------------------


@dataclass
class Visit:
    """The mailbox session this request brings along for ``page``."""

    token: str
    opened: mailbox.Opened | None
    #: A cookie came along, but its session is over (idle, too old, logged out, deleted).
    ended: bool


def mailbox_view(view):
    """Read the session cookie, forget the client, keep uploads in memory, find the form
    version (404 unless ``policy.mailbox_version``), and answer in that version's language
    with the public pages' headers."""

    @wraps(view)
    def wrapped(request, page_id, *args, **kwargs):
        token = request.COOKIES.get(policy.mailbox_cookie_name(request), "")
        cross_site = request.method == "POST" and policy.is_cross_site(request)
        forget_client(request)
        request.sensitive_post_parameters = "__ALL__"  # the code, messages, addresses
        request.upload_handlers = [MemoryOnlyUploadHandler(request)]
        page = policy.mailbox_version(page_id, Site.find_for_request(request))
        if page is None:
            raise Http404
        request.mailbox_token = token if isinstance(token, str) else ""
        with translation.override(page.locale.language_code):
            if cross_site:  # another site's page posting here: log nobody in or out
                response = login_page(request, page, status=403)
            else:
                response = view(request, page, *args, **kwargs)
            if isinstance(response, TemplateResponse):
                response.render()
        policy.protect_public(response)
        csp = getattr(response, "vertrouwen_csp", None)
        if csp:
            response["Content-Security-Policy"] = csp
        return response

    return wrapped


def _visit(request, page) -> Visit:
    token = request.mailbox_token
    if not token:
        return Visit("", None, False)
    opened = mailbox.session_for(token)
    if opened is None:
        return Visit(token, None, True)
    if opened.melding.form_key != page.translation_key:
        return Visit(token, None, False)  # a session of another form's mailbox: not here
    return Visit(token, opened, False)


def _read_post(request) -> bool:
    """Parse the body with the memory-only handlers; False when it holds too much."""
    try:
        request.POST  # noqa: B018
    except (TooManyFilesSent, TooManyFieldsSent, RequestDataTooBig):
        return False
    return True


def mailbox_url(page) -> str:
    return reverse("wagtail_vertrouwen:mailbox", args=[page.pk])


def _set_cookie(request, response, token):
    response.set_cookie(
        policy.mailbox_cookie_name(request), token, **policy.mailbox_cookie_options(request)
    )


def _delete_cookie(request, response):
    options = policy.mailbox_cookie_options(request)
    response.delete_cookie(
        policy.mailbox_cookie_name(request), path=options["path"], samesite=options["samesite"]
    )


# Pages ---------------------------------------------------------------------------------------


def _render(request, template, context, status):
    return TemplateResponse(
        request, f"wagtail_vertrouwen/pages/{template}.html", context, status=status
    )


def _other_languages(request, page):
    """The mailbox of the form's other versions on this Site (same cookie, same session)."""
    from ..models import MeldingFormPage

    site_id = policy.site_id_of(page)
    versions = (
        MeldingFormPage.objects.live()
        .public()
        .filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .select_related("locale")
    )
    return [
        {
            "url": mailbox_url(version),
            "language_code": version.locale.language_code,
            "name": version.locale.get_display_name(),
        }
        for version in versions
        if policy.site_id_of(version) == site_id
    ]


def _common(request, page):
    return {
        "form_page": page,
        "form_page_url": page.get_url(request),
        "mailbox_url": mailbox_url(page),
        "other_languages": _other_languages(request, page),
        "idle_minutes": conf.seconds("MAILBOX_IDLE_SECONDS") // 60,
        "max_minutes": conf.seconds("MAILBOX_MAX_SECONDS") // 60,
    }


def login_page(request, page, form=None, *, status=200, ended=False, said=""):
    context = {
        **_common(request, page),
        "form": form or LoginForm(),
        "challenge_json": json.dumps(guard.new_challenge(page.translation_key)),
        "ended": ended,
        "said": said,
    }
    return _render(request, "mailbox_login", context, status)


def _limits():
    return {
        "count": conf.get("ATTACHMENT_MAX_COUNT"),
        "each": file_size_label(conf.get("ATTACHMENT_MAX_BYTES")),
        "total": file_size_label(conf.get("ATTACHMENTS_TOTAL_MAX_BYTES")),
    }


def _deadlines(melding):
    return {
        "acknowledge_by": melding.acknowledge_by,
        "acknowledged_at": melding.acknowledged_at,
        "feedback_by": melding.feedback_by,
        "feedback_at": melding.feedback_at,
        "feedback_months": LEGAL_FEEDBACK_MONTHS,
    }


@sensitive_variables("token")
def mailbox_page(
    request,
    page,
    opened,
    token,
    *,
    reply_form=None,
    identity_form=None,
    notice_form=None,
    status=200,
    said="",
    problem="",
):
    melding = opened.melding
    conversation.mark_read(melding, by_melder=True)
    context = {
        **_common(request, page),
        "melding": melding,
        "answers": answer_rows(melder_reading.answers(opened)),
        "files": melder_reading.original_files(opened),
        "messages": melder_reading.messages(opened),
        "readers": melder_reading.readers(melding),
        "deadlines": _deadlines(melding),
        "notice_address": mailbox.notice_address(melding, opened.content_key),
        "reply_form": reply_form or ReplyForm(),
        "identity_form": identity_form or IdentityForm(),
        "notice_form": notice_form or NoticeForm(),
        "reply_challenge": json.dumps(challenge.new_challenge()),
        "identity_challenge": json.dumps(challenge.new_challenge()),
        "form_token": policy.mailbox_form_token(token),
        "limits": _limits(),
        "max_message": MAX_MESSAGE,
        "said": said,
        "problem": problem,
    }
    return _render(request, "mailbox", context, status)


def _gone_page(request, page, text, status=410):
    """The melding was deleted while the melder wrote: say so, and give the text back."""
    return _render(request, "mailbox_gone", {**_common(request, page), "text": text}, status)


def _ended(request, page, text="", status=403):
    """The session is over: the login page says why, with the message typed kept."""
    form = LoginForm(initial={"reply": text[:MAX_MESSAGE]}) if text else None
    response = login_page(request, page, form, status=status, ended=bool(request.mailbox_token))
    if request.mailbox_token:  # only a browser that sent the cookie has one to lose
        _delete_cookie(request, response)
    return response


def _done(page, key):
    return HttpResponseRedirect(f"{mailbox_url(page)}?gedaan={key}", status=303)


# Views ---------------------------------------------------------------------------------------


@transaction.non_atomic_requests  # the proof of work is used up after the session is stored
@csrf_exempt  # see the module's docstring
@require_http_methods(["GET", "POST"])
@mailbox_view
def mailbox_view_or_login(request, page):
    """GET: the mailbox, or the login page. POST: log in."""
    visit = _visit(request, page)
    if request.method == "GET":
        if visit.opened is not None:
            said = DONE.get(request.GET.get("gedaan", ""), "")
            return mailbox_page(request, page, visit.opened, visit.token, said=said)
        response = login_page(request, page, ended=visit.ended)
        if visit.ended:
            _delete_cookie(request, response)
        return response
    if not _read_post(request):
        form = LoginForm()
        form.cleaned_data = {}
        form.add_error(None, TOO_MUCH % {"count": conf.get("ATTACHMENT_MAX_COUNT")})
        return login_page(request, page, form, status=400)
    return _log_in(request, page, visit)


@sensitive_variables("code", "started")
def _log_in(request, page, visit):
    form = LoginForm(request.POST)
    if not form.is_valid():
        return login_page(request, page, form, status=400)
    code = form.cleaned_data["code"]
    try:
        started = guard.log_in(page, code, form.cleaned_data["challenge"])
    except guard.Refused as refusal:
        form.add_error(
            "code" if refusal.reason == guard.WRONG else None, LOGIN_REFUSALS[refusal.reason]
        )
        return login_page(request, page, form, status=refusal.status)
    except crypto.Busy:  # nothing was tried or counted; the proof of work was given back
        logger.warning("a mailbox login waited too long for a key-derivation slot")
        form.add_error(None, TRY_AGAIN)
        return retry_later(login_page(request, page, form, status=503))
    if visit.token:
        mailbox.log_out(visit.token)  # the earlier session of this browser ends
    reply = form.cleaned_data.get("reply", "")
    if reply:
        # Typed when the last session ended: shown again in the reply box, to check and send.
        response = mailbox_page(
            request,
            page,
            started.opened,
            started.token,
            reply_form=ReplyForm(initial={"text": reply}),
            said=_("You are logged in again. Your message is not sent yet: check it and send it."),
        )
    else:
        response = HttpResponseRedirect(mailbox_url(page), status=303)
    _set_cookie(request, response, started.token)
    return response


def _checked(request, page, visit, form_class):
    """The bound form of a POST to the open mailbox, or the response that refuses it: the
    session is over (the login page keeps the message typed), the body held too much, or the
    form token is not this session's."""
    if not _read_post(request):
        if visit.opened is None:
            return None, _ended(request, page)
        form = form_class()
        form.cleaned_data = {}
        form.add_error(None, TOO_MUCH % {"count": conf.get("ATTACHMENT_MAX_COUNT")})
        return None, _again(request, page, visit, form_class, form, status=413)
    if visit.opened is None:
        return None, _ended(request, page, request.POST.get("text", ""))
    form = form_class(request.POST, request.FILES)
    if not policy.mailbox_form_token_ok(visit.token, request.POST.get("form_token")):
        return None, _again(request, page, visit, form_class, form, STALE, status=403)
    return form, None


def _again(request, page, visit, form_class, form, problem="", status=400):
    """The mailbox again, with ``form`` (bound: what was typed stays) and what went wrong."""
    name = {
        ReplyForm: "reply_form",
        IdentityForm: "identity_form",
        NoticeForm: "notice_form",
    }[form_class]
    return mailbox_page(
        request, page, visit.opened, visit.token, status=status, problem=problem, **{name: form}
    )


def _post_message(request, page, visit, form, **message):
    """Store a message of the melder, paid for with the form's proof of work."""
    opened = visit.opened
    text = request.POST.get("text", "")
    try:
        guard.spend(
            form.cleaned_data["challenge"],
            lambda: conversation.post(opened.melding, opened.content_key, **message),
        )
    except guard.Refused as refusal:
        form.add_error(None, MESSAGE_REFUSALS[refusal.reason])
        return _again(request, page, visit, type(form), form, status=refusal.status)
    except conversation.MeldingGone:
        return _gone_page(request, page, text)
    except conversation.TooMany as too_many:
        form.add_error(None, str(too_many))
        return _again(request, page, visit, type(form), form, status=429)
    except Exception:
        logger.exception("a melder's message could not be stored")
        form.add_error(None, FAULT)
        return _again(request, page, visit, type(form), form, status=500)
    return None


@transaction.non_atomic_requests
@csrf_exempt
@require_POST
@mailbox_view
def reply(request, page):
    visit = _visit(request, page)
    form, refused = _checked(request, page, visit, ReplyForm)
    if refused is not None:
        return refused
    if not form.is_valid():
        return _again(request, page, visit, ReplyForm, form)
    failed = _post_message(
        request, page, visit, form, text=form.cleaned_data["text"], uploads=form.uploads
    )
    return failed or _done(page, "bericht")


@transaction.non_atomic_requests
@csrf_exempt
@require_POST
@mailbox_view
def identity(request, page):
    visit = _visit(request, page)
    form, refused = _checked(request, page, visit, IdentityForm)
    if refused is not None:
        return refused
    if not form.is_valid():
        return _again(request, page, visit, IdentityForm, form)
    failed = _post_message(
        request, page, visit, form, kind=MessageKind.IDENTITY, details=form.details()
    )
    return failed or _done(page, "gegevens")


@csrf_exempt
@require_POST
@mailbox_view
def notice(request, page):
    visit = _visit(request, page)
    form, refused = _checked(request, page, visit, NoticeForm)
    if refused is not None:
        return refused
    opened = visit.opened
    if "uit" in request.POST:
        mailbox.set_notice(opened.melding, opened.content_key, "")
        return _done(page, "melding-uit")
    if not form.is_valid():
        return _again(request, page, visit, NoticeForm, form)
    mailbox.set_notice(opened.melding, opened.content_key, form.cleaned_data["email"])
    return _done(page, "melding-aan")


@require_GET
@mailbox_view
def download(request, page, bijlage_id):
    visit = _visit(request, page)
    if visit.opened is None:
        return _ended(request, page)
    info = melder_reading.file(visit.opened, bijlage_id)
    if info is None:
        raise Http404
    try:
        chunks = melder_reading.download(info)
    except FileNotFoundError as error:
        raise Http404 from error
    response = StreamingHttpResponse(chunks, content_type=info.content_type)
    name = safe_name(info.name, info.content_type)
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["Content-Length"] = str(info.size)
    response["X-Content-Type-Options"] = "nosniff"
    response.vertrouwen_csp = policy.ATTACHMENT_CSP
    return response


@csrf_exempt  # logging out only ends a session: always safe, also from a stale page
@require_POST
@mailbox_view
def log_out(request, page):
    if request.mailbox_token:
        mailbox.log_out(request.mailbox_token)
    response = login_page(request, page, said=_("You are logged out."))
    _delete_cookie(request, response)
    return response
