"""Reading meldingen: the list, one melding, its attachments, its conversation with the
melder, status, deadlines, note, export and deletion. Every view goes through
``recipient_required`` (I3), in ``inbox_urls``."""

import json
import uuid
from functools import wraps

import django_filters
from django.contrib import messages
from django.core.exceptions import (
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
    ValidationError,
)
from django.db.models import F
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import BaseListingView
from wagtail.admin.widgets.button import HeaderButton

from ...choices import Audience, Probleemgebied
from .. import crypto
from ..forms.inbox import (
    DeleteForm,
    MelderStatusForm,
    NextContactForm,
    NoteForm,
    ReplyForm,
    StatusForm,
)
from ..forms.melding import ANDERS_GEBIED, Wie, answer_rows, readable_answers
from ..forms.uploads import MemoryOnlyUploadHandler, safe_name
from ..models import (
    AuditAction,
    AuditEntry,
    Bijlage,
    Melding,
    MeldingAccess,
    MeldingStatus,
    MessageKind,
)
from ..policy import ATTACHMENT_CSP
from ..services import deadlines
from ..services.conversation import MeldingGone
from ..services.reading import delete_melding, urgency
from .audit import entries_visible_to
from .cells import (
    AboutColumn,
    DueColumn,
    InboxTable,
    PythonColumn,
    ReceivedColumn,
    WaitingColumn,
)
from .gate import recipient_required

#: Stands in for a melding's id in ``InboxView.detail_url``.
PLACEHOLDER = str(uuid.UUID(int=0))

#: Audit lines shown on a melding's page; the link below them leads to every line.
LOG_PREVIEW = 10


def _melding(request, pk):
    """A melding sealed to this recipient's current key, or 404 (the same for 'absent', 'not
    yours', 'sealed to a key you no longer have' and 'deleted a moment ago')."""
    melding = get_object_or_404(
        Melding.objects.readable_by(request.user).select_related("site"), pk=pk
    )
    try:
        request.reader.content_key(melding)
    except (crypto.DecryptionError, MeldingAccess.DoesNotExist) as error:
        raise Http404 from error
    return melding


def gone_is_404(view):
    """A co-recipient may delete the melding while this request runs: answer 404, not 500."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except (MeldingAccess.DoesNotExist, Melding.DoesNotExist, FileNotFoundError) as error:
            raise Http404 from error

    return wrapped


def _readable(answers):
    """The answers with their questions, in the form's order, for display and export."""
    return readable_answers(answers)


#: The deadline filter's choices; each is a condition of ``services.deadlines``.
OVERDUE, DUE_SOON, WAITING = "overdue", "soon", "waiting"


class StatusFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), field_name="melding__status", choices=MeldingStatus.choices
    )
    due = django_filters.ChoiceFilter(
        label=gettext_lazy("Deadlines"),
        choices=[
            (OVERDUE, gettext_lazy("Overdue")),
            (DUE_SOON, gettext_lazy("Due within 2 days")),
            (WAITING, gettext_lazy("Waiting for an answer")),
        ],
        method="filter_due",
    )

    class Meta:
        model = MeldingAccess
        fields = []

    def filter_due(self, queryset, name, value):
        now = timezone.now()
        condition = {
            OVERDUE: lambda: deadlines.overdue_q(now, prefix="melding__"),
            DUE_SOON: lambda: deadlines.soon_q(now, prefix="melding__"),
            WAITING: lambda: deadlines.waiting_q(prefix="melding__"),
        }.get(value)
        return queryset.filter(condition()) if condition else queryset


