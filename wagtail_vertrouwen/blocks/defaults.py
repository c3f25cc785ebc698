"""Default content of the route-finder: the six probleemgebieden and their routes.

The routes are reconstructed from the model klachtenregeling (schema in its Bijlage II) and
national rules, as summarised in DOMAIN.md; the Leidraad's own route text was not available.
They are starting points: an editor can change every step.

The texts are English source strings in the gettext catalogues, with the context
"route-finder default" so a translator knows they are editable default content; Dutch (binding)
and the other languages are translations. ``routewijzer_default`` renders them in one language
into the JSON shape a route-finder block stores, after which they are the editor's content.

Writing rules (issue 10):

- Plain language: Dutch at B1, short sentences, active voice; every term of art explained the
  first time a route uses it; pupil routes in words a 10-year-old knows.
- Forms of address: pupils and staff "je", parents "u". English has no such difference, so a
  sentence whose Dutch needs a pronoun has its own English for each form (the parent version
  often speaks of "your child"); sentences without a pronoun (imperatives, statements) are
  shared. Texts every audience sees (explanations, other procedures) use "je".
- Two school variants: primary schools say juf or meester, intern begeleider (IB'er) and
  directeur; secondary schools say mentor, zorgcoördinator and teamleider. Where the variants
  differ there are separate full sentences (no placeholders: other languages inflect the
  nouns); the rest is shared.
- A text is one msgid or a few whole-sentence msgids joined with a space, so a sentence shared
  by several steps is translated once.
- ``next_when`` answers the template's question "When do you go on to the next step?" ("If it
  does not stop."); ``condition`` is a question the template follows with "If so:".
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext_lazy

from ..choices import SHIPPED_LANGUAGES, Probleemgebied, SchoolSoort
from ..choices import RouteRol as R

DEFAULT_CONTENT_LANGUAGE = "nl"
#: Language for a requested language without translations: the one parents who do not read
#: Dutch are most likely to read.
FALLBACK_LANGUAGE = "en"

BO = SchoolSoort.BASISONDERWIJS
VO = SchoolSoort.VOORTGEZET_ONDERWIJS


class V:
    """A text or step that differs per school variant (``None``: not in that variant)."""

    def __init__(self, basisonderwijs, voortgezet):
        self.values = {BO: basisonderwijs, VO: voortgezet}

    def pick(self, school_soort):
        return self.values[SchoolSoort(school_soort)]


class J(tuple):
    """Whole sentences, each its own msgid, shown as one text."""

    def __new__(cls, *parts):
        return super().__new__(cls, parts)


def S(role, action, next_when="", condition=""):  # noqa: N802
    # "" rather than None, as the editor's form stores an empty text: wagtail-localize cannot
    # extract a text block whose value is None.
    return {"role": role, "action": action, "next_when": next_when, "condition": condition}


# Sentences used in several routes ---------------------------------------------------------

# Explanations of the terms of art, per form of address.
VP_IS_PUPIL = pgettext_lazy(
    "route-finder default",
    "A confidential adviser (vertrouwenspersoon) is someone who listens to you and helps you.",
)
VP_IS_STAFF = pgettext_lazy(
    "route-finder default",
    "A confidential adviser (vertrouwenspersoon) listens to you and helps you decide what to do.",
)
VP_IS_PARENT = pgettext_lazy(
    "route-finder default",
    "A confidential adviser (vertrouwenspersoon) listens to parents and helps them decide what "
    "to do.",
)
BOARD_IS = pgettext_lazy("route-finder default", "The school board is in charge of the school.")
INSPECTOR = J(
    pgettext_lazy(
        "route-finder default", "Ask the confidential inspector (vertrouwensinspecteur) for advice."
    ),
    pgettext_lazy(
        "route-finder default",
        "This inspector works for the Education Inspectorate, which checks schools.",
    ),
    pgettext_lazy(
        "route-finder default",
        "You can call on working days from 8 in the morning to 5 in the afternoon.",
    ),
)
VEILIG_THUIS_IS = J(
    pgettext_lazy(
        "route-finder default",
        "Veilig Thuis is the helpline for when someone is not safe at home.",
    ),
    pgettext_lazy("route-finder default", "Calls are free, day and night."),
)

# Art. 9.8: parents of a minor pupil are told only with the pupil's knowledge and not against
# the pupil's interest.
PARENTS_TOLD_PUPIL = J(
    pgettext_lazy(
        "route-finder default",
        "Are you under 18? Then the confidential adviser sometimes tells your parents.",
    ),
    pgettext_lazy(
        "route-finder default",
        "That never happens without you knowing. And not if it would be bad for you.",
    ),
)

KINDERTELEFOON = S(
    R.KINDERTELEFOON,
    J(
        pgettext_lazy(
            "route-finder default",
            "Would you rather talk to someone outside school first? Call or chat with the "
            "Kindertelefoon.",
        ),
        pgettext_lazy(
            "route-finder default",
            "It is free and you do not have to say your name. It is for children from 8 to 18.",
        ),
    ),
)

# What a formal complaint must contain (004 art. 11.1, 11.2, 12.1, 12.3, 12.5); where it goes
# (the board's and the commissie's contact details) is shown by the route-finder.
COMPLAINT_WHERE = J(
    pgettext_lazy(
        "route-finder default", "Send it to the school board or to the complaints committee."
    ),
    pgettext_lazy("route-finder default", "Write the complaint down and sign it."),
)
COMPLAINT_WHEN = J(
    pgettext_lazy("route-finder default", "You can do this up to a year after what happened."),
    pgettext_lazy("route-finder default", "A formal complaint cannot be anonymous."),
)
FORMELE_KLACHT_OUDER = S(
    R.KLACHTENCOMMISSIE,
    J(
        pgettext_lazy(
            "route-finder default", "You can file a formal complaint, also for your child."
        ),
        COMPLAINT_WHERE,
        pgettext_lazy(
            "route-finder default",
            "Put in: your name and address; the name and address of the school and of the "
            "school board; who the complaint is about, and an address where that person gets "
            "post; the date; what happened and why you are complaining; what you have already "
            "done about it.",
        ),
        COMPLAINT_WHEN,
    ),
)
FORMELE_KLACHT_MEDEWERKER = S(
    R.KLACHTENCOMMISSIE,
    J(
        pgettext_lazy(
            "route-finder default",
            "You can file a formal complaint under the complaints procedure (klachtenregeling).",
        ),
        COMPLAINT_WHERE,
        pgettext_lazy(
            "route-finder default",
            "Put in: your name and home address; the name and address of the school and of the "
            "school board; who the complaint is about, and an address where that person gets "
            "post; the date; what happened and why you are complaining; what you have already "
            "done about it.",
        ),
        COMPLAINT_WHEN,
    ),
)
KLACHT_LEERLING = S(
    R.KLACHTENCOMMISSIE,
    J(
        pgettext_lazy("route-finder default", "Pupils may make a complaint too."),
        pgettext_lazy(
            "route-finder default",
            "That is a letter to the school board or to the complaints committee.",
        ),
        BOARD_IS,
        pgettext_lazy(
            "route-finder default",
            "A confidential adviser (vertrouwenspersoon) can help you write the letter.",
        ),
    ),
)

PUPIL_VP = S(
    R.INTERNE_VERTROUWENSPERSOON,
    J(
        pgettext_lazy("route-finder default", "Go to the confidential adviser at school."),
        VP_IS_PUPIL,
    ),
    pgettext_lazy("route-finder default", "If you want the school board to look into it."),
)

# The people, per school variant.
PUPIL_TEACHER = S(
    R.MENTOR,
    V(
        pgettext_lazy("route-finder default", "Talk to your teacher."),
        pgettext_lazy("route-finder default", "Talk to your mentor."),
    ),
    pgettext_lazy("route-finder default", "If that does not help."),
)
PUPIL_LEADER = S(
    R.SCHOOLLEIDING,
    V(
        pgettext_lazy("route-finder default", "Talk to the head teacher."),
        pgettext_lazy("route-finder default", "Talk to your team leader or the head of school."),
    ),
    pgettext_lazy("route-finder default", "If you cannot sort it out together."),
)
PARENT_TEACHER = V(
    pgettext_lazy("route-finder default", "Discuss it with your child's teacher."),
    pgettext_lazy("route-finder default", "Discuss it with your child's mentor."),
)
PARENT_LEADER = V(
    pgettext_lazy("route-finder default", "Discuss it with the head teacher."),
    pgettext_lazy("route-finder default", "Discuss it with the team leader or the head of school."),
)
STAFF_LEADER = V(
    pgettext_lazy("route-finder default", "Discuss it with the head teacher."),
    pgettext_lazy(
        "route-finder default", "Discuss it with your manager, for example your team leader."
    ),
)
PARENT_NOT_SORTED = pgettext_lazy(
    "route-finder default", "If the school and you cannot sort it out together."
)
PARENT_BOARD = S(
    R.BEVOEGD_GEZAG,
    J(pgettext_lazy("route-finder default", "Take it to the school board."), BOARD_IS),
    pgettext_lazy("route-finder default", "If the board does not solve it."),
)
PARENT_VP = S(
    R.VERTROUWENSPERSOON,
    J(
        pgettext_lazy(
            "route-finder default", "Ask a confidential adviser for advice or for mediation."
        ),
        VP_IS_PARENT,
        pgettext_lazy(
            "route-finder default",
            "Mediation means: the adviser helps the school and the parents to agree.",
        ),
    ),
    pgettext_lazy("route-finder default", "If that does not solve it either."),
)

# The seksueel grensoverschrijdend gedrag routes start with the decisive question.
WORKS_AT_SCHOOL = pgettext_lazy("route-finder default", "Is it someone who works at the school?")
ALSO_INTERNS = pgettext_lazy("route-finder default", "Interns, volunteers and drivers count too.")
SCHOOL_MUST_TELL_BOARD = J(
    pgettext_lazy("route-finder default", "The school must then tell the school board at once."),
    pgettext_lazy(
        "route-finder default", "That is the law (meldplicht), so it cannot stay a secret."
    ),
)

NUDE_PICTURES = J(
    pgettext_lazy(
        "route-finder default",
        "Have you seen or received a nude picture or sex video of someone?",
    ),
    pgettext_lazy(
        "route-finder default",
        "Never send it on, and do not keep it, not even as proof.",
    ),
    pgettext_lazy(
        "route-finder default",
        "If the person is under 18, sending or keeping it is a crime.",
    ),
    pgettext_lazy("route-finder default", "Tell what you saw instead."),
)


ROUTEWIJZER = {
    "heading": pgettext_lazy("route-finder default", "Who can I turn to?"),
    "intro": J(
        pgettext_lazy("route-finder default", "Choose who you are and what it is about."),
        pgettext_lazy(
            "route-finder default",
            "Then you see who can help you first, and what you can do after that.",
        ),
    ),
}

AREAS = {
    Probleemgebied.SCHOOLORGANISATIE: {
        "title": pgettext_lazy("route-finder default", "School organisation"),
        "explanation": pgettext_lazy(
            "route-finder default",
            "How the school is organised: days off, money, the timetable, the building and the "
            "staff.",
        ),
        "examples": [
            pgettext_lazy("route-finder default", "holidays and days off"),
            pgettext_lazy("route-finder default", "leave outside the school holidays"),
            pgettext_lazy("route-finder default", "the parents' contribution"),
            pgettext_lazy("route-finder default", "the timetable"),
            pgettext_lazy("route-finder default", "cleaning"),
            pgettext_lazy("route-finder default", "how staff do their work"),
        ],
        "leerling": [
            PUPIL_TEACHER,
            PUPIL_LEADER,
            PUPIL_VP,
            KLACHT_LEERLING,
        ],
        "ouder": [
            S(
                R.SCHOOLLEIDING,
                J(
                    pgettext_lazy(
                        "route-finder default",
                        "Saying no to leave outside the school holidays is a formal decision.",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "You can object to it (bezwaar) within 6 weeks. This is possible at "
                        "every school.",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "The letter with the decision says where to send your objection.",
                    ),
                ),
                condition=pgettext_lazy(
                    "route-finder default",
                    "Did the school refuse leave outside the school holidays?",
                ),
            ),
            S(
                R.BEVOEGD_GEZAG,
                J(
                    pgettext_lazy(
                        "route-finder default",
                        "Then you can object to the school board (bezwaar). Do this within 6 "
                        "weeks of the decision.",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "The complaints procedure does not apply to such a decision.",
                    ),
                ),
                condition=pgettext_lazy(
                    "route-finder default",
                    "Is it a decision of the board of a public school (openbare school)?",
                ),
            ),
            S(R.SCHOOLLEIDING, PARENT_LEADER, PARENT_NOT_SORTED),
            PARENT_BOARD,
            PARENT_VP,
            FORMELE_KLACHT_OUDER,
        ],
        "medewerker": [
            S(
                R.BEVOEGD_GEZAG,
                J(
                    pgettext_lazy(
                        "route-finder default",
                        "Then report it under your employer's whistleblower procedure "
                        "(klokkenluidersregeling).",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "Employers with 50 or more staff must have one.",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "Within 7 days you hear that your report has arrived.",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "Within 3 months you hear what is being done with it.",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "You can also ask the Huis voor Klokkenluiders for advice.",
                    ),
                ),
                condition=pgettext_lazy(
                    "route-finder default",
                    "Is it wrongdoing that harms the public, such as fraud or danger to health?",
                ),
            ),
            S(
                R.LEIDINGGEVENDE,
                STAFF_LEADER,
                pgettext_lazy("route-finder default", "If you cannot sort it out together."),
            ),
            S(
                R.BEVOEGD_GEZAG,
                J(
                    pgettext_lazy("route-finder default", "Take it to the school board."),
                    pgettext_lazy(
                        "route-finder default",
                        "Is it about your contract, pay or working hours? Then the board is the "
                        "place for it.",
                    ),
                ),
            ),
        ],
        "other_routes": pgettext_lazy(
            "route-finder default",
            "Some decisions have their own procedure: an objection (bezwaar) within 6 weeks. The "
            "letter with the decision says how.",
        ),
    },
    Probleemgebied.ONDERWIJSKUNDIG: {
        "title": pgettext_lazy("route-finder default", "Teaching and support"),
        "explanation": V(
            pgettext_lazy(
                "route-finder default", "Lessons, tests, the school report and extra help."
            ),
            pgettext_lazy("route-finder default", "Lessons, tests, marks, exams and extra help."),
        ),
        "examples": [
            pgettext_lazy("route-finder default", "the teaching method"),
            V(
                pgettext_lazy("route-finder default", "tests and the school report"),
                pgettext_lazy("route-finder default", "tests and marks"),
            ),
            pgettext_lazy("route-finder default", "the way of teaching"),
            pgettext_lazy("route-finder default", "extra support"),
            V(None, pgettext_lazy("route-finder default", "the exams")),
            pgettext_lazy("route-finder default", "being admitted or sent away from school"),
        ],
        "leerling": [
            V(
                None,
                S(
                    R.COMMISSIE_VAN_BEROEP_EXAMENS,
                    J(
                        pgettext_lazy(
                            "route-finder default",
                            "Do you disagree with a decision about your exam? Then you can "
                            "appeal to the exam appeals committee.",
                        ),
                        pgettext_lazy(
                            "route-finder default",
                            "The exam rules (examenreglement) say how and by when. Often you "
                            "have only a few days.",
                        ),
                    ),
                    condition=pgettext_lazy("route-finder default", "Is it about an exam?"),
                ),
            ),
            PUPIL_TEACHER,
            PUPIL_LEADER,
            PUPIL_VP,
            KLACHT_LEERLING,
        ],
        "ouder": [
            S(
                R.GESCHILLENCOMMISSIE_PASSEND_ONDERWIJS,
                J(
                    pgettext_lazy(
                        "route-finder default",
                        "Then you can go to the Geschillencommissie Passend Onderwijs within 6 "
                        "weeks of the decision.",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "For admission, this is only possible if your child needs extra support.",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "You can also object to the school board (bezwaar).",
                    ),
                ),
                condition=pgettext_lazy(
                    "route-finder default",
                    "Is it about admission, sending your child away from school, or the plan "
                    "for extra support (OPP)?",
                ),
            ),
            S(
                R.ONDERWIJSCONSULENTEN,
                J(
                    pgettext_lazy("route-finder default", "Ask the Onderwijsconsulenten for help."),
                    pgettext_lazy(
                        "route-finder default",
                        "They are independent and free. They help parents and schools find a "
                        "solution together.",
                    ),
                ),
                condition=pgettext_lazy(
                    "route-finder default",
                    "Do the school and you disagree about support or admission?",
                ),
            ),
            V(
                None,
                S(
                    R.COMMISSIE_VAN_BEROEP_EXAMENS,
                    J(
                        pgettext_lazy(
                            "route-finder default",
                            "Then your child can appeal to the exam appeals committee.",
                        ),
                        pgettext_lazy(
                            "route-finder default",
                            "The exam rules (examenreglement) say how and by when. Often there "
                            "are only a few days.",
                        ),
                    ),
                    condition=pgettext_lazy(
                        "route-finder default", "Is it about a decision on an exam?"
                    ),
                ),
            ),
            S(R.MENTOR, PARENT_TEACHER, PARENT_NOT_SORTED),
            S(R.SCHOOLLEIDING, PARENT_LEADER, PARENT_NOT_SORTED),
            PARENT_BOARD,
            PARENT_VP,
            FORMELE_KLACHT_OUDER,
        ],
        "medewerker": [
            S(R.LEIDINGGEVENDE, STAFF_LEADER),
        ],
        "other_routes": "",
    },
    Probleemgebied.HUISELIJK_GEWELD: {
        "title": pgettext_lazy("route-finder default", "Domestic violence and child abuse"),
        "explanation": J(
            pgettext_lazy(
                "route-finder default",
                "When a child is hit, threatened or not looked after at home.",
            ),
            pgettext_lazy("route-finder default", "Or when there is violence at home."),
        ),
        "examples": [
            pgettext_lazy("route-finder default", "being hit or threatened at home"),
            pgettext_lazy("route-finder default", "seeing or hearing violence between parents"),
            pgettext_lazy("route-finder default", "not getting enough food, care or attention"),
            pgettext_lazy("route-finder default", "not feeling safe at home"),
        ],
        "leerling": [
            S(
                R.INTERNE_VERTROUWENSPERSOON,
                J(
                    pgettext_lazy("route-finder default", "Tell an adult you trust."),
                    V(
                        pgettext_lazy(
                            "route-finder default",
                            "For example your teacher, or the confidential adviser at school.",
                        ),
                        pgettext_lazy(
                            "route-finder default",
                            "For example your mentor, or the confidential adviser at school.",
                        ),
                    ),
                    VP_IS_PUPIL,
                    pgettext_lazy("route-finder default", "You do not have to keep this a secret."),
                    PARENTS_TOLD_PUPIL,
                ),
            ),
            S(
                R.AANDACHTSFUNCTIONARIS,
                J(
                    pgettext_lazy(
                        "route-finder default",
                        "At school there is someone who knows what to do when a child is not "
                        "safe at home.",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "This person is called the aandachtsfunctionaris. They make sure you "
                        "get help.",
                    ),
                ),
            ),
            S(
                R.VEILIG_THUIS,
                J(
                    pgettext_lazy(
                        "route-finder default", "You can also call Veilig Thuis yourself."
                    ),
                    VEILIG_THUIS_IS,
                ),
            ),
            KINDERTELEFOON,
        ],
        "ouder": [
            S(
                R.INTERNE_VERTROUWENSPERSOON,
                J(
                    pgettext_lazy(
                        "route-finder default",
                        "Discuss your worries with the confidential adviser at school.",
                    ),
                    VP_IS_PARENT,
                ),
            ),
            S(
                R.VEILIG_THUIS,
                J(
                    pgettext_lazy(
                        "route-finder default",
                        "Calling Veilig Thuis straight away is possible too, for advice or to "
                        "make a report.",
                    ),
                    VEILIG_THUIS_IS,
                ),
            ),
        ],
        "medewerker": [
            S(
                R.AANDACHTSFUNCTIONARIS,
                J(
                    pgettext_lazy("route-finder default", "Follow the meldcode."),
                    pgettext_lazy(
                        "route-finder default",
                        "That is the school's step-by-step plan for worries about domestic "
                        "violence or child abuse.",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "The aandachtsfunctionaris is the colleague who knows this plan well. "
                        "Talk to them first.",
                    ),
                ),
            ),
            S(
                R.VEILIG_THUIS,
                J(
                    pgettext_lazy(
                        "route-finder default",
                        "Ask Veilig Thuis for advice. You do not have to give names.",
                    ),
                    VEILIG_THUIS_IS,
                    pgettext_lazy(
                        "route-finder default",
                        "Is a child in danger now, or does it keep happening? Then always "
                        "report it to Veilig Thuis.",
                    ),
                ),
            ),
        ],
        "other_routes": pgettext_lazy(
            "route-finder default", "Is someone in danger right now? Call 112."
        ),
    },
    Probleemgebied.PERSOONLIJKE_PROBLEMEN: {
        "title": pgettext_lazy("route-finder default", "Personal problems and home situation"),
        "explanation": J(
            pgettext_lazy(
                "route-finder default",
                "Problems that make you feel bad or make it hard to learn.",
            ),
            pgettext_lazy("route-finder default", "At home, at school or inside yourself."),
        ),
        "examples": [
            pgettext_lazy("route-finder default", "parents splitting up"),
            pgettext_lazy("route-finder default", "someone who has died"),
            pgettext_lazy("route-finder default", "worries about money or a home"),
            pgettext_lazy("route-finder default", "feeling down (somber) or stressed"),
        ],
        "leerling": [
            S(
                R.ZELFMOORDPREVENTIE,
                J(
                    pgettext_lazy(
                        "route-finder default",
                        "Call or chat with 113 now. It is free, day and night.",
                    ),
                    pgettext_lazy("route-finder default", "Also tell an adult you trust."),
                ),
                condition=pgettext_lazy(
                    "route-finder default",
                    "Do you feel very down, or do you think about not wanting to live any more?",
                ),
            ),
            S(
                R.MENTOR,
                J(
                    V(
                        pgettext_lazy(
                            "route-finder default",
                            "Talk to your teacher, or to the confidential adviser at school.",
                        ),
                        pgettext_lazy(
                            "route-finder default",
                            "Talk to your mentor, or to the confidential adviser at school.",
                        ),
                    ),
                    VP_IS_PUPIL,
                    PARENTS_TOLD_PUPIL,
                ),
                pgettext_lazy("route-finder default", "If you need more help."),
            ),
            S(
                R.INTERN_BEGELEIDER,
                V(
                    J(
                        pgettext_lazy(
                            "route-finder default",
                            "The intern begeleider (IB'er) looks with you at what help fits.",
                        ),
                        pgettext_lazy(
                            "route-finder default",
                            "The IB'er is the teacher who arranges extra help.",
                        ),
                    ),
                    J(
                        pgettext_lazy(
                            "route-finder default",
                            "The zorgcoördinator looks with you at what help fits.",
                        ),
                        pgettext_lazy(
                            "route-finder default",
                            "The zorgcoördinator arranges extra help at school.",
                        ),
                    ),
                ),
            ),
            S(
                R.SCHOOLMAATSCHAPPELIJK_WERK,
                J(
                    pgettext_lazy(
                        "route-finder default", "The school social worker can help you further."
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "They help pupils and families with problems at home.",
                    ),
                ),
            ),
            KINDERTELEFOON,
        ],
        "ouder": [
            S(
                R.ZELFMOORDPREVENTIE,
                J(
                    pgettext_lazy("route-finder default", "Call or chat with 113."),
                    pgettext_lazy(
                        "route-finder default",
                        "113 also helps parents who are worried about their child. It is free, "
                        "day and night.",
                    ),
                ),
                condition=pgettext_lazy(
                    "route-finder default",
                    "Is your child very down (somber), or does your child talk about not "
                    "wanting to live?",
                ),
            ),
            S(
                R.MENTOR,
                PARENT_TEACHER,
                pgettext_lazy("route-finder default", "If more help is needed."),
            ),
            S(
                R.INTERN_BEGELEIDER,
                V(
                    J(
                        pgettext_lazy(
                            "route-finder default",
                            "Discuss with the intern begeleider (IB'er) what help fits your child.",
                        ),
                        pgettext_lazy(
                            "route-finder default",
                            "The IB'er arranges extra help for pupils.",
                        ),
                    ),
                    J(
                        pgettext_lazy(
                            "route-finder default",
                            "Discuss with the zorgcoördinator what help fits your child.",
                        ),
                        pgettext_lazy(
                            "route-finder default",
                            "The zorgcoördinator arranges extra help for pupils.",
                        ),
                    ),
                ),
            ),
        ],
        "medewerker": [
            S(
                R.ZELFMOORDPREVENTIE,
                J(
                    pgettext_lazy("route-finder default", "Call or chat with 113."),
                    pgettext_lazy(
                        "route-finder default",
                        "113 also advises people who worry about someone else. It is free, day "
                        "and night.",
                    ),
                ),
                condition=pgettext_lazy(
                    "route-finder default",
                    "Are you or is a pupil very down (somber), or is there talk of suicide?",
                ),
            ),
            S(
                R.INTERN_BEGELEIDER,
                V(
                    pgettext_lazy("route-finder default", "Talk to the intern begeleider (IB'er)."),
                    pgettext_lazy("route-finder default", "Talk to the zorgcoördinator."),
                ),
                condition=pgettext_lazy("route-finder default", "Are you worried about a pupil?"),
            ),
            S(
                R.LEIDINGGEVENDE,
                J(
                    pgettext_lazy(
                        "route-finder default",
                        "Discuss your own problems with your manager or with a confidential "
                        "adviser.",
                    ),
                    VP_IS_STAFF,
                ),
            ),
        ],
        "other_routes": pgettext_lazy(
            "route-finder default",
            "Is someone being hurt at home? Then choose ‘Domestic violence and child abuse’.",
        ),
    },
    Probleemgebied.SEKSUEEL_GRENSOVERSCHRIJDEND_GEDRAG: {
        "title": pgettext_lazy("route-finder default", "Sexually transgressive behaviour"),
        "explanation": J(
            pgettext_lazy(
                "route-finder default",
                "Sexual things someone says or does that you do not want.",
            ),
            pgettext_lazy("route-finder default", "With words, gestures or touching, online too."),
        ),
        "examples": [
            pgettext_lazy("route-finder default", "touching you do not want"),
            pgettext_lazy("route-finder default", "sexual remarks or jokes"),
            pgettext_lazy("route-finder default", "nude pictures passed on"),
            pgettext_lazy("route-finder default", "abuse by an adult at school"),
        ],
        "leerling": [
            S(
                R.VERTROUWENSPERSOON,
                J(
                    ALSO_INTERNS,
                    pgettext_lazy(
                        "route-finder default",
                        "Tell the confidential adviser or another adult you trust straight away.",
                    ),
                    VP_IS_PUPIL,
                    SCHOOL_MUST_TELL_BOARD,
                    pgettext_lazy(
                        "route-finder default", "The confidential adviser keeps helping you."
                    ),
                ),
                condition=WORKS_AT_SCHOOL,
            ),
            S(
                R.POLITIE,
                J(
                    pgettext_lazy(
                        "route-finder default",
                        "You can also go to the police and tell what happened. That is called "
                        "aangifte doen.",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "The confidential adviser can help you with that.",
                    ),
                ),
                condition=WORKS_AT_SCHOOL,
            ),
            S(
                R.VERTROUWENSPERSOON,
                J(
                    pgettext_lazy(
                        "route-finder default",
                        "Is it someone else, for example another pupil? You can always go to "
                        "the confidential adviser too.",
                    ),
                    PARENTS_TOLD_PUPIL,
                ),
            ),
            KINDERTELEFOON,
            S(R.VERTROUWENSINSPECTEUR, INSPECTOR),
            KLACHT_LEERLING,
        ],
        "ouder": [
            S(
                R.VERTROUWENSPERSOON,
                J(
                    ALSO_INTERNS,
                    pgettext_lazy(
                        "route-finder default",
                        "Tell the confidential adviser or the head teacher straight away.",
                    ),
                    VP_IS_PARENT,
                    SCHOOL_MUST_TELL_BOARD,
                ),
                condition=WORKS_AT_SCHOOL,
            ),
            S(
                R.POLITIE,
                J(
                    pgettext_lazy(
                        "route-finder default",
                        "Reporting it to the police is possible too. That is called aangifte doen.",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "The confidential adviser can help with that.",
                    ),
                ),
                condition=WORKS_AT_SCHOOL,
            ),
            S(
                R.VERTROUWENSPERSOON,
                J(
                    pgettext_lazy(
                        "route-finder default",
                        "In other cases, too, discuss it with the confidential adviser.",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "Did it happen between pupils? Then the school usually tells the "
                        "parents of the pupils involved.",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "The confidential adviser tells parents only if the pupil knows. And "
                        "not if it would be bad for the child.",
                    ),
                ),
            ),
            S(R.VERTROUWENSINSPECTEUR, INSPECTOR),
            FORMELE_KLACHT_OUDER,
        ],
        "medewerker": [
            S(
                R.BEVOEGD_GEZAG,
                J(
                    ALSO_INTERNS,
                    V(
                        pgettext_lazy(
                            "route-finder default",
                            "Do you suspect sexual abuse of a pupil, or another sexual crime "
                            "against a pupil?",
                        ),
                        pgettext_lazy(
                            "route-finder default",
                            "Do you suspect sexual abuse of a pupil under 18, or another "
                            "sexual crime against such a pupil?",
                        ),
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "Then tell the school board at once. That is the law: the meldplicht.",
                    ),
                    pgettext_lazy(
                        "route-finder default", "A suspicion is enough; you need no proof."
                    ),
                ),
                condition=WORKS_AT_SCHOOL,
            ),
            S(
                R.POLITIE,
                J(
                    pgettext_lazy(
                        "route-finder default",
                        "The board then talks to the confidential inspector "
                        "(vertrouwensinspecteur) of the Education Inspectorate.",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "If the suspicion is reasonable, the board must report it to the "
                        "police (aangifte).",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "A confidential adviser can support you, also if you want to go to "
                        "the police yourself.",
                    ),
                    VP_IS_STAFF,
                ),
                condition=WORKS_AT_SCHOOL,
            ),
            S(
                R.VERTROUWENSPERSOON,
                J(
                    pgettext_lazy(
                        "route-finder default",
                        "In all other cases, go to a confidential adviser.",
                    ),
                ),
            ),
            S(R.VERTROUWENSINSPECTEUR, INSPECTOR),
        ],
        "other_routes": NUDE_PICTURES,
    },
    Probleemgebied.ONGEWENST_GEDRAG: {
        "title": pgettext_lazy("route-finder default", "Bullying, discrimination and aggression"),
        "explanation": pgettext_lazy(
            "route-finder default",
            "Behaviour that makes someone feel unsafe, threatened or left out.",
        ),
        "examples": [
            pgettext_lazy("route-finder default", "bullying, online too"),
            pgettext_lazy("route-finder default", "discrimination and racism"),
            pgettext_lazy("route-finder default", "hitting, kicking or threatening"),
            pgettext_lazy("route-finder default", "radicalisation"),
        ],
        "leerling": [
            S(
                R.MENTOR,
                PUPIL_TEACHER["action"],
                pgettext_lazy(
                    "route-finder default",
                    "If the bullying does not stop, or if you would rather talk to someone else.",
                ),
            ),
            S(
                R.AANSPREEKPUNT_PESTEN,
                J(
                    pgettext_lazy(
                        "route-finder default",
                        "Go to the anti-bullying contact (aanspreekpunt pesten).",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "That is someone at school you can always go to about bullying.",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "You can also go to the confidential adviser.",
                    ),
                    VP_IS_PUPIL,
                ),
                pgettext_lazy("route-finder default", "If it still does not stop."),
            ),
            KINDERTELEFOON,
            KLACHT_LEERLING,
        ],
        "ouder": [
            S(
                R.MENTOR,
                PARENT_TEACHER,
                pgettext_lazy("route-finder default", "If the bullying does not stop."),
            ),
            S(
                R.AANSPREEKPUNT_PESTEN,
                J(
                    pgettext_lazy(
                        "route-finder default",
                        "Contact the school's anti-bullying contact (aanspreekpunt pesten).",
                    ),
                    pgettext_lazy(
                        "route-finder default",
                        "Every school must have one. This person knows how the school tackles "
                        "bullying.",
                    ),
                ),
                pgettext_lazy("route-finder default", "If that does not help."),
            ),
            S(R.SCHOOLLEIDING, PARENT_LEADER, PARENT_NOT_SORTED),
            PARENT_BOARD,
            PARENT_VP,
            FORMELE_KLACHT_OUDER,
        ],
        "medewerker": [
            S(
                R.VERTROUWENSPERSOON,
                J(
                    pgettext_lazy("route-finder default", "Go to a confidential adviser."),
                    VP_IS_STAFF,
                ),
                pgettext_lazy("route-finder default", "If it does not stop."),
            ),
            FORMELE_KLACHT_MEDEWERKER,
        ],
        "other_routes": J(
            pgettext_lazy(
                "route-finder default",
                "Is it discrimination, serious violence or radicalisation? Then the "
                "confidential inspector (vertrouwensinspecteur) of the Education Inspectorate "
                "can give advice too.",
            ),
            pgettext_lazy(
                "route-finder default",
                "You can call on working days from 8 in the morning to 5 in the afternoon.",
            ),
        ),
    },
}


def content_language():
    """The language to prefill content in: the site's default language if we have it."""
    configured = getattr(settings, "WAGTAIL_VERTROUWEN_CONTENT_LANGUAGE", None)
    language = (configured or settings.LANGUAGE_CODE or DEFAULT_CONTENT_LANGUAGE).split("-")[0]
    return language if language in SHIPPED_LANGUAGES else DEFAULT_CONTENT_LANGUAGE


