"""The route-finder's API answer from its kept JSON (wagtail_vertrouwen/api/): the same bytes as
REST framework writes for the same data, at any depth and in any encoding asked for, and on a
cache hit written from what was kept instead of encoded again."""

import json

import pytest
from django.core.cache import cache
from django.test import override_settings
from rest_framework import renderers

from tests.factories_core import make_board, translate_school
from wagtail_vertrouwen.api.fragments import Encoded
from wagtail_vertrouwen.api.renderers import JSONRenderer
from wagtail_vertrouwen.cache import cache_backend


def drf(data, indent=4):
    """``data`` as REST framework's own renderer writes it in Wagtail's API."""
    return renderers.JSONRenderer().render(data, renderer_context={"indent": indent})


def ours(data, indent=4, accepted=None):
    return JSONRenderer().render(data, accepted, renderer_context={"indent": indent})


ROUTES = {
    "heading": "Wie helpt?",
    "areas": [{"key": "a", "steps": [{"n": 1, "who": None}, {"n": 2, "who": "Zoë"}]}, {}],
    "empty": {},
    "none": [],
    "line separator": "a\u2028b\u2029c",
}


@pytest.mark.parametrize(
    "data",
    [
        Encoded.of(ROUTES),
        {"id": 1, "body": [{"type": "routewijzer", "value": Encoded.of(ROUTES), "id": "x"}]},
        {"deep": [[{"x": [Encoded.of(ROUTES), 2, Encoded.of({"b": [1, {"c": []}]})]}]]},
        {"two": [Encoded.of(ROUTES), Encoded.of(ROUTES)], "empty": Encoded.of({})},
    ],
    ids=["top level", "in a stream field", "deep in lists", "several and empty"],
)
def test_the_same_bytes_as_rest_framework_at_any_depth(data):
    plain = json.loads(json.dumps(data))  # no fragment left anywhere
    assert ours(data) == drf(plain)
    assert b"\\u2028" in ours(data) and "\u2028".encode() not in ours(data)


def test_what_was_kept_is_written_not_encoded_again():
    fragment = Encoded.of({"heading": "kept"})
    fragment["heading"] = "changed after it was kept"  # the dict and its JSON now differ
    assert b"kept" in ours({"value": fragment}) and b"changed" not in ours({"value": fragment})


@pytest.mark.parametrize(
    ("accepted", "indent"),
    [("application/json; indent=2", 2), ("application/json; indent=0", None)],
)
def test_another_encoding_asked_for_is_encoded_as_usual(accepted, indent):
    fragment = Encoded.of({"heading": "kept"})
    fragment["heading"] = "as it is now"
    content = ours({"value": fragment}, accepted=accepted)
    assert content == drf({"value": {"heading": "as it is now"}}, indent=indent)


def test_a_fragment_keeps_its_json_through_the_cache():
    fragment = Encoded.of(ROUTES)
    cache_backend().set("vw-test-fragment", fragment)
    kept = cache_backend().get("vw-test-fragment")
    assert isinstance(kept, Encoded) and kept == ROUTES | {"areas": kept["areas"]}
    assert kept == json.loads(json.dumps(ROUTES)) and kept.content == fragment.content
    assert kept.how == fragment.how


@pytest.mark.django_db
def test_the_pages_endpoint_answers_a_route_finder_as_wagtail_would(client):
    cache.clear()
    home = make_board("Fatima El Amrani")["homes"]["regenboog"]
    url = f"/api/v2/pages/{home.pk}/"
    built = client.get(url)
    hit = client.get(url)
    assert built["Content-Type"] == "application/json"
    assert built.content == hit.content == drf(json.loads(hit.content))
    assert b'\n            "value": {\n                "heading": ' in hit.content
    value = json.loads(hit.content)["body"][0]["value"]
    assert "Fatima El Amrani" in json.dumps(value) and len(value["areas"]) == 6


@pytest.mark.django_db
def test_a_cache_hit_is_not_encoded_again(client, monkeypatch):
    """Fails if the endpoint encodes the route-finder on a hit (or uses Wagtail's renderer)."""
    cache.clear()
    home = make_board("Fatima El Amrani")["homes"]["regenboog"]
    url = f"/api/v2/pages/{home.pk}/"
    client.get(url)
    encoded = []
    dumps = renderers.json.dumps

    def recording(data, **kwargs):
        encoded.append(dumps(data))
        return dumps(data, **kwargs)

    monkeypatch.setattr(renderers.json, "dumps", recording)
    answer = client.get(url)
    assert b"Fatima El Amrani" in answer.content
    assert len(encoded) == 1 and "Fatima" not in encoded[0] and '"title": "' in encoded[0]


