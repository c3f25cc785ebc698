"""Template tags of the example site's own templates."""

from django import template

register = template.Library()


@register.simple_tag
def live_translations(page):
    """The live translations of ``page`` with their locales, in one query (the language
    switch in base.html; ``page.get_translations.live`` asks for each locale on its own)."""
    return page.get_translations().live().select_related("locale")
