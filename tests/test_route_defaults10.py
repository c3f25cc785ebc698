"""The default route content of issue 10: legal corrections, forms of address, school variants.

The defaults are English msgids (context "route-finder default"); every other language comes
from the committed gettext catalogues. The rendering is the real one: ``routewijzer_default``
under ``translation.override``.
"""

import re
from pathlib import Path

import pytest
from django.utils.functional import Promise

from tests.test_translations import catalogues, committed
from wagtail_vertrouwen.blocks import defaults
from wagtail_vertrouwen.blocks.defaults import area_default, routewijzer_default
from wagtail_vertrouwen.choices import Audience, Probleemgebied, RouteRol, SchoolSoort

ROOT = Path(__file__).resolve().parent.parent
CONTEXT = "route-finder default"
VARIANTS = SchoolSoort.values
AUDIENCES = Audience.values
SGG = Probleemgebied.SEKSUEEL_GRENSOVERSCHRIJDEND_GEDRAG.value


SHIPPED = catalogues.LANGUAGES


def render(language, soort):
    """The default route-finder as a plain dict (areas keyed by area)."""
    value = routewijzer_default(language, soort)
    return value


@pytest.fixture
def nl():
    return {soort: render("nl", soort) for soort in VARIANTS}


def areas(value):
    return {child["type"]: child["value"] for child in value["areas"]}


def route(value, area, audience):
    return areas(value)[area][audience]


def text(step):
    return " ".join(step[key] for key in ("condition", "action", "next_when") if step[key])


def route_texts(value, area, audience):
    """What a visitor sees for one route, in order: the steps, then the other procedures."""
    found = [text(step) for step in route(value, area, audience)]
    other = areas(value)[area]["other_routes"]
    return [*found, other] if other else found


def shared_texts(value):
    found = [value["heading"], value["intro"]]
    for area in areas(value).values():
        found += [area["explanation"], *area["examples"]]
        if area["other_routes"]:
            found.append(area["other_routes"])
    return found


def msgids():
    found = []

    def walk(value):
        if isinstance(value, defaults.V):
            for item in value.values.values():
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif isinstance(value, Promise):
            found.append(tuple(value._args))

    walk(defaults.ROUTEWIJZER)
    walk(defaults.AREAS)
    return found


# The content and its translations -----------------------------------------------------------


def test_every_default_text_is_a_msgid_with_the_route_finder_context():
    ids = msgids()
    assert len(set(ids)) > 150
    assert {context for context, _ in ids} == {CONTEXT}


@pytest.mark.parametrize("language", SHIPPED)
def test_every_default_text_is_translated_in_every_shipped_language(language):
    translations = committed(language)
    for key in set(msgids()):
        translated = translations.get(key)
        assert translated and translated.strip() and translated != key[1], (language, key)
        if language == "ar":
            assert any("\u0600" <= ch <= "\u06ff" for ch in translated), key
            assert "؟:" not in translated, key


def test_the_arabic_never_calls_the_work_secret():
    """A review found "Vertrouwenswerk" as العمل السري ("secret, clandestine work")."""
    for translated in committed("ar").values():
        assert "العمل السري" not in translated
        assert "المؤتمن" not in translated  # the old, stiff term; the catalogue says شخص الثقة


def test_dutch_and_arabic_render_from_the_catalogues(nl):
    english = render("en", SchoolSoort.VOORTGEZET_ONDERWIJS)
    dutch = nl[SchoolSoort.VOORTGEZET_ONDERWIJS]
    assert english["heading"] == "Who can I turn to?"
    assert dutch["heading"] == "Waar kan ik terecht?"
    assert (
        route(dutch, SGG, "leerling")[0]["condition"] == "Is het iemand die voor de school werkt?"
    )
    arabic = render("ar", SchoolSoort.BASISONDERWIJS)
    assert arabic["heading"] == "إلى من يمكنني التوجه؟"


