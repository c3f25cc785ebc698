"""Template filters of the vertrouwenspersoon's pages."""

from django import template

from ..views.cells import deadline_html

register = template.Library()


@register.filter
def vw_deadline(deadline):
    """One deadline as the inbox list shows it (``views.cells.deadline_html``)."""
    return deadline_html(deadline)
