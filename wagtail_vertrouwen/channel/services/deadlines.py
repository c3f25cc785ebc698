"""Deadlines of a melding: plaintext timing, never content (DESIGN.md).

Every melding is to be acknowledged within the form's ``acknowledge_within_days``; a form under
the klokkenluidersregeling applies the Wet bescherming klokkenluiders to every melding it
receives (acknowledgement within 7 days, feedback within 3 months), so that the dates do not
reveal which melder works at the school. A recipient's first message is the acknowledgement.
"""

import calendar
from datetime import timedelta

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