def test_an_unknown_language_gets_english():
    assert render("xx", SchoolSoort.VOORTGEZET_ONDERWIJS)["heading"] == "Who can I turn to?"


@pytest.mark.parametrize("soort", VARIANTS)
def test_shape_of_the_default(nl, soort):
    value = nl[soort]
    assert set(value) == {"heading", "intro", "areas", "show_always_available"}
    assert [child["type"] for child in value["areas"]] == Probleemgebied.values
    for child in value["areas"]:
        area = child["value"]
        assert set(area) == {
            "title",
            "explanation",
            "examples",
            "leerling",
            "ouder",
            "medewerker",
            "other_routes",
        }
        assert isinstance(area["other_routes"], str)
        for audience in AUDIENCES:
            assert area[audience], (child["type"], audience)
            for step in area[audience]:
                assert set(step) == {"role", "action", "next_when", "condition"}
                assert step["role"] in RouteRol.values
                assert step["action"].strip()
                assert isinstance(step["next_when"], str)
                assert isinstance(step["condition"], str)


def test_area_default_matches_the_route_finder(nl):
    one = area_default(SGG, "nl", SchoolSoort.BASISONDERWIJS)
    assert one == areas(nl[SchoolSoort.BASISONDERWIJS])[SGG]


# Forms of address and plain words -----------------------------------------------------------

U = re.compile(r"\b(u|uw)\b", re.IGNORECASE)
JE = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)


@pytest.mark.parametrize("soort", VARIANTS)
def test_pupils_are_never_addressed_with_u(nl, soort):
    value = nl[soort]
    texts = shared_texts(value) + [
        text(step) for area in areas(value) for step in route(value, area, "leerling")
    ]
    for found in texts:
        assert not U.search(found), found


@pytest.mark.parametrize("soort", VARIANTS)
def test_staff_are_addressed_with_je(nl, soort):
    value = nl[soort]
    for area in areas(value):
        for step in route(value, area, "medewerker"):
            assert not U.search(text(step)), text(step)


@pytest.mark.parametrize("soort", VARIANTS)
def test_parents_are_addressed_with_u(nl, soort):
    value = nl[soort]
    for area in areas(value):
        for step in route(value, area, "ouder"):
            assert not JE.search(text(step)), text(step)


def test_the_school_variants_use_their_own_words(nl):
    primary = " ".join(
        text(step)
        for area in areas(nl[SchoolSoort.BASISONDERWIJS])
        for audience in AUDIENCES
        for step in route(nl[SchoolSoort.BASISONDERWIJS], area, audience)
    )
    secondary = " ".join(
        text(step)
        for area in areas(nl[SchoolSoort.VOORTGEZET_ONDERWIJS])
        for audience in AUDIENCES
        for step in route(nl[SchoolSoort.VOORTGEZET_ONDERWIJS], area, audience)
    )
    for word in ("juf of meester", "intern begeleider (IB'er)", "directeur"):
        assert word in primary
    for word in ("mentor", "zorgcoördinator", "teamleider"):
        assert word not in primary
        assert word in secondary
    for word in ("juf", "meester", "IB'er"):
        assert word not in secondary


JARGON = (
    "volgt de meldcode",
    "in vertrouwen nemen",
    "seksueel getinte",
    "welzijn",
    "acute of structurele onveiligheid",
    "Algemene wet bestuursrecht",
    "zedendelict",
    "door een medewerker",
    "worden de ouders van de betrokken leerlingen geïnformeerd",
)


@pytest.mark.parametrize("soort", VARIANTS)
def test_the_worst_sentences_of_the_review_are_gone(nl, soort):
    value = nl[soort]
    everything = shared_texts(value) + [
        text(step)
        for area in areas(value)
        for audience in AUDIENCES
        for step in route(value, area, audience)
    ]
    for found in everything:
        for phrase in JARGON:
            assert phrase.lower() not in found.lower(), (phrase, found)


