"""Queries per public page, and the route-finder's render cache (wagtail_vertrouwen/cache.py).

Each page costs a fixed number of queries, whether the school has 3 or 12 people: no N+1
creeps back. The route-finder's rendering is cached per school, language, date, content
version and the visitor's choice; every change it shows (a publish, an unpublish, a profile
added to a school, the route-finder's own publish, a term that ends) shows at the next
request.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories_core import make_board, make_image, make_person
from wagtail_vertrouwen.cache import VERSION_KEY
from wagtail_vertrouwen.models import VertrouwenspersoonPage

PEOPLE = ("Fatima El Amrani", "Joost de Vries", "Hanneke Bosman")


def add_people(board, count):
    """``count`` more current profiles in De Regenboog's index, serving De Regenboog."""
    index = board["indexes"]["regenboog"]
    site = board["sites"]["regenboog"]
    for number in range(count):
        profile = VertrouwenspersoonPage(
            title=f"Extra Persoon {number:02d}",
            slug=f"extra-{number}",
            roles=["interne_vertrouwenspersoon", "interne_contactpersoon"],
            languages=["nl", "en"],
            phone="024-1234567",
        )
        index.add_child(instance=profile)
        profile.schools.set([site])
        profile.save_revision().publish()


@pytest.fixture(params=[0, 9], ids=["3-people", "12-people"])
def board(request, db):
    board = make_board(*PEOPLE)
    add_people(board, request.param)
    board["people"] = len(PEOPLE) + request.param
    return board


def urls(board):
    home = board["homes"]["regenboog"]
    profile = board["profiles"]["Fatima El Amrani"]
    return {
        "homepage": home.url,
        "homepage, route chosen": home.url + "?wie=ouder&gebied=ongewenst_gedrag",
        "API detail of the homepage": f"/api/v2/pages/{home.pk}/",
        "profile index": board["indexes"]["regenboog"].url,
        "profile index, filtered": board["indexes"]["regenboog"].url + "?language=en",
        "profile index, campaign link": board["indexes"]["regenboog"].url + "?utm_source=mail",
        "profile page": profile.url,
        "API detail of a profile": f"/api/v2/pages/{profile.pk}/",
    }


def count_queries(client, url):
    client.get(url)  # warm Wagtail's caches (site root paths, locales) and the render cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries.captured_queries)


#: Queries per page, the same for 3 and for 12 people. Rendering the route-finder without its
#: cache looks up the school's people (6 queries); from the cache it costs none. The package's
#: pages endpoint (``api/views.py``) works out the public pages once per request: Wagtail's asks
#: the view restrictions, the site and its root's translations twice (two queries more).
UNCACHED = {
    "homepage": 17,
    "homepage, route chosen": 17,
    "API detail of the homepage": 14,
    "profile index": 21,
    "profile index, filtered": 21,
    "profile index, campaign link": 21,
    "profile page": 13,
    "API detail of a profile": 10,
}
CACHED = {
    **UNCACHED,
    # The header's links (home in the visitor's language, the page's translations) come from
    # the render cache on every page that has them: two queries fewer on each.
    "homepage": 9,
    # A chosen route (the no-script path) is rendered for each request: a cached rendering
    # would tell whoever times the page that someone chose that route today.
    "homepage, route chosen": 15,
    "API detail of the homepage": 8,
    # The listing as most visitors see it (no filter chosen), from the cache as rendered.
    "profile index": 7,
    # With a filter: who serves the school from the cache, the listed profiles in one query.
    "profile index, filtered": 12,
    # A parameter that is no filter (a newsletter's link) leaves the listing as it is kept.
    "profile index, campaign link": 7,
    "profile page": 11,
}


def test_queries_per_page_with_the_render_cache(client, board):
    counts = {name: count_queries(client, url) for name, url in urls(board).items()}
    assert counts == CACHED


@override_settings(WAGTAIL_VERTROUWEN_RENDER_CACHE=False)
def test_queries_per_page_without_the_render_cache(client, board):
    counts = {name: count_queries(client, url) for name, url in urls(board).items()}
    assert counts == UNCACHED


