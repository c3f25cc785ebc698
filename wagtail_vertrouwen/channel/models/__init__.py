"""The channel's models: pure data, no I/O beyond the ORM (DESIGN.md, "Layers")."""

from .audit import AuditAction, AuditEntry
from .forms import Designation, FormSchool, MeldingFormPage
from .keys import RecipientKey
from .meldingen import Bijlage, Melding, MeldingAccess, MeldingStatus

__all__ = [
    "AuditAction",
    "AuditEntry",
    "Bijlage",
    "Designation",
    "FormSchool",
    "Melding",
    "MeldingAccess",
    "MeldingFormPage",
    "MeldingStatus",
    "RecipientKey",
]