@pytest.mark.parametrize("soort", VARIANTS)
def test_next_when_answers_when_to_go_on_and_conditions_are_questions(nl, soort):
    """The template asks "Wanneer ga je naar de volgende stap?" before ``next_when`` and says
    "Zo ja:" after ``condition``."""
    value = nl[soort]
    for area in areas(value):
        for audience in AUDIENCES:
            for step in route(value, area, audience):
                if step["next_when"]:
                    assert step["next_when"].startswith("Als "), step["next_when"]
                    assert step["next_when"].endswith("."), step["next_when"]
                if step["condition"]:
                    assert step["condition"].endswith("?"), step["condition"]


EXPLAINED = {
    # term: what its explanation says (in the text that first names it)
    "vertrouwenspersoon": ("naar je luistert", "luistert naar"),
    "vertrouwensinspecteur": ("Inspectie van het Onderwijs",),
    "veilig thuis": ("hulplijn",),
    "aandachtsfunctionaris": ("heet de aandachtsfunctionaris", "de collega die"),
}


@pytest.mark.parametrize("soort", VARIANTS)
def test_every_term_is_explained_where_a_route_first_names_it(nl, soort):
    value = nl[soort]
    for area in areas(value):
        for audience in AUDIENCES:
            texts = route_texts(value, area, audience)
            for term, explanations in EXPLAINED.items():
                first = next((t for t in texts if term in t.lower()), None)
                if first is not None:
                    assert any(e in first for e in explanations), (area, audience, term, first)


# Legal and factual points of issue 10 -------------------------------------------------------

WORKS = "Is het iemand die voor de school werkt?"


@pytest.mark.parametrize("soort", VARIANTS)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_sexual_misconduct_routes_start_with_whether_it_is_someone_from_school(nl, soort, audience):
    steps = route(nl[soort], SGG, audience)
    branch = [step for step in steps if step["condition"] == WORKS]
    # The decisive question first: the branch steps come before every other step.
    assert steps[: len(branch)] == branch and len(branch) == 2
    first, police = branch
    assert "schoolbestuur" in first["action"] and "meteen" in first["action"]
    assert "meldplicht" in first["action"]
    # Everyone "met taken belast" (004 art. 5m), not only employees.
    for who in ("stagiairs", "vrijwilligers", "chauffeurs"):
        assert who in first["action"]
    assert police["role"] == RouteRol.POLITIE
    assert "aangifte" in police["action"]
    assert "vertrouwenspersoon" in police["action"]  # helps with aangifte (art. 9.3)
    # The formal complaint, when there is one, comes after the branch.
    roles = [step["role"] for step in steps]
    if RouteRol.KLACHTENCOMMISSIE in roles:
        assert roles.index(RouteRol.KLACHTENCOMMISSIE) > 1


@pytest.mark.parametrize("soort", VARIANTS)
def test_staff_tell_the_board_at_once_without_needing_proof(nl, soort):
    first = route(nl[soort], SGG, "medewerker")[0]
    assert first["role"] == RouteRol.BEVOEGD_GEZAG
    assert "Een vermoeden is genoeg" in first["action"]
    if soort == SchoolSoort.VOORTGEZET_ONDERWIJS:
        assert "jonger dan 18" in first["action"]


@pytest.mark.parametrize("soort", VARIANTS)
def test_parents_are_told_only_with_the_pupils_knowledge_and_not_against_their_interest(nl, soort):
    """004 art. 9.8: every text that says parents may be told carries the two conditions."""
    value = nl[soort]
    mentions = 0
    for area in areas(value):
        for step in route(value, area, "leerling"):
            if re.search(r"vertel\w* .*(je|jouw) ouders|aan je ouders", step["action"]):
                mentions += 1
                assert "nooit zonder dat jij het weet" in step["action"]
                assert "niet als het slecht voor je is" in step["action"]
        for step in route(value, area, "ouder"):
            if "vertrouwenspersoon vertelt" in step["action"]:
                mentions += 1
                assert "als de leerling dat weet" in step["action"]
                assert "niet als het slecht is voor het kind" in step["action"]
    assert mentions >= 4


