"""Default content of the route-finder: the six probleemgebieden and their routes.

The routes are reconstructed from the model klachtenregeling (schema in its Bijlage II) and
national rules, as summarised in DOMAIN.md; the Leidraad's own route text was not available.
They are starting points: an editor can change every step.

This is content, not interface text, so it is kept here in each content language side by
side (Dutch is binding) instead of in the gettext catalogues. Leerling and medewerker are
addressed with "je", ouders with "u", as Dutch schools usually do.
"""

from django.conf import settings

from ..choices import Probleemgebied
from ..choices import RouteRol as R
from .defaults_ar import ARABIC

OTHER_LANGUAGES = {"ar": ARABIC}

DEFAULT_CONTENT_LANGUAGE = "nl"
#: The languages the default content is written in.
CONTENT_LANGUAGES = ("nl", "en", "ar")


class T(dict):
    """One text in each content language. Dutch and English are written here; other languages
    come from a table keyed by the English text (``defaults_ar.ARABIC``), and fall back to
    English, which parents who do not read Dutch are most likely to read."""

    def __init__(self, nl, en, **others):
        super().__init__(nl=nl, en=en, **others)

    def pick(self, language):
        return self.get(language) or OTHER_LANGUAGES.get(language, {}).get(self["en"]) or self["en"]


def S(role, action, next_when=""):  # noqa: N802
    # "" rather than None, as the editor's form stores an empty text: wagtail-localize cannot
    # extract a text block whose value is None.
    return {"role": role, "action": action, "next_when": next_when}


FORMELE_KLACHT = S(
    R.KLACHTENCOMMISSIE,
    T(
        "Dien een formele klacht in bij het schoolbestuur of bij de klachtencommissie. Dat kan "
        "tot een jaar na wat er gebeurde. Een formele klacht is schriftelijk, ondertekend en "
        "nooit anoniem.",
        "File a formal complaint with the school board or with the complaints committee. You "
        "can do so up to a year after what happened. A formal complaint is written, signed and "
        "never anonymous.",
    ),
)

ROUTEWIJZER = {
    "heading": T("Waar kan ik terecht?", "Who can I turn to?"),
    "intro": T(
        "Kies wie je bent en waar het over gaat. Je ziet dan bij wie je eerst terechtkunt en "
        "wat je daarna kunt doen.",
        "Choose who you are and what it is about. You will see whom to turn to first and what "
        "you can do next.",
    ),
}