class InboxView(BaseListingView):
    """This recipient's meldingen, a page at a time: only the rows of the page are decrypted,
    and one audit line says so. The same number of queries for ten meldingen or ten thousand."""

    template_name = "wagtail_vertrouwen/inbox/index.html"
    page_title = gettext_lazy("Meldingen")
    header_icon = "lock"
    paginate_by = 50
    index_url_name = "wagtail_vertrouwen_inbox:index"
    index_results_url_name = "wagtail_vertrouwen_inbox:index_results"
    filterset_class = StatusFilterSet
    table_class = InboxTable
    default_ordering = "unread"
    #: Unread first (the last to reach this inbox on top), then the read ones, the last read
    #: on top: read from an index (``MeldingAccess.Meta.indexes``) however many meldingen. Or
    #: by the date of receipt, the earliest open deadline, or the waiting time (without one:
    #: last). Ties broken by id: stable pages.
    orderings = {
        "unread": (F("read_at").desc(nulls_first=True), "-pk"),
        "received": ("melding__received_at", "pk"),
        "-received": ("-melding__received_at", "-pk"),
        "due": (F("due_at").asc(nulls_last=True), "-melding__received_at", "-pk"),
        "-due": (F("due_at").desc(nulls_last=True), "-melding__received_at", "-pk"),
        "waiting": (F("melding__waiting_since").asc(nulls_last=True), "melding__received_at", "pk"),
        "-waiting": (
            F("melding__waiting_since").desc(nulls_last=True),
            "-melding__received_at",
            "-pk",
        ),
    }
    columns = [
        ReceivedColumn(
            "received",
            label=gettext_lazy("Received"),
            accessor="melding.received_at",
            sort_key="received",
        ),
        PythonColumn("school", label=gettext_lazy("School"), accessor="melding.site.site_name"),
        AboutColumn("gebied", label=gettext_lazy("About")),
        PythonColumn("wie", label=gettext_lazy("From")),
        PythonColumn("status", label=gettext_lazy("Status"), accessor="status_label"),
        WaitingColumn(
            "waiting",
            label=gettext_lazy("Waiting"),
            accessor="melding.waiting_since",
            sort_key="waiting",
        ),
        DueColumn("due", label=gettext_lazy("Due"), accessor="due", sort_key="due"),
    ]

    def get_base_queryset(self):
        return MeldingAccess.objects.filter(recipient=self.request.user).select_related(
            "melding", "melding__site"
        )

    def get_valid_orderings(self):
        return list(self.orderings)

    def order_queryset(self, queryset):
        if self.ordering in ("due", "-due"):
            queryset = queryset.annotate(due_at=deadlines.due_expression(prefix="melding__"))
        return queryset.order_by(*self.orderings[self.ordering])

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = rows = [self._decrypt(access) for access in rows]
        return paginator, page, rows, is_paginated

    def _decrypt(self, access):
        """Area and sender of one melding of this page, for the list; its timing besides."""
        access.unread = access.read_at is None
        status = access.melding.status
        access.status_label = self.status_labels.get(status, status)
        access.url = self.detail_url.replace(PLACEHOLDER, str(access.melding_id))
        access.due = deadlines.first_deadline(access.melding, self.now)
        access.waiting = (
            timesince(access.melding.waiting_since, self.now, depth=1)
            if access.melding.waiting_since
            else ""
        )
        access.urgency = []
        try:
            answers = self.request.reader.answers(access.melding, access)
        except crypto.DecryptionError:  # sealed to an earlier key of this recipient
            access.unreadable = True
            access.gebied = _(
                "Not readable with your current key (sent before you set up a new key)."
            )
            access.wie = ""
            return access
        access.unreadable = False
        access.urgency = urgency(answers)
        area, sender = answers.get("probleemgebied"), answers.get("wie")
        access.gebied = self.area_labels.get(area, area)
        access.wie = self.sender_labels.get(sender, sender)
        return access

    @cached_property
    def area_labels(self):
        """Each area's name in the reader's language, translated once per page, not per row."""
        choices = [*Probleemgebied.choices, (ANDERS_GEBIED, _("Something else"))]
        return {value: str(label) for value, label in choices}

    @cached_property
    def status_labels(self):
        return {value: str(label) for value, label in MeldingStatus.choices}

    @cached_property
    def sender_labels(self):
        choices = [*Audience.choices, (Wie.ANDERS, _("Someone else"))]
        return {value: str(label) for value, label in choices}

    @cached_property
    def now(self):
        return timezone.now()

    @cached_property
    def detail_url(self):
        """A melding's address with ``PLACEHOLDER`` for its id: one ``reverse`` per page."""
        return reverse("wagtail_vertrouwen_inbox:detail", args=[PLACEHOLDER])

    @cached_property
    def no_results_message(self):
        if self.is_filtering:
            return _("No meldingen match these filters.")
        return _("There are no meldingen for you.")

    def get_header_buttons(self):
        buttons = [
            HeaderButton(
                _("Hand over"), reverse("wagtail_vertrouwen_inbox:handover"), icon_name="user"
            ),
            HeaderButton(
                _("Meldingen nobody can read"),
                reverse("wagtail_vertrouwen_inbox:unreadable"),
                icon_name="warning",
            ),
            HeaderButton(
                _("Audit log"), reverse("wagtail_vertrouwen_inbox:audit_log"), icon_name="history"
            ),
        ]
        if self.ordering != self.default_ordering:
            buttons.insert(
                0,
                HeaderButton(_("Unread first"), self.index_url, icon_name="arrow-down"),
            )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = context["object_list"]
        if rows:  # the page decrypted each melding's area and sender: one line for the lot
            AuditEntry.record(
                AuditAction.LISTED,
                self.request.user,
                detail=str(len(rows)),
                readers=[self.request.user.pk],
            )
        return context


