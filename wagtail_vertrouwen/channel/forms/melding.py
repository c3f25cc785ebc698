"""The package's own safe set of questions (the issue's list), with caps on every length."""

from django import forms
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from ...choices import SHIPPED_LANGUAGES, Probleemgebied, Rol, Taal
from ..policy import public_identity
from ..services import challenge
from ..services.reading import ABOUT_STAFF
from .uploads import check_uploads

MAX_LONG_TEXT = 10_000
MAX_MEDIUM_TEXT = 2_000
MAX_SHORT_TEXT = 200

#: Asked of every field that holds what the melder typed, and of the form: the browser must not
#: keep it in its autofill store, where the next user of a shared family device would find it.
NO_AUTOFILL = {"autocomplete": "off"}

CHALLENGE_INVALID_CODE = "challenge_invalid"
#: A proof of work that is malformed, forged or expired (say, the page was open for hours).
CHALLENGE_INVALID = _(
    "The spam check could not be verified; it may have expired. Send again: a new check runs "
    "by itself. Nothing you wrote is lost."
)


class Wie(models.TextChoices):
    LEERLING = "leerling", _("I am a pupil")
    OUDER = "ouder", _("I am a parent or carer")
    MEDEWERKER = "medewerker", _("I work at the school")
    ANDERS = "anders", _("Someone else")


class ContactWens(models.TextChoices):
    GEEN = "geen", _("No, I do not want to be contacted")
    EMAIL = "email", _("Yes, by e-mail")
    TELEFOON = "telefoon", _("Yes, by phone")


class OverMedewerker(models.TextChoices):
    """Whether the melding is about someone who works at the school: marks it urgent in the
    inbox (``services.reading.urgency``)."""

    JA = ABOUT_STAFF, _("Yes")
    NEE = "nee", _("No")
    WEET_NIET = "weet_niet", _("I don't know")


ANDERS_GEBIED = "anders"

#: A melder says which of ``SHIPPED_LANGUAGES`` they wrote in, or this.
OTHER_LANGUAGE = "anders"


def language_choices():
    """For the melder: each language in its own name ("Türkçe"), so anyone finds theirs."""
    return [
        *[(code, LANG_INFO[code]["name_local"]) for code in SHIPPED_LANGUAGES],
        (OTHER_LANGUAGE, _("Another language")),
    ]


def language_label(value) -> str:
    """For the vertrouwenspersoon: the language's name in her own language."""
    labels = {**dict(Taal.choices), OTHER_LANGUAGE: _("Another language")}
    return str(labels.get(value, value or ""))


#: Roles that say whether a reader works at the school: shown after the role on the form.
ROLE_NOTES = {
    Rol.INTERNE_VERTROUWENSPERSOON: _("works at the school"),
    Rol.INTERNE_CONTACTPERSOON: _("works at the school"),
    Rol.EXTERNE_VERTROUWENSPERSOON: _("does not work for the school"),
}


def reader_rows(recipients, excluded=None) -> list[dict]:
    """How the public form names each reader of a new melding: ``recipients`` as
    ``MeldingFormPage.recipients`` returns them (designated now, allowed to receive, with a
    key: exactly whom a melding is sealed to), without ``excluded``. Name as the exclusion
    list shows it (``policy.public_identity``), role from the designation. No queries."""
    roles = dict(Rol.choices)
    rows = []
    for number, user in enumerate(recipients, 1):
        if excluded is not None and user.pk == excluded.pk:
            continue
        role = getattr(user, "vertrouwen_role", "") or ""
        rows.append(
            {
                "name": public_identity(user)
                or _("Vertrouwenspersoon %(number)d") % {"number": number},
                "role": roles.get(role) or _("Vertrouwenspersoon"),
                "note": ROLE_NOTES.get(role, ""),
            }
        )
    return rows


def ltr(text: str) -> str:
    """``text`` (a phone number, a time) in a left-to-right isolate (U+2066 … U+2069), for
    plain text that may stand in an Arabic sentence: "0800-2000" must not read "2000-0800"."""
    return f"\u2066{text}\u2069"


