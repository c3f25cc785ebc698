"""The fixed vocabularies of vertrouwenswerk: audiences, probleemgebieden, roles and languages.

Keys are stable identifiers (stored in the database and exposed in the API); labels are
translatable UI strings.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    """Who is looking for help: the three audiences of the Leidraad."""

    LEERLING = "leerling", _("Pupil")
    OUDER = "ouder", _("Parent or carer")
    MEDEWERKER = "medewerker", _("Staff member")


class Probleemgebied(models.TextChoices):
    """The six problem and complaint areas of the 2021 Leidraad Vertrouwenswerk op school."""

    SCHOOLORGANISATIE = "schoolorganisatie", _("School organisation")
    ONDERWIJSKUNDIG = "onderwijskundig", _("Teaching and support")
    HUISELIJK_GEWELD = "huiselijk_geweld", _("Domestic violence and child abuse")
    PERSOONLIJKE_PROBLEMEN = "persoonlijke_problemen", _("Personal problems and home situation")
    SEKSUEEL_GRENSOVERSCHRIJDEND_GEDRAG = (
        "seksueel_grensoverschrijdend_gedrag",
        _("Sexually transgressive behaviour"),
    )
    ONGEWENST_GEDRAG = "ongewenst_gedrag", _("Bullying, discrimination and aggression")


#: Areas where acute danger is possible: the route-finder shows 112, Veilig Thuis and the
#: vertrouwensinspecteur prominently.
URGENT_AREAS = frozenset(
    {Probleemgebied.HUISELIJK_GEWELD, Probleemgebied.SEKSUEEL_GRENSOVERSCHRIJDEND_GEDRAG}
)


class SchoolSoort(models.TextChoices):
    """The kind of school a route-finder is for: primary and secondary schools use different
    words for the same people (juf or meester and intern begeleider against mentor and
    zorgcoördinator), so the default routes come in both variants."""

    BASISONDERWIJS = "basisonderwijs", _("Primary school")
    VOORTGEZET_ONDERWIJS = "voortgezet_onderwijs", _("Secondary school")


class Rol(models.TextChoices):
    """Roles a person with a profile page can hold (DOMAIN.md, "Roles")."""

    INTERNE_CONTACTPERSOON = "interne_contactpersoon", _("Internal contact person")
    INTERNE_VERTROUWENSPERSOON = "interne_vertrouwenspersoon", _("Internal confidential adviser")
    EXTERNE_VERTROUWENSPERSOON = "externe_vertrouwenspersoon", _("External confidential adviser")
    AANSPREEKPUNT_PESTEN = "aanspreekpunt_pesten", _("Anti-bullying contact")
    AANDACHTSFUNCTIONARIS = "aandachtsfunctionaris", _("Child protection officer (meldcode)")
    INTERN_BEGELEIDER = "intern_begeleider", _("Pupil support coordinator")
    SCHOOLMAATSCHAPPELIJK_WERK = "schoolmaatschappelijk_werk", _("School social worker")
    VEILIGHEIDSCOORDINATOR = "veiligheidscoordinator", _("Safety coordinator")


class RouteRol(models.TextChoices):
    """Who a route step sends you to when no particular profile page is chosen.

    It holds every profile role plus the people and bodies that have no profile page on the
    school site (the mentor, the board, national lines).
    """

    MENTOR = "mentor", _("Mentor or teacher")
    SCHOOLLEIDING = "schoolleiding", _("School leader")
    LEIDINGGEVENDE = "leidinggevende", _("Line manager")
    INTERNE_CONTACTPERSOON = Rol.INTERNE_CONTACTPERSOON.value, Rol.INTERNE_CONTACTPERSOON.label
    INTERNE_VERTROUWENSPERSOON = (
        Rol.INTERNE_VERTROUWENSPERSOON.value,
        Rol.INTERNE_VERTROUWENSPERSOON.label,
    )
    EXTERNE_VERTROUWENSPERSOON = (
        Rol.EXTERNE_VERTROUWENSPERSOON.value,
        Rol.EXTERNE_VERTROUWENSPERSOON.label,
    )
    VERTROUWENSPERSOON = "vertrouwenspersoon", _("Confidential adviser (internal or external)")
    AANSPREEKPUNT_PESTEN = Rol.AANSPREEKPUNT_PESTEN.value, Rol.AANSPREEKPUNT_PESTEN.label
    AANDACHTSFUNCTIONARIS = Rol.AANDACHTSFUNCTIONARIS.value, Rol.AANDACHTSFUNCTIONARIS.label
    INTERN_BEGELEIDER = Rol.INTERN_BEGELEIDER.value, Rol.INTERN_BEGELEIDER.label
    SCHOOLMAATSCHAPPELIJK_WERK = (
        Rol.SCHOOLMAATSCHAPPELIJK_WERK.value,
        Rol.SCHOOLMAATSCHAPPELIJK_WERK.label,
    )
    VEILIGHEIDSCOORDINATOR = Rol.VEILIGHEIDSCOORDINATOR.value, Rol.VEILIGHEIDSCOORDINATOR.label
    BEVOEGD_GEZAG = "bevoegd_gezag", _("School board (bevoegd gezag)")
    KLACHTENCOMMISSIE = "klachtencommissie", _("Complaints committee")
    VERTROUWENSINSPECTEUR = "vertrouwensinspecteur", _("Confidential inspector")
    VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis")
    ALARMNUMMER = "alarmnummer", _("Emergency number 112")
    GESCHILLENCOMMISSIE_PASSEND_ONDERWIJS = (
        "geschillencommissie_passend_onderwijs",
        _("Disputes committee for special needs education"),
    )
    COMMISSIE_VAN_BEROEP_EXAMENS = (
        "commissie_van_beroep_examens",
        _("Examination appeals board"),
    )
    ONDERWIJSCONSULENTEN = "onderwijsconsulenten", _("Onderwijsconsulenten")
    KINDERTELEFOON = "kindertelefoon", _("Kindertelefoon")
    ZELFMOORDPREVENTIE = "zelfmoordpreventie", _("113 Zelfmoordpreventie")
    POLITIE = "politie", _("Police")


#: Route roles that are filled by people with a profile page; the route-finder resolves these
#: to the live profiles serving the current school.
PROFILE_ROLES_FOR_ROUTE_ROLE = {
    **{rol.value: (rol.value,) for rol in Rol},
    RouteRol.VERTROUWENSPERSOON.value: (
        Rol.INTERNE_VERTROUWENSPERSOON.value,
        Rol.EXTERNE_VERTROUWENSPERSOON.value,
    ),
}


#: The languages the package ships its texts in: the English msgids and the catalogues in
#: ``wagtail_vertrouwen/locale`` (the interface, the melding form, the glossary and the default
#: routes). Dutch first: it is binding.
SHIPPED_LANGUAGES = ("nl", "en", "ar", "tr", "pl", "uk")


class Taal(models.TextChoices):
    """Languages a vertrouwenspersoon can speak with visitors.

    Dutch first, then the languages parents commonly need (DOMAIN.md, "Languages").
    """

    NL = "nl", _("Dutch")
    EN = "en", _("English")
    AR = "ar", _("Arabic")
    TR = "tr", _("Turkish")
    PL = "pl", _("Polish")
    UK = "uk", _("Ukrainian")
    TI = "ti", _("Tigrinya")
    SO = "so", _("Somali")
    DE = "de", _("German")
    FR = "fr", _("French")
    ES = "es", _("Spanish")
    PAP = "pap", _("Papiamento")
    FY = "fy", _("Frisian")
    NGT = "ngt", _("Sign Language of the Netherlands (NGT)")
