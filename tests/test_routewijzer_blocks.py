"""The route-finder blocks: defaults, validation, selection and rendering."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from wagtail.blocks.struct_block import StructBlockValidationError

from tests.factories_core import make_board, make_regenboog
from wagtail_vertrouwen.blocks import AREA_BLOCKS, RouteStepBlock, RoutewijzerBlock
from wagtail_vertrouwen.blocks import routewijzer as routewijzer_module
from wagtail_vertrouwen.blocks.defaults import area_default, content_language, routewijzer_default
from wagtail_vertrouwen.blocks.routewijzer import parse_selection
from wagtail_vertrouwen.choices import Audience, Probleemgebied, RouteRol, SchoolSoort

AREA_KEYS = [area.value for area in Probleemgebied]


def visible_routes(html):
    """(audience, area) of every route panel that is not hidden."""
    return [
        (audience, area)
        for audience, area, rest in re.findall(
            r'<section class="vw-route[^"]*" data-audience="(\w+)" data-area="(\w+)"([^>]*)>', html
        )
        if "hidden" not in rest
    ]


class TestDefaults:
    def test_route_finder_is_prefilled_with_the_six_areas_in_leidraad_order(self):
        value = RoutewijzerBlock().get_default()
        assert [child.block_type for child in value["areas"]] == AREA_KEYS
        assert value["heading"] == routewijzer_default("nl")["heading"]
        assert value["show_always_available"] is True

    def test_every_area_has_a_route_for_every_audience(self):
        value = RoutewijzerBlock().get_default()
        for child in value["areas"]:
            for audience in Audience.values:
                steps = child.value[audience]
                assert len(steps) >= 1, (child.block_type, audience)
                for step in steps:
                    assert step["role"] in RouteRol.values
                    assert step["action"].strip()

    # The default texts themselves are helper content (blocks/defaults.py, in the gettext
    # catalogues); these tests pin which language and which area the blocks ask for.
    def test_defaults_are_dutch_unless_configured(self, monkeypatch):
        asked = []

        def recording(language=None, school_soort=SchoolSoort.VOORTGEZET_ONDERWIJS):
            asked.append(language or content_language())
            return routewijzer_default(language, school_soort=school_soort)

        monkeypatch.setattr(routewijzer_module, "routewijzer_default", recording)
        value = RoutewijzerBlock().get_default()
        titles = [child.value["title"] for child in value["areas"]]
        assert titles == [area["value"]["title"] for area in routewijzer_default("nl")["areas"]]
        with override_settings(WAGTAIL_VERTROUWEN_CONTENT_LANGUAGE="en"):
            english = RoutewijzerBlock().get_default()
        assert (
            english["areas"][0].value["title"]
            == (routewijzer_default("en")["areas"][0]["value"]["title"])
        )
        assert asked == ["nl", "en"]

    def test_unknown_content_language_falls_back_to_dutch(self):
        with override_settings(WAGTAIL_VERTROUWEN_CONTENT_LANGUAGE="xx"):
            assert content_language() == "nl"
            value = RoutewijzerBlock().get_default()
        assert value["heading"] == routewijzer_default("nl")["heading"]

    def test_an_area_added_on_its_own_gets_its_own_default_route(self):
        area = Probleemgebied.SEKSUEEL_GRENSOVERSCHRIJDEND_GEDRAG
        value = AREA_BLOCKS[area]().get_default()
        expected = area_default(area, "nl")
        assert value["title"] == expected["title"]
        assert [step["action"] for step in value["medewerker"]] == [
            step["action"] for step in expected["medewerker"]
        ]
        # Staff who suspect a sexual offence against a minor pupil go straight to the board.
        assert value["medewerker"][0]["role"] == RouteRol.BEVOEGD_GEZAG

    def test_formal_complaints_are_never_sent_to_a_vertrouwenspersoon(self):
        value = RoutewijzerBlock().get_default()
        for child in value["areas"]:
            for audience in Audience.values:
                for step in child.value[audience]:
                    action = step["action"].lower()
                    if "formele klacht" in action or "formal complaint" in action:
                        assert step["role"] in {RouteRol.KLACHTENCOMMISSIE, RouteRol.BEVOEGD_GEZAG}

    def test_defaults_pass_validation_and_survive_a_database_round_trip(self):
        block = RoutewijzerBlock()
        value = block.get_default()
        cleaned = block.clean(value)
        again = block.to_python(block.get_prep_value(cleaned))
        assert block.get_prep_value(again) == block.get_prep_value(cleaned)

    def test_urgent_areas_are_the_two_of_the_domain(self):
        urgent = {key for key, cls in AREA_BLOCKS.items() if cls().urgent}
        assert urgent == {"huiselijk_geweld", "seksueel_grensoverschrijdend_gedrag"}


class TestValidation:
    def test_a_step_needs_a_role_or_a_person(self):
        block = RouteStepBlock()
        value = block.to_python({"role": "", "person": None, "action": "Bel ons."})
        with pytest.raises(StructBlockValidationError) as caught:
            block.clean(value)
        assert "role" in caught.value.block_errors
        assert "rol" in str(caught.value.block_errors["role"].messages[0]).lower()

    def test_a_step_needs_an_action(self):
        block = RouteStepBlock()
        value = block.to_python({"role": "mentor", "action": ""})
        with pytest.raises(StructBlockValidationError) as caught:
            block.clean(value)
        assert "action" in caught.value.block_errors

    def test_absurdly_long_text_is_refused(self):
        block = RouteStepBlock()
        value = block.to_python({"role": "mentor", "action": "x" * 5000})
        with pytest.raises(StructBlockValidationError) as caught:
            block.clean(value)
        assert "action" in caught.value.block_errors

    def test_an_area_may_appear_only_once(self):
        block = RoutewijzerBlock()
        raw = block.get_prep_value(block.get_default())
        raw["areas"].append(dict(raw["areas"][0], id="duplicate"))
        with pytest.raises(ValidationError):
            block.clean(block.to_python(raw))


class TestSelection:
    def test_known_values_are_kept(self):
        assert parse_selection({"wie": "ouder", "gebied": "ongewenst_gedrag"}, AREA_KEYS) == (
            "ouder",
            "ongewenst_gedrag",
            False,
        )

    @pytest.mark.parametrize(
        "query",
        [
            {"wie": "directeur"},
            {"gebied": "<script>"},
            {"wie": "ouder", "gebied": "schoolorganisatie'--"},
            {"wie": "\x00", "gebied": "é"},
        ],
    )
    def test_unknown_values_are_dropped_and_reported(self, query):
        audience, area, invalid = parse_selection(query, AREA_KEYS)
        assert invalid is True
        assert audience in ("", "ouder")
        assert area == ""

    def test_no_query_is_not_an_error(self):
        assert parse_selection({}, AREA_KEYS) == ("", "", False)


@pytest.fixture
def home(db):
    """De Regenboog's homepage with the default route-finder, nobody in its index."""
    return make_regenboog()


