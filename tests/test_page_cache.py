"""The optional full-page cache (wagtail_vertrouwen/page_cache.py).

With it on, a public page costs no query at all from the second visitor on; every change that
empties the render cache empties it too (the render cache's invalidation tests run again here,
with the page cache on); nothing of one visitor reaches another, and the confidential channel
is never kept.
"""

import base64

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.test_query_counts import (  # noqa: F401 - run again here, with the page cache on
    small_board,
    test_a_changed_photo_on_the_index_shows_at_once,
    test_a_chosen_filter_is_never_answered_from_the_cached_listing,
    test_a_deleted_profile_is_gone_at_once,
    test_a_new_profile_shows_at_once,
    test_a_profile_added_to_a_school_shows_at_once,
    test_a_published_change_to_a_profile_shows_at_once,
    test_a_term_that_ends_drops_the_person_the_next_day,
    test_an_unpublished_profile_is_gone_at_once,
    test_the_route_finders_own_publish_shows_at_once,
    test_the_version_lives_in_the_shared_cache,
    test_the_visitors_choice_stays_correct,
)


@pytest.fixture
def school(db):
    return small_board()


@pytest.fixture(autouse=True)
def page_cache():
    with override_settings(WAGTAIL_VERTROUWEN_PAGE_CACHE=True):
        yield


def queries(client, url, **extra):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    assert response.status_code == 200, url
    return len(captured.captured_queries), response


def test_a_public_page_costs_no_query_from_the_cache(client, school):
    home = school["homes"]["regenboog"]
    first_count, first = queries(client, home.url)
    second_count, second = queries(client, home.url)
    assert first_count > 0
    assert second_count == 0
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    # Browsers are not asked to keep it: a publish must show at once.
    assert "max-age" not in second.get("Cache-Control", "")
    assert not second.cookies


def test_off_by_default(client, school):
    home = school["homes"]["regenboog"]
    with override_settings(WAGTAIL_VERTROUWEN_PAGE_CACHE=False):
        queries(client, home.url)
        count, _ = queries(client, home.url)
    assert count > 0


def test_each_page_and_site_has_its_own_entry(client, school):
    regenboog, vlinder = school["homes"]["regenboog"], school["homes"]["vlinder"]
    pages = {
        "regenboog": queries(client, regenboog.url)[1].content,
        "vlinder": queries(client, "/", HTTP_HOST="localhost")[1].content,
        "index": queries(client, school["indexes"]["regenboog"].url)[1].content,
    }
    assert len(set(pages.values())) == len(pages)
    assert vlinder.title.encode() in pages["vlinder"]
    for name, url, extra in [
        ("regenboog", regenboog.url, {}),
        ("vlinder", "/", {"HTTP_HOST": "localhost"}),
    ]:
        count, response = queries(client, url, **extra)
        assert (count, response.content) == (0, pages[name]), name


def test_a_query_string_is_never_kept(client, school):
    """A chosen route is nobody else's business (a hit would show that someone chose it), and
    made-up parameters must not fill the cache."""
    home = school["homes"]["regenboog"]
    for query in ("?wie=ouder&gebied=ongewenst_gedrag", "?x=1"):
        queries(client, home.url + query)
        assert queries(client, home.url + query)[0] > 0, query


def test_made_up_languages_add_no_entries(client, school):
    """The key holds the language Django chooses, not the raw header: a hundred made-up
    Accept-Language headers are one entry."""
    home = school["homes"]["regenboog"]
    queries(client, home.url)
    for number in range(20):
        count, _ = queries(client, home.url, HTTP_ACCEPT_LANGUAGE=f"x-{number},nl;q=0.{number}")
        assert count == 0, number