def _is_valid_text(value: str) -> bool:
    """False for text that cannot be UTF-8, e.g. half an emoji sent by a buggy client."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def recipient_token(user) -> str:
    """How the form names a recipient: opaque, not the account's id."""
    return salted_hmac("wagtail-vertrouwen.recipient", str(user.pk)).hexdigest()[:20]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


def _text(label, max_length, *, required=False, rows=None, help_text=""):
    # dir="auto": an answer typed in Arabic runs right to left as it is typed.
    attrs = {**NO_AUTOFILL, "dir": "auto"}
    widget = forms.Textarea(attrs={"rows": rows, **attrs}) if rows else forms.TextInput(attrs=attrs)
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=widget,
        help_text=help_text,
        error_messages={
            "max_length": _(
                "Please keep this under %(limit_value)d characters (it has %(show_value)d)."
            )
        },
    )


class MeldingForm(forms.Form):
    """What a melder can tell. Everything but ``bevestiging_email``, ``website`` and
    ``challenge`` is stored, encrypted; those three are never stored."""

    probleemgebied = forms.ChoiceField(
        label=_("What is it about?"),
        choices=[*Probleemgebied.choices, (ANDERS_GEBIED, _("Something else, or I don't know"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what it is about; “I don't know” is fine too.")},
    )
    wie = forms.ChoiceField(
        label=_("Who are you?"),
        choices=Wie.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Tell us whether you are a pupil, a parent or staff.")},
    )
    taal = forms.ChoiceField(
        label=_("Which language do you write in?"),
        required=False,
        help_text=_("You may write in your own language."),
    )
    wat = _text(
        _("What happened?"),
        MAX_LONG_TEXT,
        required=True,
        rows=8,
        help_text=_("Write it in your own words. You do not have to know everything."),
    )
    wat.error_messages["required"] = _("Tell us in a few words what happened.")
    wanneer = _text(
        _("When did it happen?"),
        MAX_SHORT_TEXT,
        help_text=_("For example: last week, or since September."),
    )
    betrokkenen = _text(
        _("Who was involved?"),
        MAX_MEDIUM_TEXT,
        rows=3,
        help_text=_("Name only who is needed to understand what happened."),
    )
    over_medewerker = forms.ChoiceField(
        label=_("Is it about someone who works at the school?"),
        choices=OverMedewerker.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "For example a teacher, an intern, a volunteer or a coach. Is it about sexual "
            "abuse of a pupil by someone who works for the school? Then the school must tell "
            "the school board."
        ),
    )
    wens = _text(_("What would you like to happen?"), MAX_MEDIUM_TEXT, rows=3)
    contact = forms.ChoiceField(
        label=_("Do you want the vertrouwenspersoon to contact you?"),
        choices=ContactWens.choices,
        initial=ContactWens.GEEN,
        widget=forms.RadioSelect,
    )
    naam = _text(
        _("Your name (optional)"), MAX_SHORT_TEXT, help_text=_("Leave it empty to stay anonymous.")
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs=NO_AUTOFILL),
    )
    telefoon = _text(_("Your phone number (optional)"), 40)
    niet_naar = forms.ChoiceField(
        label=_("Keep this melding away from"),
        required=False,
        help_text=_("If your melding is about one of them, that person will not receive it."),
    )
    bijlagen = MultipleFileField(
        label=_("Photos, screenshots or PDF files (optional)"), required=False
    )
    bevestiging_email = forms.EmailField(
        label=_("Send a confirmation to this e-mail address (optional)"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs=NO_AUTOFILL),
        help_text=_(
            "We only send that we received your melding. This address is not stored. "
            "Careful: others at home may see this e-mail."
        ),
    )
    # Never shown to people; bots fill it in.
    website = forms.CharField(required=False, max_length=200, label=_("Leave this field empty"))
    challenge = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)

    STORED_FIELDS = (
        "probleemgebied",
        "wie",
        "taal",
        "wat",
        "wanneer",
        "betrokkenen",
        "over_medewerker",
        "wens",
        "contact",
        "naam",
        "email",
        "telefoon",
    )

    def __init__(self, *args, recipients=(), language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.recipients = list(recipients)
        #: The form version's language: preselected, and stored when a client sends none.
        self.language = language if language in SHIPPED_LANGUAGES else ""
        self.fields["taal"].choices = language_choices()
        self.fields["taal"].initial = self.language or None
        if len(self.recipients) > 1:
            self.fields["niet_naar"].choices = [
                ("", _("Nobody needs to be left out: all readers may read it")),
                *[
                    (
                        recipient_token(user),
                        public_identity(user) or _("Vertrouwenspersoon %(number)d") % {"number": n},
                    )
                    for n, user in enumerate(self.recipients, 1)
                ],
            ]
        else:
            del self.fields["niet_naar"]
        self.uploads = []

    def clean_taal(self):
        value = self.cleaned_data.get("taal") or ""
        if not value and "taal" not in self.data:  # a client that does not know the question
            return self.language
        return value

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise ValidationError(_("This field must stay empty."), code="honeypot")
        return ""

    def clean_bijlagen(self):
        self.uploads = check_uploads(self.cleaned_data.get("bijlagen") or [])
        return self.cleaned_data["bijlagen"]

    def clean_challenge(self):
        payload = self.cleaned_data.get("challenge", "")
        state = challenge.check(payload)
        if state == challenge.MISSING:
            raise ValidationError(
                _(
                    "The spam check did not finish. Wait a moment and send again; it needs "
                    "JavaScript switched on. Nothing you wrote is lost."
                ),
                code="challenge",
            )
        if state != challenge.VALID:
            raise ValidationError(CHALLENGE_INVALID, code=CHALLENGE_INVALID_CODE)
        if challenge.is_used(payload):
            raise ValidationError(
                _("This melding was already sent. Nothing was sent twice."), code="replayed"
            )
        return payload

    def clean(self):
        data = super().clean()
        for name in self.STORED_FIELDS:
            value = data.get(name)
            if isinstance(value, str) and not _is_valid_text(value):
                self.add_error(
                    name,
                    _("Some characters in this text are broken. Please type them again."),
                )
        self._check_exclusion()
        contact = data.get("contact")
        if contact == ContactWens.EMAIL and not data.get("email"):
            self.add_error("email", _("Fill in your e-mail address, so we can contact you."))
        if contact == ContactWens.TELEFOON and not data.get("telefoon"):
            self.add_error("telefoon", _("Fill in your phone number, so we can call you."))
        return data

    def _check_exclusion(self):
        """A posted exclusion is always honoured: if it names the only recipient left (the
        others were removed since the page was opened), the melding is refused, not sent."""
        posted = self.data.get("niet_naar", "")
        if not posted or "niet_naar" in self.fields:
            return
        if any(recipient_token(user) == posted for user in self.recipients):
            self.add_error(
                None,
                _(
                    "The person you wanted to keep this melding away from is now its only "
                    "recipient, so it was not sent. Please contact the school another way, or "
                    "the vertrouwensinspecteur (%(phone)s). Your text is still here."
                )
                % {"phone": ltr("0900-1113111")},
            )

    def excluded_recipient(self):
        value = self.cleaned_data.get("niet_naar") or self.data.get("niet_naar", "")
        return next((user for user in self.recipients if recipient_token(user) == value), None)

    def answers(self) -> dict:
        return {name: self.cleaned_data.get(name, "") for name in self.STORED_FIELDS}


def answer_rows(answers) -> list[tuple[str, str, str]]:
    """(field name, question, answer) of each stored field, in the form's order, with the
    chosen options' labels: how a melding is shown to its recipients and to its melder."""
    form = MeldingForm()
    values = dict(answers)
    for name, choices in (
        ("probleemgebied", form.fields["probleemgebied"].choices),
        ("wie", Wie.choices),
        ("contact", ContactWens.choices),
        ("over_medewerker", OverMedewerker.choices),
    ):
        values[name] = dict(choices).get(values.get(name), values.get(name))
    values["taal"] = language_label(values.get("taal"))
    return [
        (name, str(form.fields[name].label), str(values.get(name) or ""))
        for name in MeldingForm.STORED_FIELDS
        if name in form.fields
    ]


def readable_answers(answers) -> list[tuple[str, str]]:
    """The answers with their questions (``answer_rows`` without the field names); the same
    as the inbox's ``_readable``, which can use this instead."""
    return [(label, value) for _name, label, value in answer_rows(answers)]
