"""The Wagtail admin as the school's web editor uses it."""

import html
import json
import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text
from wagtail.users.models import UserProfile

from tests.factories_core import AREA_TITLES, make_editor, make_regenboog
from wagtail_vertrouwen.models import VertrouwenspersoonPage

pytestmark = pytest.mark.django_db


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=("wagtail_vertrouwen", model, parent.pk))


def block_definitions(response):
    """The StreamField block definitions the page editor receives, as JSON text."""
    found = re.findall(r'data-w-block-data-value="([^"]*)"', response.content.decode())
    assert found, "no StreamField on the page"
    return [json.loads(html.unescape(value)) for value in found]


@pytest.fixture
def home(db):
    """A school homepage with a route-finder and a profiles index."""
    return make_regenboog()


@pytest.fixture
def index(home):
    return home.vertrouwenspersonen_page


@pytest.fixture
def editor(home):
    """The school's web editor, as the demo sets her up."""
    return make_editor(home)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_editor_may_create_each_page_type(home, index, editor_client):
    for model, parent in [
        ("vertrouwenspersonenindexpage", home),
        ("vertrouwenspersoonpage", index),
        ("routewijzerpage", home),
    ]:
        response = editor_client.get(add_url(model, parent))
        assert response.status_code == 200, model


def test_profiles_only_go_under_an_index(home, editor_client):
    response = editor_client.get(add_url("vertrouwenspersoonpage", home))
    # Wagtail refuses: a redirect with an error message for a logged-in editor.
    assert response.status_code in (302, 403)
    assert "vw-" not in response.content.decode()


def test_adding_a_route_finder_prefills_the_six_areas(home, editor_client):
    response = editor_client.get(add_url("routewijzerpage", home))
    definitions = json.dumps(block_definitions(response), ensure_ascii=False)
    for title in AREA_TITLES:
        assert title in definitions
    # Both school variants are offered, each with its own words for the same people.
    assert "Praat met je mentor." in definitions
    assert "Praat met je juf of meester" in definitions
    assert "Vertel het dan meteen aan het schoolbestuur." in definitions


def test_prefill_stays_in_the_content_language_whatever_the_editors_ui_language(
    home, editor_client, editor
):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    response = editor_client.get(add_url("routewijzerpage", home))
    assert "Add" in response.content.decode()  # the admin itself speaks English now
    definitions = json.dumps(block_definitions(response), ensure_ascii=False)
    assert "Pesten, discriminatie en agressie" in definitions
    assert 'Bullying, discrimination and aggression", "title' not in definitions


def profile_post(**overrides):
    data = {
        "title": "Sanne Visser",
        "slug": "sanne-visser",
        "roles": ["interne_vertrouwenspersoon"],
        "languages": ["nl", "en"],
        "phone": "0487-111222",
        "email": "s.visser@regenboog.example",
        "spreekuur": "woensdag 12.00 uur",
        "location": "",
        "organisation": "",
        "photo_alt": "",
        "introduction": rich_text(""),
        "term_ends": "",
        "action-publish": "publish",
    }
    data.update(overrides)
    return data


def test_editor_creates_a_profile(index, editor_client):
    response = editor_client.post(add_url("vertrouwenspersoonpage", index), profile_post())
    assert response.status_code == 302, response.content.decode()[:2000]
    page = VertrouwenspersoonPage.objects.get(slug="sanne-visser")
    assert page.live and page.roles == ["interne_vertrouwenspersoon"]
    assert page.languages == ["nl", "en"]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"roles": []}, "roles"),
        ({"roles": ["directeur"]}, "roles"),
        ({"phone": "bel maar"}, "phone"),
        ({"email": "geen-adres"}, "email"),
        ({"term_ends": "31-31-2030"}, "term_ends"),
        ({"title": "x" * 300}, "title"),
    ],
)
def test_bad_profile_input_gets_a_field_message_and_keeps_what_was_typed(
    index, editor_client, overrides, field
):
    response = editor_client.post(
        add_url("vertrouwenspersoonpage", index), profile_post(**overrides)
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert not VertrouwenspersoonPage.objects.filter(slug="sanne-visser").exists()
    # Nothing the editor typed is lost.
    content = response.content.decode()
    assert "s.visser@regenboog.example" in content or field == "email"
    assert "woensdag 12.00 uur" in content


def test_a_new_route_finder_page_starts_with_a_prefilled_route_finder(home, editor_client):
    from wagtail_vertrouwen.models import RoutewijzerPage

    page = RoutewijzerPage(title="Routewijzer")
    assert [block.block_type for block in page.body] == ["routewijzer"]
    assert len(page.body[0].value["areas"]) == 6
    response = editor_client.get(add_url("routewijzerpage", home))
    # The initial value (not only the block definition) carries the six areas.
    found = re.findall(r'data-w-block-arguments-value="([^"]*)"', response.content.decode())
    initial = json.dumps([json.loads(html.unescape(value)) for value in found])
    assert "Schoolorganisatie" in initial
    assert "Seksueel grensoverschrijdend gedrag" in initial