@recipient_required
@gone_is_404
def detail(request, pk):
    return _render_detail(request, _melding(request, pk))


def _render_detail(request, melding, *, status=200, **forms):
    """The melding's page; ``forms`` replaces a form by a bound one that has errors, so that
    what was typed stays (I6). Opening it reads the conversation: the melder's messages count
    as read from now on."""
    answers, bijlagen, note = request.reader.open(melding)
    conversation = [_message(readable) for readable in request.reader.messages(melding)]
    log = entries_visible_to(request.user).filter(melding_id=melding.pk)
    context = {
        "melding": melding,
        "answers": _readable(answers),
        # With the field names, so the page can keep a phone number left to right.
        "answer_rows": answer_rows(answers),
        "urgency": urgency(answers),
        "bijlagen": bijlagen,
        "deadlines": deadlines.open_deadlines(melding),
        "conversation": conversation,
        "reply_form": ReplyForm(melding=melding),
        "melder_status_form": MelderStatusForm(initial={"melder_status": melding.melder_status}),
        "next_contact_form": NextContactForm(initial={"next_contact_by": melding.next_contact_by}),
        "closed": melding.status == MeldingStatus.AFGESLOTEN,
        "status_form": StatusForm(initial={"status": melding.status}),
        "note_form": NoteForm(initial={"note": note}),
        "delete_form": DeleteForm(),
        # The newest lines here; all of them, paged and filtered, in the audit log.
        "log": log[:LOG_PREVIEW],
        "log_count": log.count(),
        "log_url": reverse("wagtail_vertrouwen_inbox:audit_log") + f"?melding={melding.pk}",
    }
    context.update(forms)
    return TemplateResponse(request, "wagtail_vertrouwen/inbox/detail.html", context, status=status)


def _message(readable):
    """One message of the conversation, as the template shows it."""
    message = readable.message
    details = readable.details if message.kind == MessageKind.IDENTITY else {}
    return {
        "message": message,
        "text": readable.text,
        "bijlagen": readable.bijlagen,
        "from_melder": message.from_melder,
        "author": message.author_identity,
        "identity": [
            (label, details[key])
            for key, label in (
                ("naam", _("name")),
                ("email", _("e-mail")),
                ("telefoon", _("phone")),
            )
            if details.get(key)
        ],
        "is_identity": message.kind == MessageKind.IDENTITY,
        # The melder's messages are marked read as this page opens: new until then.
        "new": message.from_melder and message.read_at is None,
    }


@recipient_required
@gone_is_404
def download(request, pk, bijlage_pk):
    melding = _melding(request, pk)
    bijlage = get_object_or_404(Bijlage, melding=melding, pk=bijlage_pk)
    info, chunks = request.reader.download(bijlage)
    response = StreamingHttpResponse(chunks, content_type=info.content_type)
    name = safe_name(info.name, info.content_type)  # also for names stored before the rule
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["Content-Length"] = str(info.size)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = ATTACHMENT_CSP
    return response


@recipient_required
@gone_is_404
def export(request, pk):
    """The melding as a JSON file, for the recipient's own records; audited like a read."""
    melding = _melding(request, pk)
    answers, bijlagen, _note = request.reader.open(melding, AuditAction.EXPORTED)
    document = {
        "melding": str(melding.pk),
        "received": melding.received_at.isoformat(),
        "school": melding.site.site_name if melding.site else "",
        "status": melding.status,
        "answers": dict(_readable(answers)),
        "attachments": [{"name": b.name, "type": b.content_type, "size": b.size} for b in bijlagen],
    }
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition_header(
        True, f"melding-{melding.received_at:%Y%m%d-%H%M}.json"
    )
    return response