def test_credentials_are_never_served_from_nor_stored_in_it(client, school):
    """A login-restricted profile read through the API with Basic auth (no cookie) must not
    be kept for the anonymous visitors who may not read it."""
    from django.contrib.auth import get_user_model
    from wagtail.models import PageViewRestriction

    profile = school["profiles"]["Joost de Vries"]
    PageViewRestriction.objects.create(page=profile, restriction_type=PageViewRestriction.LOGIN)
    get_user_model().objects.create_user("ouder", password="wachtwoord")
    url = f"/api/v2/pages/{profile.pk}/"
    basic = "Basic " + base64.b64encode(b"ouder:wachtwoord").decode()
    authorised = client.get(url, HTTP_AUTHORIZATION=basic)
    anonymous = client.get(url)
    assert anonymous.status_code == 404
    assert authorised.status_code == 200, authorised.content


def test_a_response_that_varies_on_another_header_is_not_kept(client, school):
    """An ``Accept`` the key does not know is not served from the cache."""
    home = school["homes"]["regenboog"]
    url = f"/api/v2/pages/{home.pk}/"
    indented = client.get(url, HTTP_ACCEPT="application/json; indent=8").content
    plain = client.get(url).content
    assert indented != plain
    assert queries(client, url)[1].content == plain
    assert client.get(url, HTTP_ACCEPT="application/json; indent=8").content == indented


def test_a_deleted_photo_is_gone_at_once(client, school):
    profile = school["profiles"]["Fatima El Amrani"]
    photo = profile.specific.photo
    assert photo is not None
    first = queries(client, profile.url)[1].content
    assert queries(client, profile.url)[0] == 0
    photo.delete()
    count, response = queries(client, profile.url)
    assert count > 0
    assert response.content != first


def test_a_migrate_empties_it(client, school):
    """Deploys run migrate: new templates and translations show at once."""
    from django.core.management import call_command

    home = school["homes"]["regenboog"]
    queries(client, home.url)
    assert queries(client, home.url)[0] == 0
    call_command("migrate", verbosity=0)
    assert queries(client, home.url)[0] > 0


def test_each_language_choice_gets_what_the_page_would_say(client, school):
    """The language cookie and Accept-Language are in the key: whatever a visitor's choice,
    the cache answers what the page itself answers."""
    home = school["homes"]["regenboog"]
    urls = [home.url, "/ar/", "/vertrouwen/woordenlijst/"]
    choices = [(None, "nl"), (None, "ar"), ("ar", "nl"), ("tr", "en")]
    for url in urls:
        for cookie, accept in choices:
            client.cookies.clear()
            if cookie:
                client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
            with override_settings(WAGTAIL_VERTROUWEN_PAGE_CACHE=False):
                fresh = client.get(url, HTTP_ACCEPT_LANGUAGE=accept)
            queries(client, url, HTTP_ACCEPT_LANGUAGE=accept)
            count, cached = queries(client, url, HTTP_ACCEPT_LANGUAGE=accept)
            assert (count, cached.content) == (0, fresh.content), (url, cookie, accept)


def test_a_visitor_with_a_session_is_never_served_from_nor_stored_in_it(
    client, school, django_user_model
):
    """An editor always gets the page built for her, and nothing built for her is kept."""
    home = school["homes"]["regenboog"]
    editor = django_user_model.objects.create_superuser("redacteur", "r@school.test", "x")
    client.force_login(editor)
    assert queries(client, home.url)[0] > 0
    assert queries(client, home.url)[0] > 0
    client.logout()
    client.cookies.clear()
    assert queries(client, home.url)[0] > 0  # nothing was kept from the editor's visits
    assert queries(client, home.url)[0] == 0


def test_a_page_with_a_form_is_not_kept(client, db):
    """The melding form uses the visitor's CSRF token and is no-store: every visitor gets
    their own."""
    from tests.factories import make_form

    form = make_form()
    host = {"HTTP_HOST": form.get_site().hostname}
    queries(client, form.url, **host)
    second_count, second = queries(client, form.url, **host)
    assert second_count > 0
    assert "no-store" in second["Cache-Control"]


