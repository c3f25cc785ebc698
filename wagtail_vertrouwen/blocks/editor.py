"""The route-finder in the page editor: light to open, steps titled by who they go to.

A full route-finder is six areas of three routes each: rendered at once, that is more than
10,000 elements and almost 600 form fields, which takes seconds before the editor can type
(see docs/performance.md). The areas are collapsed when the editor opens, so the browser
does not need their forms until one is opened:

* ``LazyStructBlockAdapter`` sends an area to the editor as Wagtail's StructBlock does, plus
  its stored (JSON) value. ``routewijzer-editor.js`` then renders only a hidden input holding
  that value for a collapsed area and builds Wagtail's own StructBlock form the first time the
  area is opened (or has an error, or receives focus); from then on the area posts its fields
  as usual and the hidden input is gone.
* ``LazyStructMixin.value_from_datadict`` reads an area that was never opened from that hidden
  input. It goes through ``to_python`` and the block's ``clean`` like every other value, so a
  tampered value is refused with the block's own validation errors, never trusted.

The stored shape of the route-finder does not change; pages need no migration.
"""

import json

from django import forms
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.functional import cached_property
from wagtail.admin.staticfiles import versioned_static
from wagtail.blocks.struct_block import StructBlockAdapter

#: The key of the stored value in the form state, and the suffix of its hidden input.
LAZY_KEY = "vw_lazy_value"
EDITOR_JS = "wagtail_vertrouwen/admin/routewijzer-editor.js"


class LazyStructMixin:
    """A StructBlock whose form may arrive as its stored value in one hidden input."""

    def get_form_state(self, value):
        state = super().get_form_state(value)
        state[LAZY_KEY] = json.dumps(self.get_prep_value(value), cls=DjangoJSONEncoder)
        return state

    def value_from_datadict(self, data, files, prefix):
        raw = data.get(f"{prefix}-{LAZY_KEY}")
        if raw is None:
            return super().value_from_datadict(data, files, prefix)
        try:
            stored = json.loads(raw)
        except ValueError:
            stored = None
        if not isinstance(stored, dict):
            stored = {}  # cleaning then reports the missing fields
        return self.to_python(stored)

    def value_omitted_from_data(self, data, files, prefix):
        if f"{prefix}-{LAZY_KEY}" in data:
            return False
        return super().value_omitted_from_data(data, files, prefix)


class _EditorMediaMixin:
    @cached_property
    def media(self):
        return super().media + forms.Media(js=[versioned_static(EDITOR_JS)])


class LazyStructBlockAdapter(_EditorMediaMixin, StructBlockAdapter):
    js_constructor = "wagtail_vertrouwen.blocks.LazyStructBlock"


class RouteStepBlockAdapter(_EditorMediaMixin, StructBlockAdapter):
    js_constructor = "wagtail_vertrouwen.blocks.RouteStepBlock"
