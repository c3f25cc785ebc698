"""Serializer fields for Wagtail's API (v2)."""

from django.utils import translation
from rest_framework import serializers


class InPageLanguageField(serializers.Field):
    """A read-only field serialised in the language of the page it belongs to.

    A page of the English locale gets English labels and English profile links whatever the
    client's Accept-Language, so one listing can mix locales consistently. Subclasses
    implement ``represent(value)``.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        locale = getattr(instance, "locale", None)
        language = locale.language_code if locale is not None else None
        return super().get_attribute(instance), language

    def to_representation(self, value_and_language):
        value, language = value_and_language
        if language is None:
            return self.represent(value)
        with translation.override(language):
            return self.represent(value)

    def represent(self, value):  # pragma: no cover - abstract
        raise NotImplementedError


class ChoiceListSerializer(InPageLanguageField):
    """A list of choice keys as ``[{"key": ..., "label": ...}]``."""

    def __init__(self, choices, **kwargs):
        self.labels = dict(choices)
        super().__init__(**kwargs)

    def represent(self, value):
        return [{"key": key, "label": str(self.labels.get(key, key))} for key in value or []]


class LocalizedStreamField(InPageLanguageField):
    """A StreamField (with route-finders) in its page's language, as Wagtail's API shows it.

    Same output as ``wagtail.api.v2.serializers.StreamField``, which cannot be imported while
    models load. A block that keeps its representation (``kept_api_representation``, the
    route-finder's render cache) is answered from what it kept without converting its stored
    value; any other block, and a kept one on a miss, as Wagtail's ``StreamBlock`` does.
    """

    def represent(self, value):
        if value is None:
            return []
        child_blocks = value.stream_block.child_blocks
        stored = value.raw_data
        items = []
        for index in range(len(value)):
            raw = stored[index]
            kept = getattr(child_blocks.get(raw.get("type")), "kept_api_representation", None)
            representation = kept(raw.get("value"), self.context) if kept else None
            if representation is not None:
                items.append({"type": raw["type"], "value": representation, "id": raw.get("id")})
                continue
            child = value[index]
            representation = child.block.get_api_representation(child.value, context=self.context)
            items.append({"type": child.block.name, "value": representation, "id": child.id})
        return items


class SitesSerializer(serializers.Field):
    """The schools (Wagtail sites) a profile serves."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance.schools.all()

    def to_representation(self, value):
        return [
            {"id": site.pk, "name": site.site_name or site.hostname, "root_url": site.root_url}
            for site in value
        ]
