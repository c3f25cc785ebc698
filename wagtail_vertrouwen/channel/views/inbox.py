"""Reading meldingen: the list, one melding, its attachments, status, note, export, deletion
and the audit log. Every view goes through ``recipient_required`` (I3)."""

import json
from functools import wraps

from django.contrib import messages
from django.db.models import F, Q
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ...choices import Audience, Probleemgebied
from .. import crypto
from ..forms.inbox import DeleteForm, NoteForm, StatusForm
from ..forms.melding import ANDERS_GEBIED, ContactWens, MeldingForm, Wie
from ..models import (
    AuditAction,
    AuditEntry,
    Bijlage,
    Designation,
    Melding,
    MeldingAccess,
    MeldingStatus,
)
from ..policy import ATTACHMENT_CSP
from ..services.reading import delete_melding
from .gate import recipient_required


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


def _label(choices, value):
    return dict(choices).get(value, value)


def _readable(answers):
    """The answers with their questions, in the form's order, for display and export."""
    form = MeldingForm()
    labels = {
        name: str(form.fields[name].label)
        for name in MeldingForm.STORED_FIELDS
        if name in form.fields
    }
    values = dict(answers)
    values["probleemgebied"] = _label(
        form.fields["probleemgebied"].choices, values.get("probleemgebied")
    )
    values["wie"] = _label(Wie.choices, values.get("wie"))
    values["contact"] = _label(ContactWens.choices, values.get("contact"))
    return [(labels[name], str(values.get(name) or "")) for name in labels]


@recipient_required
def index(request):
    accesses = (
        MeldingAccess.objects.filter(recipient=request.user)
        .select_related("melding", "melding__site")
        .order_by(F("read_at").asc(nulls_first=True), "-melding__received_at")
    )
    status = request.GET.get("status")
    if status in MeldingStatus.values:
        accesses = accesses.filter(melding__status=status)
    rows = []
    for access in accesses:
        try:
            answers = request.reader.answers(access.melding, access)
        except crypto.DecryptionError:  # sealed to an earlier key of this recipient
            rows.append({"melding": access.melding, "unreadable": True})
            continue
        rows.append(
            {
                "melding": access.melding,
                "unread": access.read_at is None,
                "gebied": _label(
                    [*Probleemgebied.choices, (ANDERS_GEBIED, _("Something else"))],
                    answers.get("probleemgebied"),
                ),
                "wie": _label(
                    [*Audience.choices, (Wie.ANDERS, _("Someone else"))], answers.get("wie")
                ),
            }
        )
    if rows:  # the list decrypted each melding's area and sender: one line for the lot
        AuditEntry.record(
            AuditAction.LISTED, request.user, detail=str(len(rows)), readers=[request.user.pk]
        )
    return TemplateResponse(
        request,
        "wagtail_vertrouwen/inbox/index.html",
        {"rows": rows, "statuses": MeldingStatus.choices, "status": status},
    )


@recipient_required
@gone_is_404
def detail(request, pk):
    melding = _melding(request, pk)
    answers, bijlagen, note = request.reader.open(melding)
    return TemplateResponse(
        request,
        "wagtail_vertrouwen/inbox/detail.html",
        {
            "melding": melding,
            "answers": _readable(answers),
            "bijlagen": bijlagen,
            "status_form": StatusForm(initial={"status": melding.status}),
            "note_form": NoteForm(initial={"note": note}),
            "delete_form": DeleteForm(),
            "log": AuditEntry.objects.filter(melding_id=melding.pk).select_related("actor")[:50],
        },
    )


@recipient_required
@gone_is_404
def download(request, pk, bijlage_pk):
    melding = _melding(request, pk)
    bijlage = get_object_or_404(Bijlage, melding=melding, pk=bijlage_pk)
    info, chunks = request.reader.download(bijlage)
    response = StreamingHttpResponse(chunks, content_type=info.content_type)
    response["Content-Disposition"] = content_disposition_header(True, info.name)
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


@recipient_required
def audit_log(request):
    """What happened to this recipient's meldingen (also deleted ones), to their forms'
    recipients, and what they did themselves."""
    forms = Designation.objects.filter(user=request.user).values("translation_key")
    recipient_changes = [
        AuditAction.RECIPIENT_ADDED,
        AuditAction.RECIPIENT_REMOVED,
        AuditAction.RECIPIENT_CONTACT_CHANGED,
    ]
    entries = (
        AuditEntry.objects.filter(
            Q(readers=request.user)
            | Q(form__translation_key__in=forms, action__in=recipient_changes)
            | Q(actor=request.user)
        )
        .select_related("subject", "form")
        .distinct()[:500]
    )
    return TemplateResponse(
        request, "wagtail_vertrouwen/inbox/audit_log.html", {"entries": entries}
    )
