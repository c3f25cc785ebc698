"""Giving a colleague access to a melding, handing all open meldingen over to a successor, and
the meldingen of one's forms that nobody can read any more (issue 9, item 6).

Every view goes through ``recipient_required`` (I3); who may give access and who may be given
it is ``policy``'s decision, taken in ``services.handover``. A refusal is a clear message with
the form kept as it was filled in, never a 500.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from .. import crypto, policy
from ..models import Melding, MeldingAccess
from ..services import handover
from .gate import recipient_required, render

#: Why a grant or handover was refused, as the recipient reads it.
REFUSALS = {
    policy.NOT_DESIGNATED: gettext_lazy(
        "This person is not a recipient of this melding's form now. Only colleagues designated "
        "on the same form can be given access."
    ),
    policy.NOT_RECEIVING: gettext_lazy(
        "This account cannot receive meldingen: it is deactivated, or cannot use the admin."
    ),
    policy.NO_KEY: gettext_lazy(
        "This colleague has not set up a key yet. Access can be given after their first visit "
        "to the inbox."
    ),
    policy.ALREADY_READS: gettext_lazy("This colleague can read this melding already."),
    policy.EXCLUDED_BY_MELDER: gettext_lazy(
        "The melder asked to keep this melding away from this person. Nobody can give them "
        "access to it."
    ),
    handover.NOT_A_PARTY: gettext_lazy(
        "You cannot open this melding, so you cannot give anyone access to it."
    ),
    handover.LAST_PARTY: gettext_lazy(
        "Nobody else can read this melding: you cannot give up your own access."
    ),
    handover.NOT_A_COLLEAGUE: gettext_lazy(
        "Choose a colleague who is designated on the form of at least one of your open "
        "meldingen and has set up a key."
    ),
}


class ColleagueField(forms.ModelChoiceField):
    """A colleague, named by ``policy.identity``. The list offers only those policy allows;
    any account is accepted by the form, so that a crafted choice reaches the policy and gets
    its reason (and nothing else happens)."""

    def __init__(self, **kwargs):
        super().__init__(
            queryset=get_user_model()._default_manager.all(),
            label=gettext_lazy("Colleague"),
            error_messages={
                "required": gettext_lazy("Choose a colleague."),
                "invalid_choice": gettext_lazy("Choose one of the colleagues in the list."),
            },
            **kwargs,
        )

    def offer(self, users):
        self.widget.choices = [("", "---------")] + [
            (user.pk, policy.identity(user)) for user in users
        ]


class GrantForm(forms.Form):
    colleague = ColleagueField()
    give_up = forms.BooleanField(
        label=gettext_lazy("I give up my own access"),
        required=False,
        help_text=gettext_lazy(
            "Afterwards you can no longer open this melding, its messages or its attachments."
        ),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy(
            "Yes, this colleague may read this melding, its messages and its attachments"
        ),
        error_messages={"required": gettext_lazy("Tick the box to confirm.")},
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["colleague"].offer(choices)


class HandOverAllForm(forms.Form):
    colleague = ColleagueField(
        help_text=gettext_lazy(
            "Your successor or a co-recipient: someone designated on the form of your open "
            "meldingen, with a key."
        )
    )
    give_up = forms.BooleanField(
        label=gettext_lazy("I give up my own access to these meldingen"),
        required=False,
        initial=True,
    )
    confirm = forms.BooleanField(
        label=gettext_lazy(
            "Yes, this colleague may read these meldingen, their messages and attachments"
        ),
        error_messages={"required": gettext_lazy("Tick the box to confirm.")},
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["colleague"].offer(choices)


def _held(request, pk):
    """A melding this recipient can open now, or 404 (the same for absent, not hers, sealed
    to a key she no longer has, and deleted a moment ago)."""
    melding = Melding.objects.select_related("form", "site").filter(pk=pk).first()
    if melding is None or not policy.may_hand_over(request.user, melding):
        raise Http404
    return melding


def _eligible(request, melding):
    try:
        return handover.eligible(request.reader, melding)
    except (crypto.DecryptionError, MeldingAccess.DoesNotExist) as error:
        raise Http404 from error


def handover_context(request, melding) -> dict:
    """For the melding's page: the inline form of ``inbox/includes/handover.html`` (without
    it, the include links to the grant page)."""
    choices = _eligible(request, melding)
    return {"handover_form": GrantForm(choices=choices), "handover_choices": len(choices)}


@require_http_methods(["GET", "POST"])
@recipient_required
def grant(request, pk):
    """Give a colleague access to one melding, keeping or giving up one's own."""
    melding = _held(request, pk)
    choices = _eligible(request, melding)
    form = GrantForm(request.POST if request.method == "POST" else None, choices=choices)
    status = 200
    if form.is_bound:
        status = 400
        if form.is_valid():
            colleague = form.cleaned_data["colleague"]
            keep_own = not form.cleaned_data["give_up"]
            try:
                handover.grant(request.reader, melding, colleague, keep_own=keep_own)
            except handover.Refused as refusal:
                messages.error(request, REFUSALS[refusal.reason])
            except (Melding.DoesNotExist, MeldingAccess.DoesNotExist) as error:
                raise Http404 from error
            else:
                who = policy.identity(colleague)
                if keep_own:
                    messages.success(
                        request, _("%(who)s can now read this melding.") % {"who": who}
                    )
                    return redirect("wagtail_vertrouwen_inbox:detail", pk=melding.pk)
                messages.success(
                    request,
                    _("%(who)s can now read this melding; you gave up your own access.")
                    % {"who": who},
                )
                return redirect("wagtail_vertrouwen_inbox:index")
        else:
            messages.error(request, _("The colleague was not given access: see below."))
    context = {
        "view_title": _("Give a colleague access"),
        "melding": melding,
        # The version it was sent through may be deleted: then the form's reference version.
        "form_title": handover.form_title(melding),
        "form": form,
        "choices": choices,
        "parties": [(policy.identity(user), user.granted_at) for user in handover.parties(melding)],
    }
    return render(request, "handover_grant", context, status=status)


