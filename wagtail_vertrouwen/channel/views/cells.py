"""The inbox list's rows, rendered in Python rather than through a template per cell.

A page of the inbox has 50 rows of 7 cells; rendering 350 small templates, each through
Wagtail's component tag, was about half of the list's server time (docs/performance.md, case
e). ``InboxTable`` renders its body in one go; each column builds its ``<td>`` with
``format_html``, which escapes every value as a template would. The header stays Wagtail's
(sorting links). A deadline is rendered by ``deadline_html`` alone, for the list and for a
melding's page (the ``vw_deadline`` filter).

Two things Django and Wagtail do per call are done once here, because a page does them 150 and
350 times: parsing a date format (``local_format``) and following a dotted accessor through
``multigetattr`` (``PythonColumn`` reads plain attributes with ``attrgetter``).
"""

from datetime import datetime
from functools import lru_cache
from operator import attrgetter

from django.utils import timezone
from django.utils.dateformat import DateFormat, re_escaped, re_formatchars
from django.utils.formats import date_format, get_format
from django.utils.functional import cached_property
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.admin.ui.tables import Column, Table


def _local(moment):
    """A datetime in the current time zone, as the template filter ``date`` shows it."""
    if isinstance(moment, datetime) and timezone.is_aware(moment):
        return timezone.localtime(moment)
    return moment


@lru_cache(maxsize=64)
def _parsed(format_string: str) -> tuple[tuple[str, bool], ...]:
    """A date format split as ``dateformat.Formatter.format`` splits it on every call: each
    piece with whether it is a format character (else literal text, unescaped)."""
    return tuple(
        (piece, True) if index % 2 else (re_escaped.sub(r"\1", piece), False)
        for index, piece in enumerate(re_formatchars.split(format_string))
        if index % 2 or piece
    )


def local_format(moment, format_type: str) -> str:
    """``date_format(moment, format_type)`` of a datetime in the current time zone: the same
    text (tests/test_inbox_lists.py compares them in every language Django formats), the format
    parsed once rather than per date. A plain date goes through Django."""
    if not isinstance(moment, datetime):
        return date_format(moment, format_type)
    formatter = DateFormat(_local(moment))
    return "".join(
        str(getattr(formatter, piece)()) if is_character else piece
        for piece, is_character in _parsed(get_format(format_type))
    )


def short_datetime(moment) -> str:
    return local_format(moment, "SHORT_DATETIME_FORMAT")


def deadline_html(deadline) -> str:
    """One deadline (``services.deadlines.Deadline``): what, by when, and whether it is
    overdue or due soon."""
    due = local_format(
        deadline.due, "SHORT_DATE_FORMAT" if deadline.is_date else "SHORT_DATETIME_FORMAT"
    )
    mark = ""
    if deadline.overdue:
        mark = format_html(' · <strong class="vw-overdue">{}</strong>', _("Overdue"))
    elif deadline.soon:
        mark = format_html(' · <strong class="vw-soon">{}</strong>', _("Due within 2 days"))
    return format_html('<span class="vw-deadline">{}: {}{}</span>', deadline.label, due, mark)


class PythonColumn(Column):
    """A column whose cell is ``<td>`` around ``cell_html(instance, value)``. Its value is
    Wagtail's (``Column.get_value``), read first as a dotted path of plain attributes, which is
    several times quicker than Wagtail's ``multigetattr``; what that cannot read as Wagtail
    does (a dictionary key, a method to call, a missing attribute) goes to Wagtail's."""

    def __init__(self, name, **kwargs):
        super().__init__(name, **kwargs)
        self._read = None if callable(self.accessor) else attrgetter(self.accessor)

    def get_value(self, instance):
        if self._read is not None:
            try:
                value = self._read(instance)
            except AttributeError:
                pass
            else:
                if not callable(value):
                    return value
        return super().get_value(instance)

    def cell_html(self, instance, value) -> str:
        return "" if value is None else value

    @cached_property
    def _opening_tag(self):
        return format_html('<td class="{}">', self.classname) if self.classname else "<td>"

    def render_cell_html(self, instance, parent_context):
        cell = conditional_escape(self.cell_html(instance, self.get_value(instance)))
        return mark_safe(f"{self._opening_tag}{cell}</td>")  # noqa: S308 - escaped just above


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
        since = local_format(instance.melding.waiting_since, "DATETIME_FORMAT")
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
