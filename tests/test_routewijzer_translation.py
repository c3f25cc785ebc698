"""A route-finder made from the package's defaults can be translated with wagtail-localize,
and the translations find their texts again after the next load (stable block ids)."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from tests.factories import make_school
from tests.factories_core import dicts_in
from wagtail_vertrouwen.models import RoutewijzerPage

pytestmark = pytest.mark.django_db


def _ids(raw):
    """Every block and list-item id in a stored StreamField value."""
    return [d["id"] for d in dicts_in(raw) if "id" in d and "type" in d]


def _default_page():
    home = make_school()
    page = RoutewijzerPage(title="Routewijzer", slug="routewijzer")  # body: the default
    home.add_child(instance=page)
    page.save_revision().publish()
    return RoutewijzerPage.objects.get(pk=page.pk)


def test_the_default_route_finder_is_stored_with_an_id_on_every_item():
    page = _default_page()
    first = _ids(list(page.body.raw_data))  # as stored in the database
    # Steps and examples are list items; without stored ids each load would invent new ones.
    assert len(first) > 50
    assert len(set(first)) == len(first)
    assert _ids(list(RoutewijzerPage.objects.get(pk=page.pk).body.raw_data)) == first


def test_the_default_route_finder_can_be_submitted_for_translation():
    page = _default_page()
    Locale.objects.get_or_create(language_code="en")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    contexts = set(source.stringsegment_set.values_list("context__path", flat=True))
    # Every step's action is offered for translation, under a path that stays the same.
    assert any(path.endswith(".action") for path in contexts)
    source_again, _created = TranslationSource.update_or_create_from_instance(page)
    assert set(source_again.stringsegment_set.values_list("context__path", flat=True)) == contexts
