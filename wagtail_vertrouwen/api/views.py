"""Wagtail's pages endpoint, answering with the package's renderer."""

from django.utils.functional import classproperty
from rest_framework import renderers
from wagtail.api.v2.views import PagesAPIViewSet as WagtailPagesAPIViewSet

from .renderers import JSONRenderer


# Wagtail's ``PagesAPIViewSet`` with the same answers, byte for byte, at less cost: it writes
# route-finders from their kept JSON (``renderers.JSONRenderer``) and works out the pages the
# request may see once, not once for the page and again for its parent. Register it in place
# of Wagtail's. No docstring: the browsable API would show it to the public (Wagtail's shows
# nothing there).
class PagesAPIViewSet(WagtailPagesAPIViewSet):
    @classproperty
    def renderer_classes(cls):
        return [
            JSONRenderer if renderer is renderers.JSONRenderer else renderer
            for renderer in super().renderer_classes
        ]

    def get_base_queryset(self):
        """Wagtail's public pages for this request (asked by the page's lookup and again by its
        ``meta.parent``), worked out once: the view restrictions, the site and its root's
        translations are the same for both. DRF makes a viewset for each request."""
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset
