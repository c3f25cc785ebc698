"""The inbox list's rows, rendered in Python rather than through a template per cell.

A page of the inbox has 50 rows of 7 cells; rendering 350 small templates, each through
Wagtail's component tag, was about half of the list's server time (docs/performance.md, case
e). ``InboxTable`` renders its body in one go; each column builds its ``<td>`` with
``format_html``, which escapes every value as a template would. The header stays Wagtail's
(sorting links). A deadline is rendered by ``deadline_html`` alone, for the list and for a
melding's page (the ``vw_deadline`` filter).
"""

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.admin.ui.tables import Column, Table


def _local(moment):
    """A datetime in the current time zone, as the template filter ``date`` shows it."""
    if isinstance(moment, datetime) and timezone.is_aware(moment):
        return timezone.localtime(moment)
    return moment


def short_datetime(moment) -> str:
    return date_format(_local(moment), "SHORT_DATETIME_FORMAT")


def deadline_html(deadline) -> str:
    """One deadline (``services.deadlines.Deadline``): what, by when, and whether it is
    overdue or due soon."""
    if deadline.is_date:
        due = date_format(deadline.due, "SHORT_DATE_FORMAT")
    else:
        due = short_datetime(deadline.due)
    mark = ""
    if deadline.overdue:
        mark = format_html(' · <strong class="vw-overdue">{}</strong>', _("Overdue"))
    elif deadline.soon:
        mark = format_html(' · <strong class="vw-soon">{}</strong>', _("Due within 2 days"))
    return format_html('<span class="vw-deadline">{}: {}{}</span>', deadline.label, due, mark)


class PythonColumn(Column):
    """A column whose cell is ``<td>`` around ``cell_html(instance, value)``."""

    def cell_html(self, instance, value) -> str:
        return "" if value is None else value

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        if self.classname:
            return format_html(
                '<td class="{}">{}</td>', self.classname, self.cell_html(instance, value)
            )
        return format_html("<td>{}</td>", self.cell_html(instance, value))


class ReceivedColumn(PythonColumn):
    """The date of receipt, linking to the melding (``url``), marked while unread."""

    def cell_html(self, instance, value):
        when = short_datetime(value)
        if instance.unreadable:
            return when
        unread = format_html("<strong>{} · </strong>", _("Unread")) if instance.unread else ""
        return format_html('<a href="{}">{}{}</a>', instance.url, unread, when)


class AboutColumn(PythonColumn):
    """The area of the melding, marked when it is urgent (decrypted for this page only)."""

    def cell_html(self, instance, value):
        if not instance.urgency:
            return instance.gebied
        return format_html(
            '<strong class="vw-urgent" title="{}">{}</strong> · {}',
            "; ".join(str(reason) for reason in instance.urgency),
            _("Urgent"),
            instance.gebied,
        )


class WaitingColumn(PythonColumn):
    """How long the melder has been waiting for an answer."""

    def cell_html(self, instance, value):
        if not instance.waiting:
            return ""
        since = date_format(_local(instance.melding.waiting_since), "DATETIME_FORMAT")
        return format_html(
            '<span title="{}">{}</span>',
            _("Waiting for an answer since %(date)s") % {"date": since},
            instance.waiting,
        )


class DueColumn(PythonColumn):
    """The earliest open deadline, marked when it is overdue or due soon."""

    def cell_html(self, instance, value):
        return deadline_html(value) if value else ""


class InboxTable(Table):
    """Wagtail's table with its body from ``body_html``: one string for all rows, instead of
    a template tag per cell. Its columns must be ``PythonColumn``s."""

    template_name = "wagtail_vertrouwen/inbox/table.html"

    def body_html(self) -> str:
        columns = list(self.columns.values())
        rows = (
            "<tr>" + "".join(column.render_cell_html(row, None) for column in columns) + "</tr>"
            for row in self.data
        )
        return mark_safe("".join(rows))  # noqa: S308 - format_html's cells and literal <tr>s
