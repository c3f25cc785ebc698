"""The glossary ("woordenlijst") for visitors: the Dutch words that letters and pages from
school use, each explained in plain words in the visitor's language.

The Dutch word is not translated: it is shown in every language, because that is the word the
visitor meets in a letter. Its short gloss and its explanation are UI strings (context
"glossary"), translated with the catalogues like the rest of the interface. Phone numbers and
times are kept out of the sentences, so that they can be isolated from the text direction
(``<bdi dir="ltr">``) and dialled (``tel:``).

Served by :func:`glossary_view` at the URL named :data:`GLOSSARY_URL_NAME`; include
``wagtail_vertrouwen.urls`` in the project's ``i18n_patterns`` to get one per language.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_safe

#: The name of the glossary's URL (not namespaced: ``reverse("vertrouwen_glossary")``).
GLOSSARY_URL_NAME = "vertrouwen_glossary"
#: The language the Dutch words are in.
DUTCH = "nl"


def _isolated(text):
    """``text`` kept left-to-right inside right-to-left text (a phone number, a time)."""
    return format_html('<bdi dir="ltr">{}</bdi>', text)


@dataclass(frozen=True)
class Line:
    """A phone line under a word: the number as people write it, and when or how to call."""

    number: str
    note: object  # a lazy translation; may hold %(start)s and %(end)s (times)
    times: tuple[str, str] | None = None

    @property
    def tel(self):
        return "tel:" + "".join(character for character in self.number if character.isdigit())

    def note_html(self):
        """The note in the active language, with the times isolated from the text direction."""
        text = escape(str(self.note))
        if self.times:
            start, end = self.times
            text = text % {"start": _isolated(start), "end": _isolated(end)}
        return mark_safe(text)  # noqa: S308 - escaped above; the times are format_html


@dataclass(frozen=True)
class Term:
    """One word of the glossary. ``slug`` is the element id (``…/woordenlijst/#meldplicht``)."""

    slug: str
    dutch: str
    gloss: object
    explanation: object
    also: tuple[str, ...] = ()  # other Dutch forms of the word, as letters write them
    lines: tuple[Line, ...] = ()


#: The words, in the alphabetical order of the Dutch word (the same order in every language,
#: since the visitor looks up the Dutch word).
TERMS = (
    Term(
        "aanspreekpunt-pesten",
        "aanspreekpunt pesten",
        pgettext_lazy("glossary", "contact person for bullying"),
        pgettext_lazy(
            "glossary",
            "The aanspreekpunt pesten is someone at school who helps you when you are "
            "bullied, or when you see that someone else is bullied. Every school must have "
            "such a person. Often it is the interne vertrouwenspersoon.",
        ),
    ),
    Term(
        "contactpersoon",
        "contactpersoon",
        pgettext_lazy("glossary", "contact person"),
        pgettext_lazy(
            "glossary",
            "The contactpersoon works at the school. They tell you who you can go to with a "
            "problem or a complaint. The contactpersoon does not solve the problem themselves.",
        ),
        also=("interne contactpersoon",),
    ),
    Term(
        "externe-vertrouwenspersoon",
        "externe vertrouwenspersoon",
        pgettext_lazy("glossary", "confidential adviser from outside the school"),
        pgettext_lazy(
            "glossary",
            "The externe vertrouwenspersoon does not work for the school. You can talk to them "
            "if you would rather talk to someone from outside the school. They can also help "
            "you with a formal complaint.",
        ),
    ),
    Term(
        "interne-vertrouwenspersoon",
        "interne vertrouwenspersoon",
        pgettext_lazy("glossary", "confidential adviser at the school"),
        pgettext_lazy(
            "glossary",
            "The interne vertrouwenspersoon works at the school, often as a teacher. You can "
            "go to them with any problem.",
        ),
    ),
    Term(
        "kindertelefoon",
        "Kindertelefoon",
        pgettext_lazy("glossary", "help line for children"),
        pgettext_lazy(
            "glossary",
            "At the Kindertelefoon you can talk about anything that bothers you, by phone or "
            "in a chat. It is for children and young people from 8 to 18.",
        ),
        lines=(
            Line(
                "0800-0432",
                pgettext_lazy("glossary", "free, and you do not have to give your name"),
            ),
        ),
    ),
    Term(
        "klacht",
        "klacht",
        pgettext_lazy("glossary", "formal complaint"),
        pgettext_lazy(
            "glossary",
            "A formal complaint is a letter to the school board or to the klachtencommissie. "
            "You write down what happened and put your name under it. Pupils may send a "
            "complaint too; the vertrouwenspersoon can help you.",
        ),
        also=("formele klacht",),
    ),
    Term(
        "melding",
        "melding",
        pgettext_lazy("glossary", "report"),
        pgettext_lazy(
            "glossary",
            "With a melding you tell the vertrouwenspersoon about something that is wrong, or "
            "about something you saw. A melding is not a formal complaint. You may leave out "
            "your name.",
        ),
    ),
    Term(
        "meldplicht",
        "meldplicht",
        pgettext_lazy("glossary", "duty to report"),
        pgettext_lazy(
            "glossary",
            "The meldplicht is for everyone who works for the school. Do they think that "
            "someone from the school has done something sexual with a pupil under 18 that is "
            "against the law? Then they must tell the school board at once. The board talks to "
            "the vertrouwensinspecteur and sometimes has to go to the police.",
        ),
    ),
    Term(
        "veilig-thuis",
        "Veilig Thuis",
        pgettext_lazy("glossary", "help with violence at home and child abuse"),
        pgettext_lazy(
            "glossary",
            "Veilig Thuis helps when someone at home is hit, threatened or not looked after "
            "well. You can also call when you are worried about someone, even if you are not "
            "sure.",
        ),
        lines=(
            Line("0800-2000", pgettext_lazy("glossary", "free, day and night")),
            Line("112", pgettext_lazy("glossary", "when there is danger right now")),
        ),
    ),
    Term(
        "vertrouwensinspecteur",
        "vertrouwensinspecteur",
        pgettext_lazy("glossary", "confidential inspector"),
        pgettext_lazy(
            "glossary",
            "A vertrouwensinspecteur works for the Inspectie van het Onderwijs (the school "
            "inspectorate), not for the school. You can call when something serious happens at "
            "school: sexual abuse, serious violence, discrimination or radicalisation. The "
            "inspector listens and gives advice.",
        ),
        lines=(
            Line(
                "0900-1113111",
                pgettext_lazy("glossary", "on working days from %(start)s to %(end)s"),
                ("08:00", "17:00"),
            ),
        ),
    ),
    Term(
        "vertrouwenspersoon",
        "vertrouwenspersoon",
        pgettext_lazy("glossary", "confidential adviser"),
        pgettext_lazy(
            "glossary",
            "A vertrouwenspersoon listens to you and helps you choose what you can do. They do "
            "not simply pass on what you tell them. Sometimes they must, for example because of "
            "the meldplicht.",
        ),
    ),
)

#: The page's own texts.
TITLE = pgettext_lazy("glossary", "Words and what they mean")
INTRODUCTION = pgettext_lazy(
    "glossary",
    "Letters and pages from school often use these Dutch words. Here you can read what each "
    "word means.",
)
#: Shown in every language but Dutch.
DUTCH_WORDS_NOTE = pgettext_lazy(
    "glossary",
    "Each word is in Dutch, the way the school writes it. The explanation is in your language.",
)


def glossary_languages():
    """The glossary in each of the site's languages: ``(code, name, url)``, or ``[]`` when the
    URL is the same in every language (the project mounted it outside ``i18n_patterns``)."""
    links = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            try:
                links.append((code, name, reverse(GLOSSARY_URL_NAME)))
            except NoReverseMatch:
                return []
    if len({url for _code, _name, url in links}) < 2:
        return []
    return links


@require_safe
def glossary_view(request):
    """The glossary in the active language. Needs no database (the project's base template
    may)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return render(
        request,
        "wagtail_vertrouwen/glossary.html",
        {
            "terms": TERMS,
            "title": TITLE,
            "introduction": INTRODUCTION,
            "dutch_words_note": DUTCH_WORDS_NOTE,
            "is_dutch": language.split("-")[0] == DUTCH,
            "languages": glossary_languages(),
        },
    )
