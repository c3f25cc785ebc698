"""Issue 10, route structure: branching steps, the school variant, where a formal complaint
goes, the national lines for pupils and for somberheid, and numbers that keep their order in
Arabic."""

import re
from html.parser import HTMLParser

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from example_site import demo
from example_site.home.models import HomePage
from tests.factories_core import make_board, make_regenboog, translate, translate_school
from tests.test_route_cards import route_section
from wagtail_vertrouwen.blocks import routewijzer as routewijzer_module
from wagtail_vertrouwen.blocks.defaults import area_default, routewijzer_default
from wagtail_vertrouwen.blocks.routewijzer import (
    BLOCK_TYPES,
    ComplaintAddresseeBlock,
    ComplaintLinkBlock,
    RoutewijzerBlock,
)
from wagtail_vertrouwen.choices import Audience, Probleemgebied, RouteRol, SchoolSoort
from wagtail_vertrouwen.contacts import NATIONAL_CONTACTS, prominent_line_keys
from wagtail_vertrouwen.directory import Directory
from wagtail_vertrouwen.templatetags.vertrouwen_tags import LTR_RUN, isolate_numbers_html

BOARD = {
    "name": "Stichting Voorbeeldscholen",
    "address": "Postbus 100\n6650 AA Druten",
    "phone": "0487-100100",
    "email": "bestuur@voorbeeld.example",
    "website": "https://voorbeeld.example",
}
COMMISSIE = {"name": "Landelijke Klachtencommissie", "website": "https://lkc.example"}
REGELING_URL = "https://voorbeeld.example/klachtenregeling.pdf"

#: A route for parents with a branch, a step to the board and one to the klachtencommissie.
STEPS = [
    {"role": RouteRol.MENTOR, "action": "Praat met de leerkracht.", "condition": ""},
    {
        "role": RouteRol.BEVOEGD_GEZAG,
        "condition": "Is het iemand die op school werkt?",
        "action": "Vertel het het schoolbestuur. Bel 0800-2000 als je twijfelt.",
        "next_when": "Als het niet stopt (maandag 08:00–17:00).",
    },
    {"role": RouteRol.KLACHTENCOMMISSIE, "action": "Dien een formele klacht in."},
]


def body(steps=STEPS, area="ongewenst_gedrag", audience="ouder", block_type="routewijzer", **raw):
    """A homepage body: the default route-finder with ``steps`` as one route, and ``raw``
    fields (``formal_complaint``) set."""
    block = HomePage._meta.get_field("body").stream_block.child_blocks[block_type]
    value = block.get_prep_value(block.get_default())
    for child in value["areas"]:
        if child["type"] == area:
            child["value"][audience] = [dict(step) for step in steps]
    value.update(raw)
    return [(block_type, block.to_python(value))]


def publish(home, **raw):
    home.body = body(**raw)
    home.save_revision().publish()
    return home


def steps_of(section):
    """The HTML of each step of a route section, in order."""
    steps = section.split('<ol class="vw-steps">', 1)[1].split("</ol>", 1)[0]
    return re.split(r'(?=<li class="vw-step[ "])', steps)[1:]


def api_route(client, home, audience="ouder", area="ongewenst_gedrag", **headers):
    data = client.get(f"/api/v2/pages/{home.pk}/", **headers).json()
    value = data["body"][0]["value"]
    return value, next(a for a in value["areas"] if a["key"] == area)["routes"][audience]


@pytest.fixture
def home(db):
    return make_regenboog(routewijzer=False)


# -- A step may branch ("Only when") -----------------------------------------------------------


