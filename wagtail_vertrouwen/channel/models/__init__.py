"""The channel's models: pure data, no I/O beyond the ORM (DESIGN.md, "Layers")."""

from .audit import AuditAction, AuditEntry
from .forms import Designation, FormSchool, MeldingFormPage
from .guard import GuardCount, SpentChallenge
from .keys import RecipientKey
from .mailbox import InstallationSalt, MailboxSession, Message, MessageKind
from .meldingen import Bijlage, MelderStatus, Melding, MeldingAccess, MeldingStatus
from .notices import SentNotice

__all__ = [
    "AuditAction",
    "AuditEntry",
    "Bijlage",
    "Designation",
    "InstallationSalt",
    "MailboxSession",
    "MelderStatus",
    "Message",
    "MessageKind",
    "FormSchool",
    "GuardCount",
    "Melding",
    "MeldingAccess",
    "MeldingFormPage",
    "MeldingStatus",
    "RecipientKey",
    "SentNotice",
    "SpentChallenge",
]