@pytest.mark.django_db
def test_a_cache_hit_does_not_convert_the_stored_route_finder(client, monkeypatch):
    """The API answers a kept route-finder from the stored JSON's digest alone
    (``kept_api_representation``); only a miss converts the stored value."""
    from wagtail_vertrouwen.blocks.routewijzer import RoutewijzerBlock

    cache.clear()
    home = make_board("Fatima El Amrani")["homes"]["regenboog"]
    url = f"/api/v2/pages/{home.pk}/"
    converted = []
    original = RoutewijzerBlock.bulk_to_python

    def counting(self, values):
        converted.append(len(values))
        return original(self, values)

    monkeypatch.setattr(RoutewijzerBlock, "bulk_to_python", counting)
    built = client.get(url).content
    assert converted == [1]
    hit = client.get(url).content
    assert converted == [1] and hit == built
    home.specific.save_revision().publish()  # a publish: the next answer is built again
    before = len(converted)
    assert b"Fatima El Amrani" in client.get(url).content and len(converted) == before + 1


@pytest.mark.django_db
def test_the_browsable_api_shows_the_kept_route_finder(client):
    cache.clear()
    home = make_board("Fatima El Amrani")["homes"]["regenboog"]
    url = f"/api/v2/pages/{home.pk}/"
    client.get(url)
    page = client.get(url, HTTP_ACCEPT="text/html")
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    assert b"Fatima El Amrani" in page.content and b"vw-fragment-" not in page.content
    assert b"byte for byte" not in page.content  # no docstring of ours on the public page


def test_many_fragments_in_one_answer():
    data = {
        "items": [{"body": [Encoded.of({"n": n, "list": [n, {"deep": n}]})]} for n in range(60)]
    }
    assert ours(data) == drf(json.loads(json.dumps(data)))


WAGTAIL_ENDPOINT = {"package": "/api/v2/pages/", "wagtail": "/api/wagtail/pages/"}


def both_endpoints(client, path, **headers):
    """The answers of the package's and of Wagtail's pages endpoint to ``path``, each asked
    twice (a miss, then a hit), with the endpoint's own address taken out."""
    answers = {}
    for name, prefix in WAGTAIL_ENDPOINT.items():
        cache.clear()  # each endpoint builds its own answer first
        for attempt in ("built", "hit"):
            response = client.get(prefix + path, **headers)
            assert response.status_code in (200, 302), (name, path, response.status_code)
            answer = b"%d %s %s" % (
                response.status_code,
                response.get("Location", "").encode(),
                response.content,
            )
            answers[name, attempt] = answer.replace(prefix.encode(), b"<endpoint>")
    return answers


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.wagtail_api_urls")
@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("{home}/", {}),
        ("{home}/?fields=*", {}),
        ("{home}/", {"HTTP_ACCEPT": "application/json; indent=2"}),
        ("?type=home.HomePage&fields=body", {}),
        ("find/?html_path=/", {}),
    ],
    ids=["detail", "all fields", "indent 2", "listing", "find"],
)
def test_the_same_bytes_as_wagtails_own_endpoint(client, path, headers):
    cache.clear()
    home = make_board("Fatima El Amrani")["homes"]["regenboog"]
    answers = both_endpoints(client, path.format(home=home.pk), **headers)
    assert len(set(answers.values())) == 1
    if "find" in path:  # a redirect to the page's detail
        assert answers["package", "hit"].startswith(b"302 ")
        assert client.get(f"/api/v2/pages/{path}", follow=True).status_code == 200
    else:
        assert b"Fatima El Amrani" in answers["package", "hit"]


@pytest.mark.django_db
def test_a_hit_answers_each_language_and_kind_of_school_its_own(client):
    """The kept answer is found by language and by the block's kind of school, not only by
    the stored value: the same value as a primary and as a secondary school's route-finder,
    and the Dutch page and its English translation."""
    cache.clear()
    board = make_board("Fatima El Amrani")
    home = board["homes"]["regenboog"].specific
    stored = home.body.raw_data[0]["value"]
    home.body = [("routewijzer", stored), ("routewijzer_basisonderwijs", stored)]
    home.save_revision().publish()
    english = translate_school(home, "en", [board["profiles"]["Fatima El Amrani"]])

    def body(page):
        url = f"/api/v2/pages/{page.pk}/"
        built, hit = client.get(url).content, client.get(url).content
        assert hit == built
        return json.loads(hit)["body"]

    dutch = body(home)
    assert [item["value"]["school_soort"] for item in dutch] == [
        "voortgezet_onderwijs",
        "basisonderwijs",
    ]
    in_english = body(english)
    assert in_english[0]["value"]["audiences"] != dutch[0]["value"]["audiences"]


