"""The link to the glossary ("woordenlijst"): a URL in the current language, or nothing when
the project did not include ``wagtail_vertrouwen.urls``."""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse

from ..glossary import GLOSSARY_URL_NAME

register = template.Library()


@register.simple_tag
def glossary_url(term=""):
    """The glossary's URL for the active language (``/en/…`` under ``i18n_patterns``), with
    ``#term`` when a word is given; "" when the project has no URL for it, so a page that links
    to the glossary never fails on a project that left it out."""
    try:
        url = reverse(GLOSSARY_URL_NAME)
    except NoReverseMatch:
        return ""
    return f"{url}#{term}" if term else url
