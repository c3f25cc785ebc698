from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from wagtail_vertrouwen.api.serializers import LocalizedStreamField
from wagtail_vertrouwen.blocks import routewijzer_blocks


class HomePage(Page):
    """A school's homepage: an introduction and the route-finder."""

    introduction = RichTextField(blank=True, features=["bold", "italic", "link"])
    body = StreamField(
        [
            # The route-finder for a primary or a secondary school (the editor's choice).
            *routewijzer_blocks(),
            ("text", blocks.RichTextBlock(label=_("Text"))),
        ],
        blank=True,
    )
    vertrouwenspersonen_page = models.ForeignKey(
        "wagtail_vertrouwen.VertrouwenspersonenIndexPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page listing the vertrouwenspersonen"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("vertrouwenspersonen_page"),
        FieldPanel("body"),
    ]
    api_fields = [APIField("introduction"), APIField("body", serializer=LocalizedStreamField())]
    max_count_per_parent = None

    def melding_form(self):
        """This school's melding form, in the language of this homepage, if there is one."""
        from wagtail_vertrouwen.channel.models import MeldingFormPage

        return MeldingFormPage.objects.child_of(self).live().public().first()

    class Meta:
        verbose_name = _("school homepage")