def test_a_password_protected_page_is_not_kept(client, school):
    """Wagtail answers a page with a password restriction with its password form (200, with
    the visitor's CSRF token): never kept, for a visitor with or without a CSRF cookie."""
    from wagtail.models import PageViewRestriction

    profile = school["profiles"]["Joost de Vries"]
    PageViewRestriction.objects.create(
        page=profile, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    for _ in range(2):
        count, response = queries(client, profile.url)
        assert count > 0
        assert b'name="password"' in response.content
    assert settings.CSRF_COOKIE_NAME in client.cookies  # the second visit carried it


def test_the_channels_pages_are_never_kept(client, melding_form):
    """The mailbox login and the melding API (no-store) are built afresh for each request."""
    form = melding_form
    host = {"HTTP_HOST": form.get_site().hostname}
    for url in (f"/vertrouwen/postvak/{form.pk}/", f"/vertrouwen/api/meldingen/{form.pk}/"):
        client.get(url, **host)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, **host)
        assert "no-store" in response["Cache-Control"], url
        assert len(captured.captured_queries) > 0, url


def test_a_post_is_never_answered_from_the_cache(client, school):
    home = school["homes"]["regenboog"]
    queries(client, home.url)
    with CaptureQueriesContext(connection) as captured:
        client.post(home.url, {})
    assert len(captured.captured_queries) > 0


def test_a_head_request_is_answered_from_the_get(client, school):
    home = school["homes"]["regenboog"]
    queries(client, home.url)
    with CaptureQueriesContext(connection) as captured:
        response = client.head(home.url)
    assert response.status_code == 200
    assert len(captured.captured_queries) == 0


def test_a_response_that_sets_a_cookie_or_varies_on_everything_is_not_kept(rf, db):
    """Whatever the page: a response that sets a cookie (a form's CSRF cookie, a session) is
    made for one visitor; one that varies on ``*`` cannot be keyed. Both are built anew."""
    from django.http import HttpResponse

    from wagtail_vertrouwen.page_cache import PageCacheMiddleware

    def with_cookie(request):
        response = HttpResponse(f"for {len(built)}")
        response.set_cookie("csrftoken", "one-visitor")
        built.append(request)
        return response

    def varying(request):
        built.append(request)
        return HttpResponse("vary", headers={"Vary": "*"})

    for view in (with_cookie, varying):
        built = []
        middleware = PageCacheMiddleware(view)
        for _ in range(2):
            middleware(rf.get(f"/{view.__name__}/"))
        assert len(built) == 2, view.__name__

    built = []

    def public(request):
        built.append(request)
        return HttpResponse("ok")

    middleware = PageCacheMiddleware(public)
    for _ in range(2):
        middleware(rf.get("/kept/"))
    assert len(built) == 1  # the control: a plain public response is kept


@pytest.mark.django_db(transaction=True)
def test_migrate_goes_on_when_the_cache_cannot_be_written_yet(settings, caplog):
    """A fresh project runs migrate before createcachetable: the DatabaseCache's table does
    not exist yet, and the content version cannot be replaced. Migrate must still succeed.
    (Outside a transaction, as migrate runs: on PostgreSQL the failed query would otherwise
    abort the test's own transaction.)"""
    from django.core.cache import caches
    from django.core.management import call_command

    settings.CACHES = {
        **settings.CACHES,
        "missing": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "no_such_cache_table",
        },
    }
    settings.WAGTAIL_VERTROUWEN_CACHE_ALIAS = "missing"
    with pytest.raises(Exception, match="no_such_cache_table"):
        caches["missing"].set("probe", 1)  # the table really is missing
    with caplog.at_level("WARNING", logger="wagtail_vertrouwen.cache"):
        call_command("migrate", verbosity=0)
    said = [r for r in caplog.records if r.name == "wagtail_vertrouwen.cache"]
    assert len(said) == 1, "one line per migrate, not one per app"
    assert not said[0].exc_info and "no_such_cache_table" in said[0].getMessage()
