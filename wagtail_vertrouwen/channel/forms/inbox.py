from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from ..models import MeldingStatus


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app, or a backup code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class PasswordForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    previous_password = forms.CharField(
        label=_("Your previous password"),
        required=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        help_text=_(
            "Only needed once after you changed your password outside the inbox: your key is "
            "still protected with the old one."
        ),
    )


class NewPasswordMixin(forms.Form):
    new_password1 = forms.CharField(
        label=_("New password"),
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    new_password2 = forms.CharField(
        label=_("New password again"),
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_new_password2(self):
        first = self.cleaned_data.get("new_password1")
        second = self.cleaned_data.get("new_password2")
        if first and second and first != second:
            raise forms.ValidationError(_("The two passwords differ."), code="mismatch")
        password_validation.validate_password(second, self.user)
        return second


class ChangePasswordForm(NewPasswordMixin):
    old_password = forms.CharField(
        label=_("Current password"),
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    field_order = ["old_password", "new_password1", "new_password2"]

    def clean_old_password(self):
        password = self.cleaned_data["old_password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your current password."), code="wrong")
        return password


class RestoreForm(NewPasswordMixin):
    recovery_code = forms.CharField(
        label=_("Recovery code"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    field_order = ["recovery_code", "new_password1", "new_password2"]


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MeldingStatus.choices)


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Private note"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only you can read this note; it is encrypted to your key."),
    )


class DeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, delete this melding and its attachments for good"),
        error_messages={"required": _("Tick the box to confirm.")},
    )