@pytest.mark.django_db
class TestRendering:
    def test_chosen_route_is_the_only_one_shown(self, home, client):
        response = client.get("/", {"wie": "ouder", "gebied": "ongewenst_gedrag"})
        html = response.content.decode()
        assert response.status_code == 200
        assert visible_routes(html) == [("ouder", "ongewenst_gedrag")]
        # All 18 routes are in the page for the enhanced version, the others hidden.
        assert len(re.findall(r'<section class="vw-route[ "]', html)) == 18

    def test_without_a_choice_no_route_is_shown(self, home, client):
        html = client.get("/").content.decode()
        assert visible_routes(html) == []
        assert 'name="wie" value="ouder"' in html

    @pytest.mark.parametrize(
        "query",
        ["?wie=xx&gebied=zz", "?wie=ouder&gebied=%00", "?gebied=" + "a" * 5000, "?wie=%ff%fe"],
    )
    def test_unknown_choices_show_the_chooser_not_an_error(self, home, client, query):
        response = client.get("/" + query)
        html = response.content.decode()
        assert response.status_code == 200
        assert visible_routes(html) == []
        assert 'role="alert"' in html
        assert 'class="vw-chooser"' in html

    def test_the_steps_show_the_people_of_this_school(self, client):
        make_board("Fatima El Amrani", "Hanneke Bosman", "Yusuf Demir")
        html = client.get("/", {"wie": "ouder", "gebied": "ongewenst_gedrag"}).content.decode()
        route = html.split('data-audience="ouder" data-area="ongewenst_gedrag"')[1]
        route = route.split("</section>")[0]
        assert "Fatima El Amrani" in route
        assert 'href="tel:0487123456"' in route
        assert "Hanneke Bosman" in route
        assert "Yusuf Demir" not in route

    def test_urgent_areas_show_the_emergency_lines_first(self, home, client):
        html = client.get("/", {"wie": "leerling", "gebied": "huiselijk_geweld"}).content.decode()
        route = html.split('data-audience="leerling" data-area="huiselijk_geweld"')[1]
        route = route.split("</section>")[0]
        urgent = route.split('class="vw-steps"')[0]
        for tel in ("tel:112", "tel:08002000", "tel:09001113111"):
            assert tel in urgent
        calm = html.split('data-audience="leerling" data-area="schoolorganisatie"')[1]
        assert "vw-urgent" not in calm.split("</section>")[0]

    def test_always_available_contacts_follow_the_school(self, client):
        make_board("Joost de Vries", "Anna Kowalska")
        regenboog = client.get("/").content.decode().split('class="vw-always"')[1]
        vlinder = client.get("/", HTTP_HOST="localhost").content.decode()
        vlinder = vlinder.split('class="vw-always"')[1]
        assert "Joost de Vries" in regenboog and "Anna Kowalska" not in regenboog
        assert "Anna Kowalska" in vlinder and "Joost de Vries" not in vlinder
        for tel in ("tel:112", "tel:08002000", "tel:09001113111"):
            assert tel in regenboog

    def test_empty_route_finder_and_empty_route_render_an_empty_state(self, home, client):
        value = RoutewijzerBlock().get_default()
        raw = RoutewijzerBlock().get_prep_value(value)
        raw["areas"][0]["value"]["ouder"] = []
        home.body = [("routewijzer", RoutewijzerBlock().to_python(raw))]
        home.save_revision().publish()
        html = client.get("/", {"wie": "ouder", "gebied": "schoolorganisatie"}).content.decode()
        route = html.split('data-audience="ouder" data-area="schoolorganisatie"')[1]
        assert 'class="vw-empty"' in route.split("</section>")[0]

        raw["areas"] = []
        home.body = [("routewijzer", RoutewijzerBlock().to_python(raw))]
        home.save_revision().publish()
        html = client.get("/").content.decode()
        assert 'class="vw-chooser"' not in html
        assert 'class="vw-empty"' in html

    def test_a_step_pointing_to_a_person_shows_that_person(self, client):
        board = make_board("Joost de Vries", "Fatima El Amrani", schools=["regenboog"])
        home = board["homes"]["regenboog"]
        block = RoutewijzerBlock()
        raw = block.get_prep_value(block.get_default())
        raw["areas"][0]["value"]["leerling"] = [
            {"role": "", "person": board["profiles"]["Joost de Vries"].pk, "action": "Kom langs."}
        ]
        home.body = [("routewijzer", block.to_python(raw))]
        home.save_revision().publish()
        html = client.get("/", {"wie": "leerling", "gebied": "schoolorganisatie"}).content
        route = html.decode().split('data-audience="leerling" data-area="schoolorganisatie"')[1]
        route = route.split("</section>")[0]
        assert "Joost de Vries" in route
        assert "Fatima El Amrani" not in route

    def test_rendering_costs_a_fixed_number_of_queries(self, client, django_assert_max_num_queries):
        # Every person on the chosen route, and more in the index, must not cost more queries.
        make_board("Fatima El Amrani", "Joost de Vries", "Marieke Jansen", "Hanneke Bosman")
        client.get("/")  # warm caches (site root paths, locales)
        with django_assert_max_num_queries(40):
            client.get("/", {"wie": "ouder", "gebied": "ongewenst_gedrag"})
