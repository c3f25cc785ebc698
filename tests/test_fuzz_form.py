"""Fuzzing (issue 11, item 4): property tests of the melding form and its validation, through
``MeldingForm`` and through the form page's POST view.

For any text (any Unicode, lone surrogates, NUL, right-to-left overrides, lengths up to each
limit + 1), any choice values and any missing fields: never a server error; an invalid form is
shown again with every text the melder typed in it (I6: nothing typed is lost) and nothing is
stored; a valid one stores exactly one melding, whose decrypted answers are what was typed.

Bounded and deterministic (``derandomize``; no example database), so ``.ci/run`` runs it.
"""

import uuid
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wagtail_vertrouwen.channel.forms.melding import (
    MAX_LONG_TEXT,
    MAX_MEDIUM_TEXT,
    MAX_SHORT_TEXT,
    SHIPPED_LANGUAGES,
    ContactWens,
    MeldingForm,
    OverMedewerker,
    Wie,
)
from wagtail_vertrouwen.channel.models import Melding
from wagtail_vertrouwen.channel.services import challenge
from wagtail_vertrouwen.channel.views.form import new_form
from wagtail_vertrouwen.choices import Probleemgebied

from .channel import reader, solve

#: What the melder types, with the form's limits.
TEXT_LIMITS = {
    "wat": MAX_LONG_TEXT,
    "wanneer": MAX_SHORT_TEXT,
    "betrokkenen": MAX_MEDIUM_TEXT,
    "wens": MAX_MEDIUM_TEXT,
    "naam": MAX_SHORT_TEXT,
    "email": 254,
    "telefoon": 40,
    "bevestiging_email": 254,
}
CHOICES = {
    "probleemgebied": [*Probleemgebied.values, "anders"],
    "wie": Wie.values,
    "taal": ["", *SHIPPED_LANGUAGES, "anders"],
    "over_medewerker": ["", *OverMedewerker.values],
    "contact": ContactWens.values,
}
#: Characters that have broken forms elsewhere: NUL, a lone surrogate, bidi overrides and
#: isolates, a byte order mark, an emoji, line ends, HTML's own.
NASTY = "\x00\ud800\udfff\u202e\u202d\u2066\u2069\u200f\ufeff\U0001f600\r\n\t <>&\"'é"

any_character = st.characters(exclude_categories=())  # surrogates too


def long_text(limit, characters=any_character):
    """A text of exactly the limit, one less or one more."""
    return st.builds(
        lambda character, length: character * length,
        characters,
        st.sampled_from([limit - 1, limit, limit + 1]),
    )


def any_text(limit):
    return st.one_of(
        st.text(any_character, max_size=30),
        st.text(st.sampled_from(NASTY), max_size=30),
        long_text(limit),
    )


def any_choice(name):
    return st.one_of(st.sampled_from(CHOICES[name]), st.text(st.sampled_from(NASTY), max_size=5))


#: Any answers; a field left out is missing from the post.
any_answers = st.fixed_dictionaries(
    {},
    optional={
        **{name: any_text(limit) for name, limit in TEXT_LIMITS.items()},
        **{name: any_choice(name) for name in CHOICES},
        "website": st.sampled_from(["", "http://spam.example"]),
    },
)

#: Text a browser can send and the form must take: no NUL, no lone surrogate, within limits.
typeable = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
TYPEABLE_NASTY = NASTY.replace("\x00", "").replace("\ud800\udfff", "")


def fitting_text(limit, *, required=False):
    text = st.one_of(
        st.text(typeable, max_size=40),
        st.text(st.sampled_from(TYPEABLE_NASTY), max_size=40),
        long_text(limit - 1, typeable),
    )
    return text.filter(str.strip) if required else text


valid_answers = st.fixed_dictionaries(
    {
        "probleemgebied": st.sampled_from(CHOICES["probleemgebied"]),
        "wie": st.sampled_from(CHOICES["wie"]),
        "wat": fitting_text(MAX_LONG_TEXT, required=True),
        "contact": st.just(ContactWens.GEEN),
    },
    optional={
        "taal": st.sampled_from(CHOICES["taal"]),
        "over_medewerker": st.sampled_from(CHOICES["over_medewerker"]),
        **{
            name: fitting_text(TEXT_LIMITS[name])
            for name in ("wanneer", "betrokkenen", "wens", "naam", "telefoon")
        },
    },
)

#: Answers anywhere between any and valid: valid ones with some fields replaced by any value.
mixed_answers = st.one_of(
    any_answers,
    valid_answers,
    st.tuples(valid_answers, any_answers).map(lambda pair: {**pair[0], **pair[1]}),
)


def fuzz_settings(max_examples):
    return settings(
        max_examples=max_examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )


