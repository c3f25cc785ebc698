"""A route-finder area posted from the editor without being opened (its stored value)."""

import json

import pytest
from django.core.exceptions import ValidationError

from wagtail_vertrouwen.blocks import AREA_BLOCKS
from wagtail_vertrouwen.blocks.editor import LAZY_KEY

PREFIX = "body-0-value-areas-0-value"


def post(block, raw):
    data = {f"{PREFIX}-{LAZY_KEY}": raw}
    assert block.value_omitted_from_data(data, {}, PREFIX) is False
    return block.value_from_datadict(data, {}, PREFIX)


def test_an_unopened_area_is_read_back_unchanged():
    block = AREA_BLOCKS["schoolorganisatie"]()
    value = block.get_default()
    stored = block.get_form_state(value)[LAZY_KEY]
    again = block.clean(post(block, stored))
    assert block.get_prep_value(again) == block.get_prep_value(block.clean(value))
    assert again["leerling"][0]["role"] == "mentor"
    assert again["ouder"].bound_blocks[0].id == value["ouder"].bound_blocks[0].id


@pytest.mark.parametrize("raw", ["{not json", "[]", "null", json.dumps({"title": ""})])
def test_a_tampered_value_is_refused_by_validation_not_an_error(raw):
    block = AREA_BLOCKS["schoolorganisatie"]()
    with pytest.raises(ValidationError):
        block.clean(post(block, raw))


def test_a_tampered_role_is_refused():
    block = AREA_BLOCKS["schoolorganisatie"]()
    stored = json.loads(block.get_form_state(block.get_default())[LAZY_KEY])
    stored["leerling"][0]["value"]["role"] = "directeur-generaal"
    with pytest.raises(ValidationError):
        block.clean(post(block, json.dumps(stored)))


def test_an_opened_area_posts_its_fields_as_usual():
    block = AREA_BLOCKS["schoolorganisatie"]()
    assert block.value_omitted_from_data({}, {}, PREFIX) is True