@pytest.mark.parametrize("soort", VARIANTS)
def test_the_parent_bullying_route_includes_the_aanspreekpunt_pesten(nl, soort):
    steps = route(nl[soort], Probleemgebied.ONGEWENST_GEDRAG.value, "ouder")
    assert RouteRol.AANSPREEKPUNT_PESTEN in [step["role"] for step in steps]
    assert any("aanspreekpunt pesten" in step["action"] for step in steps)


@pytest.mark.parametrize("soort", VARIANTS)
def test_pupils_see_that_they_may_complain_too(nl, soort):
    for area in (
        Probleemgebied.SCHOOLORGANISATIE,
        Probleemgebied.ONDERWIJSKUNDIG,
        Probleemgebied.SEKSUEEL_GRENSOVERSCHRIJDEND_GEDRAG,
        Probleemgebied.ONGEWENST_GEDRAG,
    ):
        steps = route(nl[soort], area.value, "leerling")
        complaint = [s for s in steps if s["role"] == RouteRol.KLACHTENCOMMISSIE]
        assert complaint, area
        assert "Ook leerlingen mogen een klacht indienen" in complaint[0]["action"]


COMPLAINT_CONTENTS = (  # 004 art. 12.3 a-g, 12.1, 11.1, 12.5
    "naam en",
    "adres van de school",
    "schoolbestuur",
    "over wie de klacht gaat",
    "post krijgt",
    "de datum",
    "wat er is gebeurd en waarom",
    "al aan hebt gedaan",
    "onderteken",
    "tot een jaar",
    "niet anoniem",
    "klachtencommissie",
)


@pytest.mark.parametrize("soort", VARIANTS)
@pytest.mark.parametrize("audience", ["ouder", "medewerker"])
def test_formal_complaint_steps_say_what_a_complaint_must_contain(nl, soort, audience):
    value = nl[soort]
    found = 0
    for area in areas(value):
        for step in route(value, area, audience):
            if "formele klacht" in step["action"]:
                found += 1
                assert step["role"] in (RouteRol.KLACHTENCOMMISSIE, RouteRol.BEVOEGD_GEZAG)
                for part in COMPLAINT_CONTENTS:
                    assert part in step["action"], (area, part)
    assert found >= (3 if audience == "ouder" else 1)


@pytest.mark.parametrize("soort", VARIANTS)
def test_public_school_bezwaar_and_leave_outside_holidays(nl, soort):
    steps = route(nl[soort], Probleemgebied.SCHOOLORGANISATIE.value, "ouder")
    public = [s for s in steps if "openbare school" in s["condition"]]
    assert len(public) == 1
    assert "bezwaar" in public[0]["action"] and "binnen 6 weken" in public[0]["action"]
    assert "klachtenregeling geldt niet" in public[0]["action"]
    leave = [s for s in steps if "buiten de schoolvakanties" in s["condition"]]
    assert len(leave) == 1
    for part in ("besluit", "bezwaar", "6 weken", "elke school"):
        assert part in leave[0]["action"]


@pytest.mark.parametrize("soort", VARIANTS)
def test_geschillencommissie_passend_onderwijs_and_onderwijsconsulenten(nl, soort):
    steps = route(nl[soort], Probleemgebied.ONDERWIJSKUNDIG.value, "ouder")
    (gpo,) = [s for s in steps if s["role"] == RouteRol.GESCHILLENCOMMISSIE_PASSEND_ONDERWIJS]
    assert "binnen 6 weken" in gpo["action"]
    assert (
        "Bij toelating kan dat alleen als uw kind extra ondersteuning nodig heeft"
        in (gpo["action"])
    )
    assert "bezwaar maken bij het schoolbestuur" in gpo["action"]
    for part in ("toelating", "verwijdering", "OPP"):
        assert part in gpo["condition"]
    (consulent,) = [s for s in steps if s["role"] == RouteRol.ONDERWIJSCONSULENTEN]
    assert "Onderwijsconsulenten" in consulent["action"]