def _render(value, school_soort):
    """``value`` with every variant picked and every text made a plain string (in the active
    language). Items that are ``None`` in this variant are left out of lists."""
    if isinstance(value, V):
        return _render(value.pick(school_soort), school_soort)
    if isinstance(value, J):
        return " ".join(_render(part, school_soort) for part in value)
    if isinstance(value, dict):
        return {key: _render(item, school_soort) for key, item in value.items()}
    if isinstance(value, list):
        items = (_render(item, school_soort) for item in value)
        return [item for item in items if item is not None]
    if value is None or isinstance(value, bool):
        return value
    return str(value)


def _language(language):
    language = (language or content_language()).split("-")[0]
    return language if language in SHIPPED_LANGUAGES else FALLBACK_LANGUAGE


def area_default(area, language=None, school_soort=SchoolSoort.VOORTGEZET_ONDERWIJS):
    """The raw (JSON-shaped) default value of one probleemgebied block, in ``language`` (the
    site's content language by default) and in the words of ``school_soort``."""
    with translation.override(_language(language)):
        return _render(AREAS[Probleemgebied(area)], school_soort)


def routewijzer_default(language=None, school_soort=SchoolSoort.VOORTGEZET_ONDERWIJS):
    """The raw default value of a route-finder block: all six areas, in the Leidraad's order."""
    language = _language(language)
    with translation.override(language):
        return {
            **_render(ROUTEWIJZER, school_soort),
            "areas": [
                {"type": str(area), "value": area_default(area, language, school_soort)}
                for area in Probleemgebied
            ],
            "show_always_available": True,
        }
