from .audit import AuditAction, AuditEntry
from .keys import RecipientKey
from .melding_form_page import Designation, MeldingFormPage
from .meldingen import Bijlage, Melding, MeldingAccess, MeldingStatus
from .profiles import VertrouwenspersonenIndexPage, VertrouwenspersoonPage
from .routewijzer_page import RoutewijzerPage

__all__ = [
    "AuditAction",
    "AuditEntry",
    "Bijlage",
    "Designation",
    "Melding",
    "MeldingAccess",
    "MeldingFormPage",
    "MeldingStatus",
    "RecipientKey",
    "RoutewijzerPage",
    "VertrouwenspersonenIndexPage",
    "VertrouwenspersoonPage",
]
