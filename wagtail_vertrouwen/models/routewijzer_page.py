from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from ..api.serializers import LocalizedStreamField
from ..blocks import RoutewijzerBlock


def default_body():
    """A new route-finder page starts with a route-finder, prefilled with the six areas."""
    return [("routewijzer", RoutewijzerBlock().get_default())]


class RoutewijzerPage(Page):
    """A page for the route-finder, with text around it."""

    introduction = RichTextField(
        _("introduction"), features=["bold", "italic", "link", "ul"], blank=True
    )
    body = StreamField(
        [
            ("routewijzer", RoutewijzerBlock()),
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