AREAS = {
    Probleemgebied.SCHOOLORGANISATIE: {
        "title": T("Schoolorganisatie", "School organisation"),
        "explanation": T(
            "Zaken die te maken hebben met hoe de school geregeld is.",
            "Matters of how the school is run.",
        ),
        "examples": [
            T("vakanties en vrije dagen", "holidays and days off"),
            T("de ouderbijdrage", "the parental contribution"),
            T("het rooster", "the timetable"),
            T("de schoonmaak", "cleaning"),
            T(
                "hoe medewerkers werken of samenwerken",
                "how staff members work or work together",
            ),
        ],
        "leerling": [
            S(
                R.MENTOR,
                T("Praat met je mentor of leraar.", "Talk to your mentor or teacher."),
                T("Als het daarna niet opgelost is.", "If that does not solve it."),
            ),
            S(
                R.SCHOOLLEIDING,
                T(
                    "Praat met de schoolleiding, bijvoorbeeld de directeur of teamleider.",
                    "Talk to the school leaders, for example the head or team leader.",
                ),
                T("Als je er samen niet uitkomt.", "If you cannot sort it out together."),
            ),
            S(
                R.INTERNE_VERTROUWENSPERSOON,
                T(
                    "Ga naar de interne vertrouwenspersoon. Die luistert, denkt met je mee en "
                    "helpt je verder.",
                    "Go to the internal confidential adviser, who listens, thinks along with "
                    "you and helps you further.",
                ),
            ),
        ],
        "ouder": [
            S(
                R.SCHOOLLEIDING,
                T("Bespreek het met de schoolleiding.", "Discuss it with the school leaders."),
                T("Als u er samen niet uitkomt.", "If you cannot resolve it together."),
            ),
            S(
                R.BEVOEGD_GEZAG,
                T("Leg het voor aan het schoolbestuur.", "Take it to the school board."),
                T("Als dat geen oplossing geeft.", "If that brings no solution."),
            ),
            S(
                R.VERTROUWENSPERSOON,
                T(
                    "Vraag de interne of externe vertrouwenspersoon om advies of bemiddeling.",
                    "Ask the internal or external confidential adviser for advice or mediation.",
                ),
                T("Als bemiddeling niet helpt.", "If mediation does not help."),
            ),
            FORMELE_KLACHT,
        ],
        "medewerker": [
            S(
                R.LEIDINGGEVENDE,
                T("Bespreek het met je leidinggevende.", "Discuss it with your line manager."),
                T("Als je er samen niet uitkomt.", "If you cannot resolve it together."),
            ),
            S(
                R.BEVOEGD_GEZAG,
                T(
                    "Leg het voor aan het schoolbestuur. Zaken over je arbeidsvoorwaarden zijn "
                    "niet voor de externe vertrouwenspersoon.",
                    "Take it to the school board. Matters of your employment are not for the "
                    "external confidential adviser.",
                ),
            ),
        ],
        "other_routes": T(
            "Gaat het om een besluit van het bestuur van een openbare school? Dan maakt u "
            "bezwaar volgens de Algemene wet bestuursrecht; de klachtenregeling geldt dan niet.",
            "Is it about a decision of the board of a public school? Then you lodge an "
            "administrative objection (bezwaar); the complaints procedure does not apply.",
        ),
    },
    Probleemgebied.ONDERWIJSKUNDIG: {
        "title": T("Onderwijs en begeleiding", "Teaching and support"),
        "explanation": T(
            "Zaken over de lessen, toetsen en de begeleiding van leerlingen.",
            "Matters of lessons, tests and the support of pupils.",
        ),
        "examples": [
            T("de lesmethode", "the teaching method"),
            T("toetsen en cijfers", "tests and marks"),
            T("de pedagogische aanpak", "the teaching approach"),
            T("extra ondersteuning en aanpassingen", "extra support and adjustments"),
        ],
        "leerling": [
            S(
                R.MENTOR,
                T("Praat met je leraar of mentor.", "Talk to your teacher or mentor."),
                T("Als het daarna niet opgelost is.", "If that does not solve it."),
            ),
            S(
                R.SCHOOLLEIDING,
                T("Praat met de schoolleiding.", "Talk to the school leaders."),
            ),
        ],
        "ouder": [
            S(
                R.MENTOR,
                T(
                    "Bespreek het met de leraar of mentor.",
                    "Discuss it with the teacher or mentor.",
                ),
                T("Als u er samen niet uitkomt.", "If you cannot resolve it together."),
            ),
            S(
                R.SCHOOLLEIDING,
                T("Bespreek het met de schoolleiding.", "Discuss it with the school leaders."),
                T("Als dat geen oplossing geeft.", "If that brings no solution."),
            ),
            S(
                R.BEVOEGD_GEZAG,
                T("Leg het voor aan het schoolbestuur.", "Take it to the school board."),
                T("Als dat geen oplossing geeft.", "If that brings no solution."),
            ),
            S(
                R.VERTROUWENSPERSOON,
                T(
                    "Vraag een vertrouwenspersoon om advies of bemiddeling.",
                    "Ask a confidential adviser for advice or mediation.",
                ),
                T("Als bemiddeling niet helpt.", "If mediation does not help."),
            ),
            FORMELE_KLACHT,
        ],
        "medewerker": [
            S(
                R.LEIDINGGEVENDE,
                T("Bespreek het met je leidinggevende.", "Discuss it with your line manager."),
            ),
        ],
        "other_routes": T(
            "Bent u het niet eens met een examenbeslissing? Ga dan naar de commissie van beroep "
            "voor examens. Gaat het om toelating, het ontwikkelingsperspectief (OPP) of "
            "verwijdering? Dan kunt u binnen 6 weken naar de Geschillencommissie Passend "
            "Onderwijs.",
            "Do you disagree with an examination decision? Go to the examination appeals "
            "board. Is it about admission, the development perspective (OPP) or expulsion? "
            "Then you can go to the Disputes Committee for Special Needs Education within 6 "
            "weeks.",
        ),
    },
    Probleemgebied.HUISELIJK_GEWELD: {
        "title": T("Huiselijk geweld en kindermishandeling", "Domestic violence and child abuse"),
        "explanation": T(
            "Geweld, mishandeling of verwaarlozing thuis of in de omgeving van een kind.",
            "Violence, abuse or neglect at home or around a child.",
        ),
        "examples": [
            T("thuis geslagen of bedreigd worden", "being hit or threatened at home"),
            T("geweld tussen ouders zien of horen", "seeing or hearing violence between parents"),
            T("verwaarlozing", "neglect"),
            T("je thuis niet veilig voelen", "not feeling safe at home"),
        ],
        "leerling": [
            S(
                R.INTERNE_VERTROUWENSPERSOON,
                T(
                    "Vertel het aan een volwassene die je vertrouwt, bijvoorbeeld je mentor of "
                    "de interne vertrouwenspersoon.",
                    "Tell an adult you trust, for example your mentor or the internal "
                    "confidential adviser.",
                ),
                T(
                    "Die vertelt je wat er daarna gebeurt.",
                    "They will tell you what happens next.",
                ),
            ),
            S(
                R.AANDACHTSFUNCTIONARIS,
                T(
                    "De aandachtsfunctionaris van school volgt de meldcode en zorgt dat je hulp "
                    "krijgt.",
                    "The school's child protection officer follows the meldcode and makes sure "
                    "you get help.",
                ),
            ),
            S(
                R.VEILIG_THUIS,
                T(
                    "Je kunt ook altijd zelf Veilig Thuis bellen: gratis, dag en nacht.",
                    "You can always call Veilig Thuis yourself too: free, day and night.",
                ),
            ),
        ],
        "ouder": [
            S(
                R.INTERNE_VERTROUWENSPERSOON,
                T(
                    "Bespreek uw zorgen met de interne vertrouwenspersoon.",
                    "Discuss your concerns with the internal confidential adviser.",
                ),
                T(
                    "U mag ook meteen Veilig Thuis bellen.",
                    "You may also call Veilig Thuis straight away.",
                ),
            ),
            S(
                R.VEILIG_THUIS,
                T(
                    "Bel Veilig Thuis voor advies of om een melding te doen.",
                    "Call Veilig Thuis for advice or to make a report.",
                ),
            ),
        ],
        "medewerker": [
            S(
                R.AANDACHTSFUNCTIONARIS,
                T(
                    "Volg de stappen van de meldcode en overleg met de aandachtsfunctionaris.",
                    "Follow the steps of the meldcode and consult the child protection officer.",
                ),
                T(
                    "Bij twijfel, en altijd bij acute of structurele onveiligheid.",
                    "When in doubt, and always in acute or structural unsafety.",
                ),
            ),
            S(
                R.VEILIG_THUIS,
                T(
                    "Vraag Veilig Thuis om advies. Bij acute of structurele onveiligheid doe je "
                    "altijd een melding.",
                    "Ask Veilig Thuis for advice. In acute or structural unsafety you always "
                    "make a report.",
                ),
            ),
        ],
        "other_routes": T(
            "Is er acuut gevaar? Bel 112. Bij acute of structurele onveiligheid wordt altijd "
            "Veilig Thuis ingeschakeld.",
            "In acute danger, call 112. In acute or structural unsafety, Veilig Thuis is always "
            "involved.",
        ),
    },
    Probleemgebied.PERSOONLIJKE_PROBLEMEN: {
        "title": T(
            "Persoonlijke problemen en thuissituatie",
            "Personal problems and home situation",
        ),
        "explanation": T(
            "Problemen die je welzijn of het leren raken, persoonlijk of thuis.",
            "Problems that affect your wellbeing or learning, personal or at home.",
        ),
        "examples": [
            T("ouders die gaan scheiden", "parents separating"),
            T("rouw", "grief"),
            T("zorgen over geld of wonen", "worries about money or housing"),
            T("somberheid of stress", "low mood or stress"),
        ],
        "leerling": [
            S(
                R.MENTOR,
                T(
                    "Praat met je mentor of met de interne vertrouwenspersoon.",
                    "Talk to your mentor or to the internal confidential adviser.",
                ),
                T("Als je meer hulp nodig hebt.", "If you need more help."),
            ),
            S(
                R.INTERN_BEGELEIDER,
                T(
                    "De intern begeleider of zorgcoördinator kijkt samen met jou welke hulp past.",
                    "The pupil support coordinator works out with you what help fits.",
                ),
                T("Als er hulp buiten de klas nodig is.", "If help outside class is needed."),
            ),
            S(
                R.SCHOOLMAATSCHAPPELIJK_WERK,
                T(
                    "Schoolmaatschappelijk werk helpt je verder.",
                    "The school social worker helps you further.",
                ),
            ),
        ],
        "ouder": [
            S(
                R.MENTOR,
                T("Bespreek het met de mentor.", "Discuss it with the mentor."),
                T("Als er meer nodig is.", "If more is needed."),
            ),
            S(
                R.INTERN_BEGELEIDER,
                T(
                    "Bespreek met de intern begeleider of zorgcoördinator welke ondersteuning "
                    "past.",
                    "Discuss with the pupil support coordinator what support fits.",
                ),
            ),
        ],
        "medewerker": [
            S(
                R.LEIDINGGEVENDE,
                T(
                    "Bespreek het met je leidinggevende of met een vertrouwenspersoon.",
                    "Discuss it with your line manager or with a confidential adviser.",
                ),
            ),
        ],
        "other_routes": T(
            "Zijn er signalen van mishandeling? Volg dan de route bij huiselijk geweld en "
            "kindermishandeling.",
            "Are there signs of abuse? Then follow the route for domestic violence and child "
            "abuse.",
        ),
    },
    Probleemgebied.SEKSUEEL_GRENSOVERSCHRIJDEND_GEDRAG: {
        "title": T("Seksueel grensoverschrijdend gedrag", "Sexually transgressive behaviour"),
        "explanation": T(
            "Ongewenste seksueel getinte aandacht, in woorden, gebaren of aanrakingen, ook online.",
            "Unwanted sexual attention, in words, gestures or touch, online too.",
        ),
        "examples": [
            T("ongewenste aanrakingen", "unwanted touching"),
            T("seksuele opmerkingen of grappen", "sexual remarks or jokes"),
            T("doorgestuurde naaktfoto's", "nude pictures passed on"),
            T("misbruik door een volwassene op school", "abuse by an adult at school"),
        ],
        "leerling": [
            S(
                R.VERTROUWENSPERSOON,
                T(
                    "Ga naar de interne of externe vertrouwenspersoon. Je mag ook een andere "
                    "volwassene die je vertrouwt in vertrouwen nemen.",
                    "Go to the internal or external confidential adviser. You may also confide "
                    "in another adult you trust.",
                ),
                T(
                    "Je kunt ook meteen de vertrouwensinspecteur bellen.",
                    "You can also call the confidential inspector straight away.",
                ),
            ),
            S(
                R.VERTROUWENSINSPECTEUR,
                T(
                    "Bel de vertrouwensinspecteur voor advies.",
                    "Call the confidential inspector for advice.",
                ),
            ),
        ],
        "ouder": [
            S(
                R.VERTROUWENSPERSOON,
                T(
                    "Bespreek het met de interne of externe vertrouwenspersoon.",
                    "Discuss it with the internal or external confidential adviser.",
                ),
                T(
                    "U kunt ook meteen de vertrouwensinspecteur bellen.",
                    "You can also call the confidential inspector straight away.",
                ),
            ),
            S(
                R.VERTROUWENSINSPECTEUR,
                T(
                    "Bel de vertrouwensinspecteur voor advies.",
                    "Call the confidential inspector for advice.",
                ),
                T(
                    "Als u de zaak formeel wilt laten onderzoeken.",
                    "If you want the matter formally investigated.",
                ),
            ),
            FORMELE_KLACHT,
        ],
        "medewerker": [
            S(
                R.BEVOEGD_GEZAG,
                T(
                    "Vermoed je dat iemand die voor de school werkt een zedendelict pleegt "
                    "tegen een minderjarige leerling? Meld het meteen bij het schoolbestuur: "
                    "dat is je wettelijke meldplicht. In andere gevallen kun je naar een "
                    "vertrouwenspersoon.",
                    "Do you suspect that someone working for the school commits a sexual "
                    "offence against a minor pupil? Report it to the school board at once: "
                    "that is your legal duty (meldplicht). In other cases you can go to a "
                    "confidential adviser.",
                ),
                T("Daarna handelt het bestuur.", "The board then acts."),
            ),
            S(
                R.VERTROUWENSINSPECTEUR,
                T(
                    "Het bestuur overlegt met de vertrouwensinspecteur en doet bij een redelijk "
                    "vermoeden aangifte bij de politie.",
                    "The board consults the confidential inspector and, on reasonable "
                    "suspicion, reports it to the police.",
                ),
            ),
        ],
        "other_routes": T(
            "Gebeurde het tussen leerlingen? Dan worden de ouders van de betrokken leerlingen "
            "geïnformeerd. Let op: bij een vermoeden van een zedendelict door een medewerker "
            "tegen een minderjarige leerling geldt geen geheimhouding, maar de meldplicht.",
            "Did it happen between pupils? Then the parents of the pupils involved are "
            "informed. Note: a suspected sexual offence by a staff member against a minor pupil "
            "cannot be kept secret; the duty to report (meldplicht) applies.",
        ),
    },
    Probleemgebied.ONGEWENST_GEDRAG: {
        "title": T("Pesten, discriminatie en agressie", "Bullying, discrimination and aggression"),
        "explanation": T(
            "Gedrag waardoor iemand zich onveilig, bedreigd of buitengesloten voelt.",
            "Behaviour that makes someone feel unsafe, threatened or left out.",
        ),
        "examples": [
            T("pesten, ook online", "bullying, online too"),
            T("discriminatie en racisme", "discrimination and racism"),
            T("agressie en geweld", "aggression and violence"),
            T("radicalisering", "radicalisation"),
        ],
        "leerling": [
            S(
                R.MENTOR,
                T("Praat met je leraar of mentor.", "Talk to your teacher or mentor."),
                T(
                    "Als het niet stopt, of als je het liever met iemand anders bespreekt.",
                    "If it does not stop, or if you would rather talk to someone else.",
                ),
            ),
            S(
                R.AANSPREEKPUNT_PESTEN,
                T(
                    "Ga naar het aanspreekpunt pesten of naar de interne vertrouwenspersoon.",
                    "Go to the anti-bullying contact or to the internal confidential adviser.",
                ),
            ),
        ],
        "ouder": [
            S(
                R.MENTOR,
                T(
                    "Bespreek het met de leraar of mentor.",
                    "Discuss it with the teacher or mentor.",
                ),
                T("Als het niet stopt.", "If it does not stop."),
            ),
            S(
                R.SCHOOLLEIDING,
                T("Bespreek het met de schoolleiding.", "Discuss it with the school leaders."),
                T("Als dat geen oplossing geeft.", "If that brings no solution."),
            ),
            S(
                R.BEVOEGD_GEZAG,
                T("Leg het voor aan het schoolbestuur.", "Take it to the school board."),
                T(
                    "U kunt op elk moment ook een vertrouwenspersoon vragen mee te denken.",
                    "At any time you can also ask a confidential adviser for advice.",
                ),
            ),
            S(
                R.VERTROUWENSPERSOON,
                T(
                    "Vraag een vertrouwenspersoon om advies of bemiddeling.",
                    "Ask a confidential adviser for advice or mediation.",
                ),
            ),
        ],
        "medewerker": [
            S(
                R.VERTROUWENSPERSOON,
                T("Ga naar een vertrouwenspersoon.", "Go to a confidential adviser."),
                T("Als het niet stopt.", "If it does not stop."),
            ),
            S(
                R.KLACHTENCOMMISSIE,
                T(
                    "Dien zo nodig een formele klacht in volgens de klachtenregeling.",
                    "If needed, file a formal complaint under the complaints procedure.",
                ),
            ),
        ],
        "other_routes": T(
            "Bij discriminatie, ernstig geweld of radicalisering kunt u ook de "
            "vertrouwensinspecteur bellen.",
            "For discrimination, serious violence or radicalisation you can also call the "
            "confidential inspector.",
        ),
    },
}


def content_language():
    """The language to prefill content in: the site's default language if we have it."""
    configured = getattr(settings, "WAGTAIL_VERTROUWEN_CONTENT_LANGUAGE", None)
    language = (configured or settings.LANGUAGE_CODE or DEFAULT_CONTENT_LANGUAGE).split("-")[0]
    return language if language in CONTENT_LANGUAGES else DEFAULT_CONTENT_LANGUAGE


def _pick(value, language):
    if isinstance(value, T):
        return value.pick(language)
    if isinstance(value, dict):
        return {key: _pick(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [_pick(item, language) for item in value]
    return value


def area_default(area, language=None):
    """The raw (JSON-shaped) default value of one probleemgebied block."""
    language = language or content_language()
    return _pick(AREAS[Probleemgebied(area)], language)


def routewijzer_default(language=None):
    """The raw default value of a route-finder block: all six areas, in the Leidraad's order."""
    language = language or content_language()
    return {
        **_pick(ROUTEWIJZER, language),
        "areas": [
            {"type": str(area), "value": area_default(area, language)} for area in Probleemgebied
        ],
        "show_always_available": True,
    }
