"""Fuzzing (issue 11, item 4): schemathesis against the OpenAPI document the package serves,
every operation of both APIs (the melding submission and the melder's mailbox), called on the
WSGI application directly (no server, no network).

Each operation gets positive cases (valid by the document) and negative ones (invalid by it),
mostly aimed at a real, live form with a designated recipient, a real melding and a logged-in
mailbox, so the cases reach the views' own code and not only the 404 of an unknown page. Half
of the cases that carry a ``challenge`` get a freshly solved proof of work instead of the
generated one, so the bodies are also fuzzed past that first check (into storing a melding, a
message, a login). Checks: no server error, every status and content type documented, every
body that has a schema in the document conforms to it.

Bounded and deterministic (``derandomize``; no example database), so ``.ci/run`` runs it.
"""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from wagtail_vertrouwen.channel.models import Bijlage
from wagtail_vertrouwen.channel.services import challenge, guard

from .channel import png, solve, upload
from .mailbox import send_melding

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
#: Per operation (POSTs: 100); 8 operations, the whole file well under two minutes on 2 cores.
MAX_EXAMPLES = 50

OPERATIONS = [
    "GET /api/meldingen/{page_id}/",
    "POST /api/meldingen/{page_id}/",
    "GET /api/postvak/{page_id}/login",
    "POST /api/postvak/{page_id}/login",
    "GET /api/postvak/{page_id}/",
    "POST /api/postvak/{page_id}/berichten/",
    "GET /api/postvak/{page_id}/bijlagen/{bijlage_id}/",
    "POST /api/postvak/{page_id}/logout",
]


def fuzz_settings(max_examples=MAX_EXAMPLES):
    return settings(
        max_examples=max_examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )


def application():
    """The installation's WSGI application, called directly. As Django's test client does,
    a request does not close the database connection (it holds the test's transaction)."""
    handler = get_wsgi_application()

    def call(environ, start_response):
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            response = handler(environ, start_response)
            try:
                content = b"".join(response)
            finally:
                response.close()  # sends request_finished
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return [content]

    return call


@pytest.fixture
def app():
    return application()


@pytest.fixture
def schema(app, db):
    """The document as the installation serves it, bound to the WSGI application."""
    return schemathesis.openapi.from_wsgi("/vertrouwen/api/openapi.json", app)


