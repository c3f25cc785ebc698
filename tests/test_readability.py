"""Readability of the Dutch default routes (issue 10): B1 for adults, easy for pupils.

The measure is LIX (Björnsson's läsbarhetsindex): words per sentence plus the percentage of
long words (more than 6 letters). It needs no syllable counting, so it works for Dutch as well
as for Swedish, for which it was made; both languages write compounds as one word, so the
Swedish scale carries over: below 30 very easy (children's books), 30-40 easy (popular
fiction), 40-50 medium (newspapers), 50-60 difficult (official texts), above 60 very
difficult.

Choices, so the check measures the reader's effort and not our vocabulary:

- Sentences end at ``. ! ? : ;``. Original LIX counts colons as sentence ends; we count
  semicolons too, because the only semicolons in the defaults separate the items of a list
  (what a formal complaint must contain), which a reader takes in one item at a time.
- Dutch compounds: the terms of art the route-finder must name so a reader recognises the
  person or body (vertrouwenspersoon, klachtencommissie, Kindertelefoon, ...) are counted as
  short words (``TERMS_OF_ART``). They are long only because Dutch writes compounds as one
  word; the texts explain each of them the first time, and a plainer paraphrase would leave the
  reader unable to find the person on the school's site or in a letter. The list is closed and
  small; everything else, including everyday compounds, counts as usual.

Thresholds, per audience (the pupil texts are what a pupil sees: the texts shown to every
audience and the pupil routes):

- pupils: LIX below 30 (Björnsson's "very easy", children's books: a 10-year-old reads them),
  at most 10 words a sentence on average and no sentence over 18 words (the old meldplicht and
  confidentiality lines had 16 to 40);
- parents and staff: LIX below 35 (the easy half of "easy", which is where B1 text lands: the
  routes must still name procedures, deadlines and bodies), at most 12 words a sentence on
  average (issue 10: "about 10-12 words a sentence") and no sentence over 20 words.

Averages alone hide the one long sentence that matters, hence the maximum sentence length;
the jargon of the review itself is pinned by tests/test_route_defaults10.py.

Figures, Dutch, with this measure (``BEFORE``: git HEAD before issue 10, which had one variant;
after: both variants, primary / secondary):

======== ============================ ====================================
reader   before: LIX, words/sentence,  after: LIX, words/sentence, longest
         longest
======== ============================ ====================================
pupil    27.7, 8.4, 19                 18.4 / 18.2, 8.2 / 8.1, 17 / 17
parent   24.5, 7.2, 12                 20.1 / 20.1, 8.1 / 8.1, 15 / 15
staff    30.0, 7.8, 16                 23.4 / 24.1, 8.0 / 8.1, 16 / 18
======== ============================ ====================================

Without the terms-of-art rule: before 31.4 / 31.0 / 37.4, after 22.6-22.8 / 24.0-24.1 /
27.5-28.1. The old texts were short on average but used undefined jargon in a few long
sentences; the new ones say much more (the legal points of issue 10) in plainer words.
"""

import re

import pytest

from wagtail_vertrouwen.choices import Audience, SchoolSoort

#: Terms of art that count as short words (see the module docstring). Lower case; a word
#: counts when it is one of these or its plural or diminutive.
TERMS_OF_ART = frozenset(
    {
        "vertrouwenspersoon",
        "vertrouwenspersonen",
        "vertrouwensinspecteur",
        "aandachtsfunctionaris",
        "klachtencommissie",
        "klachtenregeling",
        "klokkenluidersregeling",
        "kindertelefoon",
        "geschillencommissie",
        "onderwijsconsulent",
        "onderwijsconsulenten",
        "zorgcoördinator",
        "meldplicht",
        "meldcode",
        "schoolbestuur",
        "begeleider",
        "zelfmoordpreventie",
        "schoolmaatschappelijk",
        "examenreglement",
    }
)

SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def sentences(text):
    return [s for s in SENTENCE_END.split(text.strip()) if WORD.search(s)]


def words(text):
    return WORD.findall(text)


def is_long(word):
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) > 6 and word.lower() not in TERMS_OF_ART


def figures(texts):
    """Words per sentence, long-word percentage, LIX and the longest sentence of ``texts``."""
    all_sentences = [s for text in texts for s in sentences(text)]
    all_words = [w for s in all_sentences for w in words(s)]
    if not all_sentences:
        return {"sentences": 0, "words": 0, "per_sentence": 0.0, "long": 0.0, "lix": 0.0}
    per_sentence = len(all_words) / len(all_sentences)
    long = 100 * sum(is_long(w) for w in all_words) / len(all_words)
    longest = max(all_sentences, key=lambda s: len(words(s)))
    return {
        "sentences": len(all_sentences),
        "words": len(all_words),
        "per_sentence": round(per_sentence, 1),
        "long": round(long, 1),
        "lix": round(per_sentence + long, 1),
        "longest": len(words(longest)),
        "longest_text": longest,
    }


def _step_texts(steps):
    for step in steps:
        for key in ("condition", "action", "next_when"):
            if step.get(key):
                yield step[key]


def texts_by_reader(value):
    """The texts of a route-finder value grouped by who reads them.

    ``leerling`` is everything a pupil sees: the texts shown to every audience (heading,
    intro, the areas' explanations and other procedures) and the pupil routes. ``ouder`` and
    ``medewerker`` are their routes only (they see the shared texts too, which already meet
    the stricter pupil thresholds).
    """
    shared = [value["heading"], value["intro"]]
    routes = {audience: [] for audience in Audience.values}
    for child in value["areas"]:
        area = child["value"]
        shared.append(area["explanation"])
        if area.get("other_routes"):
            shared.append(area["other_routes"])
        for audience in Audience.values:
            routes[audience].extend(_step_texts(area[audience]))
    return {
        "leerling": shared + routes["leerling"],
        "ouder": routes["ouder"],
        "medewerker": routes["medewerker"],
    }


