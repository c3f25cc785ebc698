from django import forms
from django.contrib.auth.forms import SetPasswordMixin
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.forms import OTPTokenForm
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..models import MelderStatus, MeldingStatus
from ..services import keys
from .melding import MAX_LONG_TEXT, MultipleFileField
from .uploads import check_uploads


class TokenForm(OTPTokenForm):
    """django-otp's own verification form: the code is checked against the one device the
    recipient chose (the app, or the backup codes), with django-otp's throttling, so a typed
    code never counts as a failure against a device it was not meant for. Takes the user and
    the POST data; ``devices`` narrows the choice (the app being enrolled)."""

    otp_device = forms.ChoiceField(
        label=_("Which code"), choices=[], required=False, widget=forms.RadioSelect
    )
    otp_token = forms.CharField(
        label=_("Code"),
        max_length=16,
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    otp_challenge = None  # no device of ours sends challenges

    otp_error_messages = {
        **OTPTokenForm.otp_error_messages,
        "token_required": _("Enter the code."),
        "device_required": _("Choose whether you enter a code from the app or a backup code."),
        "invalid_token": _(
            "That code is not right, or was used already. Check which kind of code you chose "
            "and try the newest code."
        ),
        "n_failed_attempts": _("Too many wrong codes. Wait a minute, then try again."),
        "verification_not_allowed": _("Codes cannot be checked right now. Try again later."),
    }

    def __init__(self, user, data=None, *, devices=None):
        super().__init__(user, None, data)
        devices = list(devices_for_user(user) if devices is None else devices)
        self.default_device = next(
            (d.persistent_id for d in devices if isinstance(d, TOTPDevice)),
            devices[0].persistent_id if devices else "",
        )
        self._device_choices = [(d.persistent_id, self.device_label(d)) for d in devices]
        field = self.fields["otp_device"]
        field.choices = self._device_choices
        field.initial = self.default_device
        if len(devices) < 2:  # nothing to choose: the app (being enrolled, or the only one)
            field.widget = forms.HiddenInput()
            self.otp_error_messages = {
                **self.otp_error_messages,
                "invalid_token": _(
                    "That code is not right. Check the time on your phone and try the newest code."
                ),
            }

    def device_choices(self, user):
        """django-otp refreshes the choices after a failed try: keep ours (and no blank)."""
        return list(getattr(self, "_device_choices", []))

    @staticmethod
    def device_label(device):
        if isinstance(device, StaticDevice):
            return _("A backup code")
        return _("The code from my authenticator app")

    def clean_otp_device(self):
        return self.cleaned_data.get("otp_device") or self.default_device

    def clean_otp_token(self):
        """Backup codes are lower case; people type spaces and capitals."""
        return "".join(self.cleaned_data.get("otp_token", "").split()).lower()


def _secret(label, autocomplete, **kwargs):
    """A secret's field: never stripped (a space is part of a passphrase), never echoed back."""
    return forms.CharField(
        label=label,
        max_length=4096,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": autocomplete}),
        **kwargs,
    )


class UnlockForm(forms.Form):
    passphrase = _secret(
        _("Key passphrase"),
        "current-password",
        help_text=_("The passphrase you chose when you set up your key; not your login password."),
    )


class NewPassphraseForm(SetPasswordMixin, forms.Form):
    """A new key passphrase, twice. Its rules are ``services.keys.validate_new_passphrase``."""

    error_messages = {"password_mismatch": _("The two key passphrases differ.")}
    new_passphrase1 = _secret(
        _("New key passphrase"),
        "new-password",
        help_text=_(
            "A long phrase that you use nowhere else, and not your login password. Nobody can "
            "reset it for you: only your recovery code can replace it."
        ),
    )
    new_passphrase2 = _secret(_("New key passphrase again"), "new-password")

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        self.validate_passwords("new_passphrase1", "new_passphrase2")
        passphrase = cleaned.get("new_passphrase2")
        if passphrase and not self.has_error("new_passphrase2"):
            try:
                keys.validate_new_passphrase(self.user, passphrase)
            except forms.ValidationError as error:
                self.add_error("new_passphrase2", error)
        return cleaned


class KeySetupForm(NewPassphraseForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_passphrase1"].label = _("Choose your key passphrase")
        self.fields["new_passphrase2"].label = _("The same key passphrase again")


class ChangePassphraseForm(NewPassphraseForm):
    old_passphrase = _secret(_("Current key passphrase"), "current-password")
    field_order = ["old_passphrase", "new_passphrase1", "new_passphrase2"]


class RestoreForm(NewPassphraseForm):
    recovery_code = forms.CharField(
        label=_("Recovery code"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    field_order = ["recovery_code", "new_passphrase1", "new_passphrase2"]


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


class ReplyForm(forms.Form):
    """A recipient's message to the melder: text, files, or both. The feedback tick is there
    only where the melding has a feedback deadline (the klokkenluidersregeling)."""

    text = forms.CharField(
        label=_("Your message to the melder"),
        required=False,
        max_length=MAX_LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "The melder reads it after logging in with their code. It is encrypted like the "
            "melding."
        ),
        error_messages={
            "max_length": _(
                "Please keep this under %(limit_value)d characters (it has %(show_value)d)."
            )
        },
    )
    bijlagen = MultipleFileField(label=_("Photos or PDF files (optional)"), required=False)
    feedback = forms.BooleanField(label=_("This is the feedback on the melding"), required=False)

    def __init__(self, *args, melding=None, **kwargs):
        super().__init__(*args, **kwargs)
        if melding is None or not melding.feedback_by:
            del self.fields["feedback"]
        self.uploads = []

    def clean_text(self):
        text = self.cleaned_data.get("text", "")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise forms.ValidationError(
                _("Some characters in this text are broken. Please type them again."),
                code="broken",
            ) from None
        return text

    def clean_bijlagen(self):
        self.uploads = check_uploads(self.cleaned_data.get("bijlagen") or [])
        return self.cleaned_data["bijlagen"]

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("text") and not self.uploads:
            raise forms.ValidationError(
                _("Write a message or add a file; an empty message is not sent."), code="empty"
            )
        return data


class MelderStatusForm(forms.Form):
    melder_status = forms.ChoiceField(
        label=_("Status shown to the melder"),
        choices=MelderStatus.choices,
        help_text=_("The melder sees only this in the mailbox, not your own status or notes."),
        error_messages={"required": _("Choose what the melder sees.")},
    )


class NextContactForm(forms.Form):
    next_contact_by = forms.DateField(
        label=_("Next contact by"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        help_text=_(
            "The date by which the melder is to hear from you again. You get a reminder two "
            "days before. Leave it empty for no date."
        ),
        error_messages={"invalid": _("Enter a date, for example 2030-03-15.")},
    )
