"""An optional full-page cache for the public pages, emptied at once by every publish.

Django's own cache middleware keeps a page for a fixed time and tells browsers to keep it too,
so a publish would show only when that time is over. This middleware keeps whole public
responses under the render cache's *content version* (``cache.py``): every page save,
publish, unpublish, move or delete, profile-school change, site, locale, view restriction,
image or document change replaces that version in the shared cache, so every app server
stops serving the old page at its next request. Browsers are not told to keep anything.

Only what is the same for every visitor is kept:

* a ``GET`` (or ``HEAD``, answered from the ``GET``) without a query string (a visitor's
  choice of route or filter is built for each request: a cached one would tell anyone who
  times the page that someone chose it, and every made-up parameter would fill the cache),
  without credentials (no ``Authorization`` header) and whose cookies are at most the CSRF
  and language cookies: no session, so no editor, no logged-in vertrouwenspersoon, no
  message; an ``Accept`` header other than none, ``*/*`` or ``application/json`` is not
  served from it either;
* a 200 response to a visitor who is not logged in, that sets no cookie (a page that used the
  CSRF token for a form gets the CSRF cookie set again by Django's CSRF middleware), is not
  ``private``/``no-cache``/``no-store`` (the melding form, the mailbox, the inbox and their
  APIs are all ``no-store``: ``channel.policy``) and varies on nothing but the language,
  ``Accept``, ``Accept-Encoding`` and the cookie.

The key holds the scheme and the site (host), the path, the language Django's
``LocaleMiddleware`` chooses for the request (from the path, the cookie or
``Accept-Language``: one of ``LANGUAGES``, so no made-up header adds entries), the ``Accept``
header, whether gzip is accepted, today's date (a profile whose term ended drops out at
midnight) and the content version.

Switch it on with ``WAGTAIL_VERTROUWEN_PAGE_CACHE = True`` and this middleware first in
``MIDDLEWARE`` (so a hit skips everything after it). It uses the same cache as the render
cache (``WAGTAIL_VERTROUWEN_CACHE_ALIAS``), for ``WAGTAIL_VERTROUWEN_PAGE_CACHE_TIMEOUT``
seconds (default five minutes). Changes that bypass model signals need
``cache.bump_content_version()``, as for the render cache; every ``migrate`` (run by most
deploys) replaces the content version too, so new templates and translations show.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils import timezone, translation
from django.utils.cache import cc_delim_re

from . import cache as render_cache

_PREFIX = render_cache.KEY_PREFIX + "page:"
_UNCACHEABLE = ("private", "no-cache", "no-store")
#: What a kept response may vary on: each is in the key (the cookie only as the language).
_KEYED_VARY = {"accept-language", "accept", "accept-encoding", "cookie"}
_KEYED_ACCEPT = {"", "*/*", "application/json"}


def enabled() -> bool:
    return getattr(settings, "WAGTAIL_VERTROUWEN_PAGE_CACHE", False) and render_cache.enabled()


def _timeout() -> int:
    return getattr(settings, "WAGTAIL_VERTROUWEN_PAGE_CACHE_TIMEOUT", 5 * 60)


def _anonymous_request(request) -> bool:
    """True for a plain GET or HEAD that carries nothing of a visitor (see the docstring)."""
    allowed = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and "Authorization" not in request.headers
        and "Proxy-Authorization" not in request.headers
        and request.headers.get("Accept", "") in _KEYED_ACCEPT
        and set(request.COOKIES) <= allowed
    )


def _language(request) -> str:
    """The language ``LocaleMiddleware`` will choose for ``request`` (its own rule)."""
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
    language = translation.get_language_from_request(request, check_path=i18n_patterns_used)
    from_path = translation.get_language_from_path(request.path_info)
    if not from_path and i18n_patterns_used and not prefixed_default_language:
        language = settings.LANGUAGE_CODE
    return language


def _key(request) -> str:
    fields = [
        request.scheme,
        request.get_host(),
        request.path,
        _language(request),
        request.headers.get("Accept", ""),
        "gzip" if re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")) else "",
        timezone.localdate().isoformat(),
        render_cache.content_version(),
    ]
    return _PREFIX + hashlib.sha256("\x1f".join(fields).encode()).hexdigest()


def _storable(request, response) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", ""))}
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "Set-Cookie" not in response
        and not any(directive in cache_control for directive in _UNCACHEABLE)
        and vary - {""} <= _KEYED_VARY
        and not (user is not None and user.is_authenticated)
    )


class PageCacheMiddleware:
    """Serve public pages from the cache; see the module's docstring for what is kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (enabled() and _anonymous_request(request)):
            return self.get_response(request)
        key = _key(request)
        cache = render_cache.cache_backend()
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        if request.method == "GET" and _storable(request, response):

            def store(rendered):
                cache.set(
                    key,
                    (rendered.status_code, list(rendered.items()), rendered.content),
                    timeout=_timeout(),
                )

            if hasattr(response, "render") and not response.is_rendered:
                response.add_post_render_callback(store)
            else:
                store(response)
        return response
