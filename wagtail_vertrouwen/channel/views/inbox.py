"""Reading meldingen: the list, one melding, its attachments, status, note, export and
deletion. Every view goes through ``recipient_required`` (I3), in ``inbox_urls``."""

import json
from functools import wraps

import django_filters
from django.contrib import messages
from django.db.models import F
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import BaseListingView
from wagtail.admin.widgets.button import HeaderButton

from ...choices import Audience, Probleemgebied
from .. import crypto
from ..forms.inbox import DeleteForm, NoteForm, StatusForm
from ..forms.melding import ANDERS_GEBIED, ContactWens, MeldingForm, Wie
from ..forms.uploads import safe_name
from ..models import (
    AuditAction,
    AuditEntry,
    Bijlage,
    Melding,
    MeldingAccess,
    MeldingStatus,
)
from ..policy import ATTACHMENT_CSP
from ..services.reading import delete_melding
from .audit import entries_visible_to
from .gate import recipient_required

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


class ReceivedColumn(Column):
    """The date of receipt, linking to the melding, marked while unread."""

    cell_template_name = "wagtail_vertrouwen/inbox/cells/received.html"


class StatusFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), field_name="melding__status", choices=MeldingStatus.choices
    )

    class Meta:
        model = MeldingAccess
        fields = []


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
    default_ordering = "unread"
    #: Unread first (then newest); or by the date of receipt. Ties broken by id: stable pages.
    orderings = {
        "unread": (F("read_at").asc(nulls_first=True), "-melding__received_at", "-pk"),
        "received": ("melding__received_at", "pk"),
        "-received": ("-melding__received_at", "-pk"),
    }
    columns = [
        ReceivedColumn(
            "received",
            label=gettext_lazy("Received"),
            accessor="melding.received_at",
            sort_key="received",
        ),
        Column("school", label=gettext_lazy("School"), accessor="melding.site.site_name"),
        Column("gebied", label=gettext_lazy("About")),
        Column("wie", label=gettext_lazy("From")),
        Column("status", label=gettext_lazy("Status"), accessor="melding.get_status_display"),
    ]

    def get_base_queryset(self):
        return MeldingAccess.objects.filter(recipient=self.request.user).select_related(
            "melding", "melding__site"
        )

    def get_valid_orderings(self):
        return list(self.orderings)

    def order_queryset(self, queryset):
        return queryset.order_by(*self.orderings[self.ordering])

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = rows = [self._decrypt(access) for access in rows]
        return paginator, page, rows, is_paginated

    def _decrypt(self, access):
        """Area and sender of one melding of this page, for the list."""
        access.unread = access.read_at is None
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
        access.gebied = _label(
            [*Probleemgebied.choices, (ANDERS_GEBIED, _("Something else"))],
            answers.get("probleemgebied"),
        )
        access.wie = _label(
            [*Audience.choices, (Wie.ANDERS, _("Someone else"))], answers.get("wie")
        )
        return access

    @cached_property
    def no_results_message(self):
        if self.is_filtering:
            return _("No meldingen with this status.")
        return _("There are no meldingen for you.")

    def get_header_buttons(self):
        buttons = [
            HeaderButton(
                _("Audit log"), reverse("wagtail_vertrouwen_inbox:audit_log"), icon_name="history"
            )
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
    melding = _melding(request, pk)
    answers, bijlagen, note = request.reader.open(melding)
    log = entries_visible_to(request.user).filter(melding_id=melding.pk)
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
            # The newest lines here; all of them, paged and filtered, in the audit log.
            "log": log[:LOG_PREVIEW],
            "log_count": log.count(),
            "log_url": reverse("wagtail_vertrouwen_inbox:audit_log") + f"?melding={melding.pk}",
        },
    )


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