def test_exam_appeals_only_at_secondary_schools(nl):
    for soort, expected in (
        (SchoolSoort.BASISONDERWIJS, False),
        (SchoolSoort.VOORTGEZET_ONDERWIJS, True),
    ):
        value = nl[soort]
        roles = {
            step["role"]
            for area in areas(value)
            for audience in AUDIENCES
            for step in route(value, area, audience)
        }
        assert (RouteRol.COMMISSIE_VAN_BEROEP_EXAMENS in roles) is expected
        assert any("examen" in t.lower() for t in shared_texts(value)) is expected


KINDERTELEFOON_AREAS = (
    Probleemgebied.HUISELIJK_GEWELD,
    Probleemgebied.PERSOONLIJKE_PROBLEMEN,
    Probleemgebied.SEKSUEEL_GRENSOVERSCHRIJDEND_GEDRAG,
    Probleemgebied.ONGEWENST_GEDRAG,
)


@pytest.mark.parametrize("soort", VARIANTS)
def test_kindertelefoon_in_pupil_routes_only(nl, soort):
    value = nl[soort]
    for area in areas(value):
        for audience in AUDIENCES:
            roles = [step["role"] for step in route(value, area, audience)]
            expected = audience == "leerling" and area in KINDERTELEFOON_AREAS
            assert (RouteRol.KINDERTELEFOON in roles) is expected, (area, audience)


@pytest.mark.parametrize("soort", VARIANTS)
def test_113_wherever_somberheid_is_mentioned(nl, soort):
    value = nl[soort]
    for key, area in areas(value).items():
        mentioned = any("somber" in t.lower() for t in [area["explanation"], *area["examples"]])
        for audience in AUDIENCES:
            steps = route(value, key, audience)
            mentioned_here = mentioned or any("somber" in text(s).lower() for s in steps)
            has_113 = [s for s in steps if s["role"] == RouteRol.ZELFMOORDPREVENTIE]
            assert bool(has_113) == mentioned_here, (key, audience)
            if has_113:
                assert "113" in has_113[0]["action"]
                assert "dag en nacht" in has_113[0]["action"]
    assert any(
        "somber" in example
        for example in areas(value)[Probleemgebied.PERSOONLIJKE_PROBLEMEN.value]["examples"]
    )


@pytest.mark.parametrize("soort", VARIANTS)
def test_staff_have_the_klokkenluidersregeling(nl, soort):
    steps = route(nl[soort], Probleemgebied.SCHOOLORGANISATIE.value, "medewerker")
    (whistle,) = [s for s in steps if "klokkenluidersregeling" in s["action"]]
    for part in ("7 dagen", "3 maanden", "50 of meer"):
        assert part in whistle["action"]
    assert "samenleving" in whistle["condition"]
    for audience in ("leerling", "ouder"):
        assert not any(
            "klokkenluiders" in text(s)
            for area in areas(nl[soort])
            for s in route(nl[soort], area, audience)
        )


@pytest.mark.parametrize("soort", VARIANTS)
def test_where_nude_pictures_are_an_example_every_route_warns_never_to_send_or_keep_them(nl, soort):
    value = nl[soort]
    warned = 0
    for key, area in areas(value).items():
        if any("naaktfoto" in example for example in area["examples"]):
            for audience in AUDIENCES:
                shown = " ".join(route_texts(value, key, audience))
                assert "Stuur het nooit door en bewaar het niet, ook niet als bewijs" in shown
                assert "Vertel liever wat je hebt gezien" in shown
                warned += 1
    assert warned == 3


@pytest.mark.parametrize("soort", VARIANTS)
def test_the_vertrouwensinspecteur_hours_are_given(nl, soort):
    value = nl[soort]
    for area in areas(value):
        for audience in AUDIENCES:
            for step in route(value, area, audience):
                if step["role"] == RouteRol.VERTROUWENSINSPECTEUR:
                    assert "op werkdagen van 8 tot 17 uur" in step["action"]
