"""The adversarial review of issue 10: attacks on isolate_numbers, the complaint details, the
readers list, the recipients' role, the language answer and the guard tables. It found a
``javascript:`` link planted through a wagtail-localize override, a bidi override in a reader's
address, and no way to correct a role; the tests of those are the first three groups below, the
others pin what held."""

import json
import re
import time

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.template import Context, Template
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.safestring import mark_safe

from tests.channel import admin_client, answers, reader, send, solve
from tests.factories import admin, make_form, make_school, make_vp
from tests.factories_core import make_regenboog
from tests.test_route_structure10 import publish, route_section, steps_of
from wagtail_vertrouwen.channel.models import (
    AuditEntry,
    Designation,
    GuardCount,
    Melding,
    MeldingAccess,
    SpentChallenge,
)
from wagtail_vertrouwen.channel.services import designate
from wagtail_vertrouwen.choices import Rol, RouteRol
from wagtail_vertrouwen.templatetags.vertrouwen_tags import isolate_numbers_html


def page_html(client, page):
    response = client.get(page.url, HTTP_HOST=page.get_site().hostname)
    assert response.status_code == 200
    return response.content.decode()


def readers_block(html):
    found = re.search(r'<ul class="vw-readers">(.*?)</ul>', html, re.S)
    return found.group(1) if found else ""


# 1. isolate_numbers ------------------------------------------------------------------------


class TestIsolateNumbers:
    def render(self, value, autoescape=True):
        source = "{% load vertrouwen_tags %}{{ value|isolate_numbers }}"
        if not autoescape:
            source = (
                "{% load vertrouwen_tags %}{% autoescape off %}"
                "{{ value|isolate_numbers }}{% endautoescape %}"
            )
        return Template(source).render(Context({"value": value}))

    @pytest.mark.parametrize(
        "text",
        [
            "<script>alert(1)</script> bel 0800-2000",
            '0800-2000<img src=x onerror="alert(1)">12:00',
            "12:00<b>13:00</b>",
            "\"'><svg/onload=alert(1)> 08:00–17:00",
            "1<2 and 3>2: 1-2<3-4",
        ],
    )
    def test_markup_is_escaped_and_only_bdi_is_added(self, text):
        html = self.render(text)
        stripped = html.replace('<bdi dir="ltr">', "").replace("</bdi>", "")
        assert "<" not in stripped and ">" not in stripped, html
        assert '"' not in stripped and "'" not in stripped

    def test_ampersands_and_entities_are_text(self):
        html = self.render("A &amp; B &#60;script&#62; 08:00-09:00 & 1&2")
        assert "&amp;amp;" in html and "&amp;#60;script&amp;#62;" in html
        assert '<bdi dir="ltr">08:00-09:00</bdi>' in html

    def test_none_lazy_and_numbers(self):
        assert isolate_numbers_html(None) == ""
        lazy_text = lazy(lambda: "<i>0800-0432</i>", str)()
        html = self.render(lazy_text)
        assert "<i>" not in html and '<bdi dir="ltr">0800-0432</bdi>' in html
        assert self.render(42) == "42"

    def test_safe_strings_are_trusted_as_is(self):
        # By design: already-safe HTML passes through unchanged (no bdi). Pinned so a change
        # is noticed: a caller must never mark_safe editor text before the filter.
        assert self.render(mark_safe("<b>0800-2000</b>")) == "<b>0800-2000</b>"

    def test_autoescape_off_leaves_text_raw_as_django_does(self):
        assert self.render("<b>1-2</b>", autoescape=False) == '<b><bdi dir="ltr">1-2</bdi></b>'

    def test_no_catastrophic_backtracking(self):
        for text in (
            "1 " * 50_000 + "x",
            "1-" * 50_000 + "-",
            "1 (2) " * 20_000 + "(",
            "1" * 200_000,
        ):
            start = time.monotonic()
            isolate_numbers_html(text)
            assert time.monotonic() - start < 2, text[:20]


# 1b. Editor texts in the route-finder and the complaint details -----------------------------


@pytest.fixture
def home(db):
    return make_regenboog(routewijzer=False)


SCRIPT_STEPS = [
    {
        "role": RouteRol.BEVOEGD_GEZAG,
        "condition": "<script>alert('c')</script> 12:00-13:00",
        "action": "Bel <img src=x onerror=alert(1)> 0800-2000 &amp; meer",
        "next_when": "</p><script>alert('n')</script>",
    },
    {"role": RouteRol.KLACHTENCOMMISSIE, "action": "Klacht."},
]


