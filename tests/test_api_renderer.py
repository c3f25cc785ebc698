"""The route-finder's API answer from its kept JSON (wagtail_vertrouwen/api/): the same bytes as
REST framework writes for the same data, at any depth and in any encoding asked for, and on a
cache hit written from what was kept instead of encoded again."""

import json

import pytest
from django.core.cache import cache
from rest_framework import renderers

from tests.factories_core import make_board
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
