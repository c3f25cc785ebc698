"""Designating the recipients of melding forms: its own view behind its own permission (I4).

Superusers pass ``has_perm`` and so may designate; every change is audited and mailed to the
form's current recipients, and a new recipient cannot read what came before (threat model).
People are shown by ``policy.identity`` (name, login name and address), never by a display
name alone.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ...choices import Rol
from ...locales import default_locale, reference_versions
from ..models import AuditEntry, Designation, MeldingFormPage
from ..models import audit as audit_model
from ..policy import can_designate, identity, pinned_school, receiving
from ..services import designate as service

#: Forms per page of the listing; a board with many schools pages through them.
PER_PAGE = 20
#: The lines of "Recent changes": who receives, and where and whether the form can receive.
RECIPIENT_CHANGES = [*audit_model.RECIPIENT_CHANGES, *audit_model.FORM_EVENTS]


ROLE_CHOICES = [("", gettext_lazy("Vertrouwenspersoon")), *Rol.choices]


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=gettext_lazy("Role"), required=False, choices=ROLE_CHOICES)


class AddRecipientForm(forms.Form):
    user = forms.ModelChoiceField(
        label=gettext_lazy("Vertrouwenspersoon"),
        queryset=get_user_model().objects.none(),
        help_text=gettext_lazy(
            "An active account that can use the Wagtail admin. They set up their key and "
            "second factor at their first visit to the inbox."
        ),
    )
    role = forms.ChoiceField(
        label=gettext_lazy("Role"),
        required=False,
        choices=ROLE_CHOICES,
        help_text=gettext_lazy(
            "The form names every reader with this role, so melders know who reads: for "
            "example whether she works at the school (internal) or not (external)."
        ),
    )

    def __init__(self, *args, exclude=(), **kwargs):
        super().__init__(*args, **kwargs)
        model = get_user_model()
        self.fields["user"].queryset = receiving(
            model._default_manager.exclude(pk__in=exclude)
        ).order_by(model.USERNAME_FIELD)
        self.fields["user"].label_from_instance = identity


def _require(request):
    if not can_designate(request.user):
        raise PermissionDenied


def _one_per_form():
    """One page per melding form, in whatever locales: translations share a
    ``translation_key`` and so their recipients. The reference version names the form
    (``wagtail_vertrouwen.locales``: the default locale's, else the original)."""
    pages = MeldingFormPage.objects.only("pk", "title", "translation_key", "locale_id")
    chosen = reference_versions(pages, default_locale()).values()
    return sorted(chosen, key=lambda page: (page.title.lower(), page.pk))


def _row(page):
    current = list(page.designations().select_related("user", "user__vertrouwen_key"))
    receiving_ids = set(
        receiving(
            get_user_model()._default_manager.filter(pk__in=[d.user_id for d in current])
        ).values_list("pk", flat=True)
    )
    return {
        "page": page,
        "translations": page.get_translations().select_related("locale"),
        "designations": [
            {
                "designation": d,
                "identity": identity(d.user),
                "role": d.get_role_display(),
                "role_form": RoleForm(initial={"role": d.role}, prefix=f"role-{d.pk}"),
                "has_key": hasattr(d.user, "vertrouwen_key"),
                "may_receive": d.user_id in receiving_ids,
            }
            for d in current
        ],
        "form": AddRecipientForm(exclude=[d.user_id for d in current], prefix=str(page.pk)),
        "versions": page.versions(),
        # Designated but pinned to no school (migration 0003, check W008): receives nothing.
        "unpinned": bool(current) and pinned_school(page.translation_key) is None,
        "log": AuditEntry.objects.filter(
            translation_key=page.translation_key, action__in=RECIPIENT_CHANGES
        )[:10],
    }


def forms_list(request):
    _require(request)
    paginator = Paginator(_one_per_form(), PER_PAGE)
    items = paginator.get_page(request.GET.get("p"))
    pages = MeldingFormPage.objects.in_bulk([page.pk for page in items])
    context = {
        "rows": [_row(pages[page.pk]) for page in items],
        "items": items,
        "elided_page_range": paginator.get_elided_page_range(items.number),
    }
    return TemplateResponse(request, "wagtail_vertrouwen/recipients/index.html", context)


def _form_posted(page_id):
    """The form a posted page id designates for: its reference version
    (``designate.form_of``), whichever version's id was posted, so that the audit line and
    the mails name the form, never a decoy (an unpublished translation with another title)."""
    posted = get_object_or_404(MeldingFormPage, pk=page_id)
    return posted, service.form_of(posted.translation_key)


def _not_on_a_website(request, page):
    """A designation or pin refused because no version of the form stands on a website."""
    messages.error(
        request,
        _(
            "“%(form)s” stands on no website, so it has no school to receive for. Put the "
            "form on the school's website first: publish it under the school's homepage."
        )
        % {"form": page.title},
    )


@require_POST
def add(request, page_id):
    _require(request)
    posted, page = _form_posted(page_id)
    current = [d.user_id for d in page.designations()]
    form = AddRecipientForm(request.POST, exclude=current, prefix=str(posted.pk))
    if not form.is_valid():
        if "user" in form.errors:
            messages.error(
                request,
                _(
                    "Choose an active account that can use the Wagtail admin and is not a "
                    "recipient of this form yet."
                ),
            )
        else:
            messages.error(request, _("Choose a role from the list."))
        return redirect("wagtail_vertrouwen_recipients:index")
    try:
        service.designate(
            page, form.cleaned_data["user"], request.user, role=form.cleaned_data["role"]
        )
    except service.NotOnAWebsite:
        _not_on_a_website(request, page)
    else:
        messages.success(
            request,
            _("%(user)s now receives the new meldingen of “%(form)s”.")
            % {"user": identity(form.cleaned_data["user"]), "form": page.title},
        )
    return redirect("wagtail_vertrouwen_recipients:index")


@require_POST
def change_role(request, page_id, designation_id):
    """Another role for a current recipient: the public form names her with it."""
    _require(request)
    posted, page = _form_posted(page_id)
    form = RoleForm(request.POST, prefix=f"role-{designation_id}")
    if not form.is_valid():
        messages.error(request, _("Choose a role from the list."))
        return redirect("wagtail_vertrouwen_recipients:index")
    try:
        designation = service.change_role(
            page, designation_id, form.cleaned_data["role"], request.user
        )
    except Designation.DoesNotExist:
        raise Http404 from None
    messages.success(
        request,
        _("The form now names %(user)s as: %(role)s.")
        % {
            "user": identity(designation.user),
            "role": designation.get_role_display() or _("Vertrouwenspersoon"),
        },
    )
    return redirect("wagtail_vertrouwen_recipients:index")


@require_POST
def pin(request, page_id):
    """Pin a form that has recipients but no school (check W008) to its school."""
    _require(request)
    _posted, page = _form_posted(page_id)
    try:
        school = service.pin_designated(page, request.user)
    except service.NotOnAWebsite:
        _not_on_a_website(request, page)
    else:
        if school is not None:
            messages.success(
                request,
                _("“%(form)s” now receives on the websites of its school: %(school)s.")
                % {"form": page.title, "school": school},
            )
    return redirect("wagtail_vertrouwen_recipients:index")


@require_POST
def remove(request, page_id, designation_id):
    _require(request)
    _posted, page = _form_posted(page_id)
    with transaction.atomic():
        # Lock the form (as designate does), so two removals at once cannot both pass the check.
        service.lock_form(page.translation_key)
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
        % {"user": identity(designation.user), "form": page.title},
    )
    return redirect("wagtail_vertrouwen_recipients:index")