@pytest.mark.django_db
class TestCondition:
    def test_the_condition_is_shown_before_the_action(self, home, client):
        publish(home)
        html = client.get("/?wie=ouder&gebied=ongewenst_gedrag").content.decode()
        first, board, _commissie = steps_of(route_section(html))
        assert "vw-step__condition" not in first
        condition = board.index('class="vw-step__condition"')
        assert "Is het iemand die op school werkt?" in board[condition:]
        assert condition < board.index('class="vw-step__action"')
        assert 'class="vw-step vw-step--branch"' in board

    def test_the_api_gives_the_condition_or_null(self, home, client):
        publish(home)
        _value, steps = api_route(client, home)
        assert [step["condition"] for step in steps] == [
            None,
            "Is het iemand die op school werkt?",
            None,
        ]

    def test_wagtail_localize_offers_the_condition_for_translation(self, home):
        publish(home)
        Locale.objects.get_or_create(language_code="en")
        source, _created = TranslationSource.get_or_create_from_instance(home)
        segments = dict(
            source.stringsegment_set.values_list("context__path", "string__data").order_by("order")
        )
        conditions = [text for path, text in segments.items() if path.endswith(".condition")]
        assert "Is het iemand die op school werkt?" in conditions

    def test_a_route_finder_stored_before_conditions_and_complaints_still_works(self, home, client):
        raw = RoutewijzerBlock().get_prep_value(body()[0][1])
        raw.pop("formal_complaint")
        for area in raw["areas"]:
            for audience in Audience.values:
                for step in area["value"][audience]:
                    step.get("value", step).pop("condition", None)
        home.body = [{"type": "routewijzer", "value": raw}]
        home.save_revision().publish()
        response = client.get("/?wie=ouder&gebied=ongewenst_gedrag")
        assert response.status_code == 200
        section = route_section(response.content.decode())
        assert len(steps_of(section)) == 3
        assert "vw-step__condition" not in section and "vw-complaint" not in section
        _value, steps = api_route(client, home)
        assert steps[1]["condition"] is None and steps[1]["complaint_details"] is None


# -- The school's variant (primary or secondary) ------------------------------------------------


class TestVariant:
    def test_each_block_type_is_prefilled_with_its_variants_default(self):
        blocks = HomePage._meta.get_field("body").stream_block.child_blocks
        assert BLOCK_TYPES == {
            "routewijzer": SchoolSoort.VOORTGEZET_ONDERWIJS,
            "routewijzer_basisonderwijs": SchoolSoort.BASISONDERWIJS,
        }
        for name, soort in BLOCK_TYPES.items():
            block = blocks[name]
            value = block.get_prep_value(block.default_value("nl"))
            expected = routewijzer_default("nl", school_soort=soort)
            for got, want in zip(value["areas"], expected["areas"], strict=True):
                assert got["type"] == want["type"]
                for audience in Audience.values:
                    assert [s["value"]["action"] for s in got["value"][audience]] == [
                        s["action"] for s in want["value"][audience]
                    ]
            # An area added on its own gets the default of the same variant.
            area = Probleemgebied.PERSOONLIJKE_PROBLEMEN.value
            added = block.child_blocks["areas"].child_blocks[area].get_default()
            assert [s["action"] for s in added["leerling"]] == [
                s["action"] for s in area_default(area, "nl", school_soort=soort)["leerling"]
            ]

    def test_the_variant_is_what_the_defaults_are_asked_for(self, monkeypatch):
        asked = []

        def recording(language=None, school_soort=SchoolSoort.VOORTGEZET_ONDERWIJS):
            asked.append(school_soort)
            return routewijzer_default(language, school_soort=school_soort)

        monkeypatch.setattr(routewijzer_module, "routewijzer_default", recording)
        blocks = HomePage._meta.get_field("body").stream_block.child_blocks
        blocks["routewijzer_basisonderwijs"].get_default()
        blocks["routewijzer"].get_default()
        assert asked == [SchoolSoort.BASISONDERWIJS, SchoolSoort.VOORTGEZET_ONDERWIJS]

    @pytest.mark.django_db
    def test_the_api_names_the_variant(self, home, client):
        home.body = body(block_type="routewijzer_basisonderwijs")
        home.save_revision().publish()
        data = client.get(f"/api/v2/pages/{home.pk}/").json()
        assert data["body"][0]["type"] == "routewijzer_basisonderwijs"
        assert data["body"][0]["value"]["school_soort"] == SchoolSoort.BASISONDERWIJS

    @pytest.mark.django_db
    def test_the_demo_schools_get_the_primary_school_variant(self):
        for language in ("nl", "ar"):
            (child,) = demo._routewijzer(language)
            assert child.block_type == "routewijzer_basisonderwijs"
            assert child.block.meta.school_soort == SchoolSoort.BASISONDERWIJS


# -- Where a formal complaint goes ------------------------------------------------------------


