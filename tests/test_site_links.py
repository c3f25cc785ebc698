"""The header's links (``site_links.py``, ``{% header_links %}``): the home page in the
visitor's language and the page's live translations, from the render cache with no query on a
hit, following every publish at once, and keeping each visitor's own choices only."""

import pytest
from bs4 import BeautifulSoup  # Wagtail's own dependency
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from tests.factories_core import make_board, translate
from tests.mailbox import log_in, mailbox_url, open_mailbox, send_melding
from wagtail_vertrouwen.site_links import site_links


@pytest.fixture
def school(db):
    """De Regenboog (127.0.0.1) in Dutch and English, De Vlinder (localhost) in Dutch."""
    cache.clear()
    board = make_board(schools=("regenboog", "vlinder"))
    home = board["homes"]["regenboog"]
    board["en"] = translate(home, "en")
    return board


def request_on(site, path="/", **params):
    request = RequestFactory().get(path, params, HTTP_HOST=site.hostname)
    assert Site.find_for_request(request) == site  # and kept on the request, as in a view
    return request


def header(client, url):
    """The header's home link and language links of the page at ``url``, as served."""
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    home = soup.select_one("header .site-name")["href"]
    languages = {a["hreflang"]: a["href"] for a in soup.select("header .site-languages a")}
    return home, languages


def test_the_header_links_home_and_every_live_translation(client, school):
    home, languages = header(client, "/")
    assert home == "/"
    assert languages == {"en": "/en/"}
    home, languages = header(client, "/en/")
    assert home == "/en/"  # the home page in the visitor's language
    assert languages == {"nl": "/"}


def test_a_new_translation_and_an_unpublished_one_show_at_the_next_request(client, school):
    assert header(client, "/")[1] == {"en": "/en/"}  # now kept in the cache
    arabic = translate(school["homes"]["regenboog"], "ar")
    assert header(client, "/")[1] == {"en": "/en/", "ar": "/ar/"}
    arabic.unpublish()
    assert header(client, "/")[1] == {"en": "/en/"}
    school["en"].save_revision()  # a draft of the English page: still live, still listed
    assert header(client, "/")[1] == {"en": "/en/"}


def test_a_hit_asks_the_database_nothing(school):
    site = school["sites"]["regenboog"]
    page = school["homes"]["regenboog"]
    built = site_links(request_on(site), page)
    request = request_on(site)
    with CaptureQueriesContext(connection) as queries:
        kept = site_links(request, page)
    assert queries.captured_queries == []
    assert kept == built
    assert [t.language_code for t in kept.translations] == ["en"]


def test_each_visitor_gets_their_own_choices_and_none_are_kept(client, school):
    _home, languages = header(client, "/?wie=ouder&gebied=ongewenst_gedrag")
    assert languages == {"en": "/en/?wie=ouder&gebied=ongewenst_gedrag#routewijzer-result"}
    # The next visitor, with no choice, gets the plain link from the same cache entry.
    assert header(client, "/")[1] == {"en": "/en/"}
    # Whatever is typed into the address is encoded, never written into the page as it is.
    _home, languages = header(client, '/?school="><script>')
    assert languages == {"en": "/en/?school=%22%3E%3Cscript%3E"}


def test_links_are_relative_on_their_own_site_and_absolute_on_another(school):
    """The same page asked for from another school's host (a shared header, an include)
    links to its own host: the request's site is part of what is kept."""
    page = school["homes"]["regenboog"]
    other = site_links(request_on(school["sites"]["vlinder"]), page)
    assert [t.url for t in other.translations] == ["http://127.0.0.1/en/"]
    own = site_links(request_on(school["sites"]["regenboog"]), page)
    assert [t.url for t in own.translations] == ["/en/"]


def test_the_home_link_is_per_language(school):
    site = school["sites"]["regenboog"]
    with translation.override("en"):
        assert site_links(request_on(site)).home_url == "/en/"
    assert site_links(request_on(site)).home_url == "/"
    with translation.override("ar"):  # no Arabic home page: the Dutch one
        assert site_links(request_on(site)).home_url == "/"


