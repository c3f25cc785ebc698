"""Headless submission: the same validation, limits and confidentiality as the page."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from openapi_spec_validator import validate

from wagtail_vertrouwen.channel.models import Melding

from .channel import answers, png, solve, upload


def url(page):
    return reverse("wagtail_vertrouwen:api_melding_submit", args=[page.pk])


def fresh_challenge(client, page):
    response = client.get(url(page))
    assert response.status_code == 200
    return solve(response.json()["challenge"])


def post_json(client, page, payload, **extra):
    return client.post(url(page), json.dumps(payload), content_type="application/json", **extra)


def test_get_describes_the_form_without_revealing_recipients_keys(melding_form):
    data = Client().get(url(melding_form)).json()
    assert data["available"] is True
    assert {c["value"] for c in data["fields"]["wie"]} == {
        "leerling",
        "ouder",
        "medewerker",
        "anders",
    }
    assert data["limits"]["attachments"] == 5
    assert set(data["challenge"]) == {"algorithm", "challenge", "maxnumber", "salt", "signature"}


def test_json_submission_is_stored_encrypted(melding_form, vp):
    client = Client()
    payload = {
        **answers(wat="Via de API APIGEHEIM"),
        "challenge": fresh_challenge(client, melding_form),
    }
    response = post_json(client, melding_form, payload)
    assert response.status_code == 201, response.content
    assert response.json()["received"] is True
    melding = Melding.objects.get()
    assert b"APIGEHEIM" not in bytes(melding.content)
    assert "no-store" in response["Cache-Control"]


def test_multipart_submission_with_attachment(melding_form):
    client = Client()
    data = {
        **answers(),
        "challenge": fresh_challenge(client, melding_form),
        "bijlagen": [upload("a.png", png())],
    }
    response = client.post(url(melding_form), data)
    assert response.status_code == 201, response.content
    assert Melding.objects.get().bijlagen.count() == 1


def test_bad_requests_get_clear_translated_errors(melding_form):
    client = Client()
    invalid = client.post(url(melding_form), b"{kapot", content_type="application/json")
    assert invalid.status_code == 400 and "JSON" in invalid.json()["errors"]["__all__"][0]
    array = post_json(client, melding_form, [1, 2])
    assert array.status_code == 400
    wrong_type = client.post(url(melding_form), b"wat=x", content_type="text/plain")
    assert wrong_type.status_code == 415
    missing = post_json(
        client,
        melding_form,
        {"challenge": fresh_challenge(client, melding_form)},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    errors = missing.json()["errors"]
    assert missing.status_code == 400 and {"wat", "wie", "probleemgebied"} <= set(errors)
    nested = post_json(client, melding_form, {**answers(wat={"a": 1}), "challenge": "x"})
    assert nested.status_code == 400 and list(nested.json()["errors"]) == ["wat"]
    no_pow = post_json(client, melding_form, answers())
    assert no_pow.status_code == 400 and "challenge" in no_pow.json()["errors"]
    for method in (client.put, client.patch, client.delete):
        refused = method(url(melding_form))
        assert refused.status_code == 405 and refused["Allow"] == "GET, POST"
        assert "errors" in refused.json()
    assert (
        Client().get(reverse("wagtail_vertrouwen:api_melding_submit", args=[999999])).status_code
        == 404
    )
    assert Melding.objects.count() == 0


def test_openapi_document_is_valid_and_matches_the_form():
    from wagtail_vertrouwen.channel.forms.melding import MeldingForm

    document = Client().get(reverse("wagtail_vertrouwen:api_openapi")).json()
    validate(document)
    assert document["servers"] == [{"url": "http://testserver/vertrouwen"}]
    schema = document["paths"]["/api/meldingen/{page_id}/"]["post"]["requestBody"]["content"][
        "application/json"
    ]["schema"]
    assert set(MeldingForm.STORED_FIELDS) <= set(schema["properties"])


def test_deeply_nested_json_is_a_clear_400(melding_form):
    response = Client().post(
        url(melding_form),
        "[" * 200_000 + "]" * 200_000,
        content_type="application/json",
        HTTP_HOST=melding_form.get_site().hostname,
    )
    assert response.status_code == 400 and "JSON" in response.json()["errors"]["__all__"][0]


def test_half_an_emoji_in_json_is_a_clear_400(melding_form):
    client = Client()
    payload = {
        **answers(wat="ik \ud83d schrijf"),
        "challenge": fresh_challenge(client, melding_form),
    }
    response = post_json(client, melding_form, payload)
    assert response.status_code == 400 and "wat" in response.json()["errors"]
    assert not Melding.objects.exists()


@pytest.mark.parametrize(
    "path",
    ["api/", "api/nothing", "api/meldingen/", "api/meldingen/99999999999/", "api/postvak/x/"],
)
def test_an_unknown_api_address_answers_in_json(client, db, path):
    response = client.get(f"/vertrouwen/{path}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"]["__all__"]
    assert "no-store" in response["Cache-Control"]
