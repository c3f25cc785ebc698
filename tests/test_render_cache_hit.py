"""What a route-finder costs when its rendering comes from the render cache: no page query is
built for steps that name nobody, no role is looked up among the choices, and the stored value
is not turned back into JSON to find its key (wagtail_vertrouwen/blocks/steps.py,
blocks/routewijzer.py ``bulk_to_python``)."""

import json

import pytest
from django.core.cache import cache
from django.db.models.query import QuerySet

from tests.factories_core import make_board
from wagtail_vertrouwen.blocks.choosers import PageChooserBlock
from wagtail_vertrouwen.blocks.routewijzer import RoutewijzerBlock
from wagtail_vertrouwen.blocks.steps import RouteStepBlock


@pytest.fixture
def school(db):
    cache.clear()
    return make_board("Fatima El Amrani")


def spy(monkeypatch, owner, name):
    """Count the calls of ``owner.name`` and let each through."""
    calls = []
    original = getattr(owner, name)

    def counting(self, *args, **kwargs):
        calls.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return calls


def saved_by_the_editor(home):
    """``home`` with its route-finder stored as Wagtail's editor stores it: every step with
    its ``person`` key, None when the step names nobody."""
    home = home.specific_class.objects.get(pk=home.pk)
    home.body[0].value["heading"] = str(home.body[0].value["heading"])  # converts the value
    home.save_revision().publish()
    stored = home.specific_class.objects.get(pk=home.pk).body.raw_data
    assert '"person": null' in json.dumps(list(stored))
    return home


def test_a_cache_hit_builds_no_page_query_and_no_json(client, school, monkeypatch):
    url = saved_by_the_editor(school["homes"]["regenboog"]).url
    first = client.get(url).content
    in_bulk = spy(monkeypatch, QuerySet, "in_bulk")
    prep = spy(monkeypatch, RoutewijzerBlock, "get_prep_value")
    second = client.get(url).content
    assert second == first
    # The default routes name no particular person: no list of ids (Wagtail's chooser passed
    # one of Nones per list of steps) is looked up; an empty list returns before any query.
    assert [ids for (ids, *_rest) in in_bulk if ids] == []
    assert prep == []


def test_a_step_that_names_a_person_still_finds_her(school):
    fatima = school["profiles"]["Fatima El Amrani"]
    block = RouteStepBlock()
    raw = [
        {"role": "", "person": None, "action": "a"},
        {"role": "interne_vertrouwenspersoon", "person": fatima.pk, "action": "b"},
        {"role": "", "person": None, "action": "c"},
        {"role": "", "person": fatima.pk, "action": "d"},
    ]
    values = block.bulk_to_python(raw)
    assert [value["person"] and value["person"].pk for value in values] == [
        None,
        fatima.pk,
        None,
        fatima.pk,
    ]
    assert values[1]["role"] == "interne_vertrouwenspersoon"


def test_a_role_that_is_no_longer_a_choice_is_read_as_wagtail_reads_it():
    """A stored role outside the current choices goes through Wagtail's own conversion."""
    block = RouteStepBlock().child_blocks["role"]
    assert block.to_python("interne_vertrouwenspersoon") == "interne_vertrouwenspersoon"
    assert block.to_python("") == ""
    assert block.to_python("schoolleider-oud") == "schoolleider-oud"
    assert block.to_python(None) is None


def test_the_stored_form_is_wagtails_own():
    """Migrations and stored data see Wagtail's PageChooserBlock and ChoiceBlock."""
    person = PageChooserBlock(page_type="wagtail_vertrouwen.VertrouwenspersoonPage")
    assert person.deconstruct()[0] == "wagtail.blocks.PageChooserBlock"
    complaint = RoutewijzerBlock().child_blocks["formal_complaint"]
    link = complaint.child_blocks["klachtenregeling"]
    assert link.child_blocks["document"].deconstruct()[0] == (
        "wagtail.documents.blocks.DocumentChooserBlock"
    )
    assert RouteStepBlock().child_blocks["role"].deconstruct()[0] == "wagtail.blocks.ChoiceBlock"


def test_a_value_built_in_code_is_keyed_by_what_it_would_store(school, rf):
    """Only values loaded from the database carry the stored digest; two different values
    built in code never share a key."""
    block = RoutewijzerBlock()
    one = block.get_default()
    other = block.get_default()
    other["heading"] = "Anders"
    assert not hasattr(one, "stored_digest")
    request = rf.get("/", HTTP_HOST="127.0.0.1")
    assert block._cache_key("html", one, request) != block._cache_key("html", other, request)
    loaded = block.bulk_to_python([block.get_prep_value(one)])[0]
    assert loaded.stored_digest