@pytest.mark.django_db
def test_a_subclass_that_changes_the_representation_is_answered_with_its_changes(
    client, monkeypatch
):
    """Wagtail's way to change a block's API answer is a subclass that overrides
    get_api_representation: the kept JSON must not skip it, on a miss or on a hit, also when
    it changes the representation in place."""
    from example_site.home.models import HomePage
    from wagtail_vertrouwen.blocks.routewijzer import RoutewijzerBlock

    class ProjectBlock(RoutewijzerBlock):
        def get_api_representation(self, value, context=None):
            representation = super().get_api_representation(value, context)
            representation["heading"] = "Changed by the project"
            return {**representation, "extra": 1}

    cache.clear()
    home = make_board("Fatima El Amrani")["homes"]["regenboog"]
    block = HomePage._meta.get_field("body").stream_block.child_blocks["routewijzer"]
    monkeypatch.setattr(block, "__class__", ProjectBlock)
    url = f"/api/v2/pages/{home.pk}/"
    for _attempt in ("built", "hit"):
        value = json.loads(client.get(url).content)["body"][0]["value"]
        assert value["extra"] == 1 and value["heading"] == "Changed by the project"
        assert "Fatima El Amrani" in json.dumps(value)


@pytest.mark.django_db
def test_a_school_asked_for_with_site_is_answered_with_its_own_people(client):
    """A headless front end on one host may ask for another school's page (``?site=``): its
    route-finder names that school's people, not the host's, on a miss and on a hit, and the
    host's own page keeps its own."""
    cache.clear()
    board = make_board("Fatima El Amrani", "Yusuf Demir")
    regenboog, vlinder = board["homes"]["regenboog"], board["homes"]["vlinder"]

    def people(page, **query):
        response = client.get(f"/api/v2/pages/{page.pk}/", query, HTTP_HOST="127.0.0.1")
        assert response.status_code == 200
        return json.dumps(json.loads(response.content)["body"])

    for _attempt in ("built", "hit"):
        other_school = people(vlinder, site="localhost")
        assert "Yusuf Demir" in other_school and "Fatima El Amrani" not in other_school
        own = people(regenboog)
        assert "Fatima El Amrani" in own and "Yusuf Demir" not in own
    on_its_own_host = client.get(f"/api/v2/pages/{vlinder.pk}/", HTTP_HOST="localhost")
    assert json.dumps(json.loads(on_its_own_host.content)["body"]) == other_school


@pytest.mark.django_db
def test_a_link_to_a_page_is_answered_with_its_host_whoever_asks_first(client):
    """The API's answer is kept for every host that asks for the page: the klachtenregeling's
    page link carries its school's host, also when the school's own host filled the cache."""
    cache.clear()
    board = make_board("Yusuf Demir")
    vlinder, index = board["homes"]["vlinder"].specific, board["indexes"]["vlinder"]
    stored = dict(vlinder.body.raw_data[0]["value"])
    stored["formal_complaint"] = {"klachtenregeling": {"page": index.pk}}
    vlinder.body = json.dumps([{"type": "routewijzer", "value": stored}])
    vlinder.save_revision().publish()
    url = f"/api/v2/pages/{vlinder.pk}/"
    own_host = client.get(url, HTTP_HOST="localhost").content.decode()
    other_host = client.get(url, {"site": "localhost"}, HTTP_HOST="127.0.0.1").content.decode()
    link = '"klachtenregeling_url": "http://localhost/vertrouwenspersonen/"'
    assert link in own_host and link in other_host


@pytest.mark.django_db
def test_a_projects_own_stream_block_representation_is_kept(client, monkeypatch):
    """A project whose StreamBlock changes the API answer keeps its change."""
    from wagtail.blocks import StreamBlock

    from example_site.home.models import HomePage

    class ProjectStream(StreamBlock):
        def get_api_representation(self, value, context=None):
            return [
                {**item, "project": True} for item in super().get_api_representation(value, context)
            ]

    cache.clear()
    home = make_board("Fatima El Amrani")["homes"]["regenboog"]
    stream_block = HomePage._meta.get_field("body").stream_block
    monkeypatch.setattr(stream_block, "__class__", ProjectStream)
    for _attempt in ("built", "hit"):
        body = json.loads(client.get(f"/api/v2/pages/{home.pk}/").content)["body"]
        assert body[0]["project"] is True and body[0]["type"] == "routewijzer"
