"""Template tags of the public pages: what a route card says about a person, the header's
links (home, and the page in another language keeping the visitor's choices), and phone
numbers and times that keep their order in right-to-left text."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

from ..blocks.routewijzer import AREA_PARAM, AUDIENCE_PARAM
from ..choices import Taal
from ..site_links import Translation, site_links

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


@register.simple_tag(takes_context=True)
def header_links(context, page=None):
    """The links of a page's header: ``home_url`` (the site's home page in the visitor's
    language) and ``translations`` (the page in each other language it is live in, each
    with ``url``, ``language_code`` and ``name``, the URL keeping the visitor's choices).

    From the render cache: no query on a page view once worked out, and a publish shows at
    once (``site_links.py``)."""
    links = site_links(context.get("request"), page)
    translations = [
        Translation(keep_choices(context, t.url), t.language_code, t.name)
        for t in links.translations
    ]
    return {"home_url": links.home_url, "translations": translations}


#: A run of digits joined by the punctuation of phone numbers, times, dates and ranges
#: ("0800-2000", "08:00–17:00", "12.00 - 13.00", "+31 (0)6 12345678", "8–18"). Inside Arabic text
#: the bidi algorithm reorders such a run ("2000-0800"): it must be isolated left-to-right. A
#: space joins digits only around a dash or between digit groups, so "Bel 113. 113 is gratis"
#: keeps the full stop of its sentence outside.
_DASH = "\\-\u2010\u2011\u2012\u2013\u2014"
LTR_RUN = re.compile(
    rf"\+?\d+(?:(?:[ \u00a0]?[{_DASH}][ \u00a0]?|[:./]|[ \u00a0]?\(\d+\)[ \u00a0]?|[ \u00a0])\d+)*"
)


def isolate_numbers_html(text, autoescape=True) -> str:
    """``text`` as HTML, each run of ``LTR_RUN`` that holds punctuation (a lone number keeps
    its order anyway) in ``<bdi dir="ltr">``. Everything else is escaped (``autoescape``);
    text that is already HTML (safe) is returned as it is, as its digits may sit in markup."""
    if text is None:
        return ""
    if isinstance(text, SafeData):
        return text
    text = str(text)
    escape = conditional_escape if autoescape else str
    parts, position = [], 0
    for match in LTR_RUN.finditer(text):
        run = match.group()
        if run.isdigit():
            continue
        parts.append(escape(text[position : match.start()]))
        parts.append(f'<bdi dir="ltr">{escape(run)}</bdi>')
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above


@register.filter(needs_autoescape=True)
def isolate_numbers(value, autoescape=True):
    """Plain text with its phone numbers and times isolated left-to-right, for right-to-left
    languages: ``{{ step.action|isolate_numbers }}``. Use it on every text that may hold a
    number with punctuation (editors' texts, translated descriptions); a value that is only a
    phone number gets ``<bdi dir="ltr">`` around it in the template itself."""
    return isolate_numbers_html(value, autoescape=autoescape)
