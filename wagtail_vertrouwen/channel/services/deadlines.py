"""Deadlines of a melding: plaintext timing, never content (DESIGN.md).

Every melding is to be acknowledged within the form's ``acknowledge_within_days``; a form under
the klokkenluidersregeling applies the Wet bescherming klokkenluiders to every melding it
receives (acknowledgement within 7 days, feedback within 3 months), so that the dates do not
reveal which melder works at the school. A recipient's first message is the acknowledgement.
"""

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db.models import Case, DateTimeField, F, Q, Value, When
from django.db.models.functions import Cast, Least, NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import MeldingStatus

#: The furthest a recipient may set the next contact date.
NEXT_CONTACT_MAX_MONTHS = 24
#: The Wet bescherming klokkenluiders: acknowledgement within 7 days, feedback within 3 months.
LEGAL_ACKNOWLEDGE_DAYS = 7
LEGAL_FEEDBACK_MONTHS = 3


def add_months(moment, months: int):
    """The same day ``months`` later; the month's last day when it has no such day."""
    month = moment.month - 1 + months
    year, month = moment.year + month // 12, month % 12 + 1
    return moment.replace(
        year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1])
    )


def initial(form_page, received_at) -> dict:
    """The deadline fields of a new melding of ``form_page``."""
    days = form_page.acknowledge_within_days
    fields = {"waiting_since": received_at, "feedback_by": None}
    if form_page.klokkenluidersregeling:
        days = min(days, LEGAL_ACKNOWLEDGE_DAYS)
        fields["feedback_by"] = add_months(received_at, LEGAL_FEEDBACK_MONTHS)
    fields["acknowledge_by"] = received_at + timedelta(days=days)
    return fields


# What is due -------------------------------------------------------------------------------
#
# A melding has up to three open deadlines: the acknowledgement (``acknowledge_by`` while
# ``acknowledged_at`` is empty), the feedback (``feedback_by`` while ``feedback_at`` is empty)
# and the next contact the recipient chose (``next_contact_by``, a date: due by the end of that
# day). Each is "overdue" once passed, "soon" within DUE_SOON (for the date: today up to two
# days ahead), "later" otherwise. A closed melding has none. The same rules are written twice,
# once in Python (``open_deadlines``, for display) and once as database expressions (the
# inbox's filters and sort, the digest's query); tests/test_deadlines.py holds them together.

#: How far ahead a deadline counts as due soon.
DUE_SOON = timedelta(days=2)
#: How long before its purge the digest warns about a closed melding.
PURGE_WARNING = timedelta(hours=72)

ACKNOWLEDGE, FEEDBACK, NEXT_CONTACT = "acknowledge", "feedback", "next_contact"
OVERDUE, SOON, LATER = "overdue", "soon", "later"

LABELS = {
    ACKNOWLEDGE: _("Acknowledgement"),
    FEEDBACK: _("Feedback to the melder"),
    NEXT_CONTACT: _("Next contact"),
}

#: Sorts after every real deadline (SQLite's MIN() is NULL when any argument is).
FAR_FUTURE = datetime(9999, 12, 31, tzinfo=UTC)


@dataclass(frozen=True)
class Deadline:
    kind: str
    #: A datetime; for the next contact a date (due by the end of that day).
    due: datetime | date
    state: str

    @property
    def label(self):
        return LABELS[self.kind]

    @property
    def overdue(self) -> bool:
        return self.state == OVERDUE

    @property
    def soon(self) -> bool:
        return self.state == SOON

    @property
    def is_date(self) -> bool:
        return not isinstance(self.due, datetime)

    @property
    def moment(self) -> datetime:
        """When it falls due: a date's deadline is the end of that day, local time."""
        if self.is_date:
            day = min(self.due, date.max - timedelta(days=1))  # far-off dates stay sortable
            return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))
        return self.due


def _state(due, now) -> str:
    if isinstance(due, datetime):
        if due < now:
            return OVERDUE
        return SOON if due <= now + DUE_SOON else LATER
    today = timezone.localdate(now)
    if due < today:
        return OVERDUE
    return SOON if due <= today + timedelta(days=DUE_SOON.days) else LATER


def open_deadlines(melding, now=None) -> list[Deadline]:
    """The open deadlines of ``melding``, earliest first; none for a closed melding."""
    if melding.status == MeldingStatus.AFGESLOTEN:
        return []
    now = now or timezone.now()
    found = []
    if melding.acknowledge_by and melding.acknowledged_at is None:
        found.append((ACKNOWLEDGE, melding.acknowledge_by))
    if melding.feedback_by and melding.feedback_at is None:
        found.append((FEEDBACK, melding.feedback_by))
    if melding.next_contact_by:
        found.append((NEXT_CONTACT, melding.next_contact_by))
    deadlines = [Deadline(kind, due, _state(due, now)) for kind, due in found]
    return sorted(deadlines, key=lambda deadline: deadline.moment)