@require_POST
@recipient_required
@gone_is_404
def set_status(request, pk):
    melding = _melding(request, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        request.reader.set_status(melding, form.cleaned_data["status"])
        messages.success(
            request, _("Status changed to “%(status)s”.") % {"status": melding.get_status_display()}
        )
    else:
        messages.error(request, _("Choose one of the statuses."))
    return redirect("wagtail_vertrouwen_inbox:detail", pk=melding.pk)


@require_POST
@recipient_required
@gone_is_404
def save_note(request, pk):
    melding = _melding(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        request.reader.save_note(melding, form.cleaned_data["note"])
        messages.success(request, _("Your note was saved."))
        return redirect("wagtail_vertrouwen_inbox:detail", pk=melding.pk)
    messages.error(request, form.errors["note"][0])
    return redirect("wagtail_vertrouwen_inbox:detail", pk=melding.pk)


@require_POST
@recipient_required
@gone_is_404
def delete(request, pk):
    melding = _melding(request, pk)
    form = DeleteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tick the box to confirm that the melding may be deleted."))
        return redirect("wagtail_vertrouwen_inbox:detail", pk=melding.pk)
    delete_melding(melding, request.user)
    messages.success(request, _("The melding and its attachments were deleted."))
    return redirect("wagtail_vertrouwen_inbox:index")


def _reply_refused(request, pk, message):
    messages.error(request, message)
    return redirect("wagtail_vertrouwen_inbox:detail", pk=pk)


@csrf_exempt  # checked below, once our upload handler is in place
@require_POST
def reply(request, pk):
    """A message to the melder, with files. The files are kept in memory, never spooled to a
    temporary file in plaintext: Django's CSRF middleware would read the body (with the
    default handlers) before the view runs, so this view is exempt from it and runs the same
    CSRF check itself after setting the upload handler (CSRF stays enforced)."""
    request.sensitive_post_parameters = "__ALL__"  # in error reports too, before the gate
    request.upload_handlers = [MemoryOnlyUploadHandler(request)]
    try:
        request.POST  # noqa: B018 - parse now, with our handler, to catch what is too much
    except (TooManyFilesSent, TooManyFieldsSent, RequestDataTooBig):
        return _reply_refused(
            request,
            pk,
            _("Too many or too large files were sent, so nothing could be read or sent."),
        )
    refused = CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {})
    if refused is not None:
        return refused
    return _reply(request, pk)


@recipient_required
def _reply(request, pk):
    text = request.POST.get("text", "")
    try:
        melding = _melding(request, pk)
    except Http404:  # deleted meanwhile (or never one of hers: the same answer)
        return _reply_gone(request, text)
    form = ReplyForm(request.POST, request.FILES, melding=melding)
    if not form.is_valid():
        try:
            return _render_detail(request, melding, status=400, reply_form=form)
        except (MeldingAccess.DoesNotExist, Melding.DoesNotExist):
            return _reply_gone(request, text)
    planned = melding.next_contact_by
    try:
        request.reader.reply(
            melding,
            form.cleaned_data["text"],
            form.uploads,
            feedback=form.cleaned_data.get("feedback", False),
        )
    except (MeldingGone, MeldingAccess.DoesNotExist, Melding.DoesNotExist):
        return _reply_gone(request, text)
    messages.success(
        request,
        _("Your message was sent. The melder reads it after logging in with their code."),
    )
    if planned is not None:
        messages.info(
            request,
            _(
                "This message was the next contact, so the date %(date)s was removed. Set a "
                "new one if you like."
            )
            % {"date": date_format(planned, "DATE_FORMAT")},
        )
    return redirect(reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk]) + "#gesprek")


def _reply_gone(request, text):
    """The melding is gone: say so, and give back what she wrote."""
    return TemplateResponse(
        request, "wagtail_vertrouwen/inbox/reply_gone.html", {"text": text}, status=404
    )


@require_POST
@recipient_required
@gone_is_404
def set_melder_status(request, pk):
    melding = _melding(request, pk)
    form = MelderStatusForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, melding, status=400, melder_status_form=form)
    request.reader.set_melder_status(melding, form.cleaned_data["melder_status"])
    messages.success(
        request,
        _("The melder now sees the status “%(status)s”.")
        % {"status": melding.get_melder_status_display()},
    )
    return redirect("wagtail_vertrouwen_inbox:detail", pk=melding.pk)


@require_POST
@recipient_required
@gone_is_404
def set_next_contact(request, pk):
    melding = _melding(request, pk)
    form = NextContactForm(request.POST)
    if form.is_valid():
        day = form.cleaned_data["next_contact_by"]
        try:
            request.reader.set_next_contact(melding, day)
        except ValidationError as error:
            form.add_error("next_contact_by", error)
        else:
            if day:
                messages.success(
                    request,
                    _("Next contact by %(date)s.") % {"date": date_format(day, "DATE_FORMAT")},
                )
            else:
                messages.success(request, _("The next contact date was removed."))
            return redirect("wagtail_vertrouwen_inbox:detail", pk=melding.pk)
    return _render_detail(request, melding, status=400, next_contact_form=form)