@pytest.mark.django_db
class TestFormalComplaint:
    COMPLETE = {
        "klachtenregeling": {"url": REGELING_URL},
        "bevoegd_gezag": BOARD,
        "klachtencommissie": COMMISSIE,
    }

    def test_the_board_and_commissie_steps_show_their_details_and_the_regeling(self, home, client):
        publish(home, formal_complaint=self.COMPLETE)
        html = client.get("/?wie=ouder&gebied=ongewenst_gedrag").content.decode()
        mentor, board, commissie = steps_of(route_section(html))
        assert "vw-complaint" not in mentor
        assert "Stichting Voorbeeldscholen" in board and "Landelijke" not in board
        assert '<bdi dir="ltr">0487-100100</bdi>' in board
        assert 'href="tel:0487100100"' in board
        assert 'href="mailto:bestuur@voorbeeld.example"' in board
        assert "6650 AA Druten" in board
        assert "Landelijke Klachtencommissie" in commissie and "Stichting" not in commissie
        assert 'href="https://lkc.example"' in commissie
        # The klachtenregeling under the klachtencommissie's step only: a step to the board may
        # be about a bezwaar or the meldplicht, where the klachtenregeling does not apply.
        assert f'href="{REGELING_URL}"' in commissie
        assert f'href="{REGELING_URL}"' not in board

    def test_nothing_is_shown_when_nothing_is_filled_in(self, home, client):
        publish(home)
        html = client.get("/?wie=ouder&gebied=ongewenst_gedrag").content.decode()
        assert "vw-complaint" not in html
        _value, steps = api_route(client, home)
        assert [step["complaint_details"] for step in steps] == [None, None, None]

    def test_only_what_is_filled_in_is_shown(self, home, client):
        publish(home, formal_complaint={"klachtenregeling": {"url": REGELING_URL}})
        html = client.get("/?wie=ouder&gebied=ongewenst_gedrag").content.decode()
        _mentor, board, commissie = steps_of(route_section(html))
        assert f'href="{REGELING_URL}"' in commissie
        assert "<address" not in commissie  # no empty contact card
        assert "vw-complaint" not in board  # nothing of the board's was filled in

    def test_the_api_gives_the_details_on_the_board_and_commissie_steps(self, home, client):
        publish(home, formal_complaint=self.COMPLETE)
        value, steps = api_route(client, home)
        assert steps[0]["complaint_details"] is None
        assert steps[1]["complaint_details"] == {**BOARD, "klachtenregeling_url": None}
        assert steps[2]["complaint_details"]["klachtenregeling_url"] == REGELING_URL
        assert steps[2]["complaint_details"]["website"] == "https://lkc.example"
        assert steps[2]["complaint_details"]["phone"] is None
        assert value["formal_complaint"]["bevoegd_gezag"]["name"] == BOARD["name"]

    def test_the_regeling_may_be_a_page_or_a_document(self, home, client):
        page = home.add_child(instance=Page(title="Klachtenregeling", slug="klachtenregeling"))
        publish(home, formal_complaint={"klachtenregeling": {"page": page.pk}})
        html = client.get("/?wie=ouder&gebied=ongewenst_gedrag").content.decode()
        assert 'href="/klachtenregeling/"' in steps_of(route_section(html))[2]

        document = Document.objects.create(
            title="Klachtenregeling", file=ContentFile(b"%PDF-1.4", name="klachtenregeling.pdf")
        )
        publish(home, formal_complaint={"klachtenregeling": {"document": document.pk}})
        _value, steps = api_route(client, home)
        assert steps[2]["complaint_details"]["klachtenregeling_url"] == document.url

    @pytest.mark.parametrize(
        "field, value",
        [
            ("phone", "bel ons"),
            ("phone", "<script>"),
            ("email", "bestuur@"),
            ("website", "javascript:alert(1)"),
            ("name", "x" * 201),
        ],
    )
    def test_contact_details_are_validated(self, field, value):
        block = ComplaintAddresseeBlock()
        with pytest.raises(StructBlockValidationError) as caught:
            block.clean(block.to_python({field: value}))
        assert field in caught.value.block_errors

    def test_the_regeling_is_one_link(self, home):
        block = ComplaintLinkBlock()
        assert block.clean(block.to_python({"url": REGELING_URL}))["url"] == REGELING_URL
        with pytest.raises(StructBlockValidationError) as caught:
            block.clean(block.to_python({"page": home.pk, "url": REGELING_URL}))
        assert set(caught.value.block_errors) == {"url"}

    def test_details_cost_no_queries_per_step(self, home, client, django_assert_num_queries):
        url = "/?wie=ouder&gebied=ongewenst_gedrag"
        publish(home)
        client.get(url)
        with CaptureQueriesContext(connection) as without:
            client.get(url)
        queries = len(without)  # now: the next request clears Django's query log
        publish(home, formal_complaint=self.COMPLETE, steps=STEPS + STEPS[1:] * 3)
        client.get(url)
        with django_assert_num_queries(queries):
            html = client.get(url).content.decode()
        assert route_section(html).count("Stichting Voorbeeldscholen") == 4


# -- National lines: Kindertelefoon, 113, police, Onderwijsconsulenten -------------------------


