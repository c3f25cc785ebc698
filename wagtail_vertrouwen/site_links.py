"""The links a page's header shows on every public page: the site's home page in the
visitor's language and the page in each language it is published in.

Worked out with Wagtail's own API they cost two or three queries on every page view (the active
``Locale`` and the home page's translation, the page's live translations) and a URL per
translation. They depend only on the pages, sites and locales of the project, so they are kept
in the render cache (``cache.py``) per site, language and page, and follow every publish at
once. The visitor's choices (``keep_choices``) are added per request, never cached.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.models import Page, Site

from . import cache as render_cache


@dataclass(frozen=True)
class Translation:
    url: str
    language_code: str
    name: str


@dataclass(frozen=True)
class SiteLinks:
    #: The URL of the site's home page in the active language (its translation when live).
    home_url: str
    #: The page's live translations with a URL, the page itself left out, in tree order.
    translations: tuple[Translation, ...]


def site_links(request, page=None) -> SiteLinks:
    """The header's links for ``page`` (any object: only a Wagtail page has translations)
    as ``request`` shows them: relative on the request's own site, absolute on another."""
    site = Site.find_for_request(request) if request is not None else None
    page = page if isinstance(page, Page) and page.pk else None
    if render_cache.cacheable(request, page):
        # A URL is relative on the request's site and absolute on another: the site is in
        # the key. Kept as plain tuples, which any version of this module reads.
        cache_key = render_cache.key("site-links", site, page.pk if page else "-")
        home_url, translations = render_cache.get_or_build(
            cache_key, lambda: _build(request, site, page)
        )
    else:
        home_url, translations = _build(request, site, page)
    return SiteLinks(home_url, tuple(Translation(*link) for link in translations))


def _build(request, site, page) -> tuple[str, tuple[tuple[str, str, str], ...]]:
    home_url = "/"
    if site is not None:
        home_url = site.root_page.localized.get_url(request) or "/"
    translations = ()
    if page is not None:
        live = page.get_translations().live().select_related("locale")
        # A translation outside every site has no URL: left out rather than linked to "None".
        translations = tuple(
            (url, other.locale.language_code, str(other.locale.get_display_name()))
            for other in live
            if (url := other.get_url(request))
        )
    return home_url, translations