def test_step_texts_with_markup_are_escaped(home, client):
    publish(home, steps=SCRIPT_STEPS)
    html = client.get("/?wie=ouder&gebied=ongewenst_gedrag").content.decode()
    section = route_section(html)
    assert "<script>" not in section and "<img" not in section
    assert "&lt;script&gt;" in section and '<bdi dir="ltr">0800-2000</bdi>' in section


@pytest.mark.parametrize(
    "field,value",
    [
        ("website", "javascript:alert(document.cookie)"),
        ("website", "data:text/html,<script>alert(1)</script>"),
        ("website", " JaVaScRiPt:alert(1)"),
    ],
)
def test_complaint_links_with_a_script_scheme_are_dropped(home, client, field, value):
    """A complaint website (or the klachtenregeling URL) that did not pass through the editor's
    URLBlock validation (wagtail-localize's URL override, an import, a data migration: all
    store raw StreamField data) is rendered as ``href`` as it is."""
    publish(
        home,
        steps=SCRIPT_STEPS,
        formal_complaint={
            "klachtenregeling": {"url": value},
            "bevoegd_gezag": {"name": "Bestuur", field: value},
        },
    )
    html = client.get("/?wie=ouder&gebied=ongewenst_gedrag").content.decode()
    hrefs = re.findall(r'href="([^"]*)"', html)
    bad = [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:t"))]
    assert not bad, bad


def test_a_wagtail_localize_url_override_cannot_plant_a_script_link(home, client):
    """How an editor (translator) gets such a URL in with no shell access: wagtail-localize's
    ``edit_override`` view stores ``request.POST["value"]`` as a ``SegmentOverride`` with no
    validation (wagtail_localize/views/edit_translation.py:1254-1262), and ``save_target``
    writes it into the translated page's StreamField. Done here with the same model write."""
    from wagtail.models import Locale
    from wagtail_localize.models import (
        OverridableSegment,
        SegmentOverride,
        Translation,
        TranslationSource,
    )

    publish(
        home,
        steps=SCRIPT_STEPS,
        formal_complaint={"bevoegd_gezag": {"name": "Bestuur", "website": "https://ok.example"}},
    )
    en = Locale.objects.get_or_create(language_code="en")[0]
    source, _created = TranslationSource.get_or_create_from_instance(home)
    translation = Translation.objects.create(source=source, target_locale=en)
    segment = next(
        s
        for s in OverridableSegment.objects.filter(source=source)
        if s.data_json and "ok.example" in s.data_json
    )
    SegmentOverride.objects.create(
        locale=en, context=segment.context, data_json=json.dumps("javascript:alert(1)")
    )
    translation.save_target(publish=True)
    english = home.get_translation(en).specific
    assert english.body.raw_data[0]["value"]["formal_complaint"]["bevoegd_gezag"]["website"] == (
        "javascript:alert(1)"
    )
    if not english.live:  # the translated home is a draft until its first publish
        english.save_revision().publish()
    html = client.get(english.url + "?wie=ouder&gebied=ongewenst_gedrag").content.decode()
    assert 'lang="en"' in html and "Bestuur" in html
    assert 'href="javascript:' not in html


def test_complaint_text_fields_with_markup_are_escaped(home, client):
    publish(
        home,
        steps=SCRIPT_STEPS,
        formal_complaint={
            "bevoegd_gezag": {
                "name": "<script>alert(1)</script>",
                "address": "Straat 1\n<img src=x onerror=alert(2)>\n1234 AB",
                "email": 'a"onmouseover="alert(1)@x.nl',
                "phone": '0800"><script>alert(3)</script>',
            }
        },
    )
    html = client.get("/?wie=ouder&gebied=ongewenst_gedrag").content.decode()
    _board, _commissie = steps_of(route_section(html))
    assert "<script>" not in html.split("vw-complaint", 1)[1][:3000]
    assert "<img src=x" not in html
    assert 'onmouseover="alert' not in html


# 2. The readers list on the form and the thank-you page -------------------------------------


@pytest.fixture
def school_form(db):
    return make_form()


def designated(username, form, role="", **fields):
    user = make_vp(username, None, **fields)
    designate.designate(form, user, admin(), role=role)
    return user


def test_readers_list_names_only_working_readers(school_form, client):
    form = school_form
    good = designated(
        "goed", form, Rol.INTERNE_VERTROUWENSPERSOON, first_name="Goed", last_name="Lezer"
    )
    removed = designated("weg", form, first_name="Verwijderd", last_name="Persoon")
    Designation.objects.filter(user=removed).update(removed_at="2020-01-01T00:00Z")
    inactive = designated("slaap", form, first_name="Inactief", last_name="Persoon")
    User.objects.filter(pk=inactive.pk).update(is_active=False)
    designated("geensleutel", form, first_name="Zonder", last_name="Sleutel")
    User.objects.get(username="geensleutel").vertrouwen_key.delete()
    nonadmin = designated("geenadmin", form, first_name="Geen", last_name="Admin")
    nonadmin.groups.clear()
    other_form = make_form(form.get_parent(), slug="ander-formulier", title="Ander")
    designated("ander", other_form, first_name="Ander", last_name="Formulier")
    other_school = make_form(make_school("andere.test", "Andere school"))
    designated("elders", other_school, first_name="Andere", last_name="School")
    html = page_html(client, form)
    block = readers_block(html)
    assert "Goed Lezer" in block
    for name in (
        "Verwijderd",
        "Inactief",
        "Zonder",
        "Geen Admin",
        "Ander Formulier",
        "Andere School",
    ):
        assert name not in html, name
    # login names never appear
    for login in ("goed", "geensleutel", "geenadmin", "elders"):
        assert not re.search(rf"\b{login}\b(?!@)", html.replace(f"{login}@", "")), login
    assert good.email in block


def test_reader_names_with_markup_and_bidi_overrides(school_form, client):
    designated(
        "x1",
        school_form,
        first_name='<img src=x onerror="alert(1)">',
        last_name="Fa\u202etima",
        email="x1@school.test",
    )
    designated(
        "x2", school_form, first_name="Kees", last_name="Bakker", email="x2@sch\u202eool.test"
    )
    html = page_html(Client(), school_form)
    block = readers_block(html)
    assert "<img" not in block and "&lt;" not in block  # _plain_name drops < > ( ) , ; @
    assert "\u202e" not in block.split("x2@")[0]  # the name's override is stripped


def test_a_bidi_override_in_a_readers_address_never_reaches_the_public_page(school_form):
    """``public_identity`` cleans the name but not the e-mail address; Django's EmailValidator
    accepts U+202E in the domain. Inside <bdi> it cannot spill over the role, but it can make
    the address read as another one."""
    from django.core.validators import validate_email

    validate_email("x2@sch\u202eool.test")  # accepted: an admin form would store it
    designated(
        "x2", school_form, first_name="Kees", last_name="Bakker", email="x2@sch\u202eool.test"
    )
    designated("x3", school_form, first_name="Ria", last_name="Bakker")
    block = readers_block(page_html(Client(), school_form))
    assert "\u202e" not in block


def test_readers_query_count_does_not_grow(school_form):
    for n in range(2):
        designated(f"r{n}", school_form, first_name=f"R{n}", last_name="X")
    client = Client()
    page_html(client, school_form)
    with CaptureQueriesContext(connection) as few:
        page_html(client, school_form)
    for n in range(2, 12):
        designated(
            f"r{n}", school_form, Rol.EXTERNE_VERTROUWENSPERSOON, first_name=f"R{n}", last_name="X"
        )
    with CaptureQueriesContext(connection) as many:
        html = page_html(client, school_form)
    assert readers_block(html).count("<li>") == 12
    assert len(many) == len(few), [q["sql"][:120] for q in many.captured_queries]


def test_the_thank_you_page_does_not_name_the_excluded_reader(school_form):
    from wagtail_vertrouwen.channel.forms.melding import recipient_token

    keep = designated("keep", school_form, first_name="Blijft", last_name="Lezer")
    away = designated("away", school_form, first_name="Buiten", last_name="Gesloten")
    response = send(Client(), school_form, niet_naar=recipient_token(away))
    html = response.content.decode()
    assert response.status_code == 200 and "vw-melding__sent" in html
    assert "Blijft Lezer" in html
    assert "Buiten" not in html and "away@school.test" not in html
    assert keep.pk  # noqa: S101


# 3. The role on the recipients page ---------------------------------------------------------


def test_role_cannot_be_set_without_the_designate_permission(school_form):
    designated("eerste", school_form)
    target = make_vp("doel", None)
    editor = User.objects.create_user("redacteur", "r@school.test", "x", is_staff=True)
    editor.groups.add(*target.groups.all())
    client = Client()
    client.force_login(editor)
    url = reverse("wagtail_vertrouwen_recipients:add", args=[school_form.pk])
    response = client.post(
        url,
        {
            f"{school_form.pk}-user": target.pk,
            f"{school_form.pk}-role": Rol.EXTERNE_VERTROUWENSPERSOON,
        },
    )
    assert response.status_code in (302, 403)
    assert not Designation.objects.filter(user=target).exists()


@pytest.mark.parametrize(
    "role", ["bogus", "x" * 5000, ["a", "b"], "\x00", "interne_vertrouwenspersoon\n"]
)
def test_invalid_roles_are_refused_without_500(school_form, role):
    designated("eerste", school_form)
    target = make_vp("doel", None)
    url = reverse("wagtail_vertrouwen_recipients:add", args=[school_form.pk])
    response = admin_client().post(
        url, {f"{school_form.pk}-user": target.pk, f"{school_form.pk}-role": role}
    )
    assert response.status_code == 302
    assert not Designation.objects.filter(user=target).exists()


def test_the_role_is_audited_and_shown(school_form, client):
    designated("eerste", school_form)
    target = make_vp("doel", None, first_name="Doel", last_name="Persoon")
    url = reverse("wagtail_vertrouwen_recipients:add", args=[school_form.pk])
    admin_client().post(
        url,
        {
            f"{school_form.pk}-user": target.pk,
            f"{school_form.pk}-role": Rol.EXTERNE_VERTROUWENSPERSOON,
        },
    )
    assert Designation.objects.get(user=target).role == Rol.EXTERNE_VERTROUWENSPERSOON
    entry = AuditEntry.objects.filter(subject_identity__contains="doel").latest("pk")
    assert Rol.EXTERNE_VERTROUWENSPERSOON in entry.detail


def test_a_role_is_changed_in_place_audited_and_the_form_names_it(school_form):
    """A role set wrong (or empty, as for every designation made before migration 0006) is
    changed without removing the person: no removal is announced and she keeps receiving (I4).
    Only someone who may designate can do it; a bad role or a designation of another form
    changes nothing."""
    from django.utils.translation import gettext

    reader = designated("lezer", school_form, first_name="Lies", last_name="Lezer")
    designation = Designation.objects.current().get(user=reader)
    url = reverse(
        "wagtail_vertrouwen_recipients:change_role", args=[school_form.pk, designation.pk]
    )
    field = f"role-{designation.pk}-role"

    # Someone who may not designate: refused.
    outsider = User.objects.create_user("redacteur", "r@school.test", "x", is_staff=True)
    outsider.groups.add(*reader.groups.all())
    client = Client()
    client.force_login(outsider)
    assert client.post(url, {field: Rol.EXTERNE_VERTROUWENSPERSOON}).status_code in (302, 403)
    designation.refresh_from_db()
    assert designation.role == ""

    staff = admin_client()
    for bad in ("bogus", "x" * 5000, "\x00"):
        assert staff.post(url, {field: bad}).status_code == 302
    designation.refresh_from_db()
    assert designation.role == ""
    other = make_form(school_form.get_parent(), slug="ander-formulier")
    other_url = reverse(
        "wagtail_vertrouwen_recipients:change_role", args=[other.pk, designation.pk]
    )
    assert staff.post(other_url, {field: Rol.EXTERNE_VERTROUWENSPERSOON}).status_code == 404

    response = staff.post(url, {field: Rol.EXTERNE_VERTROUWENSPERSOON})
    assert response.status_code == 302
    designation.refresh_from_db()
    assert designation.role == Rol.EXTERNE_VERTROUWENSPERSOON
    assert designation.removed_at is None  # the same designation: she never stopped receiving
    assert Designation.objects.filter(user=reader).count() == 1
    entry = AuditEntry.objects.filter(action="recipient_role_changed").get()
    assert entry.detail == f"role - -> {Rol.EXTERNE_VERTROUWENSPERSOON}"
    assert not AuditEntry.objects.filter(action="recipient_removed").exists()

    # Posting the same role again changes nothing and writes no second line.
    staff.post(url, {field: Rol.EXTERNE_VERTROUWENSPERSOON})
    assert AuditEntry.objects.filter(action="recipient_role_changed").count() == 1

    html = Client().get(school_form.url, HTTP_HOST=school_form.get_site().hostname)
    readers = re.search(r'<ul class="vw-readers">(.*?)</ul>', html.content.decode(), re.DOTALL)
    assert gettext("External confidential adviser") in readers.group(1)


# 4. The language answer ---------------------------------------------------------------------


def api_url(page):
    return reverse("wagtail_vertrouwen:api_melding_submit", args=[page.pk])


@pytest.mark.parametrize("bad", [None, {"a": 1}, [], "\ud800", "nl" * 100_000, True])
def test_api_language_odd_values_no_500(school_form, bad):
    designated("lezer", school_form)
    client = Client()
    payload = {
        **answers(),
        "taal": bad,
        "challenge": solve(client.get(api_url(school_form)).json()["challenge"]),
    }
    body = json.dumps(payload)
    response = client.post(api_url(school_form), body, content_type="application/json")
    assert response.status_code in (201, 400), response.content[:300]
    if response.status_code == 400:
        assert Melding.objects.count() == 0


def test_page_language_posted_twice_no_500(school_form):
    designated("lezer", school_form)
    client = Client()
    from tests.channel import page_challenge

    data = {**answers(wat="Blijft staan"), "challenge": page_challenge(client, school_form)}
    data["taal"] = ["ar", "<script>"]
    response = client.post(
        reverse("wagtail_vertrouwen:melding_submit", args=[school_form.pk]), data
    )
    assert response.status_code in (200, 400)
    assert "<script>" not in response.content.decode().split("</head>", 1)[-1].replace(
        "<script src", ""
    )


def test_language_is_never_plaintext_in_the_database_or_audit(school_form):
    user = designated("lezer", school_form)
    send(Client(), school_form, taal="uk", wat="Привіт")
    melding = Melding.objects.get()
    for column, value in Melding.objects.filter(pk=melding.pk).values().get().items():
        if isinstance(value, str):
            assert value != "uk" and "Привіт" not in value, column
        if isinstance(value, bytes | memoryview):
            assert b'"uk"' not in bytes(value) and "Привіт".encode() not in bytes(value), column
    for entry in AuditEntry.objects.all().values():
        assert entry.get("detail") != "uk" and "Привіт" not in str(entry)
    access = MeldingAccess.objects.get(melding=melding, recipient=user)
    assert reader(user).answers(melding, access)["taal"] == "uk"


# 5. Guard tables and form_key --------------------------------------------------------------


def test_spent_rows_only_for_stored_meldingen(school_form):
    designated("lezer", school_form)
    client = Client()
    send(client, school_form, wat="")  # invalid: nothing claimed
    assert SpentChallenge.objects.count() == 0
    send(client, school_form)
    assert SpentChallenge.objects.filter(used=True).count() == 1


def test_form_key_is_set_on_page_and_api_and_demo(school_form):
    designated("lezer", school_form)
    send(Client(), school_form)
    client = Client()
    payload = {
        **answers(),
        "challenge": solve(client.get(api_url(school_form)).json()["challenge"]),
    }
    assert (
        client.post(
            api_url(school_form), json.dumps(payload), content_type="application/json"
        ).status_code
        == 201
    )
    assert set(Melding.objects.values_list("form_key", flat=True)) == {school_form.translation_key}


def test_demo_meldingen_have_a_form_key(db):
    from example_site.demo import build_demo

    build_demo(port=80)
    assert Melding.objects.exists()
    assert not Melding.objects.filter(form_key__isnull=True).exists()


def test_guard_count_rows_do_not_grow_per_request(school_form):
    """Wrong-code and rate rows are per form and window, not per request."""
    from wagtail_vertrouwen.channel.services import challenge

    for _ in range(50):
        challenge.count_up("rate:x", 1, 60)
    assert GuardCount.objects.count() == 1 and GuardCount.objects.get().count == 50


# 1c. The glossary and the privacy contact ----------------------------------------------------


@pytest.mark.parametrize(
    "language",
    ["", "*", "xx-YY;q=2", "ar;q=abc, ,,;", "\u202e", "a" * 3000, "zh-Hant-TW-x-private;q=0.1"],
)
def test_glossary_survives_odd_requests(db, language):
    client = Client()
    url = reverse("vertrouwen_glossary")
    response = client.get(url + '?q=<script>alert(1)</script>&x="', HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405
    assert client.get("/ar" + url).status_code == 200


def test_privacy_contact_with_markup_is_escaped(db):
    form = make_form(privacy_contact='<a href="javascript:x">dpo</a>', organisation="<b>Bord</b>")
    designated("lezer", form)
    html = page_html(Client(), form)
    assert '<a href="javascript:x">' not in html and "<b>Bord</b>" not in html
    assert "&lt;a href=" in html
