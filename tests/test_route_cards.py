"""Route cards name the languages each person speaks, in the visitor's language."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.factories_core import dicts_in, make_board, make_person, translate_school

pytestmark = pytest.mark.django_db

BULLYING_FOR_PARENTS = "?wie=ouder&gebied=ongewenst_gedrag"


def route_section(html, audience="ouder", area="ongewenst_gedrag"):
    match = re.search(
        rf'<section class="vw-route[^"]*" data-audience="{audience}" data-area="{area}"'
        r".*?</section>",
        html,
        re.S,
    )
    assert match, (audience, area)
    return match.group(0)


def contact_card(section, name):
    match = re.search(
        rf'<li class="vw-contact vw-contact--profile">\s*<span class="vw-contact__name">'
        rf"<a [^>]*>{name}</a>.*?</li>",
        section,
        re.S,
    )
    assert match, name
    return match.group(0)


def test_a_route_card_says_which_languages_the_person_speaks(client):
    make_board("Fatima El Amrani", "Joost de Vries", schools=["regenboog"])
    html = client.get("/" + BULLYING_FOR_PARENTS).content.decode()
    route = route_section(html)
    fatima = contact_card(route, "Fatima El Amrani")
    assert '<span class="vw-contact__languages">Spreekt: Nederlands, Arabisch, Engels</span>' in (
        fatima
    )
    # The same on the cards of "you can always turn to".
    always = html.split('class="vw-always"', 1)[1]
    joost = contact_card(always, "Joost de Vries")
    assert "Spreekt: Nederlands, Engels" in joost


def test_a_person_without_languages_gets_no_empty_line(client):
    board = make_board(schools=["regenboog"])
    make_person(board["homes"]["regenboog"], "Fatima El Amrani", languages=[])
    html = client.get("/" + BULLYING_FOR_PARENTS).content.decode()
    assert "Fatima El Amrani" in html
    assert "vw-contact__languages" not in html


def test_the_languages_are_named_in_the_visitors_language(client):
    board = make_board("Fatima El Amrani", schools=["regenboog"])
    translate_school(board["homes"]["regenboog"], "en", board["profiles"].values())
    html = client.get("/en/" + BULLYING_FOR_PARENTS).content.decode()
    fatima = contact_card(route_section(html), "Fatima El Amrani")
    assert "Speaks: Dutch, Arabic, English" in fatima
    with translation.override("ar"):
        translate_school(board["homes"]["regenboog"], "ar", board["profiles"].values())
    html = client.get("/ar/" + BULLYING_FOR_PARENTS).content.decode()
    fatima = contact_card(route_section(html), "Fatima El Amrani")
    assert "الهولندية" in fatima  # Dutch, in Arabic


def test_more_people_cost_no_more_queries(client, django_assert_num_queries):
    board = make_board("Fatima El Amrani", schools=["regenboog"])
    url = "/" + BULLYING_FOR_PARENTS
    client.get(url)  # warm Wagtail's caches (site root paths)
    with CaptureQueriesContext(connection) as one_person:
        html = client.get(url).content.decode()
    queries = len(one_person)  # now: the next request clears Django's query log
    assert html.count("vw-contact__languages") >= 1
    home = board["homes"]["regenboog"]
    for name in ("Joost de Vries", "Marieke Jansen", "Hanneke Bosman"):
        make_person(home, name)
    client.get(url)
    with django_assert_num_queries(queries):
        html = client.get(url).content.decode()
    assert html.count("vw-contact__languages") > 4


def test_the_api_gives_each_contact_the_languages_they_speak(client):
    board = make_board("Fatima El Amrani", schools=["regenboog"])
    home = board["homes"]["regenboog"]
    data = client.get(f"/api/v2/pages/{home.pk}/").json()
    found = [d for d in dicts_in(data) if d.get("kind") in ("profile", "national")]
    fatima = [c for c in found if c["name"] == "Fatima El Amrani"]
    assert fatima and all(c["languages"] == ["nl", "ar", "en"] for c in fatima)
    national = [c for c in found if c["kind"] == "national"]
    assert national and all(c["languages"] == [] for c in national)
