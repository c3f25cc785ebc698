"""Template tags of the public pages: what a route card says about a person, and links to
the page in another language that keep the visitor's choices."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template

from ..blocks.routewijzer import AREA_PARAM, AUDIENCE_PARAM
from ..choices import Taal

register = template.Library()

#: Query parameters that hold the visitor's choices: audience and area in the route-finder,
#: school and language in the profiles index's filter. They mean the same in every language.
KEPT_PARAMS = (AUDIENCE_PARAM, AREA_PARAM, "school", "language")
#: Where the route-finder shows the chosen route.
RESULT_FRAGMENT = "routewijzer-result"


@register.simple_tag
def contact_languages(contact):
    """The names, in the visitor's language, of the languages a person in a route card speaks
    (national lines have none)."""
    labels = dict(Taal.choices)
    return [str(labels[code]) for code in contact.languages if code in labels]


@register.simple_tag(takes_context=True)
def keep_choices(context, url):
    """``url`` with the visitor's choices of this request (route-finder, profile filter).

    For a language switch: the same audience and area, or school and language filter, on
    the page in the other language. Without a choice, ``url`` is returned as it is.
    """
    request = context.get("request")
    query = getattr(request, "GET", None)
    if not url or not query:
        return url
    kept = [(name, query[name]) for name in KEPT_PARAMS if query.get(name)]
    if not kept:
        return url
    fragment = f"#{RESULT_FRAGMENT}" if query.get(AUDIENCE_PARAM) and query.get(AREA_PARAM) else ""
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{urlencode(kept)}{fragment}"