def test_a_preview_is_never_kept(school):
    site = school["sites"]["regenboog"]
    page = school["homes"]["regenboog"]
    for _ in range(2):
        request = request_on(site)
        request.is_preview = True
        with CaptureQueriesContext(connection) as queries:
            site_links(request, page)
        assert queries.captured_queries, "a preview's links came from the cache"


@override_settings(WAGTAIL_VERTROUWEN_RENDER_CACHE=False)
def test_without_the_render_cache_the_links_are_worked_out_each_time(client, school):
    assert header(client, "/en/") == ("/en/", {"nl": "/"})
    translate(school["homes"]["regenboog"], "ar")
    assert header(client, "/en/") == ("/en/", {"nl": "/", "ar": "/ar/"})


def test_a_page_that_is_no_wagtail_page_has_a_home_link_only(school):
    links = site_links(request_on(school["sites"]["regenboog"]), page="")
    assert links.home_url == "/"
    assert links.translations == ()


def test_a_post_is_never_kept(school):
    request = RequestFactory().post("/", HTTP_HOST="127.0.0.1")
    site_links(request, school["homes"]["regenboog"])
    request = RequestFactory().post("/", HTTP_HOST="127.0.0.1")
    Site.find_for_request(request)  # kept on the request, as in a view
    with CaptureQueriesContext(connection) as queries:
        site_links(request, school["homes"]["regenboog"])
    assert queries.captured_queries, "a POST's links came from the cache"


def test_a_changed_locale_shows_at_the_next_request(client, school):
    assert header(client, "/")[1] == {"en": "/en/"}
    english = Locale.objects.get(language_code="en")
    english.language_code = "tr"
    english.save()
    assert header(client, "/")[1] == {"tr": "/en/"}


def test_the_not_found_page_links_home_in_its_language(client, school):
    response = client.get("/en/nergens/")
    assert response.status_code == 404
    assert 'class="site-name" href="/en/"' in response.content.decode()


def test_wagtails_site_paths_are_emptied_again_when_a_change_commits(
    school, django_capture_on_commit_callbacks
):
    """Wagtail empties them when a site is saved, before the commit; a request in between
    could keep the old ones (an hour in Wagtail's cache, a day in the kept links)."""
    site = school["sites"]["vlinder"]
    with django_capture_on_commit_callbacks(execute=True):
        site.port = 8080
        site.save()
        Site.get_site_root_paths()  # another process fills Wagtail's cache before the commit
        assert cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    assert cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION) is None


def render_cache_entries():
    """The render cache's keys in the tests' local-memory cache (no API lists keys)."""
    return {key for key in cache._cache if "wagtail_vertrouwen:" in key}


def test_the_melding_form_and_the_mailbox_leave_no_trace_in_the_cache(melding_form):
    """An entry made by a visit, and when it was made, would tell that someone opened them:
    the form, sending it, the thank-you page, the mailbox's login and the mailbox itself."""
    form = melding_form
    cache.clear()
    client = Client(HTTP_HOST=form.get_site().hostname)
    for url in (form.url, mailbox_url(form)):
        response = client.get(url)
        assert response.status_code == 200
        assert 'class="site-name"' in response.content.decode()  # the header was rendered
    code = send_melding(form, client)  # the form page again, the POST, the thank-you page
    log_in(client, form, code)
    assert "vw-mailbox__status" in open_mailbox(client, form)  # logged in
    assert render_cache_entries() == set()
    # Any other page of the school with the header (here: not found) does leave an entry:
    # the check above can see one.
    assert client.get("/nergens/").status_code == 404
    assert render_cache_entries()


def test_a_melding_forms_links_are_never_kept(melding_form):
    """Also where no channel view has marked the request yet: a project's password page of a
    restricted form, rendered by Wagtail before the form's own view."""
    site = melding_form.get_site()
    site_links(request_on(site, melding_form.url), melding_form)
    request = request_on(site, melding_form.url)
    with CaptureQueriesContext(connection) as queries:
        site_links(request, melding_form)
    assert queries.captured_queries, "the melding form's links came from the cache"


def test_a_host_no_site_answers_for_gets_the_not_found_page(client, school):
    """With no default site: before the header's links were kept, this was a 500."""
    Site.objects.update(is_default_site=False)
    response = client.get("/nergens/", HTTP_HOST="unknown.example")
    assert response.status_code == 404
    assert 'class="site-name" href="/"' in response.content.decode()
