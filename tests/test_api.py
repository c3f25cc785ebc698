"""Headless: profiles and route-finders through Wagtail's API (v2)."""

import pytest

from tests.factories_core import make_board, translate_school
from wagtail_vertrouwen.blocks.defaults import routewijzer_default

pytestmark = pytest.mark.django_db

#: The people on the bullying route and in "always available" of De Regenboog, and one of De
#: Vlinder's.
PEOPLE = ("Fatima El Amrani", "Joost de Vries", "Hanneke Bosman", "Yusuf Demir")


@pytest.fixture
def board(db):
    return make_board(*PEOPLE)


PROFILE_FIELDS = (
    "roles,languages,phone,email,spreekuur,location,organisation,schools,photo,"
    "photo_alt_text,introduction,term_ends"
)


def test_profiles_are_listed_with_their_fields(client):
    make_board(*PEOPLE, "Piet Smit")
    data = client.get(
        "/api/v2/pages/",
        {
            "type": "wagtail_vertrouwen.VertrouwenspersoonPage",
            "fields": PROFILE_FIELDS,
            "locale": "nl",
        },
    ).json()
    by_name = {item["title"]: item for item in data["items"]}
    assert set(by_name) == {
        "Fatima El Amrani",
        "Joost de Vries",
        "Hanneke Bosman",
    }
    fatima = by_name["Fatima El Amrani"]
    assert [role["key"] for role in fatima["roles"]] == [
        "interne_vertrouwenspersoon",
        "aanspreekpunt_pesten",
    ]
    assert all(role["label"] for role in fatima["roles"])
    assert [lang["key"] for lang in fatima["languages"]] == ["nl", "ar", "en"]
    assert fatima["phone"] == "0487-123456"
    assert fatima["photo"]["url"].endswith(".png")
    assert fatima["photo"]["width"] == 400
    assert fatima["photo_alt_text"] == "Portret van Fatima El Amrani"
    assert fatima["meta"]["html_url"].endswith("/vertrouwenspersonen/fatima-el-amrani/")
    hanneke = by_name["Hanneke Bosman"]
    assert {school["name"] for school in hanneke["schools"]} == {
        "OBS De Regenboog",
        "CBS De Vlinder",
    }
    assert hanneke["term_ends"] == "2029-07-31"
    assert "Piet Smit" not in by_name and "Yusuf Demir" not in by_name  # another school's site


def test_a_profile_without_photo_has_null_photo(client):
    make_board("Piet Smit", schools=["vlinder"])
    data = client.get(
        "/api/v2/pages/",
        {
            "type": "wagtail_vertrouwen.VertrouwenspersoonPage",
            "fields": "photo,phone",
            "locale": "nl",
        },
        HTTP_HOST="localhost",
    ).json()
    piet = next(item for item in data["items"] if item["title"] == "Piet Smit")
    assert piet["photo"] is None
    assert piet["phone"] == ""


def test_route_finder_is_structured_json(board, client):
    home = board["homes"]["regenboog"]
    data = client.get(f"/api/v2/pages/{home.pk}/").json()
    block = data["body"][0]
    assert block["type"] == "routewijzer"
    value = block["value"]
    assert value["heading"] == routewijzer_default("nl")["heading"]
    assert [a["key"] for a in value["audiences"]] == ["leerling", "ouder", "medewerker"]
    areas = {area["key"]: area for area in value["areas"]}
    assert list(areas) == [
        "schoolorganisatie",
        "onderwijskundig",
        "huiselijk_geweld",
        "persoonlijke_problemen",
        "seksueel_grensoverschrijdend_gedrag",
        "ongewenst_gedrag",
    ]
    bullying = areas["ongewenst_gedrag"]
    assert bullying["urgent"] is False and bullying["urgent_contacts"] == []
    steps = bullying["routes"]["ouder"]
    assert [step["position"] for step in steps] == list(range(1, len(steps) + 1))
    roles = [step["role"] for step in steps]
    expected = next(
        a for a in routewijzer_default("nl")["areas"] if a["type"] == "ongewenst_gedrag"
    )
    assert roles == [step["role"] for step in expected["value"]["ouder"]]
    assert {"mentor", "vertrouwenspersoon"} <= set(roles)
    contacts = {c["name"]: c for c in steps[roles.index("vertrouwenspersoon")]["contacts"]}
    assert set(contacts) == {"Fatima El Amrani", "Hanneke Bosman"}
    assert contacts["Fatima El Amrani"]["url"] == (
        "http://127.0.0.1/vertrouwenspersonen/fatima-el-amrani/"
    )
    assert contacts["Fatima El Amrani"]["phone"] == "0487-123456"
    assert steps[roles.index("mentor")]["contacts"] == []  # the mentor has no profile page
    # Not a blob of rendered HTML.
    assert "<" not in str(value)

    urgent = areas["huiselijk_geweld"]
    assert urgent["urgent"] is True
    assert [c["phone"] for c in urgent["urgent_contacts"]] == ["112", "0800-2000", "0900-1113111"]
    veilig_thuis = next(s for s in urgent["routes"]["ouder"] if s["role"] == "veilig_thuis")
    assert veilig_thuis["contacts"][0]["kind"] == "national"
    assert veilig_thuis["contacts"][0]["phone"] == "0800-2000"

    always = {group["role"]: group for group in value["always_available"]}
    assert [c["name"] for c in always["interne_contactpersoon"]["contacts"]] == ["Joost de Vries"]


def test_the_other_school_resolves_its_own_people(board, client):
    home = board["homes"]["vlinder"]
    data = client.get(f"/api/v2/pages/{home.pk}/", HTTP_HOST="localhost").json()
    areas = {area["key"]: area for area in data["body"][0]["value"]["areas"]}
    steps = areas["ongewenst_gedrag"]["routes"]["ouder"]
    vp = next(step for step in steps if step["role"] == "vertrouwenspersoon")
    names = {c["name"] for c in vp["contacts"]}
    assert names == {"Yusuf Demir", "Hanneke Bosman"}


def test_an_english_page_gets_english_labels_and_english_profile_links(client):
    board = make_board("Fatima El Amrani", schools=["regenboog"])
    english_home = translate_school(board["homes"]["regenboog"], "en", board["profiles"].values())
    # Whatever the client asks for, the page's own language wins.
    data = client.get(f"/api/v2/pages/{english_home.pk}/", HTTP_ACCEPT_LANGUAGE="nl").json()
    value = data["body"][0]["value"]
    assert value["heading"] == routewijzer_default("en")["heading"]
    assert value["audiences"][1]["label"] == "Parent or carer"
    bullying = next(a for a in value["areas"] if a["key"] == "ongewenst_gedrag")
    vp = next(s for s in bullying["routes"]["ouder"] if s["role"] == "vertrouwenspersoon")
    url = vp["contacts"][0]["url"]
    assert "/en/" in url


def test_dutch_page_gets_dutch_labels(client):
    home = make_board(schools=["regenboog"])["homes"]["regenboog"]
    data = client.get(f"/api/v2/pages/{home.pk}/", HTTP_ACCEPT_LANGUAGE="en").json()
    labels = [a["label"] for a in data["body"][0]["value"]["audiences"]]
    assert labels != ["Pupil", "Parent or carer", "Staff member"]
    assert labels[0].lower() == "leerling"
