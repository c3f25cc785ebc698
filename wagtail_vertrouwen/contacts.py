"""National contacts that are always available, whatever the school or the route."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .choices import RouteRol


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
            "For sexual harassment and abuse, serious physical or psychological violence, "
            "discrimination and radicalisation at school."
        ),
    ),
}

#: Shown prominently, in this order, for the urgent probleemgebieden.
URGENT_CONTACT_KEYS = (
    RouteRol.ALARMNUMMER.value,
    RouteRol.VEILIG_THUIS.value,
    RouteRol.VERTROUWENSINSPECTEUR.value,
)
