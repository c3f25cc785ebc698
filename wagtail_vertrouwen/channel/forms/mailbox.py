"""The melder's mailbox: logging in with the code, replying, telling one's name later, and
the optional notice. Every text has a cap; nothing the browser may autofill is kept."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .. import crypto
from ..services import challenge, guard
from .melding import (
    CHALLENGE_INVALID,
    CHALLENGE_INVALID_CODE,
    MAX_LONG_TEXT,
    MAX_SHORT_TEXT,
    NO_AUTOFILL,
    MultipleFileField,
    _is_valid_text,
)
from .uploads import check_uploads

#: A message from the melder: as long as the melding's longest answer.
MAX_MESSAGE = MAX_LONG_TEXT

TOO_LONG = _("Please keep this under %(limit_value)d characters (it has %(show_value)d).")
BROKEN_TEXT = _("Some characters in this text are broken. Please type them again.")
CHALLENGE_MISSING = _(
    "The spam check did not finish. Wait a moment and send again; it needs JavaScript "
    "switched on. Nothing you wrote is lost."
)


class MailboxForm(forms.Form):
    """Several of these forms share one page: each gets its own ids (``AUTO_ID``)."""

    AUTO_ID = "id_%s"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", self.AUTO_ID)
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def _check_challenge(payload):
    state = guard.check_reply(payload)
    if state == guard.MISSING:
        raise ValidationError(CHALLENGE_MISSING, code="challenge")
    if state != challenge.VALID:
        raise ValidationError(CHALLENGE_INVALID, code=CHALLENGE_INVALID_CODE)
    return payload


class LoginForm(MailboxForm):
    """The code, and (carried along, never stored) a reply typed when the session ended."""

    AUTO_ID = "id_login_%s"

    code = forms.CharField(
        label=_("Your code"),
        max_length=100,
        help_text=_(
            "The 16 digits you got after sending your melding. Spaces and dashes do not matter."
        ),
        widget=forms.TextInput(
            attrs={
                **NO_AUTOFILL,
                "inputmode": "numeric",
                "dir": "ltr",
                "autocapitalize": "off",
                "autocorrect": "off",
                "spellcheck": "false",
            }
        ),
        error_messages={"required": _("Type your code of 16 digits.")},
    )
    challenge = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)
    reply = forms.CharField(
        label=_("Your message (not sent yet)"),
        required=False,
        max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 6, **NO_AUTOFILL}),
        error_messages={"max_length": TOO_LONG},
    )

    def clean_code(self):
        entered = self.cleaned_data["code"]
        try:
            return crypto.normalise_melder_code(entered)
        except crypto.InvalidMelderCode as error:
            raise ValidationError(
                _("A code has 16 digits, for example 0412 7785 3021 9954. Check what you typed."),
                code="not_a_code",
            ) from error

    def clean_challenge(self):
        payload = self.cleaned_data.get("challenge", "")
        if not payload:
            raise ValidationError(CHALLENGE_MISSING, code="challenge")
        return payload


class ReplyForm(MailboxForm):
    """A message to the vertrouwenspersoon: text, files or both."""

    AUTO_ID = "id_reply_%s"

    text = forms.CharField(
        label=_("Your message"),
        required=False,
        max_length=MAX_MESSAGE,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6, **NO_AUTOFILL}),
        error_messages={"max_length": TOO_LONG},
    )
    bijlagen = MultipleFileField(
        label=_("Add photos, screenshots or PDF files (optional)"), required=False
    )
    challenge = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.uploads = []

    def clean_text(self):
        text = self.cleaned_data.get("text", "")
        if not _is_valid_text(text):
            raise ValidationError(BROKEN_TEXT, code="broken")
        return text.strip()

    def clean_bijlagen(self):
        self.uploads = check_uploads(self.cleaned_data.get("bijlagen") or [])
        return self.cleaned_data["bijlagen"]

    def clean_challenge(self):
        return _check_challenge(self.cleaned_data.get("challenge", ""))

    def clean(self):
        data = super().clean()
        nothing = not data.get("text") and not self.uploads
        if nothing and not self.has_error("text") and not self.has_error("bijlagen"):
            self.add_error("text", _("Write a message, or add a file."))
        return data


class IdentityForm(MailboxForm):
    """Telling the vertrouwenspersoon one's name or contact details after sending."""

    AUTO_ID = "id_identity_%s"

    naam = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=MAX_SHORT_TEXT,
        widget=forms.TextInput(attrs=NO_AUTOFILL),
        error_messages={"max_length": TOO_LONG},
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs=NO_AUTOFILL),
    )
    telefoon = forms.CharField(
        label=_("Your phone number"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={**NO_AUTOFILL, "inputmode": "tel", "dir": "ltr"}),
        error_messages={"max_length": TOO_LONG},
    )
    challenge = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)

    FIELDS = ("naam", "email", "telefoon")

    def clean_challenge(self):
        return _check_challenge(self.cleaned_data.get("challenge", ""))

    def clean(self):
        data = super().clean()
        for name in self.FIELDS:
            value = data.get(name)
            if isinstance(value, str) and not _is_valid_text(value):
                self.add_error(name, BROKEN_TEXT)
        if not any(data.get(name) for name in self.FIELDS) and not any(
            self.has_error(name) for name in self.FIELDS
        ):
            self.add_error(
                "naam", _("Fill in at least one: your name, e-mail address or phone number.")
            )
        return data

    def details(self) -> dict:
        return {
            name: self.cleaned_data[name].strip()
            for name in self.FIELDS
            if self.cleaned_data.get(name, "").strip()
        }


class NoticeForm(MailboxForm):
    """The optional e-mail that says (without content) that there is a new message."""

    AUTO_ID = "id_notice_%s"

    email = forms.EmailField(
        label=_("E-mail address for the notice"),
        max_length=254,
        widget=forms.EmailInput(attrs=NO_AUTOFILL),
        error_messages={"required": _("Fill in the e-mail address for the notice.")},
    )