def test_every_person_is_listed(client, board):
    """The counts above are of pages that show everyone (not of an empty page)."""
    response = client.get(board["indexes"]["regenboog"].url)
    assert response.context["profile_count"] == board["people"]
    assert response.content.count(b'class="vw-card"') >= board["people"]


# The render cache ------------------------------------------------------------------------


def small_board():
    """Two schools and three people, with an empty cache."""
    cache.clear()
    return make_board("Fatima El Amrani", "Joost de Vries", "Yusuf Demir")


@pytest.fixture
def school(db):
    return small_board()


def homepage(client, school, query=""):
    response = client.get(school["homes"]["regenboog"].url + query)
    assert response.status_code == 200
    return response.content.decode()


def api(client, school):
    response = client.get(f"/api/v2/pages/{school['homes']['regenboog'].pk}/")
    assert response.status_code == 200
    return response.content.decode()


def republish(page, **fields):
    page = VertrouwenspersoonPage.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_a_published_change_to_a_profile_shows_at_once(client, school):
    fatima = school["profiles"]["Fatima El Amrani"]
    assert "024-7777777" not in homepage(client, school)
    assert "024-7777777" not in api(client, school)
    assert homepage(client, school) == homepage(client, school)  # served from the cache
    republish(fatima, phone="024-7777777")
    assert "024-7777777" in homepage(client, school)
    assert "024-7777777" in api(client, school)


def test_an_unpublished_profile_is_gone_at_once(client, school):
    fatima = school["profiles"]["Fatima El Amrani"]
    assert fatima.title in homepage(client, school)
    assert fatima.title in api(client, school)
    VertrouwenspersoonPage.objects.get(pk=fatima.pk).unpublish()
    assert fatima.title not in homepage(client, school)
    assert fatima.title not in api(client, school)


def test_a_deleted_profile_is_gone_at_once(client, school):
    fatima = school["profiles"]["Fatima El Amrani"]
    assert fatima.title in homepage(client, school)
    VertrouwenspersoonPage.objects.get(pk=fatima.pk).delete()
    assert fatima.title not in homepage(client, school)


def test_a_profile_added_to_a_school_shows_at_once(client, school):
    """Yusuf works at De Vlinder; once he also serves De Regenboog, its route-finder names
    him."""
    yusuf = school["profiles"]["Yusuf Demir"]
    assert yusuf.title not in homepage(client, school)
    assert yusuf.title not in api(client, school)
    yusuf = VertrouwenspersoonPage.objects.get(pk=yusuf.pk)
    yusuf.schools.set([school["sites"]["regenboog"], school["sites"]["vlinder"]])
    yusuf.save_revision().publish()
    assert yusuf.title in homepage(client, school)
    assert yusuf.title in api(client, school)


def test_a_new_profile_shows_at_once(client, school):
    assert "Hanneke Bosman" not in homepage(client, school)
    make_person(school["homes"]["regenboog"], "Hanneke Bosman")
    assert "Hanneke Bosman" in homepage(client, school)


def test_the_route_finders_own_publish_shows_at_once(client, school):
    home = school["homes"]["regenboog"]
    assert "Wie helpt jou verder?" not in homepage(client, school)
    home = home.specific_class.objects.get(pk=home.pk)
    home.body[0].value["heading"] = "Wie helpt jou verder?"
    home.save_revision().publish()
    assert "Wie helpt jou verder?" in homepage(client, school)
    assert "Wie helpt jou verder?" in api(client, school)


def test_the_profile_index_shows_every_change_at_once(client, school, monkeypatch):
    url = school["indexes"]["regenboog"].url
    fatima = school["profiles"]["Fatima El Amrani"]
    yusuf = school["profiles"]["Yusuf Demir"]

    def index():
        return client.get(url).content.decode()

    assert fatima.title in index() and yusuf.title not in index()
    yusuf = VertrouwenspersoonPage.objects.get(pk=yusuf.pk)
    yusuf.schools.set([school["sites"]["regenboog"], school["sites"]["vlinder"]])
    yusuf.save_revision().publish()
    assert yusuf.title in index()
    VertrouwenspersoonPage.objects.get(pk=fatima.pk).unpublish()
    assert fatima.title not in index()
    today = timezone.localdate()
    republish(yusuf, term_ends=today)
    assert yusuf.title in index()
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: today + datetime.timedelta(1))
    assert yusuf.title not in index()