def first_deadline(melding, now=None) -> Deadline | None:
    found = open_deadlines(melding, now)
    return found[0] if found else None


def purge_soon(melding, now=None) -> bool:
    """Is ``melding`` (closed) to be purged within PURGE_WARNING?"""
    now = now or timezone.now()
    return bool(melding.purge_after and now < melding.purge_after <= now + PURGE_WARNING)


def _open(prefix):
    return ~Q(**{f"{prefix}status": MeldingStatus.AFGESLOTEN})


def _pending(prefix):
    """Per kind: the condition under which it is open (for a melding not closed)."""
    return {
        ACKNOWLEDGE: Q(
            **{f"{prefix}acknowledge_by__isnull": False, f"{prefix}acknowledged_at__isnull": True}
        ),
        FEEDBACK: Q(
            **{f"{prefix}feedback_by__isnull": False, f"{prefix}feedback_at__isnull": True}
        ),
        NEXT_CONTACT: Q(**{f"{prefix}next_contact_by__isnull": False}),
    }


def overdue_q(now=None, prefix="") -> Q:
    """Meldingen (``prefix``: the path to the melding) with an overdue deadline."""
    now = now or timezone.now()
    pending = _pending(prefix)
    return _open(prefix) & (
        (pending[ACKNOWLEDGE] & Q(**{f"{prefix}acknowledge_by__lt": now}))
        | (pending[FEEDBACK] & Q(**{f"{prefix}feedback_by__lt": now}))
        | Q(**{f"{prefix}next_contact_by__lt": timezone.localdate(now)})
    )


def soon_q(now=None, prefix="") -> Q:
    """Meldingen with a deadline due soon (not yet passed)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    pending = _pending(prefix)
    return _open(prefix) & (
        (pending[ACKNOWLEDGE] & Q(**{f"{prefix}acknowledge_by__range": (now, now + DUE_SOON)}))
        | (pending[FEEDBACK] & Q(**{f"{prefix}feedback_by__range": (now, now + DUE_SOON)}))
        | Q(
            **{
                f"{prefix}next_contact_by__range": (
                    today,
                    today + timedelta(days=DUE_SOON.days),
                )
            }
        )
    )


def waiting_q(prefix="") -> Q:
    """Meldingen whose melder waits for an answer."""
    return Q(**{f"{prefix}waiting_since__isnull": False})


def purge_soon_q(now=None, prefix="") -> Q:
    now = now or timezone.now()
    return Q(**{f"{prefix}purge_after__gt": now, f"{prefix}purge_after__lte": now + PURGE_WARNING})


def due_expression(prefix=""):
    """The earliest open deadline of a melding as a database expression (NULL when it has
    none), to sort by. The next contact counts from the start of the day after it (in UTC):
    close enough to order by, the marks themselves come from ``open_deadlines``."""
    far = Value(FAR_FUTURE, output_field=DateTimeField())
    pending = _pending(prefix)

    def when(kind, value):
        return Case(
            When(_open(prefix) & pending[kind], then=value),
            default=far,
            output_field=DateTimeField(),
        )

    next_contact = Cast(F(f"{prefix}next_contact_by"), DateTimeField()) + timedelta(days=1)
    earliest = Least(
        when(ACKNOWLEDGE, F(f"{prefix}acknowledge_by")),
        when(FEEDBACK, F(f"{prefix}feedback_by")),
        when(NEXT_CONTACT, next_contact),
        output_field=DateTimeField(),
    )
    return NullIf(earliest, far, output_field=DateTimeField())


# What a recipient may set ------------------------------------------------------------------


def check_next_contact(melding, day, now=None):
    """Raise ``ValidationError`` when ``day`` cannot be ``melding``'s next contact date: a day
    in the past, or any day for a closed melding (closing clears its reminders). ``None``
    (no date) is always allowed."""
    if day is None:
        return
    if melding.status == MeldingStatus.AFGESLOTEN:
        raise ValidationError(
            _("This melding is closed, so it has no next contact date. Reopen it first."),
            code="closed",
        )
    today = timezone.localdate(now or timezone.now())
    if day < today:
        raise ValidationError(_("That date has passed. Choose today or a later date."), code="past")
    if day > add_months(today, NEXT_CONTACT_MAX_MONTHS):
        raise ValidationError(
            _("Choose a date within two years. A melding should not wait longer for contact."),
            code="far",
        )
