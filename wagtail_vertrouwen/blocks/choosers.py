"""Wagtail's chooser blocks, without the cost of values that choose nothing.

A chooser block's ``bulk_to_python`` builds an ``in_bulk`` query for every list it converts,
also when every value in it is empty (Django then skips the database, but building the query
was two thirds of a route-finder request: one per list of steps). These subclasses return the
empty values at once. Stored data and migrations are Wagtail's own: each deconstructs as the
Wagtail block it extends, so swapping them in or out changes no migration.
"""

from wagtail import blocks


class SkipsEmptyValues:
    def bulk_to_python(self, values):
        values = list(values)
        if all(value is None for value in values):
            return [None] * len(values)
        return super().bulk_to_python(values)


class PageChooserBlock(SkipsEmptyValues, blocks.PageChooserBlock):
    canonical_module_path = "wagtail.blocks.PageChooserBlock"


def document_chooser_block(**kwargs):
    """A ``DocumentChooserBlock`` that skips empty values (import only with wagtail.documents
    installed)."""
    from wagtail.documents.blocks import DocumentChooserBlock

    class SkippingDocumentChooserBlock(SkipsEmptyValues, DocumentChooserBlock):
        canonical_module_path = "wagtail.documents.blocks.DocumentChooserBlock"

    return SkippingDocumentChooserBlock(**kwargs)