def test_a_term_that_ends_drops_the_person_the_next_day(client, school, monkeypatch):
    """No save happens at midnight: the date is part of the key."""
    fatima = school["profiles"]["Fatima El Amrani"]
    today = timezone.localdate()
    republish(fatima, term_ends=today)
    assert fatima.title in homepage(client, school)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: today + datetime.timedelta(1))
    assert fatima.title not in homepage(client, school)


def test_the_visitors_choice_stays_correct(client, school):
    """One cache entry per choice the route-finder knows; a choice it does not know renders
    as unknown, whatever the words typed."""
    chosen = homepage(client, school, "?wie=ouder&gebied=ongewenst_gedrag")
    assert 'value="ouder" checked' in chosen
    assert 'value="ongewenst_gedrag" checked' in chosen
    other = homepage(client, school, "?wie=leerling&gebied=ongewenst_gedrag")
    assert 'value="leerling" checked' in other
    assert 'value="ouder" checked' not in other
    plain = homepage(client, school)
    assert " checked" not in plain
    unknown = homepage(client, school, "?wie=<script>alert(1)</script>")
    assert "<script>alert(1)" not in unknown
    assert unknown == homepage(client, school, "?wie=iemand-anders")
    assert unknown != plain  # the notice that the choice was not recognised


def test_the_version_lives_in_the_shared_cache(client, school):
    """A publish on one app server reaches the others through the cache they share: the
    version token is replaced there, not in the process."""
    homepage(client, school)
    before = cache.get(VERSION_KEY)
    assert before
    republish(school["profiles"]["Joost de Vries"], phone="024-5555555")
    assert cache.get(VERSION_KEY) not in (None, before)
    cache.delete(VERSION_KEY)  # evicted: a new token, never an old entry
    assert "024-5555555" in homepage(client, school)


def test_a_chosen_filter_is_never_answered_from_the_cached_listing(client, school):
    """The listing as most visitors see it is kept rendered; a filter chosen (or typed wrong)
    is worked out for its request."""
    url = school["indexes"]["regenboog"].url
    fatima = republish(school["profiles"]["Fatima El Amrani"], languages=["nl", "ti"])
    joost = republish(school["profiles"]["Joost de Vries"], languages=["nl"])
    everyone = client.get(url).content.decode()
    assert client.get(url).content.decode() == everyone  # now from the cache
    assert fatima.title in everyone and joost.title in everyone
    tigrinya = client.get(url + "?language=ti").content.decode()
    assert fatima.title in tigrinya and joost.title not in tigrinya
    assert 'value="ti" selected' in tigrinya
    # A parameter that is no filter is answered from the kept listing: the same page.
    assert client.get(url + "?utm_source=nieuwsbrief").content.decode() == everyone
    emptied = client.get(url + "?language=").content.decode()  # a filter set back to "any"
    assert fatima.title in emptied and joost.title in emptied
    wrong = client.get(url + "?language=klingon")
    assert wrong.status_code == 200
    assert 'class="vw-field-error"' in wrong.content.decode()
    assert 'class="vw-field-error"' not in client.get(url).content.decode()


def test_a_changed_photo_on_the_index_shows_at_once(client, school):
    url = school["indexes"]["regenboog"].url
    fatima = school["profiles"]["Fatima El Amrani"].specific
    before = client.get(url).content.decode()
    assert fatima.photo.get_rendition("fill-160x160").url in before
    photo = make_image("Nieuw portret", (51, 102, 153), description="Nieuw portret")
    fatima = republish(fatima, photo=photo)
    after = client.get(url).content.decode()
    assert photo.get_rendition("fill-160x160").url in after
    assert before != after