def prominent(section):
    match = re.search(r'<aside class="vw-(?:urgent|help-now)".*?</aside>', section, re.S)
    return match.group(0) if match else ""


@pytest.mark.django_db
class TestNationalLines:
    def test_pupils_see_the_kindertelefoon_among_the_urgent_lines(self, client):
        make_regenboog()
        html = client.get("/?wie=leerling&gebied=huiselijk_geweld").content.decode()
        urgent = prominent(route_section(html, "leerling", "huiselijk_geweld"))
        assert urgent.startswith('<aside class="vw-urgent"')
        for tel in ("tel:112", "tel:08002000", "tel:09001113111", "tel:08000432"):
            assert tel in urgent
        assert 'href="https://www.kindertelefoon.nl"' in urgent
        parents = prominent(route_section(html, "ouder", "huiselijk_geweld"))
        assert "tel:112" in parents and "tel:08000432" not in parents

    def test_113_is_shown_where_the_area_is_persoonlijke_problemen(self, client):
        make_regenboog()
        html = client.get("/").content.decode()
        for audience in Audience.values:
            lines = prominent(route_section(html, audience, "persoonlijke_problemen"))
            assert lines.startswith('<aside class="vw-help-now"')
            assert 'href="tel:113"' in lines and 'href="tel:08000113"' in lines
            assert ("tel:08000432" in lines) == (audience == "leerling")
            assert "tel:112" not in lines  # not an urgent area
        for area in ("schoolorganisatie", "onderwijskundig", "ongewenst_gedrag"):
            assert prominent(route_section(html, "leerling", area)) == ""

    def test_the_rule_lives_in_one_place(self):
        urgent = ("alarmnummer", "veilig_thuis", "vertrouwensinspecteur")
        assert prominent_line_keys("huiselijk_geweld", "leerling") == (*urgent, "kindertelefoon")
        assert prominent_line_keys("seksueel_grensoverschrijdend_gedrag", "ouder") == urgent
        assert prominent_line_keys("persoonlijke_problemen", "ouder") == ("zelfmoordpreventie",)
        assert prominent_line_keys("persoonlijke_problemen", "leerling") == (
            "zelfmoordpreventie",
            "kindertelefoon",
        )
        assert prominent_line_keys("schoolorganisatie", "leerling") == ()

    def test_the_api_gives_the_lines_per_audience(self, client):
        home = make_regenboog()
        data = client.get(f"/api/v2/pages/{home.pk}/").json()
        areas = {a["key"]: a for a in data["body"][0]["value"]["areas"]}
        somber = areas["persoonlijke_problemen"]["prominent_contacts"]
        assert [c["phone"] for c in somber["ouder"]] == ["113"]
        assert somber["ouder"][0]["alt_phone"] == "0800-0113"
        assert [c["role"] for c in somber["leerling"]] == ["zelfmoordpreventie", "kindertelefoon"]
        pupils = areas["huiselijk_geweld"]["prominent_contacts"]["leerling"]
        assert pupils[-1]["phone"] == "0800-0432"
        assert pupils[-1]["url"] == "https://www.kindertelefoon.nl"
        assert areas["schoolorganisatie"]["prominent_contacts"]["leerling"] == []

    @pytest.mark.parametrize(
        "role, phone, url",
        [
            (RouteRol.KINDERTELEFOON, "0800-0432", "https://www.kindertelefoon.nl"),
            (RouteRol.ZELFMOORDPREVENTIE, "113", "https://www.113.nl"),
            (RouteRol.POLITIE, "0900-8844", "https://www.politie.nl"),
            (RouteRol.ONDERWIJSCONSULENTEN, "", "https://www.onderwijsconsulenten.nl"),
        ],
    )
    def test_a_step_with_a_national_role_resolves_to_the_line(self, role, phone, url):
        (contact,) = Directory(None).for_step(role)
        assert (contact.kind, contact.phone, contact.url) == ("national", phone, url)
        assert contact.description

    def test_the_vertrouwensinspecteur_says_when_he_answers(self, client):
        make_regenboog()
        with translation.override("nl"):
            hours = gettext("Working days 08:00–17:00")
        html = client.get("/?wie=leerling&gebied=seksueel_grensoverschrijdend_gedrag")
        html = html.content.decode()
        always = html.split('class="vw-always"', 1)[1]
        cards = re.findall(r'<li class="vw-contact vw-contact--national">.*?</li>', always, re.S)
        (card,) = [card for card in cards if "tel:09001113111" in card]
        assert f'<span class="vw-contact__hours">{isolate_numbers_html(hours)}</span>' in card
        assert '<bdi dir="ltr">08:00–17:00</bdi>' in card
        with translation.override("nl"):
            description = str(NATIONAL_CONTACTS["vertrouwensinspecteur"].description)
        assert str(isolate_numbers_html(description)) in card