THRESHOLDS = {
    # reader: (LIX below, average words per sentence at most, longest sentence at most)
    "leerling": (30, 10, 18),
    "ouder": (35, 12, 20),
    "medewerker": (35, 12, 20),
}

#: The Dutch defaults at git HEAD before issue 10 (one variant), with the same measure.
BEFORE = {
    "leerling": {"lix": 27.7, "per_sentence": 8.4, "long": 19.3, "longest": 19},
    "ouder": {"lix": 24.5, "per_sentence": 7.2, "long": 17.2, "longest": 12},
    "medewerker": {"lix": 30.0, "per_sentence": 7.8, "long": 22.1, "longest": 16},
}


@pytest.fixture
def dutch_default():
    from tests.test_route_defaults10 import render

    return lambda soort: render("nl", soort)


@pytest.mark.parametrize("soort", SchoolSoort.values)
@pytest.mark.parametrize("reader", list(THRESHOLDS))
def test_dutch_default_routes_are_plain(dutch_default, soort, reader):
    result = figures(texts_by_reader(dutch_default(soort))[reader])
    lix, per_sentence, longest = THRESHOLDS[reader]
    assert result["lix"] < lix, result
    assert result["per_sentence"] <= per_sentence, result
    assert result["longest"] <= longest, result


def test_the_measure_flags_hard_text():
    """The old confidentiality line of the melding form (issue 10: "40 words") breaks the
    longest-sentence limit, the klachtenregeling's own words break the LIX limit, and a plain
    rewrite of both passes."""
    old_line = (
        "De vertrouwenspersoon houdt geheim wat je vertelt, behalve als iemand in gevaar is of "
        "als de wet zegt dat het verteld moet worden: bijvoorbeeld bij seksueel misbruik door "
        "iemand die op school werkt, of bij een misdrijf."
    )
    regeling = (  # seed 004, art. 9.2
        "De vertrouwenspersoon gaat na of de gebeurtenis aanleiding geeft tot het indienen van "
        "een klacht. De vertrouwenspersoon kan een klager in overweging geven, gelet op de ernst "
        "van de zaak, geen klacht in te dienen, de klacht in te dienen bij de "
        "klachtencommissie, de klacht in te dienen bij het bevoegd gezag, dan wel aangifte te "
        "doen bij politie/justitie."
    )
    plain = (
        "Doet iemand van school een kind pijn? Vertel het meteen. Dat moet van de wet. De "
        "vertrouwenspersoon helpt je, ook als je naar de politie wilt."
    )
    assert figures([old_line])["longest"] > THRESHOLDS["leerling"][2]
    assert figures([regeling])["lix"] > THRESHOLDS["ouder"][0]
    assert figures([regeling])["per_sentence"] > THRESHOLDS["ouder"][1]
    result = figures([plain])
    assert result["lix"] < THRESHOLDS["leerling"][0]
    assert result["longest"] <= THRESHOLDS["leerling"][2]


def test_terms_of_art_are_short_but_other_compounds_are_long():
    assert not is_long("vertrouwenspersoon")
    assert is_long("zedendelict")
    assert is_long("schoolorganisatie")
    assert not is_long("school")


# The page texts a pupil reads: the melding form, what it says after sending, the glossary ---

#: Where the UI strings of those pages come from (their locations in the catalogue).
PUPIL_PAGES = (
    "channel/templates/wagtail_vertrouwen/pages/melding_form_page.html",
    "channel/templates/wagtail_vertrouwen/pages/_melding_readers.html",
    "channel/templates/wagtail_vertrouwen/pages/_no_nude_images.html",
    "channel/forms/melding.py",
    "glossary.py",
    "templates/wagtail_vertrouwen/glossary.html",
)

#: The same measure over those texts in the Dutch catalogue before issue 10 (git HEAD then):
#: on average already short, but with a confidentiality line of 40 words, which this measure
#: split at its colon into 15 and 25, and a 25-word explanation of what a melding is.
PAGES_BEFORE = {"lix": 26.8, "per_sentence": 7.2, "long": 19.6, "longest": 25}


def page_texts(catalogue):
    """The Dutch of every UI string on the pupil's pages, tags and placeholders taken out;
    labels of one or two words (a choice, a button) are left out: they are no sentences."""
    import polib

    found = []
    for entry in polib.pofile(str(catalogue)):
        if entry.obsolete or entry.msgid_plural:
            continue
        if any(path in PUPIL_PAGES for path, _line in entry.occurrences):
            text = re.sub(r"<[^>]+>", "", entry.msgstr)
            text = re.sub(r"%\(\w+\)[sd]|\{\w+\}", "X", text)
            if len(words(text)) >= 3:
                found.append(text)
    return found


def test_the_pupils_page_texts_are_plain():
    from pathlib import Path

    catalogue = (
        Path(__file__).resolve().parent.parent
        / "wagtail_vertrouwen/locale/nl/LC_MESSAGES/django.po"
    )
    texts = page_texts(catalogue)
    assert len(texts) > 100  # the form, its help texts, the privacy notice, the glossary
    result = figures(texts)
    lix, per_sentence, longest = THRESHOLDS["leerling"]
    assert result["lix"] < lix, result
    assert result["per_sentence"] <= per_sentence, result
    assert result["longest"] <= longest, result["longest_text"]
    assert result["longest"] < PAGES_BEFORE["longest"]