def _report(request, result, colleague):
    who = policy.identity(colleague)
    if result.given:
        messages.success(
            request,
            ngettext(
                "%(count)d melding was handed over to %(who)s.",
                "%(count)d meldingen were handed over to %(who)s.",
                result.given,
            )
            % {"count": result.given, "who": who},
        )
    else:
        messages.warning(request, _("Nothing was handed over to %(who)s.") % {"who": who})
    if result.skipped_excluded:
        messages.warning(
            request,
            ngettext(
                "%(count)d melding stays with you: its melder asked to keep it away from %(who)s.",
                "%(count)d meldingen stay with you: their melders asked to keep them away from "
                "%(who)s.",
                result.skipped_excluded,
            )
            % {"count": result.skipped_excluded, "who": who},
        )
    if result.skipped_other:
        messages.info(
            request,
            ngettext(
                "%(count)d melding stays with you: %(who)s can read it already, or is not "
                "designated on its form.",
                "%(count)d meldingen stay with you: %(who)s can read them already, or is not "
                "designated on their form.",
                result.skipped_other,
            )
            % {"count": result.skipped_other, "who": who},
        )


@require_http_methods(["GET", "POST"])
@recipient_required
def hand_over_all(request):
    """Hand all one's open meldingen over to a successor (or share them with a co-recipient)."""
    user = request.user
    choices = handover.successors(user)
    form = HandOverAllForm(request.POST if request.method == "POST" else None, choices=choices)
    status = 200
    if form.is_bound:
        status = 400
        if form.is_valid():
            colleague = form.cleaned_data["colleague"]
            try:
                result = handover.hand_over_all(
                    request.reader, colleague, keep_own=not form.cleaned_data["give_up"]
                )
            except handover.Refused as refusal:
                messages.error(request, REFUSALS[refusal.reason])
            else:
                _report(request, result, colleague)
                return redirect("wagtail_vertrouwen_inbox:index")
        else:
            messages.error(request, _("Nothing was handed over: see below."))
    context = {
        "view_title": _("Hand over my open meldingen"),
        "form": form,
        "choices": choices,
        "open_count": handover.open_meldingen(user).count(),
        "unreadable_count": policy.unreadable_for(user).count(),
    }
    return render(request, "handover_all", context, status=status)


@recipient_required(unlocked=False)
def unreadable(request):
    """The meldingen of one's forms that nobody can open any more: metadata only (one query),
    so that they are not forgotten."""
    meldingen = list(policy.unreadable_for(request.user))
    for melding in meldingen:  # a query only for a melding whose version was deleted
        melding.form_title = handover.form_title(melding)
    context = {"view_title": _("Meldingen nobody can read"), "meldingen": meldingen}
    return render(request, "handover_unreadable", context)