@pytest.fixture
def world(melding_form, settings):
    """A live form with its recipient, a melding (with a file) sent through the form page,
    and a mailbox session for it: what the fuzzed requests aim at."""
    settings.WAGTAIL_VERTROUWEN_RATE_LIMIT_PER_HOUR = 10_000  # keep storing meldingen
    code = send_melding(melding_form, files=[upload("foto.png", png())])
    client = Client()
    login = reverse_api(melding_form, "api_mailbox_login")
    solved = solve(client.get(login).json()["challenge"])
    response = client.post(
        login, json.dumps({"code": code, "challenge": solved}), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    return {
        "form": melding_form,
        "code": code,
        "token": response.json()["token"],
        "bijlage": Bijlage.objects.get(),
    }


def reverse_api(form, name):
    from django.urls import reverse

    return reverse(f"wagtail_vertrouwen:{name}", args=[form.pk])


def strategy_for(operation, world):
    """Cases aimed at the world's form (and melding, and file), with and without the session's
    token, positive and negative; and positive ones with every parameter generated.

    Negative cases keep the path valid: a page id or file id the URL patterns do not take
    (not a number, not a UUID, out of range) matches no URL of the API, and what the site
    answers there (Wagtail's pages, Django's slash redirect) is not the API's to document."""
    form = world["form"]
    bearer = {"Authorization": f"Bearer {world['token']}"}
    own = {"page_id": form.pk}
    if "bijlage_id" in operation.path:
        real = {**own, "bijlage_id": str(world["bijlage"].pk)}
        unknown = {**own, "bijlage_id": "00000000-0000-4000-8000-000000000000"}
        paths = {GenerationMode.POSITIVE: [own, real], GenerationMode.NEGATIVE: [real, unknown]}
    else:
        paths = {GenerationMode.POSITIVE: [own], GenerationMode.NEGATIVE: [own]}
    aimed = [
        operation.as_strategy(generation_mode=mode, path_parameters=path, headers=headers)
        for mode, choices in paths.items()
        for path in choices
        for headers in ({}, bearer)
    ]
    anywhere = operation.as_strategy(generation_mode=GenerationMode.POSITIVE)
    return st.one_of(*aimed, anywhere)


#: What is done to a generated case before it is sent.
AS_GENERATED, SOLVED, SOLVED_WITH_THE_CODE = "as generated", "solved", "solved, the real code"


def fill_in(case, world, tweak):
    """Replace a generated ``challenge`` by a solved one of the right kind (and, for a login,
    the generated code by the melder's real one)."""
    if tweak == AS_GENERATED or not isinstance(case.body, dict):
        return
    if "login" in case.operation.path:
        case.body["challenge"] = solve(guard.new_challenge(world["form"].translation_key))
        if tweak == SOLVED_WITH_THE_CODE:
            case.body["code"] = world["code"]
    else:
        case.body["challenge"] = solve(challenge.new_challenge())


def run(operation, world, max_examples):
    statuses = {}

    @given(
        case=strategy_for(operation, world),
        tweak=st.sampled_from([AS_GENERATED, SOLVED, SOLVED_WITH_THE_CODE]),
    )
    @fuzz_settings(max_examples)
    def fuzz(case, tweak):
        fill_in(case, world, tweak)
        response = case.call()
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        case.validate_response(response, checks=CHECKS)

    fuzz()
    return statuses


@pytest.mark.parametrize("label", OPERATIONS)
def test_every_operation_answers_as_documented(schema, world, label):
    operation = schema.find_operation_by_label(label)
    assert operation is not None, label
    statuses = run(operation, world, MAX_EXAMPLES if label.startswith("GET") else 100)
    print(label, dict(sorted(statuses.items())))
    # The aimed cases reached the views, not only the router's 404.
    assert set(statuses) - {404}, statuses


def test_the_document_names_every_operation_the_fuzzer_runs(schema):
    labels = {result.ok().label for result in schema.get_all_operations()}
    assert labels == set(OPERATIONS)


# What the fuzzer found, one test each ----------------------------------------------------------


def call_and_check(schema, label, **case):
    """Send one case as the fuzzer would and apply the same checks; returns the response."""
    response = (built := schema.find_operation_by_label(label).Case(**case)).call()
    built.validate_response(response, checks=CHECKS)
    return response


def test_the_documented_page_ids_are_the_ones_the_urls_take(schema, world):
    """Found: the document allowed any integer, so schemathesis sent ids the URL patterns do
    not take (negative, or beyond the database's integer) and got Wagtail's CSRF 403 or a
    slash redirect 301, neither the API's. The document now says what the URLs take."""
    from django.urls import resolve

    document = Client().get("/vertrouwen/api/openapi.json").json()
    for path, item in document["paths"].items():
        (page_id,) = [p for p in item["parameters"] if p["name"] == "page_id"]
        largest = page_id["schema"]["maximum"]
        assert page_id["schema"]["minimum"] == 1, path
        url = "/vertrouwen" + path.replace("{page_id}", str(largest)).replace(
            "{bijlage_id}", "00000000-0000-4000-8000-000000000000"
        )
        assert resolve(url).url_name.startswith("api_"), url
        beyond = url.replace(str(largest), str(largest + 1))
        # Taken by no endpoint: the API's JSON 404 for unknown addresses answers it.
        assert resolve(beyond).url_name == "api_not_found", beyond
    response = call_and_check(
        schema,
        "POST /api/meldingen/{page_id}/",
        path_parameters={"page_id": 2**31 - 1},
        body={},
        media_type="application/json",
    )
    assert response.status_code == 404


def test_a_file_is_answered_with_a_documented_content_type(schema, world):
    """Found: the document promised application/octet-stream; a file is sent with the type
    recognised from its content (here image/png)."""
    response = call_and_check(
        schema,
        "GET /api/postvak/{page_id}/bijlagen/{bijlage_id}/",
        path_parameters={"page_id": world["form"].pk, "bijlage_id": str(world["bijlage"].pk)},
        headers={"Authorization": f"Bearer {world['token']}"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == ["image/png"]


def test_too_many_messages_is_a_documented_429(schema, world, settings):
    """Found while reading what the fuzzer could reach: the melder's hourly message limit
    answers 429, which the document did not name."""
    settings.WAGTAIL_VERTROUWEN_MELDER_MESSAGES_PER_HOUR = 1
    statuses = [
        call_and_check(
            schema,
            "POST /api/postvak/{page_id}/berichten/",
            path_parameters={"page_id": world["form"].pk},
            headers={"Authorization": f"Bearer {world['token']}"},
            body={"text": "Nog een vraag", "challenge": solve(challenge.new_challenge())},
            media_type="application/json",
        ).status_code
        for _ in range(2)
    ]
    assert statuses == [201, 429]


def test_the_fuzzer_reaches_past_the_proof_of_work(schema, world):
    """The solved challenges make the fuzzed bodies reach storing: meldingen are stored."""
    from wagtail_vertrouwen.channel.models import Melding

    before = Melding.objects.count()
    statuses = run(schema.find_operation_by_label("POST /api/meldingen/{page_id}/"), world, 40)
    assert statuses.get(201) and Melding.objects.count() - before == statuses[201]
