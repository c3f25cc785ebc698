"""National contacts that are always available, whatever the school or the route, and the one
rule for which of them a route shows prominently ("get help now")."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .choices import URGENT_AREAS, Audience, Probleemgebied, RouteRol


def tel_href(phone: str) -> str:
    """A ``tel:`` link for a phone number as people write it ("0800-2000", "+31 (0)6 ...")."""
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""


@dataclass(frozen=True)
class NationalContact:
    key: str
    name: Promise
    phone: str
    description: Promise
    #: A second number, e.g. the free 0800 number of 113.
    alt_phone: str = ""
    #: When the line answers, when that is not "always" (then the description says so).
    hours: Promise | str = ""
    #: The line's website (chat, information); the name links to it.
    url: str = ""


NATIONAL_CONTACTS = {
    RouteRol.ALARMNUMMER.value: NationalContact(
        key=RouteRol.ALARMNUMMER.value,
        name=_("Emergency number"),
        phone="112",
        description=_("In acute danger: police, ambulance, fire brigade."),
    ),
    RouteRol.VEILIG_THUIS.value: NationalContact(
        key=RouteRol.VEILIG_THUIS.value,
        name=_("Veilig Thuis"),
        phone="0800-2000",
        description=_(
            "Advice and reports on domestic violence and child abuse. Free, day and night."
        ),
    ),
    RouteRol.VERTROUWENSINSPECTEUR.value: NationalContact(
        key=RouteRol.VERTROUWENSINSPECTEUR.value,
        name=_("Confidential inspector of the Education Inspectorate"),
        phone="0900-1113111",
        description=_(
            "The confidential inspector works for the Education Inspectorate, which checks "
            "schools. You can tell this inspector in confidence about sexual abuse, serious "
            "violence, discrimination or radicalisation at school. The inspector listens, "
            "advises and helps you take the next step."
        ),
        hours=_("Working days 08:00–17:00"),
    ),
    RouteRol.KINDERTELEFOON.value: NationalContact(
        key=RouteRol.KINDERTELEFOON.value,
        name=_("Kindertelefoon"),
        phone="0800-0432",
        description=_(
            "For children from 8 to 18. Call for free, or chat on the website. You do not have "
            "to say your name."
        ),
        url="https://www.kindertelefoon.nl",
    ),
    RouteRol.ZELFMOORDPREVENTIE.value: NationalContact(
        key=RouteRol.ZELFMOORDPREVENTIE.value,
        name=_("113 Zelfmoordpreventie"),
        phone="113",
        alt_phone="0800-0113",
        description=_(
            "Do you think about ending your life, or are you worried about someone? Talk to "
            "someone straight away, day and night. The 0800 number is free. You can also chat."
        ),
        url="https://www.113.nl",
    ),
    RouteRol.POLITIE.value: NationalContact(
        key=RouteRol.POLITIE.value,
        name=_("Police"),
        phone="0900-8844",
        description=_(
            "When it is not an emergency: to report a crime (aangifte) or to ask the police for "
            "advice. In danger, call 112."
        ),
        url="https://www.politie.nl",
    ),
    RouteRol.ONDERWIJSCONSULENTEN.value: NationalContact(
        key=RouteRol.ONDERWIJSCONSULENTEN.value,
        name=_("Onderwijsconsulenten"),
        phone="",
        description=_(
            "Free help for parents and schools who disagree about extra support for a pupil or "
            "about admission to a school."
        ),
        url="https://www.onderwijsconsulenten.nl",
    ),
}

#: Shown prominently, in this order, above every route of the urgent probleemgebieden.
URGENT_CONTACT_KEYS = (
    RouteRol.ALARMNUMMER.value,
    RouteRol.VEILIG_THUIS.value,
    RouteRol.VERTROUWENSINSPECTEUR.value,
)

#: The one rule for lines shown prominently ("get help now") beyond ``URGENT_CONTACT_KEYS``:
#: (area or None for the urgent areas, audience or None for everyone) -> lines, in order.
#: The Kindertelefoon for pupils wherever help is urgent or personal; 113 where the area names
#: somberheid (persoonlijke problemen).
EXTRA_LINES = (
    (Probleemgebied.PERSOONLIJKE_PROBLEMEN.value, None, (RouteRol.ZELFMOORDPREVENTIE.value,)),
    (None, Audience.LEERLING.value, (RouteRol.KINDERTELEFOON.value,)),
    (
        Probleemgebied.PERSOONLIJKE_PROBLEMEN.value,
        Audience.LEERLING.value,
        (RouteRol.KINDERTELEFOON.value,),
    ),
)


def prominent_line_keys(area: str, audience: str) -> tuple[str, ...]:
    """The keys of the national lines shown prominently above the route of ``audience`` in
    ``area``: the urgent lines in the urgent areas, then the ``EXTRA_LINES`` that apply.
    Empty for a calm area (school organisation, teaching)."""
    urgent = area in URGENT_AREAS
    keys = list(URGENT_CONTACT_KEYS) if urgent else []
    for for_area, for_audience, lines in EXTRA_LINES:
        area_applies = for_area == area if for_area is not None else urgent
        if area_applies and for_audience in (None, audience):
            keys += [key for key in lines if key not in keys]
    return tuple(keys)