# -- Right-to-left: numbers keep their order -------------------------------------------------


class _TextOutsideLtrIsolates(HTMLParser):
    """The text of an HTML fragment that is not inside ``<bdi dir="ltr">`` (or an element
    with ``dir="ltr"``), and the text that is."""

    def __init__(self):
        super().__init__()
        self.stack = []
        self.outside, self.inside = [], []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "input", "link", "meta", "hr"):
            return
        self.stack.append(dict(attrs).get("dir") == "ltr")

    def handle_endtag(self, tag):
        if tag in ("br", "img", "input", "link", "meta", "hr"):
            return
        self.stack.pop()

    def handle_data(self, data):
        (self.inside if any(self.stack) else self.outside).append(data)


def unisolated_numbers(fragment):
    parser = _TextOutsideLtrIsolates()
    parser.feed(fragment)
    parser.close()
    runs = [m.group() for text in parser.outside for m in LTR_RUN.finditer(text)]
    return [run for run in runs if not run.isdigit()], parser.inside


def routewijzer_section(html):
    return re.search(r'<section class="vw-routewijzer".*</section>', html, re.S).group(0)


@pytest.mark.django_db
class TestRightToLeft:
    def test_the_filter_isolates_numbers_and_escapes_the_rest(self):
        template = Template("{% load vertrouwen_tags %}{{ text|isolate_numbers }}")
        html = template.render(Context({"text": "<b>Bel 0800-2000 & 'ma 08:00–17:00'</b>, 112"}))
        assert html == (
            '&lt;b&gt;Bel <bdi dir="ltr">0800-2000</bdi> &amp; &#x27;ma '
            '<bdi dir="ltr">08:00–17:00</bdi>&#x27;&lt;/b&gt;, 112'
        )
        # A full stop between two sentences stays outside; a lone number needs no isolate.
        assert isolate_numbers_html("اتصل بـ 113. 113 مجاني") == "اتصل بـ 113. 113 مجاني"
        assert Template("{% load vertrouwen_tags %}{{ text|isolate_numbers }}").render(
            Context({"text": None})
        ) in ("", "None")

    def test_every_phone_number_and_time_is_isolated_in_the_arabic_route_finder(self, client):
        board = make_board("Fatima El Amrani", schools=["regenboog"])
        home = board["homes"]["regenboog"]
        publish(
            home,
            formal_complaint=TestFormalComplaint.COMPLETE,
            steps=STEPS,
            area="huiselijk_geweld",
            audience="leerling",
        )
        with translation.override("ar"):
            arabic = translate_school(home, "ar", board["profiles"].values())
        arabic.body = body(
            steps=[
                {
                    "role": RouteRol.BEVOEGD_GEZAG,
                    "condition": "هل هو شخص يعمل في المدرسة؟ اتصل 0800-2000",
                    "action": "اتصل بالرقم 0800-2000 من 08:00–17:00.",
                    "next_when": "من 12.00-13.00 يوم الثلاثاء",
                }
            ],
            area="huiselijk_geweld",
            audience="leerling",
            formal_complaint=TestFormalComplaint.COMPLETE,
        )
        arabic.save_revision().publish()
        html = client.get("/ar/?wie=leerling&gebied=huiselijk_geweld").content.decode()
        section = routewijzer_section(html)
        stray, isolated = unisolated_numbers(section)
        assert stray == []
        isolated = "".join(isolated)
        for number in ("0800-2000", "0900-1113111", "0800-0432", "0487-100100", "08:00–17:00"):
            assert number in isolated, number
        assert "12.00-13.00" in isolated

    def test_the_arabic_profile_page_isolates_the_consultation_hours(self, client):
        board = make_board("Fatima El Amrani", schools=["regenboog"])
        with translation.override("ar"):
            profile = translate(board["profiles"]["Fatima El Amrani"], "ar")
        html = client.get(profile.url).content.decode()
        article = re.search(r'<article class="vw-profile">.*</article>', html, re.S).group(0)
        stray, isolated = unisolated_numbers(article)
        assert stray == []
        assert "12.00-13.00" in "".join(isolated)  # the demo's Arabic spreekuur

    def test_the_check_finds_a_number_left_out(self):
        stray, _inside = unisolated_numbers('<p>اتصل 0800-2000 <bdi dir="ltr">08:00</bdi></p>')
        assert stray == ["0800-2000"]