# Posting as a browser or any client can: bytes, not Django's test client's str ---------------


def as_sent(value: str) -> str:
    """What the server reads of ``value`` sent as UTF-8 (a lone surrogate cannot be UTF-8:
    a client sends its bytes, which the server reads as U+FFFD)."""
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def multipart(data: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = b"".join(
        b'--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n'
        % (boundary.encode(), name.encode(), value.encode("utf-8", "surrogatepass"))
        for name, value in data.items()
    )
    return body + b"--%s--\r\n" % boundary.encode(), f"multipart/form-data; boundary={boundary}"


def post(form, data: dict):
    body, content_type = multipart(data)
    return Client().generic(
        "POST",
        reverse("wagtail_vertrouwen:melding_submit", args=[form.pk]),
        body,
        content_type=content_type,
        HTTP_HOST=form.get_site().hostname,
    )


class FieldValues(HTMLParser):
    """The value of each text input and textarea of a page, by name (the first of a name)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.values, self._textarea = {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") in {"text", "email", "tel", None}:
            self.values.setdefault(attrs.get("name"), attrs.get("value") or "")
        if tag == "textarea":
            self._textarea = attrs.get("name")
            self.values.setdefault(self._textarea, "")

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            # The first line end after <textarea> is not part of its value (HTML).
            name, self._textarea = self._textarea, None
            self.values[name] = self.values[name].removeprefix("\n")


def shown_values(page_html: str) -> dict:
    parser = FieldValues()
    parser.feed(page_html)
    parser.close()
    return parser.values


def expected_answers(data: dict, language: str) -> dict:
    """What the melding must hold: the texts as typed (without the whitespace around them,
    as the form cleans them), the choices as chosen, the form's language when none was sent."""
    answers = {name: as_sent(data.get(name, "")).strip() for name in MeldingForm.STORED_FIELDS}
    if "taal" not in data:
        answers["taal"] = language
    return answers


@pytest.fixture
def unlimited(settings):
    settings.WAGTAIL_VERTROUWEN_RATE_LIMIT_PER_HOUR = 10_000


# The form itself -----------------------------------------------------------------------------


@given(data=any_answers, solved=st.booleans())
@fuzz_settings(300)
def test_the_form_validates_any_input_without_an_exception(melding_form, data, solved):
    """``MeldingForm`` itself, also with what only the JSON API can hand it (lone surrogates):
    it decides valid or not, and an invalid one says why and keeps every text as given."""
    if solved:
        data = {**data, "challenge": solve(challenge.new_challenge())}
    form = new_form(melding_form, data)
    if form.is_valid():
        assert all(as_sent(data.get(name, "")) == data.get(name, "") for name in TEXT_LIMITS)
        assert all(len(data.get(name, "")) <= limit for name, limit in TEXT_LIMITS.items())
    else:
        assert form.errors
        for name in TEXT_LIMITS:
            assert form[name].value() == data.get(name), name


# Through the page ----------------------------------------------------------------------------


def test_any_post_is_answered_and_nothing_typed_is_lost(melding_form, vp, unlimited):
    statuses = []

    @given(data=mixed_answers, solved=st.booleans())
    @fuzz_settings(100)
    def fuzz(data, solved):
        if solved:
            data = {**data, "challenge": solve(challenge.new_challenge())}
        before = set(Melding.objects.values_list("pk", flat=True))
        response = post(melding_form, data)
        statuses.append(response.status_code)
        assert response.status_code in {200, 400}, response.status_code
        stored = list(Melding.objects.exclude(pk__in=before))
        if response.status_code == 400:
            assert stored == []
            shown = shown_values(response.content.decode())
            for name in TEXT_LIMITS:
                if name in data:
                    assert shown.get(name) == as_sent(data[name]), name
        else:
            (melding,) = stored
            answers = reader(vp).answers(melding)
            assert {name: answers.get(name, "") for name in MeldingForm.STORED_FIELDS} == (
                expected_answers(data, melding_form.locale.language_code)
            )

    fuzz()
    # Both ways were taken: refused and re-shown, and stored.
    assert {200, 400} <= set(statuses), statuses


@given(data=valid_answers)
@fuzz_settings(40)
def test_any_valid_melding_is_stored_once_as_typed(melding_form, vp, unlimited, data):
    data = {**data, "challenge": solve(challenge.new_challenge())}
    before = set(Melding.objects.values_list("pk", flat=True))
    response = post(melding_form, data)
    assert response.status_code == 200, shown_values(response.content.decode())
    (new,) = Melding.objects.exclude(pk__in=before)
    answers = reader(vp).answers(new)
    expected = expected_answers(data, melding_form.locale.language_code)
    assert {name: answers.get(name, "") for name in MeldingForm.STORED_FIELDS} == expected
