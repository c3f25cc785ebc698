"""Designating the recipients of melding forms: its own view behind its own permission (I4).

Superusers pass ``has_perm`` and so may designate; every change is audited and mailed to the
form's current recipients, and a new recipient cannot read what came before (threat model).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from ..models import AuditAction, AuditEntry, MeldingFormPage
from ..policy import can_designate
from ..services import designate as service


class AddRecipientForm(forms.Form):
    user = forms.ModelChoiceField(
        label=gettext_lazy("Vertrouwenspersoon"),
        queryset=get_user_model().objects.none(),
        help_text=gettext_lazy(
            "An active account of the vertrouwenspersoon. They set up their key and second "
            "factor at their first visit to the inbox."
        ),
    )

    def __init__(self, *args, exclude=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(is_active=True)
            .exclude(pk__in=exclude)
            .order_by("last_name", "username")
        )
        self.fields["user"].label_from_instance = lambda u: (
            f"{u.get_full_name() or u.get_username()} ({u.get_username()})"
        )


def _require(request):
    if not can_designate(request.user):
        raise PermissionDenied


def forms_list(request):
    _require(request)
    default = Locale.get_default()
    pages = MeldingFormPage.objects.filter(locale=default).order_by("title")
    rows = []
    for page in pages:
        current = list(page.designations().select_related("user"))
        rows.append(
            {
                "page": page,
                "designations": [(d, hasattr(d.user, "vertrouwen_key")) for d in current],
                "form": AddRecipientForm(exclude=[d.user_id for d in current], prefix=str(page.pk)),
                "log": AuditEntry.objects.filter(
                    form__translation_key=page.translation_key,
                    action__in=[
                        AuditAction.RECIPIENT_ADDED,
                        AuditAction.RECIPIENT_REMOVED,
                        AuditAction.RECIPIENT_CONTACT_CHANGED,
                    ],
                ).select_related("subject")[:10],
            }
        )
    return TemplateResponse(request, "wagtail_vertrouwen/recipients/index.html", {"rows": rows})


@require_POST
def add(request, page_id):
    _require(request)
    page = get_object_or_404(MeldingFormPage, pk=page_id)
    current = [d.user_id for d in page.designations()]
    form = AddRecipientForm(request.POST, exclude=current, prefix=str(page.pk))
    if form.is_valid():
        service.designate(page, form.cleaned_data["user"], request.user)
        messages.success(
            request,
            _("%(user)s now receives the new meldingen of “%(form)s”.")
            % {"user": form.cleaned_data["user"], "form": page.title},
        )
    else:
        messages.error(request, _("Choose an account that is not a recipient of this form yet."))
    return redirect("wagtail_vertrouwen_recipients:index")


@require_POST
def remove(request, page_id, designation_id):
    _require(request)
    page = get_object_or_404(MeldingFormPage, pk=page_id)
    with transaction.atomic():
        # Lock the form's designations, so two removals at once cannot both pass the check.
        current = list(page.designations().select_for_update())
        designation = next((d for d in current if d.pk == designation_id), None)
        if designation is None:
            raise Http404
        live = MeldingFormPage.objects.filter(translation_key=page.translation_key, live=True)
        if len(current) <= 1 and live.exists():
            messages.error(
                request,
                _(
                    "A live melding form keeps at least one recipient. Add the new recipient "
                    "first, or unpublish the form."
                ),
            )
            return redirect("wagtail_vertrouwen_recipients:index")
        service.remove(designation, page, request.user)
    messages.success(
        request,
        _("%(user)s no longer receives new meldingen of “%(form)s”.")
        % {"user": designation.user, "form": page.title},
    )
    return redirect("wagtail_vertrouwen_recipients:index")
