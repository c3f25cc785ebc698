"""The render cache's content version (wagtail_vertrouwen/cache.py) is read from the shared
cache once per request, follows a change made by the request itself at once, and one made
elsewhere at the next request; outside a request (a task, a command) it is read each time."""

from unittest import mock

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import request_finished, request_started
from django.test import Client

from tests.factories_core import make_board
from wagtail_vertrouwen import cache as render_cache


def version_reads(call):
    """How often ``call()`` reads the content version from the shared cache."""
    reads = []
    original = LocMemCache.get

    def get(self, key, *args, **kwargs):
        if render_cache.VERSION_KEY in key:
            reads.append(key)
        return original(self, key, *args, **kwargs)

    with mock.patch.object(LocMemCache, "get", get):
        call()
    return len(reads)


def test_a_page_with_several_cached_parts_reads_the_version_once(db):
    """The profile index keeps its listing and its header's links: one read, not two."""
    cache.clear()
    board = make_board("Fatima El Amrani")
    client = Client()
    url = board["indexes"]["regenboog"].url
    assert client.get(url).status_code == 200  # built and kept
    assert version_reads(lambda: client.get(url)) == 1
    assert version_reads(lambda: client.get(url)) == 1  # and again in the next request


def test_outside_a_request_every_read_asks_the_shared_cache(db):
    render_cache.content_version()
    assert version_reads(render_cache.content_version) == 1
    assert version_reads(render_cache.content_version) == 1


def test_a_change_elsewhere_shows_at_the_next_request(db):
    request_started.send(sender=None)
    first = render_cache.content_version()
    cache.set(render_cache.VERSION_KEY, "changed by another app server", timeout=None)
    assert render_cache.content_version() == first  # one version for the whole request
    request_finished.send(sender=None)
    assert render_cache.content_version() == "changed by another app server"
    request_started.send(sender=None)
    assert render_cache.content_version() == "changed by another app server"
    request_finished.send(sender=None)


def test_a_request_sees_its_own_change_at_once(db, django_capture_on_commit_callbacks):
    request_started.send(sender=None)
    try:
        first = render_cache.content_version()
        with django_capture_on_commit_callbacks(execute=True):
            render_cache.bump_content_version()
            bumped = render_cache.content_version()
            assert bumped != first
            assert bumped == cache.get(render_cache.VERSION_KEY)
        committed = render_cache.content_version()
        assert committed not in (first, bumped)
        assert committed == cache.get(render_cache.VERSION_KEY)
    finally:
        request_finished.send(sender=None)
