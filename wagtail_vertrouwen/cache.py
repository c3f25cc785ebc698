"""Render-level caching of the route-finder, with invalidation on every change it can show.

Rendering a route-finder resolves every step to the live profiles serving the school (a
handful of queries) and renders a large template; both depend only on

* the route-finder's stored value (hashed into the key),
* the school (Wagtail ``Site``) and the active language,
* the visitor's choice from the query string, reduced to the few values the route-finder
  knows (``parse_selection``), so a cache entry is never per visitor,
* the date (a profile whose term ended drops out at midnight, without any save),
* and the live pages, profiles, sites and view restrictions of the whole project.

The last is one *content version*: a random token in Django's cache (the shared cache of a
production deployment, which check W005 already requires), replaced by a new token whenever
a page is saved, published, unpublished, moved or deleted, a profile's schools change, a
site, a locale, a view restriction, an image or a document changes, and after every
``migrate`` (a deploy: new templates and translations). Every process reads the same
token, so a publish on one app server is seen by all of them at their next request. The token
is replaced again when the transaction commits, so a request that read the old data while the
change was being written cannot keep it cached under the new token. If the token is evicted,
a new random one is made: an old entry can never come back.

Over-invalidation (a draft saved elsewhere in the project empties the cache too) is the price
of never serving a stale route; publishes are rare next to page views. Changes that bypass
model signals (``QuerySet.update()``, raw SQL, a restored database) are not seen: call
``bump_content_version()`` after them, or clear the cache.

A request marked with ``leave_no_trace`` (the confidential channel's), or about a page whose
class sets ``leave_no_trace = True`` (the melding form), neither reads nor fills the cache.

Settings: ``WAGTAIL_VERTROUWEN_RENDER_CACHE`` (default ``True``) switches it off;
``WAGTAIL_VERTROUWEN_CACHE_ALIAS`` (default ``"default"``) names the cache to use;
``WAGTAIL_VERTROUWEN_CACHE_TIMEOUT`` (seconds, default one day).
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid

from asgiref.local import Local
from django.conf import settings
from django.core.cache import caches
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone, translation

from . import __version__

logger = logging.getLogger(__name__)

VERSION_KEY = "wagtail_vertrouwen:content_version"
KEY_PREFIX = f"wagtail_vertrouwen:{__version__}:"


def enabled() -> bool:
    return getattr(settings, "WAGTAIL_VERTROUWEN_RENDER_CACHE", True)


def cache_backend():
    return caches[getattr(settings, "WAGTAIL_VERTROUWEN_CACHE_ALIAS", "default")]


def _timeout() -> int:
    return getattr(settings, "WAGTAIL_VERTROUWEN_CACHE_TIMEOUT", 24 * 60 * 60)


#: The content version as this request read it first: a page with several cached parts (the
#: header's links, the listing) asks the shared cache once. Only between a request's start
#: and its end (``request_started``/``request_finished``); a task or a command reads it each
#: time.
_request = Local()


def content_version() -> str:
    """The current content version, shared by every process through the cache: read once
    per request, so a change made elsewhere shows at the next request. (Under ASGI Django
    sends the request signals in a copied context, so there it is read each time.)"""
    version = getattr(_request, "version", None)
    if version is not None:
        return version
    cache = cache_backend()
    version = cache.get(VERSION_KEY)
    if version is None:
        # Evicted or never set: a fresh random token, so no old entry is ever reused.
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY) or version
    if getattr(_request, "active", False):
        _request.version = version
    return version


def _request_started(**_kwargs):
    _request.active, _request.version = True, None


def _request_finished(**_kwargs):
    _request.active, _request.version = False, None


def _bump():
    version = uuid.uuid4().hex
    cache_backend().set(VERSION_KEY, version, timeout=None)
    if getattr(_request, "active", False):  # this request sees its own change at once
        _request.version = version


def _bump_after_commit():
    """Wagtail empties its cache of the sites' root paths (which every page URL is made
    from) when a site or page is saved, before the transaction commits: a request in another
    process can fill it again with the old paths in between. Emptied again with the version,
    so no rendering kept under the new version is made from paths older than the change."""
    from wagtail.models import Site

    Site.clear_site_root_paths_cache()
    _bump()


def bump_content_version(**_kwargs):
    """Invalidate every cached rendering now and once more when the transaction commits."""
    if not enabled():
        return
    _bump()
    transaction.on_commit(_bump_after_commit)


def _without_block_ids(data):
    """``data`` without the ids of stream and list items: content stored before list items had
    ids gets new random ones on every load, which must not make every request a miss."""
    if isinstance(data, dict):
        return {
            name: _without_block_ids(item)
            for name, item in data.items()
            if not (name == "id" and "type" in data and "value" in data)
        }
    if isinstance(data, (list, tuple)):
        return [_without_block_ids(item) for item in data]
    return data


def value_digest(data) -> str:
    """A digest of a block's stored (JSON-able) value, whatever the ids of its items."""
    raw = json.dumps(
        _without_block_ids(data), sort_keys=True, cls=DjangoJSONEncoder, separators=(",", ":")
    )
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def stored_digest(raw) -> str:
    """A digest of a block's value as stored (the JSON the database returned). Cheaper than
    ``value_digest`` and just as exact for a value loaded from the database: the same stored
    text gives the same digest, any change to it another one."""
    text = json.dumps(raw, cls=DjangoJSONEncoder, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


#: Set on a request that must leave no trace (``leave_no_trace``).
NO_TRACE = "_wagtail_vertrouwen_no_trace"


def leave_no_trace(request) -> None:
    """Keep ``request`` out of the render cache, reading and writing: an entry made by a
    visit, and the time it was made, would tell whoever times the page or reads the cache
    that someone visited it (the confidential channel's pages, I7)."""
    setattr(request, NO_TRACE, True)


def cacheable(request, page=None) -> bool:
    """Public, published renderings only: never a preview, a form's POST, a request that
    leaves no trace or a page whose class says ``leave_no_trace`` (the melding form)."""
    return (
        enabled()
        and request is not None
        and not getattr(request, "is_preview", False)
        and not getattr(request, NO_TRACE, False)
        and not getattr(page, "leave_no_trace", False)
        and getattr(request, "method", "GET") in ("GET", "HEAD")
    )


def key(kind: str, site, *parts) -> str:
    """A cache key of ``kind`` for ``site`` in the active language, today, at the current
    content version, with ``parts`` (each a short string)."""
    fields = [
        kind,
        str(getattr(site, "pk", "-")),
        translation.get_language() or "-",
        timezone.localdate().isoformat(),
        content_version(),
        *(str(part) for part in parts),
    ]
    return KEY_PREFIX + hashlib.sha256("\x1f".join(fields).encode()).hexdigest()


def get_or_build(cache_key: str, build):
    """The cached value under ``cache_key``, else ``build()`` stored there."""
    cache = cache_backend()
    value = cache.get(cache_key)
    if value is None:
        value = build()
        cache.set(cache_key, value, timeout=_timeout())
    return value


def _bump_after_migrate(**_kwargs):
    """A deploy's migrate empties the render and page caches. A cache that cannot be written
    yet (a ``DatabaseCache`` before ``createcachetable``, a Redis not started) must not break
    the migration: then there is nothing cached to empty either."""
    if not enabled():
        return
    try:
        _bump()
    except Exception as error:  # noqa: BLE001 - any backend's error; logged, migrate goes on
        logger.warning(
            "could not replace the content version after migrate (nothing is cached yet to "
            "empty): %s",
            error,
        )


def connect_signals():
    """Connect the invalidation to every change a route-finder can show (AppConfig.ready)."""
    from django.apps import apps
    from django.core.signals import request_finished, request_started
    from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import VertrouwenspersoonPage

    def on_page_change(sender, instance=None, **kwargs):
        if isinstance(instance, Page):
            bump_content_version()

    uid = "wagtail_vertrouwen.cache"
    request_started.connect(_request_started, dispatch_uid=f"{uid}.request_started", weak=False)
    request_finished.connect(_request_finished, dispatch_uid=f"{uid}.request_finish", weak=False)
    post_save.connect(on_page_change, dispatch_uid=f"{uid}.page_save", weak=False)
    post_delete.connect(on_page_change, dispatch_uid=f"{uid}.page_delete", weak=False)
    page_published.connect(bump_content_version, dispatch_uid=f"{uid}.published", weak=False)
    page_unpublished.connect(bump_content_version, dispatch_uid=f"{uid}.unpublished", weak=False)
    post_page_move.connect(bump_content_version, dispatch_uid=f"{uid}.moved", weak=False)
    m2m_changed.connect(
        bump_content_version,
        sender=VertrouwenspersoonPage.schools.through,
        dispatch_uid=f"{uid}.schools",
        weak=False,
    )
    # A deploy runs migrate: new templates, translations and static file names show at once.
    # Once per migrate (Django sends post_migrate for every app).
    post_migrate.connect(
        _bump_after_migrate,
        sender=apps.get_app_config("wagtail_vertrouwen"),
        dispatch_uid=f"{uid}.migrate",
        weak=False,
    )
    # A photo deleted (the profile's key is set to NULL in SQL, no page is saved), replaced
    # or described anew shows on the profile pages, the index and the API.
    from wagtail.images import get_image_model

    # A locale's code, changed in the admin, names the language of every page link in it.
    for model in (Site, Locale, PageViewRestriction, get_image_model()):
        post_save.connect(
            bump_content_version, sender=model, dispatch_uid=f"{uid}.{model.__name__}.save"
        )
        post_delete.connect(
            bump_content_version, sender=model, dispatch_uid=f"{uid}.{model.__name__}.delete"
        )
    try:
        from wagtail.documents import get_document_model
    except ImportError:  # pragma: no cover - wagtail.documents not installed
        return
    from django.apps import apps

    if apps.is_installed("wagtail.documents"):
        document = get_document_model()
        post_save.connect(bump_content_version, sender=document, dispatch_uid=f"{uid}.doc.save")
        post_delete.connect(bump_content_version, sender=document, dispatch_uid=f"{uid}.doc.delete")
