from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from ..api.serializers import LocalizedStreamField
from ..blocks import RoutewijzerBlock, routewijzer_blocks


def default_body():
    """A new route-finder page starts with a route-finder, prefilled with the six areas in the
    secondary-school variant, as it always did; for a primary school the editor replaces it
    with "Route-finder (primary school)"."""
    return [("routewijzer", RoutewijzerBlock().get_default())]


class RoutewijzerPage(Page):
    """A page for the route-finder, with text around it."""

    introduction = RichTextField(
        _("introduction"), features=["bold", "italic", "link", "ul"], blank=True
    )
    body = StreamField(
        [
            *routewijzer_blocks(),
            ("text", blocks.RichTextBlock(label=_("Text"))),
        ],
        blank=True,
        default=default_body,
        verbose_name=_("content"),
    )

    template = "wagtail_vertrouwen/pages/routewijzer_page.html"
    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    api_fields = [APIField("introduction"), APIField("body", serializer=LocalizedStreamField())]

    class Meta:
        verbose_name = _("route-finder page")
        verbose_name_plural = _("route-finder pages")
